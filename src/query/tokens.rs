//! Turning text into search terms: one definition shared by the indexer (which picks an
//! article's telling body words) and the engine (which indexes and matches them).

/// Splits text into normalised terms: case and diacritics folded, punctuation dropped.
pub fn tokenize(text: &str) -> Vec<String> {
    // Placeholder until the query helper's real tokenizer lands; same contract.
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect()
}

/// True for words too common to help a search (`the`, `and`, ...).
pub fn is_stop_word(term: &str) -> bool {
    matches!(
        term,
        "a" | "an" | "and" | "the" | "of" | "to" | "in" | "for" | "on" | "is"
    )
}
