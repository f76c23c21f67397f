//! Facet counts as faceted shops show them: each facet's counts use every filter except its
//! own dimension's, so beside an unticked topic you see what ticking it would give (for a
//! group with a selection: the matches if that topic alone were its group's filter; for any
//! other group: the current matches that also have the topic).
//!
//! One pass over the full match set counts every facet whose dimension is not filtered, and
//! the matches referencing each offering (the offering panel's counts, taken here so the
//! panel needs no pass of its own over every match); one more pass per filtered dimension
//! (over "all filters but this one") counts that dimension's values only. With a handful
//! of active dimensions that is a few linear scans over set bits, no per-topic set
//! intersections.

use fixedbitset::FixedBitSet;

use super::columns::{Columns, NONE};
use super::filter::{Dim, Filters};

/// Counts per topic, per type and per brand, and matches per offering.
pub struct Counts {
    pub topics: Vec<u32>,
    pub types: Vec<u32>,
    pub brands: Vec<u32>,
    /// Matches (with every filter) referencing each offering.
    pub offerings: Vec<u32>,
}

/// Counts every facet for `filters`, where `all` is `filters.all()` (passed in because the
/// caller needs it anyway).
#[cfg_attr(topic_cards_speed, optimize(speed))]
pub fn count(
    columns: &Columns,
    filters: &Filters,
    all: &FixedBitSet,
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
    let topic_in_filtered: Vec<bool> = columns
        .topic_group
        .iter()
        .map(|&group| group != NONE && filters.is_active(Dim::Group(group)))
        .collect();

    let count_types = !filters.is_active(Dim::Types);
    let count_brands = !filters.is_active(Dim::Brands);
    for article in all.ones() {
        for &topic in columns.topics.row(article) {
            if !topic_in_filtered[topic as usize] {
                counts.topics[topic as usize] += 1;
            }
        }
        if count_types {
            bump(&mut counts.types, columns.content_type[article]);
        }
        if count_brands {
            bump(&mut counts.brands, columns.brand[article]);
        }
        for &offering in columns.offerings.row(article) {
            bump(&mut counts.offerings, offering);
        }
    }

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
        for article in others.ones() {
            match *dim {
                Dim::Group(group) => {
                    for &topic in columns.topics.row(article) {
                        if columns.topic_group[topic as usize] == group {
                            counts.topics[topic as usize] += 1;
                        }
                    }
                }
                Dim::Types => bump(&mut counts.types, columns.content_type[article]),
                Dim::Brands => bump(&mut counts.brands, columns.brand[article]),
                Dim::Date | Dim::Text => {}
            }
        }
    }
    counts
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

#[cfg_attr(topic_cards_speed, optimize(speed))]
fn bump(counts: &mut [u32], id: u32) {
    if let Some(slot) = counts.get_mut(id as usize) {
        *slot += 1;
    }
}
