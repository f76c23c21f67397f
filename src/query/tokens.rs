//! Turning text into search terms: one definition shared by the indexer (which picks an
//! article's telling body words) and the engine (which indexes and matches them).
//!
//! A term is a run of letters and digits, case and diacritics folded (see [`super::fold`]).
//! Apostrophes inside a word are dropped rather than splitting it (`patient's` ->
//! `patients`, `don’t` -> `dont`), so a possessive never leaves a stray `s` term. Runs
//! longer than [`MAX_TERM_CHARS`] are skipped: they are URLs, hashes or base64, never words
//! a person types.

use super::fold::{is_combining_mark, push_folded};

/// Longest term kept, in characters.
pub const MAX_TERM_CHARS: usize = 40;

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Calls `f` with each normalised term of `text`, in order, without allocating per term.
/// Plain lower-case ASCII words (most of any English corpus) are passed as slices of
/// `text`; anything else is folded into a reused buffer.
pub fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut buffer = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii_alphanumeric() {
            let start = i;
            let mut upper = false;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                upper |= bytes[i].is_ascii_uppercase();
                i += 1;
            }
            let ends_here = i == bytes.len() || (bytes[i] < 0x80 && bytes[i] != b'\'');
            if ends_here {
                if i - start <= MAX_TERM_CHARS {
                    if upper {
                        buffer.clear();
                        buffer.push_str(&text[start..i]);
                        buffer.make_ascii_lowercase();
                        f(&buffer);
                    } else {
                        f(&text[start..i]);
                    }
                }
                continue;
            }
            // The word goes on with an apostrophe or a non-ASCII letter.
            i = folded_word(text, start, &mut buffer, &mut f);
        } else if byte < 0x80 {
            i += 1;
        } else {
            i = folded_word(text, i, &mut buffer, &mut f);
        }
    }
}

/// Reads the word starting at byte `start` char by char, folding it into `buffer`, passes
/// it to `f` if it is a term, and returns where it ended (at least one char further on).
fn folded_word(text: &str, start: usize, buffer: &mut String, f: &mut impl FnMut(&str)) -> usize {
    buffer.clear();
    let mut chars = 0usize;
    let mut end = text.len();
    for (at, c) in text[start..].char_indices() {
        if c.is_alphanumeric() {
            push_folded(c, buffer);
            chars += 1;
        } else if (is_apostrophe(c) || is_combining_mark(c)) && !buffer.is_empty() {
            // Part of the word, but not of the term.
        } else {
            // Consume a leading separator so the caller always moves on.
            end = start + if at == 0 { c.len_utf8() } else { at };
            break;
        }
    }
    if !buffer.is_empty() && chars <= MAX_TERM_CHARS {
        f(buffer);
    }
    end
}

/// Splits text into normalised terms: case and diacritics folded, punctuation dropped.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, |t| out.push(t.to_owned()));
    out
}

/// True for words too common to help a search (`the`, `and`, ...). The engine leaves them
/// out of the index; a query's last word is still tried as a prefix (`an` -> `analytics`).
pub fn is_stop_word(term: &str) -> bool {
    matches!(
        term,
        "a" | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "by"
            | "for"
            | "from"
            | "has"
            | "have"
            | "in"
            | "is"
            | "it"
            | "its"
            | "of"
            | "on"
            | "or"
            | "that"
            | "the"
            | "this"
            | "to"
            | "was"
            | "were"
            | "will"
            | "with"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_folds_and_drops_punctuation() {
        assert_eq!(
            tokenize("Télé-Health: the  FUTURE, 2023!"),
            ["tele", "health", "the", "future", "2023"]
        );
    }

    #[test]
    fn apostrophes_join_the_word() {
        assert_eq!(tokenize("patient's data"), ["patients", "data"]);
        assert_eq!(tokenize("don’t 'quote'"), ["dont", "quote"]);
    }

    #[test]
    fn sharp_s_and_decomposed_marks() {
        assert_eq!(tokenize("Straße"), ["strasse"]);
        assert_eq!(tokenize("re\u{301}sume\u{301}"), ["resume"]);
    }

    #[test]
    fn skips_overlong_runs() {
        let long = "x".repeat(MAX_TERM_CHARS + 1);
        assert_eq!(tokenize(&format!("a {long} b")), ["a", "b"]);
        let ok = "y".repeat(MAX_TERM_CHARS);
        assert_eq!(tokenize(&ok), vec![ok]);
    }

    #[test]
    fn mixed_scripts_and_case_split_the_same_way() {
        assert_eq!(
            tokenize("ÉCOLE école Ecole São-Paulo x’y ‘quoted’ «guillemets»"),
            [
                "ecole",
                "ecole",
                "ecole",
                "sao",
                "paulo",
                "xy",
                "quoted",
                "guillemets"
            ]
        );
        assert_eq!(
            tokenize("MRI-guided, COVID19; e-Health"),
            ["mri", "guided", "covid19", "e", "health"]
        );
        assert_eq!(tokenize("ΔΟΚΙΜΗ, テスト"), ["δοκιμη", "テスト"]);
    }

    #[test]
    fn stop_words() {
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("telehealth"));
    }
}
