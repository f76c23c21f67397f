//! Full-text search: an inverted index over title, topic labels, summary, source (the brand
//! and the authors' names) and body words, and the matching and scoring of typed words
//! against it.
//!
//! Layout (compact, no per-term allocation): the dictionary is one `String` of sorted terms
//! with end offsets, so a prefix is a binary search plus a short scan; postings are CSR
//! arrays of article ids (`u32`) with one quantised weight byte each. The weight folds the
//! fields together at build time: sum over fields of `boost * tf*(k1+1)/(tf+k1)` (BM25's tf
//! saturation without length normalisation, since summaries and body words are bounded by
//! the indexer), so a query only multiplies it by the term's idf and the match kind.
//!
//! Matching, per typed word: the exact term scores fully; completions (the word as a prefix)
//! score less the more they add; terms one edit away (two for long words) score least. An
//! article's score for a word is its best expansion; its total is the sum over words. Words
//! are ANDed; when no article has every word, the words are ORed instead (ranked by how many
//! and how well they match), since an empty page helps nobody who typed several words.

use fixedbitset::FixedBitSet;
use rustc_hash::FxHashMap;

use super::tokens::{for_each_term, is_stop_word};
use super::typo::distance_within;
use crate::id_sort;
use crate::model::Index;

/// Field boosts: title > topics > summary > source > body.
const TITLE: f32 = 4.0;
const TOPICS: f32 = 3.0;
const SUMMARY: f32 = 2.0;
/// Who published it: the brand and the authors (people search for a writer by name).
const SOURCE: f32 = 1.5;
const BODY: f32 = 1.0;
/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// Weight bytes are `weight * SCALE`; the largest possible weight (every field, many
/// occurrences) is `(4+3+2+1.5+1) * 2.2 = 25.3`, so this keeps it within a byte.
const SCALE: f32 = 10.0;

/// Score factors by match kind.
const EXACT: f32 = 1.0;
const ONE_TYPO: f32 = 0.45;
const TWO_TYPOS: f32 = 0.3;
/// A typed prefix expands to at most this many terms (the most used ones), so `co` cannot
/// turn one keystroke into a scan of half the postings.
const MAX_EXPANSIONS: usize = 200;

/// Words of a query beyond this are ignored: a pasted paragraph must not cost a typo scan
/// per word.
const MAX_QUERY_WORDS: usize = 16;

/// The inverted index. Built once by [`SearchIndex::build`].
#[derive(Debug, Default)]
pub struct SearchIndex {
    articles: usize,
    terms: String,
    term_ends: Vec<u32>,
    post_starts: Vec<u32>,
    post_articles: Vec<u32>,
    post_weights: Vec<u8>,
    /// Term ids ordered by length in characters, and where each length starts there.
    by_len: Vec<u32>,
    len_starts: Vec<u32>,
    /// The [`letters`] mask of each term in `by_len`, for rejecting typo candidates cheaply.
    by_len_letters: Vec<u32>,
}

/// Reusable per-query buffers, sized to the number of articles.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Best score of the current word per article.
    best: Vec<f32>,
    /// Number of words matched per article.
    words: Vec<u8>,
    /// Total score per article; valid for the articles of the last match set.
    pub score: Vec<f32>,
    word_touched: Vec<u32>,
    touched: Vec<u32>,
}

/// The fields of an article, in the order of [`BOOSTS`].
#[derive(Clone, Copy)]
enum Field {
    Title,
    Topics,
    Summary,
    Source,
    Body,
}

const BOOSTS: [f32; 5] = [TITLE, TOPICS, SUMMARY, SOURCE, BODY];

/// Builds a [`SearchIndex`] a slice of articles at a time, so a browser can spread the
/// work over idle moments instead of freezing the page on a large index.
///
/// Two passes over the articles: the first counts each term's articles, the second writes
/// every posting straight into its final slot. Tokenising twice costs less than holding
/// all (term, weight) pairs and then a sorted copy of them: the build's peak memory is the
/// finished index plus the dictionary, which matters in Wasm, where memory never shrinks.
#[derive(Debug)]
pub struct Builder {
    /// The next article to index in the current pass.
    next: usize,
    articles: usize,
    ids: FxHashMap<Box<str>, u32>,
    /// Per term id, occurrences per field in the current article (dense, so counting
    /// needs no sorting); `touched` lists the terms to flush and reset.
    tf: Vec<[u8; 5]>,
    touched: Vec<u32>,
    /// Per term id: a stop word, never indexed.
    stop: Vec<bool>,
    /// First pass: per term id, the number of articles that have it.
    df: Vec<u32>,
    /// Second pass (once counting is done): the index being filled, per build id its
    /// sorted id, and per sorted id the next free posting slot.
    placing: Option<(SearchIndex, Vec<u32>, Vec<u32>)>,
}

impl Builder {
    pub fn new(index: &Index) -> Self {
        Builder {
            next: 0,
            articles: index.articles.len(),
            ids: FxHashMap::default(),
            tf: Vec::new(),
            touched: Vec::new(),
            stop: Vec::new(),
            df: Vec::new(),
            placing: None,
        }
    }

    /// Indexes up to `budget` more articles of `index` (the index the builder was made
    /// for) in the current pass; true when both passes are done.
    pub fn step(&mut self, index: &Index, budget: usize) -> bool {
        let end = self.next.saturating_add(budget).min(self.articles);
        for article in self.next..end {
            let Some(a) = index.articles.get(article) else {
                break;
            };
            self.add(&a.title, Field::Title);
            for &topic in &a.topics {
                if let Some(t) = index.topics.get(topic as usize) {
                    self.add(&t.label, Field::Topics);
                }
            }
            self.add(&a.summary, Field::Summary);
            if let Some(brand) = a.brand.and_then(|b| index.brands.get(b as usize)) {
                self.add(&brand.name, Field::Source);
            }
            for author in &a.authors {
                self.add(author, Field::Source);
            }
            self.add(&a.text, Field::Body);
            self.finish_article(article as u32);
        }
        self.next = end;
        if self.next < self.articles {
            return false;
        }
        if self.placing.is_some() {
            return true;
        }
        self.start_placing();
        self.next = 0;
        // With no articles there is nothing to place.
        self.articles == 0
    }

    /// The finished index (articles not yet stepped through are left unindexed).
    pub fn finish(mut self) -> SearchIndex {
        if self.placing.is_none() {
            // Stopped while counting: nothing is placed yet, so place nothing.
            self.df.iter_mut().for_each(|d| *d = 0);
            self.start_placing();
        }
        let (mut index, _, next) = self.placing.take().unwrap_or_default();
        // Slots of articles never placed: close the gaps so every list holds only real
        // postings (a no-op after a full second pass).
        if next
            .iter()
            .zip(index.post_starts.get(1..).unwrap_or_default())
            .any(|(n, e)| n != e)
        {
            let mut kept = 0u32;
            let mut starts = vec![0u32; index.post_starts.len()];
            for t in 0..next.len() {
                for at in index.post_starts[t]..next[t] {
                    index.post_articles[kept as usize] = index.post_articles[at as usize];
                    index.post_weights[kept as usize] = index.post_weights[at as usize];
                    kept += 1;
                }
                starts[t + 1] = kept;
            }
            index.post_articles.truncate(kept as usize);
            index.post_weights.truncate(kept as usize);
            index.post_starts = starts;
        }
        index
    }

    fn add(&mut self, text: &str, field: Field) {
        let placing = self.placing.is_some();
        for_each_term(text, |term| {
            // Stop words get an id too, so the stop-word test runs once per distinct term
            // rather than once per occurrence; they are never counted, so they end with no
            // postings and are left out of the dictionary.
            let id = match self.ids.get(term) {
                Some(&id) => id,
                // The second pass sees the same text, so every term has an id by then.
                None if placing => return,
                None => {
                    let id = self.ids.len() as u32;
                    self.ids.insert(term.into(), id);
                    self.tf.push([0; 5]);
                    self.stop.push(is_stop_word(term));
                    self.df.push(0);
                    id
                }
            };
            if self.stop[id as usize] {
                return;
            }
            let counts = &mut self.tf[id as usize];
            if *counts == [0; 5] {
                self.touched.push(id);
            }
            counts[field as usize] = counts[field as usize].saturating_add(1);
        });
    }

    fn finish_article(&mut self, article: u32) {
        for &id in &self.touched {
            let counts = std::mem::take(&mut self.tf[id as usize]);
            match &mut self.placing {
                None => self.df[id as usize] += 1,
                Some((index, rename, next)) => {
                    let mut weight = 0.0;
                    for (&count, boost) in counts.iter().zip(BOOSTS) {
                        if count > 0 {
                            let tf = f32::from(count);
                            weight += boost * tf * (K1 + 1.0) / (tf + K1);
                        }
                    }
                    let byte = (weight * SCALE).round().clamp(1.0, 255.0) as u8;
                    let term = rename[id as usize] as usize;
                    let slot = next[term] as usize;
                    // Counted in the first pass over the same text, so the slot exists.
                    if slot < index.post_starts[term + 1] as usize {
                        index.post_articles[slot] = article;
                        index.post_weights[slot] = byte;
                        next[term] += 1;
                    }
                }
            }
        }
        self.touched.clear();
    }

    /// Ends the counting pass: sorts the dictionary and lays out the posting lists.
    fn start_placing(&mut self) {
        let stop = &self.stop;
        let mut terms: Vec<(&str, u32)> = self
            .ids
            .iter()
            .filter(|(_, &id)| !stop[id as usize])
            .map(|(term, &id)| (&**term, id))
            .collect();
        terms.sort_unstable();
        // Indexed by the build's ids, stop words included (they have no postings).
        let mut rename = vec![0u32; stop.len()];
        let mut index = SearchIndex {
            articles: self.articles,
            ..SearchIndex::default()
        };
        let mut lengths = Vec::with_capacity(terms.len());
        let mut starts = Vec::with_capacity(terms.len() + 1);
        starts.push(0u32);
        for (sorted, &(term, old)) in terms.iter().enumerate() {
            rename[old as usize] = sorted as u32;
            index.terms.push_str(term);
            index.term_ends.push(index.terms.len() as u32);
            lengths.push(term.chars().count() as u32);
            let last = starts.last().copied().unwrap_or(0);
            starts.push(last + self.df[old as usize]);
        }
        drop(terms);
        let total = starts.last().copied().unwrap_or(0) as usize;
        index.post_articles = vec![0; total];
        index.post_weights = vec![0; total];
        let next = starts[..starts.len() - 1].to_vec();
        index.post_starts = starts;

        let mut by_len: Vec<u32> = (0..lengths.len() as u32).collect();
        by_len.sort_by_key(|&t| lengths[t as usize]);
        let longest = lengths.iter().copied().max().unwrap_or(0) as usize;
        index.len_starts = (0..=longest + 1)
            .map(|len| by_len.partition_point(|&t| (lengths[t as usize] as usize) < len) as u32)
            .collect();
        index.by_len_letters = by_len
            .iter()
            .map(|&t| letters(index.term(t as usize)))
            .collect();
        index.by_len = by_len;
        self.df = Vec::new();
        self.placing = Some((index, rename, next));
    }
}

impl SearchIndex {
    /// Number of distinct terms.
    pub fn terms(&self) -> usize {
        self.term_ends.len()
    }

    /// Number of (term, article) postings.
    pub fn postings(&self) -> usize {
        self.post_articles.len()
    }

    fn term(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.term_ends[id - 1] } as usize;
        &self.terms[start..self.term_ends[id] as usize]
    }

    fn postings_of(&self, id: usize) -> (&[u32], &[u8]) {
        let range = self.post_starts[id] as usize..self.post_starts[id + 1] as usize;
        (
            &self.post_articles[range.clone()],
            &self.post_weights[range],
        )
    }

    fn idf(&self, id: usize) -> f32 {
        let df = (self.post_starts[id + 1] - self.post_starts[id]) as f32;
        let n = self.articles as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Terms the typed `word` stands for, with their score factor.
    fn expand(&self, word: &str, last: bool) -> Vec<(usize, f32)> {
        let mut out = Vec::new();
        let chars: Vec<char> = word.chars().collect();
        let len = chars.len();
        let start = partition(self.terms(), |i| self.term(i) < word);
        if start < self.terms() && self.term(start) == word && !is_stop_word(word) {
            out.push((start, EXACT));
        }
        let prefix = (last && len >= 2) || len >= 4;
        if prefix {
            // The terms starting with `word` are one run of the sorted dictionary from
            // `start` on: its end by binary search too.
            let end = partition(self.terms(), |i| {
                let term = self.term(i);
                term < word || term.starts_with(word)
            });
            let first = if start < end && self.term(start) == word {
                start + 1
            } else {
                start
            };
            let mut kept: Vec<u32> = (first as u32..end as u32).collect();
            if kept.len() > MAX_EXPANSIONS {
                // Keep the completions in the most articles (ties: dictionary order), then
                // put them back in dictionary order.
                let postings = |t: usize| self.post_starts[t + 1] - self.post_starts[t];
                let keys = (first..end).map(|t| (u64::from(!postings(t)) << 32) | t as u64);
                kept = id_sort::smallest(keys, MAX_EXPANSIONS)
                    .into_iter()
                    .map(|k| k as u32)
                    .collect();
                id_sort::sort_dedup(&mut kept);
            }
            out.extend(kept.into_iter().map(|t| {
                let extra = self.term(t as usize).chars().count();
                (t as usize, 0.4 + 0.4 * len as f32 / extra as f32)
            }));
        }
        if len >= 5 {
            let max = if len >= 9 { 2 } else { 1 };
            let lo = len - max;
            let hi = (len + max + 1).min(self.len_starts.len() - 1);
            if lo < hi {
                let mut candidate = Vec::with_capacity(len + max);
                let range = self.len_starts[lo] as usize..self.len_starts[hi] as usize;
                let typed = letters(word);
                let ids = self.by_len[range.clone()].iter();
                for (&id, &mask) in ids.zip(&self.by_len_letters[range]) {
                    // Each edit changes the set of letters by at most two.
                    if (typed ^ mask).count_ones() as usize > 2 * max {
                        continue;
                    }
                    let id = id as usize;
                    // The exact term and completions were taken above, with better factors
                    // (words this long always expand as prefixes).
                    if self.term(id).starts_with(word) {
                        continue;
                    }
                    candidate.clear();
                    candidate.extend(self.term(id).chars());
                    match distance_within(&chars, &candidate, max) {
                        Some(1) => out.push((id, ONE_TYPO)),
                        Some(2) => out.push((id, TWO_TYPOS)),
                        _ => {}
                    }
                }
            }
        }
        out
    }

    /// Matches `text` and returns the matching articles; their scores are left in
    /// `scratch.score`. `None` when the text has no searchable word.
    #[cfg_attr(topic_cards_speed, optimize(speed))]
    pub fn search(&self, text: &str, scratch: &mut Scratch) -> Option<FixedBitSet> {
        scratch.reset(self.articles);
        let mut words = Vec::new();
        for_each_term(text, |w| {
            if words.len() < MAX_QUERY_WORDS {
                words.push(w.to_owned());
            }
        });
        let count = words.len();
        let words: Vec<(String, bool)> = words
            .into_iter()
            .enumerate()
            .map(|(i, w)| (w, i + 1 == count))
            .filter(|(w, last)| *last || !is_stop_word(w))
            .collect();
        if words.is_empty() {
            return None;
        }
        // An article has every word when each word's pass counted it, so those articles
        // are among the last word's: the set is filled in that pass, not by a walk over
        // every article any word touched.
        let need = words.len().min(u8::MAX as usize) as u8;
        let mut set = FixedBitSet::with_capacity(self.articles);
        for (position, (word, last)) in words.iter().enumerate() {
            for (term, factor) in self.expand(word, *last) {
                let (articles, weights) = self.postings_of(term);
                // The score of each weight byte, computed once per term (the same
                // expression, so the same values) instead of a multiply and a divide per
                // posting.
                let scale = self.idf(term) * factor;
                let by_weight: [f32; 256] =
                    std::array::from_fn(|w| scale * f32::from(w as u8) / SCALE);
                for (&article, &weight) in articles.iter().zip(weights) {
                    let s = by_weight[usize::from(weight)];
                    let best = &mut scratch.best[article as usize];
                    if *best == 0.0 {
                        scratch.word_touched.push(article);
                    }
                    if s > *best {
                        *best = s;
                    }
                }
            }
            let final_word = position + 1 == words.len();
            for &article in &scratch.word_touched {
                let a = article as usize;
                if scratch.words[a] == 0 {
                    scratch.touched.push(article);
                }
                scratch.words[a] = scratch.words[a].saturating_add(1);
                scratch.score[a] += scratch.best[a];
                scratch.best[a] = 0.0;
                if final_word && scratch.words[a] >= need {
                    set.insert(a);
                }
            }
            scratch.word_touched.clear();
        }
        if set.is_clear() {
            // No article has every word: fall back to any word.
            for &article in &scratch.touched {
                set.insert(article as usize);
            }
        }
        Some(set)
    }
}

impl Scratch {
    fn reset(&mut self, articles: usize) {
        if self.score.len() != articles {
            *self = Scratch {
                best: vec![0.0; articles],
                words: vec![0; articles],
                score: vec![0.0; articles],
                ..Scratch::default()
            };
            return;
        }
        if self.touched.len() > articles / 8 {
            // Many were touched: clearing whole arrays (a fill the engine vectorises) beats
            // a scattered store per article.
            self.words.fill(0);
            self.score.fill(0.0);
        } else {
            for &article in &self.touched {
                self.words[article as usize] = 0;
                self.score[article as usize] = 0.0;
            }
        }
        self.touched.clear();
    }
}

/// The set of letters in a term as bits: a-z, digits folded onto five bits, and one bit
/// for everything else.
fn letters(term: &str) -> u32 {
    term.chars().fold(0, |mask, c| {
        mask | match c {
            'a'..='z' => 1 << (c as u32 - 'a' as u32),
            '0'..='9' => 1 << (26 + (c as u32 - '0' as u32) % 5),
            _ => 1 << 31,
        }
    })
}

/// First `i` in `0..n` for which `before(i)` is false (`before` must be monotone).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dictionary of `terms` (sorted here) whose i-th term is in `df(i)` articles.
    fn dictionary(mut terms: Vec<String>, df: impl Fn(usize) -> u32) -> SearchIndex {
        terms.sort();
        let mut index = SearchIndex {
            articles: 1000,
            ..SearchIndex::default()
        };
        index.post_starts.push(0);
        for (i, term) in terms.iter().enumerate() {
            index.terms.push_str(term);
            index.term_ends.push(index.terms.len() as u32);
            for a in 0..df(i) {
                index.post_articles.push(a);
                index.post_weights.push(10);
            }
            index.post_starts.push(index.post_articles.len() as u32);
        }
        // The typo scan's tables, as the builder lays them out.
        let lengths: Vec<usize> = terms.iter().map(|t| t.chars().count()).collect();
        index.by_len = (0..terms.len() as u32).collect();
        index.by_len.sort_by_key(|&t| lengths[t as usize]);
        let longest = lengths.iter().copied().max().unwrap_or(0);
        index.len_starts = (0..=longest + 1)
            .map(|len| index.by_len.partition_point(|&t| lengths[t as usize] < len) as u32)
            .collect();
        index.by_len_letters = index
            .by_len
            .iter()
            .map(|&t| letters(&terms[t as usize]))
            .collect();
        index
    }

    /// A prefix's completions, worked out the plain way: every term after the exact one
    /// that starts with it, and past the cap the most used (ties: dictionary order).
    fn completions(index: &SearchIndex, word: &str) -> Vec<(usize, f32)> {
        let len = word.chars().count();
        let mut all: Vec<(usize, u32)> = (0..index.terms())
            .filter(|&t| index.term(t).starts_with(word) && index.term(t) != word)
            .map(|t| (t, index.post_starts[t + 1] - index.post_starts[t]))
            .collect();
        if all.len() > MAX_EXPANSIONS {
            all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            all.truncate(MAX_EXPANSIONS);
            all.sort();
        }
        all.into_iter()
            .map(|(t, _)| {
                let extra = index.term(t).chars().count();
                (t, 0.4 + 0.4 * len as f32 / extra as f32)
            })
            .collect()
    }

    #[test]
    fn prefix_expansions_keep_the_most_used_in_dictionary_order() {
        let mut terms: Vec<String> = (0..450).map(|i| format!("pre{i}")).collect();
        terms.extend(["pra", "pre", "prf", "prez", "pr"].map(String::from));
        let index = dictionary(terms, |i| (i as u32 * 37) % 13 + 1);
        for word in ["pre", "pre1", "pre12", "pr", "prf", "prz", "a", "zzz"] {
            let mut got = index.expand(word, true);
            // Typo matches come last, with their own factors.
            got.retain(|&(t, f)| index.term(t).starts_with(word) || f == EXACT);
            let exact = usize::from(got.first().is_some_and(|&(t, _)| index.term(t) == word));
            assert_eq!(got[exact..], completions(&index, word), "{word}");
            assert!(got.len() <= MAX_EXPANSIONS + 1, "{word}");
        }
        // Few completions: all of them.
        let small = dictionary(vec!["tele".into(), "telex".into(), "telly".into()], |_| 2);
        assert_eq!(small.expand("tel", true).len(), 3);
    }
}
