//! Facet counts and filters checked against a brute-force oracle on a synthetic index, over
//! many random queries: whatever shortcuts the engine takes must not change an answer.

mod support;

use std::collections::HashSet;

use support::{synthetic, Rng};
use topic_cards::model::Index;
use topic_cards::query::{Engine, Query, Sort};

/// Which dimensions an article passes, as the engine's documentation defines them.
struct Oracle<'a> {
    index: &'a Index,
    query: &'a Query,
    text: Option<HashSet<u32>>,
}

impl Oracle<'_> {
    fn group_of(&self, topic: u32) -> u32 {
        self.index.topics[topic as usize].group
    }

    /// Passes every filter, except the topic group `skip_group` / types / brands if asked.
    fn passes(
        &self,
        a: usize,
        skip_group: Option<u32>,
        skip_types: bool,
        skip_brands: bool,
    ) -> bool {
        let article = &self.index.articles[a];
        let q = self.query;
        let mut groups: Vec<u32> = q.topics.iter().map(|&t| self.group_of(t)).collect();
        groups.sort_unstable();
        groups.dedup();
        for g in groups {
            if Some(g) == skip_group {
                continue;
            }
            let ok = q
                .topics
                .iter()
                .any(|&t| self.group_of(t) == g && article.topics.contains(&t));
            if !ok {
                return false;
            }
        }
        if !skip_types
            && !q.types.is_empty()
            && !article.content_type.is_some_and(|t| q.types.contains(&t))
        {
            return false;
        }
        if !skip_brands
            && !q.brands.is_empty()
            && !article.brand.is_some_and(|b| q.brands.contains(&b))
        {
            return false;
        }
        if q.date_from.is_some() || q.date_to.is_some() {
            let Some(date) = &article.date else {
                return false;
            };
            if q.date_from
                .as_ref()
                .is_some_and(|f| date.as_str() < f.as_str())
            {
                return false;
            }
            // Bounds here are whole dates, so string order is date order.
            if q.date_to
                .as_ref()
                .is_some_and(|t| date.as_str() > t.as_str())
            {
                return false;
            }
        }
        self.text
            .as_ref()
            .is_none_or(|set| set.contains(&(a as u32)))
    }
}

fn random_query(rng: &mut Rng, index: &Index) -> Query {
    let mut q = Query {
        limit: 20,
        ..Query::default()
    };
    for _ in 0..rng.below(4) {
        q.topics.push(rng.below(index.topics.len()) as u32);
    }
    if rng.below(3) == 0 {
        q.types.push(rng.below(index.types.len()) as u32);
    }
    if rng.below(3) == 0 {
        q.brands.push(rng.below(index.brands.len()) as u32);
        q.brands.push(rng.below(index.brands.len()) as u32);
    }
    if rng.below(3) == 0 {
        let year = 2015 + rng.below(11);
        q.date_from = Some(format!("{year}-01-01"));
        q.date_to = Some(format!("{}-06-28", year + rng.below(3)));
    }
    q.text = ["", "", "telehealth", "data privacy", "tele", "accessibilty"][rng.below(6)].into();
    if rng.below(2) == 0 {
        q.sort = Sort::Newest;
    }
    q
}

#[test]
fn counts_and_totals_match_brute_force() {
    let index = synthetic(1500, 3);
    let mut engine = Engine::new(index.clone());
    let mut rng = Rng::new(5);
    for round in 0..150 {
        let q = random_query(&mut rng, &index);
        let text = (!q.text.is_empty()).then(|| {
            let all = engine.run(&Query {
                text: q.text.clone(),
                limit: usize::MAX,
                ..Query::default()
            });
            all.hits.into_iter().collect::<HashSet<u32>>()
        });
        let oracle = Oracle {
            index: &index,
            query: &q,
            text,
        };
        let r = engine.run(&q);
        let n = index.articles.len();
        let matching: Vec<usize> = (0..n)
            .filter(|&a| oracle.passes(a, None, false, false))
            .collect();
        assert_eq!(r.total, matching.len(), "round {round}: {q:?}");
        let hits: HashSet<u32> = r.hits.iter().copied().collect();
        assert!(hits.iter().all(|&a| matching.contains(&(a as usize))));
        assert_eq!(r.hits.len(), matching.len().min(q.limit));
        if q.sort == Sort::Newest || q.text.is_empty() {
            let expected: Vec<u32> = matching.iter().take(q.limit).map(|&a| a as u32).collect();
            // The synthetic index is stored newest first with distinct dates but one undated.
            assert_eq!(r.hits, expected, "round {round}: {q:?}");
        }
        for (t, topic) in index.topics.iter().enumerate() {
            let expected = (0..n)
                .filter(|&a| index.articles[a].topics.contains(&(t as u32)))
                .filter(|&a| oracle.passes(a, Some(topic.group), false, false))
                .count() as u32;
            assert_eq!(
                r.topic_counts[t], expected,
                "round {round}: topic {t}: {q:?}"
            );
        }
        for ty in 0..index.types.len() {
            let expected = (0..n)
                .filter(|&a| index.articles[a].content_type == Some(ty as u32))
                .filter(|&a| oracle.passes(a, None, true, false))
                .count() as u32;
            assert_eq!(
                r.type_counts[ty], expected,
                "round {round}: type {ty}: {q:?}"
            );
        }
        for b in 0..index.brands.len() {
            let expected = (0..n)
                .filter(|&a| index.articles[a].brand == Some(b as u32))
                .filter(|&a| oracle.passes(a, None, false, true))
                .count() as u32;
            assert_eq!(
                r.brand_counts[b], expected,
                "round {round}: brand {b}: {q:?}"
            );
        }
    }
}
