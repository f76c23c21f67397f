//! One file's text to a [`Document`], or the reason it cannot be one. Chooses the reading
//! (front matter, HTML page, Markdown, plain text), applies field fallbacks and cleans the
//! body.

use std::path::Path;

use super::dates::{field_date, FieldDate};
use super::diagnostics::Skip;
use super::document::{bound, Document, TITLE_CHARS};
use super::fields;
use super::frontmatter::{parse, split};
use super::html_text::{collapse_spaces, html_to_text, inline_text};
use super::markdown_text::{first_heading, markdown_to_text};
use super::plain::read_plain;
use super::slug::match_key;
use super::summary::card_summary;

/// The file line of the first line of `block` (which starts at file line `first_line`) that
/// holds `value` as written: where a warning about a field's value points. The parsed tree
/// keeps no positions, and a value spelled the same twice is rare enough in a header.
fn value_line(block: &str, first_line: usize, value: &str) -> Option<usize> {
    block
        .lines()
        .position(|line| line.contains(value))
        .map(|n| first_line + n)
}

/// Reads a document from decoded text. `path` is relative to the content folder and only
/// names the file in diagnostics, except that its extension tells Markdown from plain text
/// when there is no front matter.
pub fn read_document(path: &str, text: &str) -> Result<Document, Skip> {
    let parts = split(text).map_err(|e| Skip::new(path, e.line, e.reason))?;
    let mut doc = Document {
        path: path.to_string(),
        ..Document::default()
    };
    // The body with markup removed; lines repeating the title are dropped below.
    let body_text;
    let mut summary = None;
    match parts.front {
        Some((syntax, block)) => {
            let parsed = parse(syntax, block, parts.front_line)
                .map_err(|e| Skip::new(path, e.line, e.reason))?;
            doc.warnings = parsed.warnings;
            let map = parsed.fields;
            doc.title = fields::title(&map)
                .or_else(|| first_heading(parts.body))
                .ok_or_else(|| Skip::new(path, Some(parts.front_line), "no title"))?;
            body_text = markup_to_text(parts.body);
            summary = fields::summary(&map);
            if let Some(raw) = fields::date_text(&map) {
                let line = value_line(block, parts.front_line, &raw);
                match field_date(&raw) {
                    FieldDate::Date(date) => doc.date = Some(date),
                    FieldDate::Placeholder => doc
                        .warnings
                        .push((line, format!("placeholder date {raw:?} (left undated)"))),
                    FieldDate::Unreadable => doc
                        .warnings
                        .push((line, format!("unreadable date {raw:?} (left undated)"))),
                }
            }
            doc.url = fields::url(&map);
            doc.brand = fields::brand(&map, doc.url.as_deref());
            doc.image = fields::image(&map);
            doc.authors = fields::authors(&map);
            doc.content_type = fields::content_type(&map);
            doc.categories = fields::categories(&map);
            doc.offerings = fields::offerings(&map);
            doc.source_id = fields::source_id(&map);
            let links = [
                doc.url.as_deref(),
                doc.image.as_ref().map(|i| i.src.as_str()),
            ]
            .into_iter()
            .chain(doc.categories.iter().map(|c| c.url.as_deref()))
            .chain(doc.offerings.iter().map(|o| o.url.as_deref()));
            doc.refused_link_lines = links
                .flatten()
                .filter(|link| super::links::is_refused(link))
                .filter_map(|link| {
                    Some((link.to_string(), value_line(block, parts.front_line, link)?))
                })
                .collect();
        }
        None if looks_like_html(text) => {
            doc.title = html_title(text)
                .or_else(|| first_heading(text))
                .ok_or_else(|| Skip::new(path, None, "no title"))?;
            body_text = markup_to_text(text);
        }
        None if is_markdown_file(path) => match leading_heading(text) {
            Some((title, rest)) => {
                doc.title = title;
                body_text = markup_to_text(rest);
            }
            None => {
                // No heading to name it: like plain text, the first line is the title,
                // but read once the Markdown is gone (`**Bold** opening` is `Bold opening`).
                body_text = markup_to_text(text);
                doc.title = body_text
                    .lines()
                    .next()
                    .map(collapse_spaces)
                    .ok_or_else(|| Skip::new(path, None, "no title"))?;
            }
        },
        None => {
            let plain = read_plain(text).ok_or_else(|| Skip::new(path, None, "no title"))?;
            doc.title = plain.title;
            doc.date = plain.date;
            body_text = markup_to_text(&plain.body);
        }
    }
    doc.body = without_title_lines(&body_text, &doc.title);
    doc.summary = card_summary(summary.as_deref(), &doc.body);
    bound_title(&mut doc);
    Ok(doc)
}

/// Cuts a runaway title (a plain-text file whose first line is the whole article): a card
/// shows a line or two of it, and it is stored in the first view as well as the articles.
/// Done last, so lines repeating the full title were still recognised in the body.
fn bound_title(doc: &mut Document) {
    let chars = doc.title.chars().count();
    if chars > TITLE_CHARS {
        doc.title = bound(&doc.title, TITLE_CHARS);
        doc.warnings.push((
            None,
            format!("title of {chars} characters cut to {TITLE_CHARS}"),
        ));
    }
}

/// Markdown by its extension; front-matter-less files with other extensions are plain text.
fn is_markdown_file(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// The heading a Markdown text opens with (`# Title`, or `Title` over a line of `=` or
/// `-`) as clean text, and the text after it; `None` when it opens with anything else.
fn leading_heading(text: &str) -> Option<(String, &str)> {
    let (first, after_first) = split_first_line(text.trim_start());
    let first = first.trim();
    let (heading, rest) = match atx_heading_text(first) {
        Some(heading) => (heading, after_first),
        None => {
            let (second, after_second) = split_first_line(after_first);
            if !is_setext_underline(second.trim()) {
                return None;
            }
            (first, after_second)
        }
    };
    let title = collapse_spaces(&markdown_to_text(&html_to_text(heading)));
    (!title.is_empty()).then_some((title, rest))
}

fn split_first_line(text: &str) -> (&str, &str) {
    text.split_once('\n').unwrap_or((text, ""))
}

/// The text of an ATX heading line (`## Title`, `# Title #`): one to six `#`, then a space
/// or nothing; a closing run of `#` after a space is not part of the text.
fn atx_heading_text(line: &str) -> Option<&str> {
    let marks = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[marks..];
    if !(1..=6).contains(&marks) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let unclosed = rest.trim_end_matches('#');
    if unclosed.is_empty() || unclosed.ends_with([' ', '\t']) {
        Some(unclosed.trim_end())
    } else {
        Some(rest)
    }
}

/// `===` or `---` under a line makes it a heading. One `-` alone is a list bullet.
fn is_setext_underline(line: &str) -> bool {
    let all = |mark: char| line.chars().all(|c| c == mark);
    (!line.is_empty() && all('=')) || (line.len() >= 2 && all('-'))
}

/// HTML and Markdown removed.
fn markup_to_text(raw: &str) -> String {
    markdown_to_text(&html_to_text(raw))
}

/// Lines that only repeat the title dropped.
fn without_title_lines(text: &str, title: &str) -> String {
    let key = match_key(title);
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.lines().filter(|line| !has_key(line, &key)).enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// `match_key(line) == key`, without building the line's key for plain ASCII lines (nearly
/// every body line), where folding is byte-wise lowercasing.
fn has_key(line: &str, key: &str) -> bool {
    if !line.is_ascii() {
        return match_key(line) == key;
    }
    let mut expected = key.bytes();
    let words = line
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty());
    for (n, word) in words.enumerate() {
        if n > 0 && expected.next() != Some(b' ') {
            return false;
        }
        for b in word.bytes() {
            if expected.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
        }
    }
    expected.next().is_none()
}

fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start();
    let lower = head
        .get(..head.len().min(512))
        .unwrap_or(head)
        .to_ascii_lowercase();
    lower.starts_with("<!doctype") || lower.starts_with("<html") || lower.starts_with("<head")
}

/// The `<title>` of an HTML page.
fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = lower[start..].find('>')? + start + 1;
    let end = lower[open_end..].find("</title")? + open_end;
    let title = inline_text(html.get(open_end..end)?);
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_article() {
        let text = "---\ntitle: A &amp; B\ndate: 2020-07-22 8:00:00 -0500\ndescription: >-\n  <p>Short</p>\nid: 7\n---\n<p>A &amp; B</p><p>Body&nbsp;one.</p>";
        let doc = read_document("x.md", text).unwrap();
        assert_eq!(doc.title, "A & B");
        assert_eq!(doc.date.as_deref(), Some("2020-07-22"));
        assert_eq!(doc.summary, "Short");
        assert_eq!(doc.body, "Body one.");
        assert_eq!(doc.source_id.as_deref(), Some("7"));
    }

    #[test]
    fn missing_title_falls_back_to_heading_then_skips() {
        let doc =
            read_document("x.md", "---\ndate: 2020-01-01\n---\n# Heading Title\ntext").unwrap();
        assert_eq!(doc.title, "Heading Title");
        let skip = read_document("y.md", "---\ntitle: null\n---\nno heading here").unwrap_err();
        assert_eq!(skip.reason, "no title");
        assert_eq!(skip.line, Some(2));
    }

    #[test]
    fn summary_from_body_when_absent() {
        let doc =
            read_document("x.md", "+++\ntitle = 'T'\n+++\nFirst line.\nSecond line.\n").unwrap();
        assert_eq!(doc.summary, "First line. Second line.");
    }

    #[test]
    fn a_summary_cut_from_the_body_is_finished_from_it() {
        // A feed's cut, inside a word; the body is HTML, as the seeds' are.
        let text = "---\ntitle: T\ndescription: The pilot is being studied by its p\n---\n\
                    <p>The pilot is being studied by its peers. A group meets monthly.</p>\n";
        let doc = read_document("x.md", text).unwrap();
        assert_eq!(doc.summary, "The pilot is being studied by its peers.");
    }

    #[test]
    fn unreadable_date_is_a_warning_not_a_skip() {
        let doc = read_document("x.md", "---\ntitle: T\ndate: someday\n---\n").unwrap();
        assert_eq!(doc.date, None);
        assert_eq!(doc.warnings.len(), 1);
    }

    #[test]
    fn written_out_front_matter_dates_are_read() {
        for (written, want) in [
            ("August 14, 2021", "2021-08-14"),
            ("'Aug 1st, 2021'", "2021-08-01"),
            ("14 August 2021", "2021-08-14"),
        ] {
            let text = format!("---\ntitle: T\ndate: {written}\n---\nBody.\n");
            let doc = read_document("x.md", &text).unwrap();
            assert_eq!(doc.date.as_deref(), Some(want), "{written}");
            assert!(doc.warnings.is_empty(), "{written}: {:?}", doc.warnings);
        }
    }

    #[test]
    fn placeholder_years_leave_the_article_undated() {
        for zero in ["0001-01-01T00:00:00Z", "0000-01-01"] {
            let text = format!("+++\ntitle = 'T'\ndate = '{zero}'\n+++\nBody.\n");
            let doc = read_document("x.md", &text).unwrap();
            assert_eq!(doc.date, None, "{zero}");
            assert_eq!(doc.warnings.len(), 1, "{zero}");
            assert!(doc.warnings[0].1.starts_with("placeholder date"), "{zero}");
            assert_eq!(doc.warnings[0].0, Some(3), "{zero}: the date's own line");
        }
        let text = "---\ntitle: T\nauthor: A\ndate: next Tuesday\n---\nBody.\n";
        let doc = read_document("x.md", text).unwrap();
        assert_eq!(
            doc.warnings,
            [(
                Some(4),
                "unreadable date \"next Tuesday\" (left undated)".to_string()
            )]
        );
    }

    #[test]
    fn markdown_without_front_matter_is_titled_by_its_heading() {
        let doc = read_document(
            "a/note.md",
            "\n# Remote *care* &amp; you ##\n\nWhy **it** [matters](https://x.example/y).\n",
        )
        .unwrap();
        assert_eq!(doc.title, "Remote care & you");
        assert_eq!(doc.body, "Why it matters.");
        assert_eq!(doc.summary, "Why it matters.");

        let doc = read_document("B.MARKDOWN", "Remote care\n===========\nBody _text_.").unwrap();
        assert_eq!(doc.title, "Remote care");
        assert_eq!(doc.body, "Body text.");
    }

    #[test]
    fn markdown_without_a_leading_heading_is_titled_by_its_first_line() {
        let text = "**Remote care** today\n\nBody.\n\n## Later heading\n";
        let doc = read_document("note.md", text).unwrap();
        assert_eq!(doc.title, "Remote care today");
        assert_eq!(doc.body, "Body.\nLater heading");
        let skip = read_document("empty.md", "```\n```\n").unwrap_err();
        assert_eq!(skip.reason, "no title");
    }

    #[test]
    fn text_files_stay_plain_text() {
        let doc = read_document("note.txt", "# Remote care\nBody.\n").unwrap();
        assert_eq!(doc.title, "# Remote care");
        let doc = read_document("note.md", "Remote care\nJuly 9, 2024\nBody.\n").unwrap();
        assert_eq!(doc.title, "Remote care");
        assert_eq!(doc.date, None);
        assert_eq!(doc.body, "July 9, 2024\nBody.");
    }

    #[test]
    fn a_runaway_title_is_cut_with_a_warning() {
        let first_line = "telehealth ".repeat(2000);
        let text = format!("{first_line}\n\n{first_line}\nBody.\n");
        let doc = read_document("long.txt", &text).unwrap();
        assert!(doc.title.chars().count() <= TITLE_CHARS + 1);
        assert!(doc.title.ends_with("telehealth…"), "{}", doc.title);
        // The repeat under the title is still recognised as the title.
        assert_eq!(doc.body, "Body.");
        assert_eq!(doc.warnings.len(), 1);
        assert!(doc.warnings[0].1.contains("21999 characters"));

        let title = "T".repeat(TITLE_CHARS);
        let doc = read_document("x.md", &format!("---\ntitle: {title}\n---\n")).unwrap();
        assert_eq!(doc.title, title);
        assert!(doc.warnings.is_empty());
    }

    #[test]
    fn title_key_matches_like_match_key() {
        let key = match_key("Telehealth  for-All_now");
        for line in [
            "telehealth for all now",
            "TELEHEALTH - for all now ",
            "telehealth for all",
            "telehealth for all now too",
            "Télé for all",
            "",
        ] {
            assert_eq!(has_key(line, &key), match_key(line) == key, "{line:?}");
        }
        assert!(has_key("", ""));
    }

    #[test]
    fn html_page() {
        let doc = read_document("p.html", "<!DOCTYPE html><html><head><title>Page &amp; Co</title><style>x{}</style></head><body><p>Hello</p></body></html>").unwrap();
        assert_eq!(doc.title, "Page & Co");
        assert_eq!(doc.body, "Hello");
    }

    #[test]
    fn yaml_error_skip_has_file_line() {
        let skip = read_document("bad.md", "---\ntitle: ok\nlist: [a, b\n---\nbody").unwrap_err();
        assert!(skip.reason.starts_with("invalid YAML"));
        assert!(skip.line.unwrap() >= 3);
    }
}
