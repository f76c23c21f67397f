//! Front matter: a YAML block fenced by `---`, a TOML block fenced by `+++`, or a JSON object
//! at the top of a file. All are parsed into one loose value tree (`serde_json::Value`) so field
//! extraction does not care which syntax an editor used. Parse errors carry the line in the
//! file, not in the block.

use serde_json::{Map, Value};

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Yaml,
    Toml,
    /// Hugo's third form: a JSON object at the top of the file, with no fence.
    Json,
}

/// A file split into its front matter (if any) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub front: Option<(Syntax, &'a str)>,
    /// 1-based file line of the block's first content line.
    pub front_line: usize,
    pub body: &'a str,
    /// 1-based file line where the body starts.
    pub body_line: usize,
}

/// A front matter problem: the file line and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub line: Option<usize>,
    pub reason: String,
}

/// Splits text (LF line ends) into front matter and body. A file whose first line is not a
/// fence has no front matter. An opening fence without a closing one is an error: guessing
/// where it ends would index half a header as prose.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterError> {
    // Blank lines before the opening fence are a common slip; the fence still counts.
    let mut skipped_lines = 0;
    let mut fence_at = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        skipped_lines += 1;
        fence_at += line.len();
    }
    let whole = text;
    let text = &text[fence_at..];
    if text.starts_with('{') {
        return split_json(whole, fence_at, skipped_lines);
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    let syntax = match text[..first_end].trim_end() {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => {
            return Ok(Split {
                front: None,
                front_line: 1,
                body: whole,
                body_line: 1,
            })
        }
    };
    let fence = if syntax == Syntax::Yaml { "---" } else { "+++" };
    let start = (first_end + 1).min(text.len());
    let mut offset = start;
    for (line_no, line) in (skipped_lines + 2..).zip(text[start..].split_inclusive('\n')) {
        let bare = line.trim_end();
        // YAML also allows `...` as the document end marker.
        if bare == fence || (syntax == Syntax::Yaml && bare == "...") {
            let body_start = offset + line.len();
            return Ok(Split {
                front: Some((syntax, &text[start..offset])),
                front_line: skipped_lines + 2,
                body: &text[body_start.min(text.len())..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError {
        line: Some(skipped_lines + 1),
        reason: format!("unterminated front matter (`{fence}` opened here is never closed)"),
    })
}

/// A file that opens with `{`: its first JSON value is the front matter and the rest is the
/// body. Where that value ends is the JSON reader's to say (braces inside strings do not
/// count), so a broken object is an error at its line rather than a guess.
fn split_json(
    whole: &str,
    start: usize,
    skipped_lines: usize,
) -> Result<Split<'_>, FrontMatterError> {
    let text = &whole[start..];
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde::de::IgnoredAny>();
    if let Some(Err(error)) = values.next() {
        return Err(FrontMatterError {
            line: Some(skipped_lines + error.line()),
            reason: format!(
                "invalid JSON front matter: {}",
                strip_location(&error.to_string())
            ),
        });
    }
    let end = values.byte_offset();
    // The body starts on the line after the object's closing brace.
    let rest = &text[end..];
    let body_start = rest.find('\n').map_or(text.len(), |n| end + n + 1);
    Ok(Split {
        front: Some((Syntax::Json, &text[..end])),
        front_line: skipped_lines + 1,
        body: &text[body_start..],
        body_line: skipped_lines + 1 + text[..body_start].matches('\n').count(),
    })
}

/// A parsed block: its fields, and repairs made to read it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parsed {
    pub fields: Map<String, Value>,
    /// (file line if known, message).
    pub warnings: Vec<(Option<usize>, String)>,
}

/// Parses a block into a map. An empty block is an empty map; a block whose top level is
/// not a mapping is an error.
pub fn parse(syntax: Syntax, block: &str, first_line: usize) -> Result<Parsed, FrontMatterError> {
    let mut warnings = Vec::new();
    let value = match syntax {
        Syntax::Yaml => parse_yaml(block, first_line, &mut warnings)?,
        Syntax::Toml => parse_toml(block, first_line, &mut warnings)?,
        // split_json has read it once already: it is one well-formed JSON value.
        Syntax::Json => serde_json::from_str(block).map_err(|error| FrontMatterError {
            line: Some(first_line + error.line() - 1),
            reason: format!(
                "invalid JSON front matter: {}",
                strip_location(&error.to_string())
            ),
        })?,
    };
    let fields = match value {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        _ => {
            return Err(FrontMatterError {
                line: Some(first_line),
                reason: "front matter is not a mapping of fields".into(),
            })
        }
    };
    Ok(Parsed { fields, warnings })
}

fn parse_yaml(
    block: &str,
    first_line: usize,
    warnings: &mut Vec<(Option<usize>, String)>,
) -> Result<Value, FrontMatterError> {
    if block.trim().is_empty() {
        return Ok(Value::Null);
    }
    check_flow_depth(block, first_line)?;
    // Cheapest first: the common block shapes, then typed deserialisation, then the tree.
    if let Some(value) = super::block_yaml::parse(block) {
        return Ok(value);
    }
    check_dash_depth(block, first_line)?;
    // Both readers below expand every alias in full; a block whose aliases would build far
    // more than it holds is refused before either builds anything.
    if super::yaml_aliases::expands_too_far(block) {
        return Err(FrontMatterError {
            line: first_alias_line(block).map(|n| n + first_line - 1),
            reason: format!(
                "invalid YAML: its aliases expand it past {} kB (an alias bomb?)",
                super::yaml_aliases::allowance_kb(block)
            ),
        });
    }
    if let Some(value) = super::loose_yaml::fast_parse(block) {
        return Ok(value);
    }
    // serde_yaml_ng bounds recursion depth and refuses nested alias bombs itself.
    let error = match serde_yaml_ng::from_str::<serde_yaml_ng::Value>(block) {
        Ok(value) => return Ok(yaml_to_loose(value)),
        Err(error) => error,
    };
    let line = error.location().map(|loc| loc.line() + first_line - 1);
    let message = strip_location(&error.to_string());
    // A key written twice is common in hand-edited headers (and accepted by site
    // generators): read it with the last value winning, and say so, rather than lose the
    // article. The same parser limits apply.
    if message.contains("duplicate entry") {
        if let Ok(value) = serde_yaml_ng::from_str::<Value>(block) {
            // The parser names the mapping's line; the person wants the repeated key's.
            let line =
                duplicate_key_line(block, &message).map_or(line, |n| Some(n + first_line - 1));
            warnings.push((line, format!("YAML {message} (the last value was kept)")));
            return Ok(value);
        }
    }
    Err(FrontMatterError {
        line,
        reason: format!("invalid YAML: {message}"),
    })
}

/// The 1-based block line where the key named in a "duplicate entry with key \"K\"" message is
/// written the second time, if it can be found (a key written as a plain or quoted scalar).
fn duplicate_key_line(block: &str, message: &str) -> Option<usize> {
    let key = message.split_once("with key \"")?.1.strip_suffix('"')?;
    let spellings = [
        format!("{key}:"),
        format!("\"{key}\":"),
        format!("'{key}':"),
    ];
    block
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start().trim_start_matches("- ");
            spellings.iter().any(|s| line.starts_with(s.as_str()))
        })
        .nth(1)
        .map(|(n, _)| n + 1)
}

/// The 1-based block line of the first alias (`*name` where a value starts), if any.
fn first_alias_line(block: &str) -> Option<usize> {
    block
        .lines()
        .position(|line| {
            let bytes = line.as_bytes();
            (0..bytes.len()).any(|i| {
                bytes[i] == b'*'
                    && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'[' | b'{' | b','))
                    && bytes.get(i + 1).is_some_and(|b| !b.is_ascii_whitespace())
            })
        })
        .map(|n| n + 1)
}

/// Deepest `[`/`{` nesting allowed in YAML. The YAML scanner takes quadratic time on deep
/// flow nesting (100,000 brackets: about 90 s) before the deserialiser's own depth limit
/// applies, so we refuse such input first. Real front matter nests a few levels.
const MAX_FLOW_DEPTH: usize = 64;

/// Refuses YAML whose flow collections nest deeper than [`MAX_FLOW_DEPTH`]. Brackets in
/// quoted strings are counted too: harmless, as no real header has 64 of them open.
fn check_flow_depth(block: &str, first_line: usize) -> Result<(), FrontMatterError> {
    // Too few openers to nest that deep (the common case, counted in a vectorised pass).
    let openers = block.bytes().filter(|&b| b == b'[' || b == b'{').count();
    if openers <= MAX_FLOW_DEPTH {
        return Ok(());
    }
    let mut depth = 0usize;
    let mut line = first_line;
    for b in block.bytes() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(FrontMatterError {
                        line: Some(line),
                        reason: format!("invalid YAML: nested deeper than {MAX_FLOW_DEPTH} levels"),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => line += 1,
            _ => {}
        }
    }
    Ok(())
}

/// Refuses a line that opens more than [`MAX_FLOW_DEPTH`] block sequences at once
/// (`- - - ...`). The parser refuses those too, but only after scanning the whole line,
/// twice over on the way to its error (about 3 s in a debug build for a 2 MB line); real
/// front matter opens one or two. Only blocks the block reader declined get here.
fn check_dash_depth(block: &str, first_line: usize) -> Result<(), FrontMatterError> {
    for (n, line) in block.lines().enumerate() {
        let mut rest = line.trim_start_matches(' ');
        let mut depth = 0usize;
        while let Some(after) = rest.strip_prefix('-') {
            if !(after.is_empty() || after.starts_with(' ')) {
                break;
            }
            depth += 1;
            if depth > MAX_FLOW_DEPTH {
                return Err(FrontMatterError {
                    line: Some(first_line + n),
                    reason: format!("invalid YAML: nested deeper than {MAX_FLOW_DEPTH} levels"),
                });
            }
            rest = after.trim_start_matches(' ');
        }
    }
    Ok(())
}

/// Impossible dates (`2023-02-30`) read as text, at most this many per block: a bad date
/// costs a TOML article its date, as it does a YAML one, not the whole article.
const MAX_DATE_REPAIRS: usize = 16;

fn parse_toml(
    block: &str,
    first_line: usize,
    warnings: &mut Vec<(Option<usize>, String)>,
) -> Result<Value, FrontMatterError> {
    let line_of =
        |text: &str, at: usize| text[..at.min(text.len())].matches('\n').count() + first_line;
    let mut repaired = std::borrow::Cow::Borrowed(block);
    for _ in 0..=MAX_DATE_REPAIRS {
        let err = match toml::from_str::<toml::Table>(&repaired) {
            Ok(table) => return Ok(toml_to_loose(toml::Value::Table(table))),
            Err(err) => err,
        };
        let span = err.span();
        if err.message().contains("date-time") {
            if let Some((quoted, token)) = span
                .clone()
                .and_then(|at| quote_bad_datetime(&repaired, at.start))
            {
                let line = span.map(|at| line_of(&repaired, at.start));
                warnings.push((
                    line,
                    format!("TOML value `{token}` is not a real date or time (read as text)"),
                ));
                repaired = std::borrow::Cow::Owned(quoted);
                continue;
            }
        }
        return Err(FrontMatterError {
            line: span.map(|at| line_of(&repaired, at.start)),
            // The message may span lines; a skip reason is one line.
            reason: format!(
                "invalid TOML: {}",
                err.message()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        });
    }
    Err(FrontMatterError {
        line: Some(first_line),
        reason: format!("invalid TOML: more than {MAX_DATE_REPAIRS} impossible dates"),
    })
}

/// `block` with the bare date-time value around byte `at` put in quotes, and that value; `None`
/// when the text there is not a bare date-time (then the error stands as it is).
fn quote_bad_datetime(block: &str, at: usize) -> Option<(String, String)> {
    let line_start = block[..at].rfind('\n').map_or(0, |n| n + 1);
    let line_end = block[at..].find('\n').map_or(block.len(), |n| at + n);
    // The value runs from the `=`, `[` or `,` before it to the next `,`, `]`, `}` or `#`.
    let start = block[line_start..at]
        .rfind(['=', '[', ','])
        .map(|n| line_start + n + 1)?;
    let end = block[at..line_end]
        .find([',', ']', '}', '#'])
        .map_or(line_end, |n| at + n);
    let raw = &block[start..end];
    let token = raw.trim();
    let is_datetime = token.starts_with(|c: char| c.is_ascii_digit())
        && token.contains(['-', ':'])
        && token
            .chars()
            .all(|c| c.is_ascii_digit() || "-:.+TtZz ".contains(c));
    if !is_datetime {
        return None;
    }
    let token_start = start + (raw.len() - raw.trim_start().len());
    let quoted = format!(
        "{}\"{token}\"{}",
        &block[..token_start],
        &block[token_start + token.len()..]
    );
    Some((quoted, token.to_string()))
}

/// The YAML error text ends with "at line L column C" in block terms; we report our own line.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// YAML to the loose tree. Keys that are not strings (numbers, booleans) become their text;
/// tags are dropped and their value kept.
pub(super) fn yaml_to_loose(value: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_loose).collect()),
        Y::Mapping(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                let key = match key {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    _ => continue,
                };
                out.insert(key, yaml_to_loose(value));
            }
            Value::Object(out)
        }
        Y::Tagged(tagged) => yaml_to_loose(tagged.value),
    }
}

/// TOML to the loose tree; datetimes become their RFC 3339 text, as YAML gives them.
fn toml_to_loose(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_loose).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_loose(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn splits_yaml_and_toml_and_plain() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!(s.front, Some((Syntax::Yaml, "title: a\n")));
        assert_eq!((s.body, s.body_line), ("body\n", 4));
        let s = split("+++\ntitle = 'a'\n+++\nbody").unwrap();
        assert_eq!(s.front, Some((Syntax::Toml, "title = 'a'\n")));
        assert_eq!(s.body, "body");
        let s = split("Just a title\n\nbody").unwrap();
        assert_eq!(s.front, None);
        let s = split("\n  \n---\ntitle: a\n---\nbody").unwrap();
        assert_eq!((s.front_line, s.body, s.body_line), (4, "body", 6));
        // A fence at end of file with no body.
        assert_eq!(split("---\ntitle: a\n---").unwrap().body, "");
    }

    #[test]
    fn unterminated_front_matter_is_an_error_at_line_one() {
        let err = split("---\ntitle: a\nbody").unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(err.reason.contains("unterminated"));
    }

    #[test]
    fn yaml_error_line_is_a_file_line() {
        let text = "---\ntitle: ok\nbad: [unclosed\nmore: x\n---\n";
        let s = split(text).unwrap();
        let (syntax, block) = s.front.unwrap();
        let err = parse(syntax, block, s.front_line).unwrap_err();
        assert!(err.reason.starts_with("invalid YAML"), "{}", err.reason);
        let line = err.line.unwrap();
        assert!((3..=5).contains(&line), "line {line}");
    }

    #[test]
    fn toml_error_line_is_a_file_line() {
        let err = parse(Syntax::Toml, "title = 'a'\nbroken = \n", 2).unwrap_err();
        assert!(err.reason.starts_with("invalid TOML"));
        assert_eq!(err.line, Some(3));
    }

    #[test]
    fn impossible_toml_dates_cost_the_date_not_the_article() {
        let block = "title = \"bad\"\ndate = 2023-02-30\nupdated = 2021-13-01T10:00:00Z # typo\nfine = 2020-01-01\n";
        let parsed = parse(Syntax::Toml, block, 2).unwrap();
        assert_eq!(parsed.fields["title"], "bad");
        assert_eq!(parsed.fields["date"], "2023-02-30");
        assert_eq!(parsed.fields["updated"], "2021-13-01T10:00:00Z");
        assert_eq!(parsed.fields["fine"], "2020-01-01");
        let lines: Vec<_> = parsed.warnings.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [Some(3), Some(4)]);
        assert!(
            parsed.warnings[0].1.contains("`2023-02-30`"),
            "{:?}",
            parsed.warnings
        );
        // Other TOML errors still refuse the block, at their line.
        let error = parse(Syntax::Toml, "title = \"x\"\ntitle = \"y\"\n", 2).unwrap_err();
        assert_eq!(error.line, Some(3));
    }

    #[test]
    fn json_front_matter_is_read_up_to_its_closing_brace() {
        let text =
            "{\n  \"title\": \"A {braced} title\",\n  \"tags\": [\"a\"]\n}\nBody {not json}\n";
        let s = split(text).unwrap();
        let (syntax, block) = s.front.unwrap();
        assert_eq!(syntax, Syntax::Json);
        assert_eq!(s.body, "Body {not json}\n");
        assert_eq!(s.body_line, 5);
        let parsed = parse(syntax, block, s.front_line).unwrap();
        assert_eq!(parsed.fields["title"], "A {braced} title");
        let broken = split("{\n  \"title\": \"x\",\n  oops\n}\nbody\n").unwrap_err();
        assert_eq!(broken.line, Some(3));
        assert!(
            broken.reason.starts_with("invalid JSON front matter"),
            "{}",
            broken.reason
        );
        let array = split("{\"a\": 1}").unwrap();
        assert_eq!(array.body, "");
    }

    #[test]
    fn toml_dates_become_text() {
        let map = parse(Syntax::Toml, "date = 2020-07-22T08:00:00-05:00\n", 2)
            .unwrap()
            .fields;
        assert_eq!(map["date"], "2020-07-22T08:00:00-05:00");
    }

    #[test]
    fn yaml_folded_literal_and_odd_keys() {
        let map = parse(
            Syntax::Yaml,
            "a: >-\n  one\n  two\nb: |\n  x\n  y\n1: int key\nid: 42\n",
            2,
        )
        .unwrap()
        .fields;
        assert_eq!(map["a"], "one two");
        assert_eq!(map["b"], "x\ny\n");
        assert_eq!(map["1"], "int key");
        assert_eq!(map["id"], 42);
    }

    #[test]
    fn scalar_front_matter_is_refused_and_empty_is_fine() {
        assert!(parse(Syntax::Yaml, "just text\n", 2).is_err());
        assert!(parse(Syntax::Yaml, "\n", 2).unwrap().fields.is_empty());
    }

    #[test]
    fn duplicate_keys_keep_the_last_value_with_a_warning() {
        let parsed = parse(Syntax::Yaml, "title: T\nexpiry: 1\nexpiry: 2\n", 2).unwrap();
        assert_eq!(parsed.fields["expiry"], 2);
        assert_eq!(parsed.warnings.len(), 1);
        assert!(
            parsed.warnings[0].1.contains("expiry"),
            "{:?}",
            parsed.warnings
        );
        // The warning names the line of the repeated key, not of its mapping.
        let block = "title: Dup\na: 1\nb: 2\nlink:\n  href: /a\n  brand: B\n  \"href\": /b\n";
        let parsed = parse(Syntax::Yaml, block, 2).unwrap();
        assert_eq!(parsed.warnings[0].0, Some(8), "{:?}", parsed.warnings);
    }

    #[test]
    fn billion_laughs_is_rejected_quickly() {
        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
        let mut prev = "a";
        for name in names {
            let refs = vec![format!("*{prev}"); 9].join(",");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
            prev = name;
        }
        let started = Instant::now();
        let result = parse(Syntax::Yaml, &bomb, 2);
        assert!(result.is_err(), "an alias bomb must be refused");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_flat_alias_fan_out_is_refused_at_its_first_alias() {
        // One 100 kB anchor named 20,000 times: 2 GB to build, from a 240 kB header.
        let big = "x".repeat(100_000);
        let block = format!(
            "title: Fan\nbig: &b \"{big}\"\nl:\n{}",
            "  - *b\n".repeat(20_000)
        );
        let error = parse(Syntax::Yaml, &block, 2).unwrap_err();
        assert_eq!(error.line, Some(5), "the first alias, in file lines");
        assert!(
            error.reason.contains("aliases expand it past"),
            "{}",
            error.reason
        );
    }

    #[test]
    fn a_shared_author_and_a_merge_key_still_read() {
        let block = "who: &ann {name: Ann}\nauthor: *ann\ndefaults: &d {brand: B}\nlink:\n  <<: *d\n  href: /x\n";
        let parsed = parse(Syntax::Yaml, block, 2).unwrap();
        assert_eq!(parsed.fields["author"]["name"], "Ann");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let started = Instant::now();
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(Syntax::Yaml, &deep, 2).is_err());
        let deep = format!("a:\n{}x\n", "- ".repeat(1_000_000));
        let err = parse(Syntax::Yaml, &deep, 2).unwrap_err();
        assert_eq!(err.line, Some(3));
        // Nesting the parser accepts is still read by it.
        let nested = format!("a:\n{}x\n", "- ".repeat(20));
        let fields = parse(Syntax::Yaml, &nested, 2).unwrap().fields;
        assert!(fields["a"][0][0].is_array());
        assert!(started.elapsed() < Duration::from_secs(5));
        let deep_toml = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(Syntax::Toml, &deep_toml, 2).is_err());
    }
}
