//! Facet counts as faceted shops show them: each facet's counts use every filter except its
//! own dimension's, so beside an unticked topic you see what ticking it would give (for a
//! group with a selection: the matches if that topic alone were its group's filter; for any
//! other group: the current matches that also have the topic).
//!
//! The full match set is counted for every facet whose dimension is not filtered, and for
//! the matches referencing each offering (the offering panel's counts, taken here so the
//! panel needs no pass of its own over every match); each filtered dimension's values are
//! counted over "all filters but this one". A count over a set is taken one of two ways:
//! walking the set's articles and bumping the values in their rows, or per value, as the
//! size of its intersection with the set (a bitset AND and popcount for a common value, a
//! lookup per article of its list otherwise); topics and offerings take whichever is
//! cheaper for the set's size, types and brands (few values) are always counted per value.

use fixedbitset::FixedBitSet;

use super::columns::{Columns, Csr, ValueSets, NONE};
use super::filter::{Dim, Filters};

/// Counts per topic, per type and per brand, and matches per offering.
pub struct Counts {
    pub topics: Vec<u32>,
    pub types: Vec<u32>,
    pub brands: Vec<u32>,
    /// Matches (with every filter) referencing each offering.
    pub offerings: Vec<u32>,
}

/// Walking the matches costs about this many times more per reference (to a topic or an
/// offering) than [`ValueSets::count_in`] does per bitset word or list item: the
/// walk finds each set bit, loads the article's row and bumps a counter behind a branch,
/// where a common value's bitset counts 32 articles with one AND and one popcount. Per
/// dimension and pass, the cheaper way is taken. Measured in the Wasm at 100k articles
/// (a bench query set of 12k to 51k matches): 8 and 16 tie, 4 is up to 15% slower on the
/// queries with fewer matches, 2 up to 60%.
const WALK: u64 = 8;

/// True when walking `matches` articles (with `refs` references to the dimension's values
/// over all `articles`) is cheaper than counting values whose [`ValueSets::cost_of`] is
/// `value_cost`.
fn walk_is_cheaper(value_cost: usize, matches: usize, refs: usize, articles: usize) -> bool {
    value_cost as u64 * articles as u64 > matches as u64 * refs as u64 * WALK
}

/// Counts every facet for `filters`, where `all` is `filters.all()` and `matches` its
/// number of articles (both passed in because the caller needs them anyway).
#[cfg_attr(topic_cards_speed, optimize(speed))]
pub fn count(
    columns: &Columns,
    filters: &Filters,
    all: &FixedBitSet,
    matches: usize,
    sizes: (usize, usize, usize, usize),
) -> Counts {
    let (topics, types, brands, offerings) = sizes;
    if filters.dims.is_empty() {
        // Nothing narrows the index: the counts are the totals.
        return Counts {
            topics: columns.topic_totals.clone(),
            types: columns.type_totals.clone(),
            brands: columns.brand_totals.clone(),
            offerings: columns.offering_totals.clone(),
        };
    }
    let mut counts = Counts {
        topics: vec![0; topics],
        types: vec![0; types],
        brands: vec![0; brands],
        offerings: vec![0; offerings],
    };
    // Topics of groups the query filters are counted in their group's own pass below.
    let open: Vec<bool> = columns
        .topic_group
        .iter()
        .map(|&group| group == NONE || !filters.is_active(Dim::Group(group)))
        .collect();
    count_rows(
        &columns.topics,
        &columns.topic_articles,
        all,
        matches,
        &open,
        &mut counts.topics,
    );
    if !filters.is_active(Dim::Types) {
        per_value(&columns.type_articles, all, &mut counts.types);
    }
    if !filters.is_active(Dim::Brands) {
        per_value(&columns.brand_articles, all, &mut counts.brands);
    }
    let every = vec![true; offerings];
    count_rows(
        &columns.offerings,
        &columns.offering_articles,
        all,
        matches,
        &every,
        &mut counts.offerings,
    );

    for (position, (dim, _)) in filters.dims.iter().enumerate() {
        if filters.dims.len() == 1 {
            // Only this dimension filters, so without it nothing does: copy the totals.
            copy_totals(columns, *dim, &mut counts);
            continue;
        }
        let others = match dim {
            Dim::Group(_) | Dim::Types | Dim::Brands => filters.all_but(Some(position)),
            Dim::Date | Dim::Text => continue,
        };
        match *dim {
            Dim::Group(group) => {
                let in_group: Vec<bool> = columns.topic_group.iter().map(|&g| g == group).collect();
                count_rows(
                    &columns.topics,
                    &columns.topic_articles,
                    &others,
                    others.count_ones(..),
                    &in_group,
                    &mut counts.topics,
                );
            }
            Dim::Types => per_value(&columns.type_articles, &others, &mut counts.types),
            Dim::Brands => per_value(&columns.brand_articles, &others, &mut counts.brands),
            Dim::Date | Dim::Text => {}
        }
    }
    counts
}

/// Sets `counts[v]` to the number of articles of `set` (`matches` of them) with value `v`
/// in their row of `rows`, for each value with `counted[v]` (`sets` being the transpose
/// of `rows`): walking the articles or counting per value.
#[cfg_attr(topic_cards_speed, optimize(speed))]
fn count_rows(
    rows: &Csr,
    sets: &ValueSets,
    set: &FixedBitSet,
    matches: usize,
    counted: &[bool],
    counts: &mut [u32],
) {
    let chosen = || (0..counts.len()).filter(|&v| counted[v]);
    if walk_is_cheaper(sets.cost_of(chosen()), matches, sets.refs(), set.len()) {
        for article in set.ones() {
            for &value in rows.row(article) {
                if counted[value as usize] {
                    counts[value as usize] += 1;
                }
            }
        }
    } else {
        for value in chosen() {
            counts[value] = sets.count_in(value, set);
        }
    }
}

/// Sets each value's count of the articles of `set`, counted per value. Used for types and
/// brands, which have few values (at most one per article, so the lists sum to at most
/// the articles, and at most 32 values are common enough for a bitset): about a popcount
/// per word per common value even for a handful of matches, but no second code path.
#[cfg_attr(topic_cards_speed, optimize(speed))]
fn per_value(sets: &ValueSets, set: &FixedBitSet, counts: &mut [u32]) {
    for (value, count) in counts.iter_mut().enumerate() {
        *count = sets.count_in(value, set);
    }
}

#[cfg_attr(topic_cards_speed, optimize(speed))]
fn copy_totals(columns: &Columns, dim: Dim, counts: &mut Counts) {
    match dim {
        Dim::Group(group) => {
            for (topic, &g) in columns.topic_group.iter().enumerate() {
                if g == group {
                    counts.topics[topic] = columns.topic_totals[topic];
                }
            }
        }
        Dim::Types => counts.types.copy_from_slice(&columns.type_totals),
        Dim::Brands => counts.brands.copy_from_slice(&columns.brand_totals),
        Dim::Date | Dim::Text => {}
    }
}
