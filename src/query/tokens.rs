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
pub fn for_each_term(text: &str, mut f: impl FnMut(&str)) {
    let mut term = String::new();
    let mut chars = 0usize;
    let mut flush = |term: &mut String, chars: &mut usize| {
        if !term.is_empty() && *chars <= MAX_TERM_CHARS {
            f(term);
        }
        term.clear();
        *chars = 0;
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            push_folded(c, &mut term);
            chars += 1;
        } else if (is_apostrophe(c) || is_combining_mark(c)) && !term.is_empty() {
            // Part of the word, but not of the term.
        } else {
            flush(&mut term, &mut chars);
        }
    }
    flush(&mut term, &mut chars);
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
    fn stop_words() {
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("telehealth"));
    }
}
