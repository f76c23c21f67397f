//! The query's filters as article bitsets, one per "dimension": each topic group with a
//! selection, content types, brands, the date range and the text match. Within a dimension
//! the selected values are ORed; dimensions are ANDed. Facet counts need, per dimension, the
//! AND of every *other* dimension, so the dimensions stay separate until [`Filters::all`] and
//! [`Filters::all_but`] combine them.

use fixedbitset::FixedBitSet;

use super::columns::{date_key, Columns, NONE};
use super::Query;

/// What a dimension filters on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dim {
    Group(u32),
    Types,
    Brands,
    Date,
    Text,
}

/// The active dimensions of one query.
pub struct Filters {
    articles: usize,
    pub dims: Vec<(Dim, FixedBitSet)>,
}

impl Filters {
    /// Builds a bitset for each dimension the query restricts. `text` is the text-match set
    /// when the query has text. Ids outside their tables select nothing.
    #[cfg_attr(topic_cards_speed, optimize(speed))]
    pub fn new(columns: &Columns, query: &Query, text: Option<FixedBitSet>) -> Self {
        let n = columns.articles;
        let mut dims = Vec::new();

        // The query's topics by group (then id), each topic once.
        let group_of = |t: u32| columns.topic_group.get(t as usize).copied().unwrap_or(NONE);
        let mut topics: Vec<u32> = query
            .topics
            .iter()
            .copied()
            .filter(|&t| group_of(t) != NONE)
            .collect();
        crate::id_sort::sort(&mut topics, &|a, b| {
            group_of(a).cmp(&group_of(b)).then(a.cmp(&b))
        });
        topics.dedup();
        for chunk in topics.chunk_by(|&a, &b| group_of(a) == group_of(b)) {
            let mut set = FixedBitSet::with_capacity(n);
            for &topic in chunk {
                for &article in columns.topic_articles.list(topic as usize) {
                    set.insert(article as usize);
                }
            }
            dims.push((Dim::Group(group_of(chunk[0])), set));
        }

        if !query.types.is_empty() {
            dims.push((Dim::Types, select(&columns.content_type, &query.types)));
        }
        if !query.brands.is_empty() {
            dims.push((Dim::Brands, select(&columns.brand, &query.brands)));
        }
        if let Some(range) = DateRange::new(query) {
            let mut set = FixedBitSet::with_capacity(n);
            for (article, &date) in columns.date.iter().enumerate() {
                if range.contains(date) {
                    set.insert(article);
                }
            }
            dims.push((Dim::Date, set));
        }
        if let Some(set) = text {
            dims.push((Dim::Text, set));
        }
        Filters { articles: n, dims }
    }

    pub fn is_active(&self, dim: Dim) -> bool {
        self.dims.iter().any(|(d, _)| *d == dim)
    }

    /// Articles passing every dimension.
    #[cfg_attr(topic_cards_speed, optimize(speed))]
    pub fn all(&self) -> FixedBitSet {
        self.all_but(None)
    }

    /// Articles passing every dimension except the one at position `skip`.
    #[cfg_attr(topic_cards_speed, optimize(speed))]
    pub fn all_but(&self, skip: Option<usize>) -> FixedBitSet {
        let mut out: Option<FixedBitSet> = None;
        for (i, (_, set)) in self.dims.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            match &mut out {
                None => out = Some(set.clone()),
                Some(acc) => acc.intersect_with(set),
            }
        }
        out.unwrap_or_else(|| {
            let mut every = FixedBitSet::with_capacity(self.articles);
            every.insert_range(..);
            every
        })
    }
}

/// Articles whose value in `column` is one of `wanted`.
#[cfg_attr(topic_cards_speed, optimize(speed))]
fn select(column: &[u32], wanted: &[u32]) -> FixedBitSet {
    let mut set = FixedBitSet::with_capacity(column.len());
    for (article, &value) in column.iter().enumerate() {
        if value != NONE && wanted.contains(&value) {
            set.insert(article);
        }
    }
    set
}

/// An inclusive date range over `YYYYMMDD` keys. A bound that is a prefix (`2023`,
/// `2023-04`) covers the whole year or month on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    from: u32,
    to: u32,
}

impl DateRange {
    /// `None` when the query sets no usable bound: a bound that is not a date is ignored
    /// rather than hiding every article.
    pub fn new(query: &Query) -> Option<Self> {
        let from = query.date_from.as_deref().and_then(date_key);
        let to = query.date_to.as_deref().and_then(date_key).map(|key| {
            // Fill missing month/day with the largest values, so `2023` ends at 2023-12-99.
            if key % 10_000 == 0 {
                key + 1299
            } else if key % 100 == 0 {
                key + 99
            } else {
                key
            }
        });
        if from.is_none() && to.is_none() {
            return None;
        }
        Some(DateRange {
            from: from.unwrap_or(1),
            to: to.unwrap_or(u32::MAX),
        })
    }

    /// Undated articles (key 0) are outside every range.
    pub fn contains(&self, date: u32) -> bool {
        date != 0 && self.from <= date && date <= self.to
    }
}
