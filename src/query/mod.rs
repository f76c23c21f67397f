//! Filters, facet counts, text search, ranking and offering ranking: the widget's hot path,
//! in plain Rust so it tests and benchmarks natively.
//!
//! Facet semantics are those of faceted shops: topics selected in one group are ORed, groups
//! are ANDed, and each facet's counts are computed with every filter but its own group's, so
//! the counts beside unselected values say what ticking them would add. Content types and
//! brands are each one more such group; the date range and the text are filters only.
//!
//! One query runs as: text match ([`search`]) -> one bitset per filter dimension
//! ([`filter`]) -> facet counts ([`facets`]) -> result order ([`order`]) -> offering panel
//! ([`offerings`]).

mod case_table;
mod columns;
mod facets;
mod filter;
pub mod fold;
mod offerings;
mod order;
mod search;
pub mod tokens;
mod typo;

use columns::Columns;
use filter::Filters;
use search::{Builder, Scratch, SearchIndex};

use crate::model::{
    ArticleId, BrandId, FirstView, Index, OfferingId, PlacedOffering, TopicId, TypeId,
    FIRST_VIEW_CARDS,
};

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
    /// Undated articles are excluded once either bound is set; a bound that is not a date
    /// is ignored.
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
    columns: Columns,
    search: Option<SearchIndex>,
    /// A search build in progress (see [`Engine::prepare_search_step`]).
    building: Option<Builder>,
    scratch: Scratch,
}

impl Engine {
    pub fn new(index: Index) -> Self {
        let columns = Columns::new(&index);
        Self {
            index,
            columns,
            search: None,
            building: None,
            scratch: Scratch::default(),
        }
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Builds the text-search structures if they are not built yet (finishing a build
    /// that [`Engine::prepare_search_step`] started).
    pub fn prepare_search(&mut self) {
        while !self.prepare_search_step(usize::MAX) {}
    }

    /// Indexes up to `articles` more articles for search; true once search is ready. Lets
    /// a browser build search over a large index in idle slices instead of one long task;
    /// the call that completes it also sorts the postings (a fraction of the total).
    pub fn prepare_search_step(&mut self, articles: usize) -> bool {
        if self.search.is_some() {
            return true;
        }
        let builder = self
            .building
            .get_or_insert_with(|| Builder::new(&self.index));
        if !builder.step(&self.index, articles) {
            return false;
        }
        if let Some(builder) = self.building.take() {
            self.search = Some(builder.finish());
        }
        true
    }

    pub fn search_ready(&self) -> bool {
        self.search.is_some()
    }

    /// Number of distinct search terms and of (term, article) postings, once search is
    /// prepared: for memory reports.
    pub fn search_size(&self) -> Option<(usize, usize)> {
        self.search.as_ref().map(|s| (s.terms(), s.postings()))
    }

    #[cfg_attr(topic_cards_speed, optimize(speed))]
    pub fn run(&mut self, query: &Query) -> Results {
        let text = if query.text.trim().is_empty() {
            None
        } else {
            self.prepare_search();
            match &self.search {
                Some(search) => search.search(&query.text, &mut self.scratch),
                None => None,
            }
        };
        let scores = (text.is_some() && query.sort == Sort::Relevance)
            .then_some(self.scratch.score.as_slice());
        answer(&self.index, &self.columns, query, text, scores)
    }

    /// The browse view: exactly what [`Engine::run`] answers for the empty query with
    /// [`FIRST_VIEW_CARDS`] cards, packaged with the offerings it mentions.
    pub fn first_view(&self) -> FirstView {
        browse_view(&self.index, &self.columns)
    }

    /// Finds a topic by slug, by `Group: Label`, or by label alone (case-insensitive), as
    /// hosts name preset topics. Case and diacritics are folded and spaces trimmed; a slug
    /// wins over a `Group: Label`, which wins over a bare label (first in topic order).
    pub fn topic_by_key(&self, key: &str) -> Option<TopicId> {
        let key = fold::fold(key.trim());
        if key.is_empty() {
            return None;
        }
        let topics = &self.index.topics;
        let find = |matches: &dyn Fn(&crate::model::Topic) -> bool| {
            topics.iter().position(matches).map(|i| i as TopicId)
        };
        find(&|t| fold::fold(&t.slug) == key)
            .or_else(|| {
                let (group, label) = key.split_once(':')?;
                let (group, label) = (group.trim(), label.trim());
                find(&|t| {
                    fold::fold(t.label.trim()) == label
                        && self
                            .index
                            .groups
                            .get(t.group as usize)
                            .is_some_and(|g| fold::fold(g.label.trim()) == group)
                })
            })
            .or_else(|| find(&|t| fold::fold(t.label.trim()) == key))
    }
}

/// The browse view of an index (no query, no filter, newest first), as stored in
/// [`Index::first_view`]. The indexer stores it; the widget computes it when an index
/// came without one (with [`Engine::first_view`]).
pub fn first_view(index: &Index) -> FirstView {
    browse_view(index, &Columns::new(index))
}

/// Filters, counts, orders and ranks offerings for `query`, given the text matches (when
/// the query has searchable text) and their scores (when ordering by relevance).
#[cfg_attr(topic_cards_speed, optimize(speed))]
fn answer(
    index: &Index,
    columns: &Columns,
    query: &Query,
    text: Option<fixedbitset::FixedBitSet>,
    scores: Option<&[f32]>,
) -> Results {
    let filters = Filters::new(columns, query, text);
    let all = filters.all();
    let sizes = (
        index.topics.len(),
        index.types.len(),
        index.brands.len(),
        index.offerings.len(),
    );
    let total = all.count_ones(..);
    let counts = facets::count(columns, &filters, &all, total, sizes);
    let head = query.limit.max(offerings::WINDOW);
    let mut hits = order::rank(columns, &all, scores, head);
    let panel = offerings::rank(columns, &hits, &counts.offerings);
    hits.truncate(query.limit);
    Results {
        total,
        hits,
        topic_counts: counts.topics,
        type_counts: counts.types,
        brand_counts: counts.brands,
        offerings: panel,
    }
}

fn browse_view(index: &Index, columns: &Columns) -> FirstView {
    let browse = Query {
        limit: FIRST_VIEW_CARDS,
        ..Query::default()
    };
    let results = answer(index, columns, &browse, None, None);
    let articles: Vec<_> = results
        .hits
        .iter()
        .map(|&a| index.articles[a as usize].clone())
        .collect();
    let panel: Vec<OfferingId> = results.offerings.iter().map(|o| o.offering).collect();
    let mut placed = panel.clone();
    for &a in &results.hits {
        placed.extend_from_slice(columns.offerings.row(a as usize));
    }
    crate::id_sort::sort_dedup(&mut placed);
    FirstView {
        total: results.total as u32,
        articles,
        offerings: placed
            .into_iter()
            .map(|at| PlacedOffering {
                at,
                offering: index.offerings[at as usize].clone(),
            })
            .collect(),
        panel,
    }
}
