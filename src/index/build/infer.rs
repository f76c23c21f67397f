//! Topics for articles whose source gave none (plain-text articles): the corpus's own topic
//! labels matched as whole words, case-folded, in the title and body. Title matches rank
//! first, then the number of matches; at most [`MAX_INFERRED`] topics are kept.

use crate::query::tokens::tokenize;
use std::collections::HashMap;

/// The most topics an article gets by inference.
pub const MAX_INFERRED: usize = 3;

/// Topic labels as token sequences, indexed by first token for a single pass over text.
pub struct Vocabulary {
    by_first: HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl Vocabulary {
    /// `labels[i]` is the label of candidate topic `i`. Labels with no word are ignored.
    pub fn new<'a>(labels: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_first: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for (i, label) in labels.into_iter().enumerate() {
            let tokens = tokenize(label);
            if let Some(first) = tokens.first() {
                by_first.entry(first.clone()).or_default().push((i, tokens));
            }
        }
        Self { by_first }
    }

    /// Candidate topics found in the text, best first, at most [`MAX_INFERRED`].
    pub fn infer(&self, title: &str, body: &str) -> Vec<usize> {
        let mut hits: HashMap<usize, (usize, usize)> = HashMap::new();
        self.count(&tokenize(title), &mut hits, true);
        self.count(&tokenize(body), &mut hits, false);
        let mut ranked: Vec<(usize, (usize, usize))> = hits.into_iter().collect();
        ranked.sort_by(|(ta, (title_a, all_a)), (tb, (title_b, all_b))| {
            title_b
                .cmp(title_a)
                .then_with(|| all_b.cmp(all_a))
                .then_with(|| ta.cmp(tb))
        });
        ranked
            .into_iter()
            .take(MAX_INFERRED)
            .map(|(t, _)| t)
            .collect()
    }

    fn count(&self, tokens: &[String], hits: &mut HashMap<usize, (usize, usize)>, in_title: bool) {
        for (at, token) in tokens.iter().enumerate() {
            let Some(candidates) = self.by_first.get(token) else {
                continue;
            };
            for (topic, label) in candidates {
                if tokens[at..].starts_with(label) {
                    let entry = hits.entry(*topic).or_default();
                    if in_title {
                        entry.0 += 1;
                    }
                    entry.1 += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_case_folded_title_first() {
        let vocab = Vocabulary::new([
            "Telemedicine",
            "Telehealth",
            "Remote Patient Monitoring",
            "AI",
            "Equity",
        ]);
        let found = vocab.infer(
            "Telehealth vs telemedicine",
            "telemedicine telemedicine remote patient monitoring. Said: remote patients. Equitable",
        );
        // Both title words first (telemedicine has more matches), then the phrase.
        assert_eq!(found, vec![0, 1, 2]);
    }

    #[test]
    fn no_partial_words_and_a_cap() {
        let vocab = Vocabulary::new(["AI", "a", "b", "c", "d"]);
        assert!(vocab.infer("Said", "maid rain").is_empty());
        assert_eq!(vocab.infer("", "a b c d").len(), MAX_INFERRED);
    }
}
