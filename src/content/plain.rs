//! Plain-text articles (no front matter): the first non-empty line is the title and the rest
//! the body. Some sources repeat the title as the first body lines, and some put a byline
//! under it (`• December 30, 2022`, `• 3 min read`): repeats are dropped, a byline's date is
//! kept, and byline and reading-time lines go. A line counts as a byline only when it is
//! a date with the trimmings bylines carry (a label, a weekday, an author, a reading time);
//! a sentence that mentions a date is body text.

use super::dates::{date_words, dated_phrase};
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
/// A byline line is short: the long ones we read (`Posted on Wednesday, September 27th,
/// 2023 at 10:30 AM EST`) fit, and longer lines are body text without looking closer.
const BYLINE_CHARS: usize = 80;
/// The most words an author part of a byline has (`By Ann Lee and Bo Park`).
const AUTHOR_WORDS: usize = 8;

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
            // A second dated byline (`Updated ...`) goes too; the first date stays.
            if let Some(found) = byline_date(trimmed) {
                date.get_or_insert(found);
                continue;
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

/// The date a byline line gives, when the line is a byline: its parts (split at `|`, `·`,
/// `•`, dashes) are each a date with an optional label (`Published on Monday, March 6th,
/// 2023`, `By Ann Lee on 6 March 2023`), an author (`Ann Lee`, `By Ann Lee`) or a reading
/// time, and at least one part is a date. Anything else in the line makes it prose.
fn byline_date(line: &str) -> Option<String> {
    let mut date = None;
    for part in line
        .split(['|', '·', '•', '–', '—'])
        .flat_map(|part| part.split(" - "))
    {
        let words = date_words(part);
        if words.is_empty() {
            continue;
        }
        if let Some(found) = labelled_date(&words) {
            date.get_or_insert(found);
        } else if !(is_author(&words) || is_reading_time(part)) {
            return None;
        }
    }
    date
}

/// A date, maybe after an author and labels: `Updated: March 6, 2023`,
/// `By Ann Lee on March 6, 2023`.
fn labelled_date(words: &[&str]) -> Option<String> {
    match words.split_first() {
        Some((by, names)) if by.eq_ignore_ascii_case("by") => {
            // Month names are capitalised too, so try each place the name may end.
            let name_words = names.iter().take_while(|w| is_name_word(w)).count();
            (1..=name_words).find_map(|n| label_then_date(&names[n..]))
        }
        _ => label_then_date(words),
    }
}

fn label_then_date(words: &[&str]) -> Option<String> {
    let labels = words.iter().take_while(|w| is_date_label(w)).count();
    dated_phrase(&words[labels..])
}

/// The words bylines put before a date.
fn is_date_label(word: &str) -> bool {
    const LABELS: [&str; 10] = [
        "published",
        "updated",
        "posted",
        "modified",
        "released",
        "dated",
        "originally",
        "first",
        "last",
        "on",
    ];
    let word = word.trim_end_matches(':');
    LABELS.iter().any(|label| word.eq_ignore_ascii_case(label))
}

/// An author's part of a byline: `Ann Lee`, `By Dr. Ann Lee-Park & Bo O'Neil`: a few
/// capitalised words, so a sentence (`Providers must register`) is not one.
fn is_author(words: &[&str]) -> bool {
    let names = match words.split_first() {
        Some((by, names)) if by.eq_ignore_ascii_case("by") => names,
        _ => words,
    };
    (1..=AUTHOR_WORDS).contains(&names.len())
        && names
            .iter()
            .all(|w| is_name_word(w) || *w == "and" || *w == "&")
}

/// `Ann`, `Lee-Park`, `O'Neil`, `J.`.
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
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
    fn a_sentence_that_mentions_a_date_is_not_a_byline() {
        for second in [
            "Starting June 2, 2025 for every clinic",
            "Clinics saw 14 june 2021 visitors",
            "By July 4, 2026 each state must report",
            "Registration closes 1 April 2025",
            "June 2, 2025 - every clinic must report",
        ] {
            let text = format!("Clinic rules\n{second}\nThe rest of the story.\n");
            let plain = read_plain(&text).unwrap();
            assert_eq!(plain.date, None, "{second}");
            assert!(plain.body.starts_with(second), "{second}");
        }
    }

    #[test]
    fn bylines_with_their_trimmings_give_the_date() {
        for (byline, want) in [
            ("June 2nd, 2025", "2025-06-02"),
            ("21st of June 2025", "2025-06-21"),
            ("Published: 2025-06-02", "2025-06-02"),
            ("Posted on Monday, June 2, 2025", "2025-06-02"),
            ("Rosa Diaz | June 2, 2025", "2025-06-02"),
            ("By Rosa Diaz on Jun. 2, 2025", "2025-06-02"),
            (
                "By Rosa Diaz and Tom O'Hara · 2 June 2025 · 4 min read",
                "2025-06-02",
            ),
            ("Updated Tue 3 June 2025 at 9:15 a.m. ET", "2025-06-03"),
            ("  • June 2, 2025 - 6 minute read", "2025-06-02"),
        ] {
            let text = format!("Clinic rules\n\n{byline}\n\nThe rest of the story.\n");
            let plain = read_plain(&text).unwrap();
            assert_eq!(plain.date.as_deref(), Some(want), "{byline}");
            assert_eq!(plain.body, "The rest of the story.", "{byline}");
        }
    }

    #[test]
    fn a_second_dated_byline_goes_and_the_first_date_stays() {
        let text = "Clinic rules\nPublished June 2, 2025\nUpdated June 9, 2025\nBody.\n";
        let plain = read_plain(text).unwrap();
        assert_eq!(plain.date.as_deref(), Some("2025-06-02"));
        assert_eq!(plain.body, "Body.");
    }

    #[test]
    fn an_author_alone_stays_in_the_body() {
        let plain = read_plain("Clinic rules\nBy Rosa Diaz\nBody.\n").unwrap();
        assert_eq!(plain.date, None);
        assert_eq!(plain.body, "By Rosa Diaz\nBody.");
    }

    #[test]
    fn blank_text_has_no_article() {
        assert_eq!(read_plain("\n \n"), None);
    }
}
