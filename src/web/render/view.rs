//! What one paint shows, whether it came from the precomputed first view or from the engine,
//! so the renderers need not know which.

use crate::model::{Article, Facet, Group, Offering, OfferingId, PlacedOffering, Topic};

/// The index's dictionaries and offerings, borrowed from the first view or the full index.
pub struct Dicts<'a> {
    pub groups: &'a [Group],
    pub topics: &'a [Topic],
    pub types: &'a [Facet],
    pub brands: &'a [Facet],
    pub offerings: Offerings<'a>,
}

/// All offerings (full index) or the first view's subset, sorted by position.
pub enum Offerings<'a> {
    All(&'a [Offering]),
    Placed(&'a [PlacedOffering]),
}

impl Offerings<'_> {
    pub fn get(&self, id: OfferingId) -> Option<&Offering> {
        match self {
            Offerings::All(all) => all.get(id as usize),
            Offerings::Placed(placed) => placed
                .binary_search_by_key(&id, |p| p.at)
                .ok()
                .map(|i| &placed[i].offering),
        }
    }
}

/// One paint's content.
pub struct View<'a> {
    pub dicts: Dicts<'a>,
    pub cards: Vec<&'a Article>,
    /// Matching articles in all.
    pub total: usize,
    pub topic_counts: Vec<u32>,
    pub type_counts: Vec<u32>,
    pub brand_counts: Vec<u32>,
    /// Panel offerings with the number of matching articles that reference each.
    pub panel: Vec<(OfferingId, u32)>,
    /// The filters cannot be applied yet (the full index is still loading).
    pub pending: bool,
}

/// The facet `kind` attribute values used by the renderers and the event handler.
pub mod kind {
    pub const TOPIC: &str = "t";
    pub const TYPE: &str = "y";
    pub const BRAND: &str = "b";
    pub const QUERY: &str = "q";
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
}
