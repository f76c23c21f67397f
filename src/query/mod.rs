//! Filters, facet counts, text search, ranking and offering ranking: the widget's hot path,
//! in plain Rust so it tests and benchmarks natively.
//!
//! Facet semantics are those of faceted shops: topics selected in one group are ORed, groups
//! are ANDed, and each facet's counts are computed with every filter but its own group's, so
//! the counts beside unselected values say what ticking them would add.

pub mod tokens;

use crate::model::{ArticleId, BrandId, FirstView, Index, OfferingId, TopicId, TypeId};

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first when there is query text; newest first when browsing.
    #[default]
    Relevance,
    /// Newest first, undated last.
    Newest,
}

/// What the person asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Free text; empty means browse.
    pub text: String,
    /// Selected topics: ORed within a group, ANDed across groups.
    pub topics: Vec<TopicId>,
    /// Selected content types, ORed.
    pub types: Vec<TypeId>,
    /// Selected brands, ORed.
    pub brands: Vec<BrandId>,
    /// Inclusive bounds as `YYYY-MM-DD` (a prefix such as `2023` or `2023-04` also works).
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub sort: Sort,
    /// How many hits to return (page size times pages shown).
    pub limit: usize,
}

/// An offering in the related-offering panel.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedOffering {
    pub offering: OfferingId,
    /// How many matching articles reference it.
    pub articles: u32,
    /// The rank-weighted score it was ordered by.
    pub score: f32,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Number of matching articles.
    pub total: usize,
    /// The first `limit` matches, in order.
    pub hits: Vec<ArticleId>,
    /// Per topic id: matches if that topic's group filter were replaced by this topic alone
    /// (for a group with no selection: matches that also have this topic).
    pub topic_counts: Vec<u32>,
    /// Per type id, computed without the type filter.
    pub type_counts: Vec<u32>,
    /// Per brand id, computed without the brand filter.
    pub brand_counts: Vec<u32>,
    /// The related-offering panel, best first, at most [`crate::model::PANEL_OFFERINGS`].
    pub offerings: Vec<RankedOffering>,
}

/// Answers queries over one index. Cheap to create; the text-search structures are built by
/// [`Engine::prepare_search`] (the widget calls it after first paint) or on the first query
/// with text.
pub struct Engine {
    index: Index,
}

impl Engine {
    pub fn new(index: Index) -> Self {
        Self { index }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Builds the text-search structures if they are not built yet.
    pub fn prepare_search(&mut self) {
        todo!("query helper")
    }

    pub fn search_ready(&self) -> bool {
        todo!("query helper")
    }

    pub fn run(&mut self, _query: &Query) -> Results {
        todo!("query helper")
    }

    /// Finds a topic by slug, by `Group: Label`, or by label alone (case-insensitive), as
    /// hosts name preset topics.
    pub fn topic_by_key(&self, _key: &str) -> Option<TopicId> {
        todo!("query helper")
    }
}

/// The browse view of an index (no query, no filter, newest first), as stored in
/// [`Index::first_view`]. The indexer stores it; the widget computes it when an index
/// came without one.
pub fn first_view(index: &Index) -> FirstView {
    // Baseline: newest cards are the first articles; panel by reference count. The query
    // helper replaces this with the engine's own browse query so both always agree.
    let articles: Vec<_> = index
        .articles
        .iter()
        .take(crate::model::FIRST_VIEW_CARDS)
        .cloned()
        .collect();
    let mut ranked: Vec<OfferingId> = (0..index.offerings.len() as OfferingId).collect();
    ranked.sort_by(|&a, &b| {
        let (oa, ob) = (&index.offerings[a as usize], &index.offerings[b as usize]);
        ob.count
            .cmp(&oa.count)
            .then_with(|| oa.label.cmp(&ob.label))
    });
    ranked.truncate(crate::model::PANEL_OFFERINGS);
    let mut placed: Vec<OfferingId> = ranked.clone();
    placed.extend(articles.iter().flat_map(|a| a.offerings.iter().copied()));
    placed.sort_unstable();
    placed.dedup();
    FirstView {
        total: index.articles.len() as u32,
        articles,
        offerings: placed
            .into_iter()
            .map(|at| crate::model::PlacedOffering {
                at,
                offering: index.offerings[at as usize].clone(),
            })
            .collect(),
        panel: ranked,
    }
}
