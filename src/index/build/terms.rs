//! An article's most telling body words, for search beyond title and summary: distinct
//! terms by frequency (ties by first occurrence), stop words, numbers and words already in
//! the title or summary left out, bounded so the index stays compact.

use crate::query::tokens::{is_stop_word, tokenize};
use std::collections::{HashMap, HashSet};

/// How many terms an article keeps.
pub const MAX_TERMS: usize = 40;
/// How many characters the joined terms may take.
pub const MAX_CHARS: usize = 400;

/// The telling terms of `body`, joined with spaces.
pub fn telling_terms(body: &str, already_searchable: &str) -> String {
    let known: HashSet<String> = tokenize(already_searchable).into_iter().collect();
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (at, term) in tokenize(body).into_iter().enumerate() {
        if term.chars().count() < 2
            || term.chars().all(|c| c.is_ascii_digit())
            || is_stop_word(&term)
            || known.contains(&term)
        {
            continue;
        }
        counts.entry(term).or_insert((0, at)).0 += 1;
    }
    let mut ranked: Vec<(String, usize, usize)> = counts
        .into_iter()
        .map(|(t, (n, first))| (t, n, first))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2)));
    let mut out = String::new();
    for (term, _, _) in ranked.into_iter().take(MAX_TERMS) {
        if out.len() + term.len() + 1 > MAX_CHARS {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&term);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_first_ties_by_first_occurrence() {
        let body = "beta alpha gamma alpha beta alpha delta";
        assert_eq!(telling_terms(body, ""), "alpha beta gamma delta");
    }

    #[test]
    fn leaves_out_stop_words_numbers_and_known_words() {
        let body = "The 2022 report and the Report of x data";
        assert_eq!(telling_terms(body, "Data title"), "report");
    }

    #[test]
    fn bounded() {
        let body: String = (0..500).map(|i| format!("word{i} ")).collect();
        let terms = telling_terms(&body, "");
        assert!(terms.split(' ').count() <= MAX_TERMS);
        assert!(terms.len() <= MAX_CHARS);
    }
}
