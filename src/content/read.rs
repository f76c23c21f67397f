//! One file's text to a [`Document`], or the reason it cannot be one. Chooses the reading
//! (front matter, HTML page, plain text), applies field fallbacks and cleans the body.

use super::dates::iso_date;
use super::diagnostics::Skip;
use super::document::{bound, Document, SUMMARY_CHARS};
use super::fields;
use super::frontmatter::{parse, split};
use super::html_text::{html_to_text, inline_text};
use super::markdown_text::{first_heading, markdown_to_text};
use super::plain::read_plain;
use super::slug::match_key;

/// Reads a document from decoded text. `path` is relative to the content folder and only
/// names the file in diagnostics.
pub fn read_document(path: &str, text: &str) -> Result<Document, Skip> {
    let parts = split(text).map_err(|e| Skip::new(path, e.line, e.reason))?;
    let mut doc = Document {
        path: path.to_string(),
        ..Document::default()
    };
    let raw_body;
    let mut summary = None;
    match parts.front {
        Some((syntax, block)) => {
            let parsed = parse(syntax, block, parts.front_line)
                .map_err(|e| Skip::new(path, e.line, e.reason))?;
            doc.warnings = parsed.warnings;
            let map = parsed.fields;
            raw_body = parts.body;
            doc.title = fields::title(&map)
                .or_else(|| first_heading(raw_body))
                .ok_or_else(|| Skip::new(path, Some(parts.front_line), "no title"))?;
            summary = fields::summary(&map);
            if let Some(raw) = fields::date_text(&map) {
                doc.date = iso_date(&raw);
                if doc.date.is_none() {
                    doc.warnings
                        .push((None, format!("unreadable date {raw:?} (left undated)")));
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
        }
        None if looks_like_html(text) => {
            raw_body = text;
            doc.title = html_title(text)
                .or_else(|| first_heading(text))
                .ok_or_else(|| Skip::new(path, None, "no title"))?;
        }
        None => {
            let plain = read_plain(text).ok_or_else(|| Skip::new(path, None, "no title"))?;
            doc.title = plain.title;
            doc.date = plain.date;
            doc.body = clean_body(&plain.body, &doc.title);
            doc.summary = body_summary(&doc.body);
            return Ok(doc);
        }
    }
    doc.body = clean_body(raw_body, &doc.title);
    doc.summary = match summary {
        Some(s) => bound(&s, SUMMARY_CHARS),
        None => body_summary(&doc.body),
    };
    Ok(doc)
}

/// HTML and Markdown removed, and lines that only repeat the title dropped.
fn clean_body(raw: &str, title: &str) -> String {
    let key = match_key(title);
    let text = markdown_to_text(&html_to_text(raw));
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

/// A summary from the body's opening lines when the source gave none.
fn body_summary(body: &str) -> String {
    let mut text = String::new();
    for line in body.lines() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
        if text.chars().count() > SUMMARY_CHARS {
            break;
        }
    }
    bound(&text, SUMMARY_CHARS)
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
    fn unreadable_date_is_a_warning_not_a_skip() {
        let doc = read_document("x.md", "---\ntitle: T\ndate: someday\n---\n").unwrap();
        assert_eq!(doc.date, None);
        assert_eq!(doc.warnings.len(), 1);
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
