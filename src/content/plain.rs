//! Plain-text articles (no front matter): the first non-empty line is the title and the rest
//! the body. Some sources repeat the title as the first body lines, and some put a byline
//! under it (`• December 30, 2022`, `• 3 min read`): repeats are dropped, a date found there
//! is kept, and reading-time lines go.

use super::dates::prose_date;
use super::html_text::inline_text;
use super::slug::match_key;

/// A plain-text article split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plain {
    pub title: String,
    pub date: Option<String>,
    /// Body lines as written (markup cleanup happens later).
    pub body: String,
}

/// How many lines under the title may hold a byline.
const BYLINE_LINES: usize = 4;
/// A byline line is short; a longer line with a date in it is prose.
const BYLINE_CHARS: usize = 60;

/// Splits plain text; `None` when it has no non-empty line.
pub fn read_plain(text: &str) -> Option<Plain> {
    let mut lines = text.lines();
    let title = lines.by_ref().map(inline_text).find(|l| !l.is_empty())?;
    let title_key = match_key(&title);
    let mut date = None;
    let mut body = Vec::new();
    let mut seen_content = 0;
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            body.push(line);
            continue;
        }
        let in_byline = seen_content < BYLINE_LINES;
        seen_content += 1;
        if match_key(&inline_text(trimmed)) == title_key {
            continue;
        }
        if in_byline && trimmed.chars().count() <= BYLINE_CHARS {
            if date.is_none() {
                if let Some(found) = prose_date(trimmed) {
                    date = Some(found);
                    continue;
                }
            }
            if is_reading_time(trimmed) {
                continue;
            }
        }
        body.push(line);
    }
    Some(Plain {
        title,
        date,
        body: body.join("\n").trim().to_string(),
    })
}

/// `3 min read`, `• 5 minute read`.
fn is_reading_time(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(words.as_slice(), [n, unit, "read"] if n.parse::<u32>().is_ok() && unit.starts_with("min"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_title_and_repeats_are_dropped() {
        let text = "\n\nBig Title\n\n\nBig Title\n\nbig  title\nFirst paragraph.\nBig Title is mentioned later.\n";
        let plain = read_plain(text).unwrap();
        assert_eq!(plain.title, "Big Title");
        assert_eq!(
            plain.body,
            "First paragraph.\nBig Title is mentioned later."
        );
        assert_eq!(plain.date, None);
    }

    #[test]
    fn byline_date_and_reading_time() {
        let text = "Title here\n\n  • December 30, 2022\n  • 3 min read\n\nBody text from March 3, 2020 stays.\n";
        let plain = read_plain(text).unwrap();
        assert_eq!(plain.date.as_deref(), Some("2022-12-30"));
        assert_eq!(plain.body, "Body text from March 3, 2020 stays.");
    }

    #[test]
    fn a_long_line_with_a_date_is_prose() {
        let long = format!(
            "Title\nOn December 30, 2022 {}\n",
            "we did many things ".repeat(5)
        );
        let plain = read_plain(&long).unwrap();
        assert_eq!(plain.date, None);
        assert!(plain.body.starts_with("On December 30"));
    }

    #[test]
    fn blank_text_has_no_article() {
        assert_eq!(read_plain("\n \n"), None);
    }
}
