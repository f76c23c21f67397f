//! An article's most telling body words, for search beyond title and summary: distinct
//! terms by frequency (ties by first occurrence), stop words, numbers and words already in
//! the title or summary left out, bounded so the index stays compact.

use crate::content::Document;
use crate::query::tokens::{for_each_term, is_stop_word};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;

/// How many terms an article keeps.
pub const MAX_TERMS: usize = 40;
/// How many characters the joined terms may take.
pub const MAX_CHARS: usize = 400;

/// The telling terms of every document (body, with title and summary already searchable),
/// in document order. This is the heaviest per-article step of a build and each article is
/// independent, so it runs on all cores in contiguous chunks; order is kept, so the output
/// does not depend on the number of cores.
pub fn telling_terms_all(documents: &[Document]) -> Vec<String> {
    let one = |doc: &Document| doc.terms.clone().unwrap_or_else(|| document_terms(doc));
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    // Small inputs, and documents whose reader already found the terms, are not worth a
    // thread each.
    let missing = documents.iter().filter(|d| d.terms.is_none()).count();
    if workers == 1 || missing < 256 {
        return documents.iter().map(one).collect();
    }
    let chunk = documents.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = documents
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<String>>()))
            .collect();
        let mut out = Vec::with_capacity(documents.len());
        for (handle, part) in handles.into_iter().zip(documents.chunks(chunk)) {
            // A panic in one chunk (never expected: the tokenizer takes any text) costs
            // that chunk its terms rather than the whole build.
            match handle.join() {
                Ok(texts) => out.extend(texts),
                Err(_) => out.extend(part.iter().map(|_| String::new())),
            }
        }
        out
    })
}

/// The telling terms of one document: its body's, with title and summary already
/// searchable.
pub fn document_terms(doc: &Document) -> String {
    let mut searchable = String::with_capacity(doc.title.len() + doc.summary.len() + 1);
    searchable.push_str(&doc.title);
    searchable.push(' ');
    searchable.push_str(&doc.summary);
    telling_terms(&doc.body, &searchable)
}

/// The telling terms of `body`, joined with spaces.
pub fn telling_terms(body: &str, already_searchable: &str) -> String {
    // Terms are folded once into one buffer each and looked up as slices of it, so no
    // term costs an allocation of its own (this runs over every word of every body).
    let searchable = Folded::new(already_searchable);
    let known: FxHashSet<&str> = searchable.terms().collect();
    let folded = Folded::new(body);
    // term -> (count, position of first occurrence among all body terms)
    let mut counts: FxHashMap<&str, (usize, usize)> =
        FxHashMap::with_capacity_and_hasher(folded.ends.len() / 2, Default::default());
    for (position, term) in folded.terms().enumerate() {
        // One hash per term: the entry is found or made in one lookup.
        match counts.entry(term) {
            Entry::Occupied(mut seen) => seen.get_mut().0 += 1,
            Entry::Vacant(slot) => {
                if !(term.chars().nth(1).is_none()
                    || term.bytes().all(|b| b.is_ascii_digit())
                    || is_stop_word(term)
                    || known.contains(term))
                {
                    slot.insert((1, position));
                }
            }
        }
    }
    let mut ranked: Vec<(&str, usize, usize)> = counts
        .into_iter()
        .map(|(t, (n, first))| (t, n, first))
        .collect();
    // Positions are unique, so this order is total and the hash order never shows; only
    // the first MAX_TERMS need sorting.
    let order = |a: &(&str, usize, usize), b: &(&str, usize, usize)| {
        b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2))
    };
    if ranked.len() > MAX_TERMS {
        ranked.select_nth_unstable_by(MAX_TERMS, order);
        ranked.truncate(MAX_TERMS);
    }
    ranked.sort_unstable_by(order);
    let mut out = String::new();
    for (term, _, _) in ranked {
        if out.len() + term.len() + 1 > MAX_CHARS {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(term);
    }
    out
}

/// The normalised terms of a text, written one after another into one buffer, with where
/// each ends.
struct Folded {
    text: String,
    ends: Vec<usize>,
}

impl Folded {
    fn new(text: &str) -> Self {
        let mut folded = Folded {
            text: String::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len() / 5),
        };
        for_each_term(text, |term| {
            folded.text.push_str(term);
            folded.ends.push(folded.text.len());
        });
        folded
    }

    fn terms(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| &self.text[start..end])
    }
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

    /// The straightforward reading (a map of owned terms), which the slice-based one must
    /// match term for term.
    fn reference(body: &str, already_searchable: &str) -> String {
        let mut known = FxHashSet::default();
        for_each_term(already_searchable, |t| {
            known.insert(t.to_owned());
        });
        let mut counts: FxHashMap<String, (usize, usize)> = FxHashMap::default();
        let mut at = 0;
        for_each_term(body, |term| {
            at += 1;
            if let Some(entry) = counts.get_mut(term) {
                entry.0 += 1;
            } else if term.chars().count() > 1
                && !term.bytes().all(|b| b.is_ascii_digit())
                && !is_stop_word(term)
                && !known.contains(term)
            {
                counts.insert(term.to_owned(), (1, at));
            }
        });
        let mut ranked: Vec<_> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
        let mut out = String::new();
        for (term, _) in ranked.into_iter().take(MAX_TERMS) {
            if out.len() + term.len() < MAX_CHARS {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&term);
            }
        }
        out
    }

    #[test]
    fn matches_the_straightforward_reading() {
        let cases = [
            (
                "Télésanté à Zürich: STRASSE Straße straße, l'hôpital d'Île-de-France",
                "île",
            ),
            (
                "İstanbul ǅemal Ωmega ωmega naïve NAÏVE coöperate cooperate 42 4x4",
                "",
            ),
            (
                "Care's cares care’s — don't stop; it's 2024, x y z é",
                "cares",
            ),
            ("", "anything"),
            ("  \n\t ", ""),
        ];
        for (body, known) in cases {
            assert_eq!(
                telling_terms(body, known),
                reference(body, known),
                "{body:?}"
            );
        }
        let long: String = (0..3000)
            .map(|i| format!("w{} Ünï{} ", i % 97, i % 13))
            .collect();
        assert_eq!(telling_terms(&long, "w1 w2"), reference(&long, "w1 w2"));
    }

    #[test]
    fn bounded() {
        let body: String = (0..500).map(|i| format!("word{i} ")).collect();
        let terms = telling_terms(&body, "");
        assert!(terms.split(' ').count() <= MAX_TERMS);
        assert!(terms.len() <= MAX_CHARS);
    }

    #[test]
    fn all_documents_keep_their_order_across_chunks() {
        let documents: Vec<Document> = (0..1000)
            .map(|i| Document {
                title: format!("t{i}"),
                body: format!("unique{i} unique{i} shared"),
                ..Document::default()
            })
            .collect();
        let texts = telling_terms_all(&documents);
        assert_eq!(texts.len(), documents.len());
        for (i, text) in texts.iter().enumerate() {
            assert_eq!(text, &format!("unique{i} shared"));
        }
        // Terms a reader already found are used as they are.
        let mut documents = documents;
        documents[3].terms = Some("given".into());
        assert_eq!(telling_terms_all(&documents)[3], "given");
    }
}
