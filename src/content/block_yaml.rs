//! A reader for the plain block-style YAML that nearly all front matter is written in:
//! `key: value` mappings, `- item` sequences, quoted and plain scalars on one line, `>`/`|`
//! block scalars and one-line `[a, b]` lists. It reads such a block several times faster
//! than the general YAML parser, because it never builds a token and event stream.
//!
//! It answers only when sure to agree with the general path ([`super::loose_yaml`], then
//! serde_yaml_ng): anything else (anchors, aliases, tags, flow mappings, multi-line plain
//! or quoted scalars, comments after a value, odd keys, repeated keys, unusual indentation,
//! deep nesting) makes it give up with `None`, and the caller reads the block the general
//! way, which keeps every error, warning and repair. Plain scalars that may be numbers are
//! resolved by the general parser itself, one scalar at a time, so number rules cannot drift.

use serde_json::{Map, Value};

/// Deepest nesting of mappings and sequences read here; deeper blocks go the general way
/// (whose own limits then apply), so recursion here stays shallow on any input.
const MAX_DEPTH: usize = 24;

/// Reads a block into the loose tree, or `None` when the general path must decide.
pub fn parse(block: &str) -> Option<Value> {
    // Blocks come from `frontmatter::split`, so they end with a line break; the block
    // scalar rules below rely on it.
    if !block.ends_with('\n') || !plain_characters(block) {
        return None;
    }
    let lines: Vec<Line> = block.split('\n').map(Line::new).collect();
    let mut reader = Reader { lines, at: 0 };
    reader.skip_blank();
    let first = reader.peek()?;
    if first.indent != 0 {
        return None;
    }
    let map = reader.mapping(0, None, 0)?;
    reader.skip_blank();
    // Anything left was not part of the top-level mapping: not ours to judge.
    reader.peek().is_none().then_some(Value::Object(map))
}

/// Whether every character is one the YAML parser reads as itself: no control characters
/// (it refuses them), no carriage return, byte order mark or Unicode line break (it gives
/// them meanings of their own).
fn plain_characters(block: &str) -> bool {
    let bytes = block.as_bytes();
    // Nearly every block is printable ASCII: a count without early exit (which the
    // compiler vectorises) settles those at a fraction of the byte-by-byte cost.
    let unusual = bytes
        .iter()
        .filter(|&&b| !((0x20..0x7f).contains(&b) || b == b'\n'))
        .count();
    if unusual == 0 {
        return true;
    }
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        at += 1;
        match b {
            b'\n' | b'\t' | 0x20..=0x7e => {}
            0xc2 => {
                // U+0080 to U+009F: C1 controls and NEL.
                if bytes.get(at).is_some_and(|&next| next < 0xa0) {
                    return false;
                }
            }
            0xe2 => {
                // U+2028, U+2029: line and paragraph separators.
                if bytes
                    .get(at..at + 2)
                    .is_some_and(|n| n[0] == 0x80 && matches!(n[1], 0xa8 | 0xa9))
                {
                    return false;
                }
            }
            0xef => {
                // U+FEFF (byte order mark), U+FFFE, U+FFFF.
                if bytes.get(at..at + 2).is_some_and(|n| {
                    (n[0] == 0xbb && n[1] == 0xbf) || (n[0] == 0xbf && matches!(n[1], 0xbe | 0xbf))
                }) {
                    return false;
                }
            }
            // Other lead and continuation bytes of valid UTF-8.
            0x80.. => {}
            // Other C0 controls (and CR), DEL.
            _ => return false,
        }
    }
    true
}

/// One line of the block: its indentation in spaces and the text after it.
#[derive(Clone, Copy)]
struct Line<'a> {
    indent: usize,
    text: &'a str,
    raw: &'a str,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Self {
        let text = raw.trim_start_matches(' ');
        Line {
            indent: raw.len() - text.len(),
            text,
            raw,
        }
    }

    /// Empty, only spaces, or a whole-line comment (outside block scalars).
    fn is_blank(&self) -> bool {
        self.text.is_empty() || self.text.starts_with('#')
    }
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    at: usize,
}

impl<'a> Reader<'a> {
    fn skip_blank(&mut self) {
        while self.lines.get(self.at).is_some_and(Line::is_blank) {
            self.at += 1;
        }
    }

    /// The next line that is not blank, without consuming it.
    fn peek(&mut self) -> Option<Line<'a>> {
        self.skip_blank();
        self.lines.get(self.at).copied()
    }

    /// A mapping whose keys sit at `indent`. `first` is the text of a first entry that
    /// shares its line with a sequence dash (`- key: value`).
    fn mapping(
        &mut self,
        indent: usize,
        first: Option<&'a str>,
        depth: usize,
    ) -> Option<Map<String, Value>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut map = Map::new();
        let mut pending = first;
        loop {
            let text = match pending.take() {
                Some(text) => text,
                None => {
                    let Some(line) = self.peek() else { break };
                    if line.indent < indent {
                        break;
                    }
                    if line.indent > indent {
                        return None;
                    }
                    self.at += 1;
                    line.text
                }
            };
            let (key, rest) = split_key(text)?;
            let value = self.value_after_key(indent, rest, depth)?;
            if map.insert(key.to_owned(), value).is_some() {
                // Repeated keys are read last-wins with a warning by the general path.
                return None;
            }
        }
        Some(map)
    }

    /// The value of `key:` whose key sits at `indent`; `rest` is what follows the colon.
    fn value_after_key(&mut self, indent: usize, rest: &'a str, depth: usize) -> Option<Value> {
        let rest = rest.trim_start_matches(' ');
        if !rest.is_empty() {
            if let Some(header) = rest.strip_prefix(['>', '|']) {
                let folded = rest.starts_with('>');
                return self.block_scalar(indent, folded, header).map(Value::String);
            }
            let value = inline_value(rest)?;
            self.expect_no_continuation(indent)?;
            return Some(value);
        }
        // Nothing on the key's line: a nested block below, or null.
        match self.peek() {
            Some(next) if next.indent > indent => {
                if is_dash(next.text) {
                    self.sequence(next.indent, depth + 1).map(Value::Array)
                } else {
                    self.mapping(next.indent, None, depth + 1)
                        .map(Value::Object)
                }
            }
            // A sequence may sit at its key's own indentation (`tags:` then `- a`).
            Some(next) if next.indent == indent && is_dash(next.text) => {
                self.sequence(indent, depth + 1).map(Value::Array)
            }
            _ => Some(Value::Null),
        }
    }

    /// After a one-line value, a more indented line would continue it (a multi-line plain
    /// scalar) or be an error: either way not ours.
    fn expect_no_continuation(&mut self, indent: usize) -> Option<()> {
        match self.peek() {
            Some(next) if next.indent > indent => None,
            _ => Some(()),
        }
    }

    /// A block sequence whose dashes sit at `indent`.
    fn sequence(&mut self, indent: usize, depth: usize) -> Option<Vec<Value>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut items = Vec::new();
        while let Some(line) = self.peek() {
            if line.indent != indent || !is_dash(line.text) {
                if line.indent > indent {
                    return None;
                }
                break;
            }
            self.at += 1;
            let after = &line.text[1..];
            let item = after.trim_start_matches(' ');
            if item.is_empty() || item.starts_with('-') || item.starts_with(['>', '|']) {
                // Nested blocks under a bare dash, sequences in sequences and block
                // scalars as items are rare enough to leave to the general path.
                return None;
            }
            let item_indent = indent + 1 + (after.len() - item.len());
            if split_key(item).is_some() {
                let map = self.mapping(item_indent, Some(item), depth + 1)?;
                items.push(Value::Object(map));
            } else {
                items.push(inline_value(item)?);
                self.expect_no_continuation(indent)?;
            }
        }
        Some(items)
    }

    /// A `>` (folded) or `|` (literal) block scalar under a key at `parent` indentation.
    /// `header` is what follows the indicator: nothing, or `-` (strip the final newline).
    fn block_scalar(&mut self, parent: usize, folded: bool, header: &str) -> Option<String> {
        let strip = match header.trim_end_matches(' ') {
            "" => false,
            "-" => true,
            // Keep (`+`), explicit indentation and comments: the general path.
            _ => return None,
        };
        // The first content line sets the scalar's indentation. Empty lines before it must
        // not reach past it (the general path judges those), and a scalar with no content
        // line is left to the general path too.
        let first = self.lines[self.at..].iter().find(|l| !l.text.is_empty())?;
        if first.indent <= parent {
            return None;
        }
        let indent = first.indent;
        let leading = self.lines[self.at..]
            .iter()
            .take_while(|l| l.text.is_empty());
        if leading.clone().any(|l| l.indent > indent) {
            return None;
        }
        let mut out = String::new();
        // Line breaks seen since the last content line: the break ending it, then empty lines.
        let mut breaks = 0usize;
        let mut previous_blank_start = false;
        let mut started = false;
        while let Some(line) = self.lines.get(self.at).copied() {
            if line.text.is_empty() {
                // Only spaces: an empty line unless it reaches past the indentation (then
                // it is content the general path knows how to fold).
                if line.indent > indent {
                    return None;
                }
                breaks += 1;
                self.at += 1;
                continue;
            }
            if line.indent < indent {
                break;
            }
            // Spaces beyond the scalar's indentation are content.
            let content = &line.raw[indent..];
            let blank_start = content.starts_with([' ', '\t']);
            if started {
                if folded && !previous_blank_start && !blank_start {
                    // A single break between two plain lines folds to a space; each empty
                    // line between them is a newline of its own.
                    if breaks == 1 {
                        out.push(' ');
                    } else {
                        push_newlines(&mut out, breaks - 1);
                    }
                } else {
                    push_newlines(&mut out, breaks);
                }
            } else {
                // Empty lines before the first content line are newlines of their own.
                push_newlines(&mut out, breaks);
            }
            out.push_str(content);
            started = true;
            previous_blank_start = blank_start;
            breaks = 1;
            self.at += 1;
        }
        // The block ends at the end of the text (no final break) or at a less indented line.
        if self.at >= self.lines.len() {
            // `split('\n')` leaves one empty piece after the block's final newline, which
            // counted as an empty line above; it is only the last content line's break.
            breaks = breaks.min(1);
        }
        // The lines after the block: a key of the enclosing mapping or the end; anything
        // more indented than the parent but less than the scalar is an error to judge there.
        if let Some(next) = self.peek() {
            if next.indent > parent {
                return None;
            }
        }
        if !strip && breaks > 0 {
            out.push('\n');
        }
        Some(out)
    }
}

fn push_newlines(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push('\n');
    }
}

/// `-` alone or followed by a space: a sequence entry.
fn is_dash(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// Splits `key: rest` or `key:` for the plain keys front matter uses (a letter or `_`, then
/// letters, digits, `_`, `-` and `.`). Other keys (quoted, numeric, null or boolean words,
/// spaces before the colon) are the general path's.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let end = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
        .unwrap_or(bytes.len());
    let key = &text[..end];
    // The YAML scanner refuses implicit keys past 1024 characters.
    if key.len() > 256 {
        return None;
    }
    let rest = text[end..].strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with(' ')) || is_special_word(key) {
        return None;
    }
    Some((key, rest))
}

/// Words the general parser reads as null or a boolean rather than text.
fn is_special_word(word: &str) -> bool {
    matches!(
        word,
        "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    )
}

/// A value written on one line: quoted, a one-line flow list, or a plain scalar.
fn inline_value(text: &str) -> Option<Value> {
    let text = text.trim_end_matches(' ');
    match text.as_bytes().first()? {
        b'\'' | b'"' => {
            let (value, rest) = quoted(text)?;
            rest.is_empty().then_some(Value::String(value))
        }
        b'[' => flow_list(text),
        _ => plain(text, false),
    }
}

/// A quoted scalar at the start of `text`, and what follows its closing quote. Only the
/// common escapes are read; any other (and any unclosed quote) is the general path's.
fn quoted(text: &str) -> Option<(String, &str)> {
    let quote = text.as_bytes()[0];
    let body = &text[1..];
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '\'' if quote == b'\'' => {
                if body[at + 1..].starts_with('\'') {
                    chars.next();
                    out.push('\'');
                } else {
                    return Some((out, &body[at + 1..]));
                }
            }
            '"' if quote == b'"' => return Some((out, &body[at + 1..])),
            '\\' if quote == b'"' => {
                let (_, escaped) = chars.next()?;
                out.push(match escaped {
                    '\\' => '\\',
                    '"' => '"',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    _ => return None,
                });
            }
            '\t' => return None,
            c => out.push(c),
        }
    }
    None
}

/// A one-line flow list of quoted or plain scalars: `[a, 'b c', 3]`.
fn flow_list(text: &str) -> Option<Value> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    let mut items = Vec::new();
    let mut rest = inner.trim_start_matches(' ');
    if rest.is_empty() {
        return Some(Value::Array(items));
    }
    loop {
        let (item, after) = if rest.starts_with(['\'', '"']) {
            let (value, after) = quoted(rest)?;
            (Value::String(value), after.trim_start_matches(' '))
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            let item = rest[..end].trim_end_matches(' ');
            (plain(item, true)?, &rest[end..])
        };
        items.push(item);
        if after.is_empty() {
            return Some(Value::Array(items));
        }
        rest = after.strip_prefix(',')?.trim_start_matches(' ');
        if rest.is_empty() {
            // A trailing comma: the general path decides.
            return None;
        }
    }
}

/// A plain (unquoted) scalar, resolved as the general parser would. `in_flow` adds the
/// characters a flow list reserves.
fn plain(text: &str, in_flow: bool) -> Option<Value> {
    let first = *text.as_bytes().first()?;
    // Indicators that start something other than a plain scalar (or need care we leave to
    // the general path): anchors, aliases, tags, flow collections, comments, directives.
    if b"&*!{}[]#%@`|>,?:'\"".contains(&first) || (first == b'-' && !plain_dash(text)) {
        return None;
    }
    // A colon before a space or at the end, a comment, a tab: not a one-line plain scalar.
    if text.contains(": ") || text.ends_with(':') || text.contains(" #") || text.contains('\t') {
        return None;
    }
    if in_flow && text.contains(['[', ']', '{', '}', ':', '#']) {
        return None;
    }
    // The general parser's null and boolean words, read as it reads them.
    match text {
        "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    if !may_be_number(text) {
        return Some(Value::String(text.to_owned()));
    }
    // The common number: decimal digits without a leading zero.
    if first != b'0' && text.len() < 20 && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<u64>().ok().map(Value::from);
    }
    resolve(text)
}

/// Whether the general parser might read a plain scalar as a number: decimal digits with
/// signs, points, exponents (and underscores, which it then refuses), `0x`/`0o`/`0b`
/// integers, and `.inf`/`.nan`. Every other text is text (`inf`, `nan` and `infinity`
/// without the dot parse as floats that are not finite, which it refuses too).
fn may_be_number(text: &str) -> bool {
    if text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-' | b'_'))
    {
        return true;
    }
    let unsigned = text.trim_start_matches(['+', '-']);
    let lower = |s: &str| s.to_ascii_lowercase();
    unsigned.starts_with("0x")
        || unsigned.starts_with("0o")
        || unsigned.starts_with("0b")
        || (unsigned.len() == 4 && matches!(lower(unsigned).as_str(), ".inf" | ".nan"))
}

/// A dash that starts a plain scalar (`-5`, `-x`) rather than a sequence entry or marker.
fn plain_dash(text: &str) -> bool {
    text.len() > 1 && !text.starts_with("- ") && !text.starts_with("---")
}

/// Resolves one plain scalar with the general parser, so that numbers, nulls and booleans
/// follow its rules exactly. Anything that does not come back as a scalar is refused.
fn resolve(text: &str) -> Option<Value> {
    if text.starts_with("...") || text.starts_with("---") {
        // Document markers when standing alone.
        return None;
    }
    match super::loose_yaml::fast_parse(text)? {
        Value::Array(_) | Value::Object(_) => None,
        scalar => Some(scalar),
    }
}

#[cfg(test)]
mod tests;
