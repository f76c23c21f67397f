//! A card's summary: the source's own, finished from the body when the source cut it short,
//! or the body's opening when the source gave none.
//!
//! Feeds and site generators often fill `description` or `summary` with the body's first
//! characters, cut at a count: "… the clinic now books most visits by". About one in six of
//! the real posts in the digitalgov corpus have such a summary. Shown as it is, it reads as a
//! broken sentence; the body holds the rest of it, so the summary is carried on to the end
//! of that sentence.

use super::document::{bound, SUMMARY_CHARS};

/// The summary a card shows, from the source's `summary` (if any) and the document's body.
pub fn card_summary(summary: Option<&str>, body: &str) -> String {
    match summary {
        Some(given) => finished(given, body).unwrap_or_else(|| bound(given, SUMMARY_CHARS)),
        None => bound(&Lead::of(body).text, SUMMARY_CHARS),
    }
}

/// The body's opening lines as one line of single spaces, a little past what a summary can
/// hold, and where each of its lines ended: a summary is never carried across a line end,
/// which is a paragraph's or a heading's.
struct Lead {
    text: String,
    line_ends: Vec<usize>,
}

impl Lead {
    fn of(body: &str) -> Lead {
        let mut lead = Lead {
            text: String::new(),
            line_ends: Vec::new(),
        };
        let mut chars = 0;
        'lines: for line in body.lines() {
            for word in line.split_whitespace() {
                if chars > SUMMARY_CHARS {
                    break 'lines;
                }
                if !lead.text.is_empty() {
                    lead.text.push(' ');
                    chars += 1;
                }
                lead.text.push_str(word);
                chars += word.chars().count();
            }
            lead.line_ends.push(lead.text.len());
        }
        lead
    }
}

/// `given` carried on to the end of its sentence, when it is the start of the body's lead
/// and stops inside a sentence (a word, a number or a comma last). `None` when it is not
/// such a cut: a summary of its own words, one that ends a sentence or a line already.
fn finished(given: &str, body: &str) -> Option<String> {
    // Most summaries end a sentence: they need no lead, which is made only for the others.
    let last = given.trim_end().chars().last()?;
    if !(last.is_alphanumeric() || ",;:".contains(last)) {
        return None;
    }
    let given = given.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = Lead::of(body);
    let cut = given.len();
    if !lead.text.starts_with(given.as_str()) || lead.line_ends.contains(&cut) {
        return None;
    }
    let line_end = lead.line_ends.iter().copied().find(|&end| end > cut);
    let rest = &lead.text[cut..line_end.unwrap_or(lead.text.len())];
    // The sentence ends at its full stop, or with its line.
    match sentence_end(rest).map(|end| cut + end).or(line_end) {
        Some(end) if lead.text[..end].chars().count() <= SUMMARY_CHARS => {
            Some(lead.text[..end].to_string())
        }
        // The sentence runs past what a card holds, or past the lead: cut at a word.
        _ => Some(bound(&lead.text, SUMMARY_CHARS)),
    }
}

/// The byte offset just past the first sentence end in `text`: `.`, `!`, `?` or `…`, with
/// any closing quotes or brackets after it, then a space or the end. `None` when the text
/// holds none.
fn sentence_end(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !".!?…".contains(c) {
            continue;
        }
        while let Some(&(_, close)) = chars.peek() {
            if !"\"'”’)]".contains(close) {
                break;
            }
            chars.next();
        }
        match chars.peek() {
            None => return Some(text.len()),
            Some(&(at, ' ')) => return Some(at),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Wait times fell.\nThe clinic now books most visits by video from \
                        home. Two examples follow.";

    #[test]
    fn a_cut_summary_is_carried_to_the_end_of_its_sentence() {
        let whole = "Wait times fell. The clinic now books most visits by video from home.";
        let comma = "Trials ran in March, \"and they worked,\" she said. More followed.";
        for (given, body, want) in [
            (
                "Wait times fell. The clinic now books most visits by",
                BODY,
                whole,
            ),
            // Cut inside a word, or just after a comma.
            ("Wait times fell. The cli", BODY, whole),
            (
                "Trials ran in March,",
                comma,
                "Trials ran in March, \"and they worked,\" she said.",
            ),
            // Its own line breaks and spacing do not keep it from matching.
            ("Wait  times fell.\n The clinic now", BODY, whole),
            // The body's line end (a paragraph's) ends it, full stop or not.
            (
                "Wait times",
                "Wait times fell in spring\nThe clinic.",
                "Wait times fell in spring",
            ),
        ] {
            assert_eq!(card_summary(Some(given), body), want, "{given:?}");
        }
    }

    #[test]
    fn a_summary_of_its_own_is_kept() {
        // It ends a sentence, it is not the body's start, it is the whole body or its first
        // line, or it is empty.
        for (given, body) in [
            ("Wait times fell.", BODY),
            ("Why video visits stuck", BODY),
            ("The clinic now books most visits by", BODY),
            ("One line", "One line"),
            // A body's heading, which the next paragraph does not carry on.
            (
                "Wait times fell",
                "Wait times fell\nThe clinic books visits by video.",
            ),
            ("", BODY),
        ] {
            assert_eq!(card_summary(Some(given), body), given);
        }
    }

    #[test]
    fn a_sentence_too_long_to_finish_is_bounded_with_an_ellipsis() {
        let body = format!("Start {} end.", "word ".repeat(100));
        let finished = card_summary(Some("Start word"), &body);
        assert!(finished.ends_with("word…"), "{finished}");
        assert!(finished.chars().count() <= SUMMARY_CHARS + 1);
        // A lead with no sentence end at all is bounded the same way.
        let endless = "Start ".to_string() + &"word ".repeat(100);
        assert!(card_summary(Some("Start"), &endless).ends_with('…'));
    }

    #[test]
    fn a_decimal_point_or_abbreviation_inside_a_word_is_no_sentence_end() {
        let body = "Uptake rose 2.5 points in v1.2 of the app. Then it fell.";
        assert_eq!(
            card_summary(Some("Uptake rose 2"), body),
            "Uptake rose 2.5 points in v1.2 of the app."
        );
    }

    #[test]
    fn without_a_summary_the_body_opening_is_used() {
        assert_eq!(
            card_summary(None, "One line.\nTwo lines."),
            "One line. Two lines."
        );
        let long = "word ".repeat(100);
        let opening = card_summary(None, &long);
        assert!(opening.ends_with("word…") && opening.chars().count() <= SUMMARY_CHARS + 1);
    }
}
