//! One widget's model, as plain Rust: what it has loaded (nothing yet, the first-view part,
//! or the whole index), what the person has chosen ([`WidgetState`]), how many pages of
//! cards are shown, and the [`View`] each paint draws from them. The person's acts arrive
//! here as the painter names them ([`Session::act`]).
//!
//! Everything around it (options, loading, the hash, host events, timers) is the JS
//! controller's (js/controller.js); the Wasm wraps a session for it (src/web). Kept free of
//! browser types so it tests natively.

use crate::index::FirstViewPart;
use crate::model::OfferingId;
use crate::query::Engine;
use crate::state::{sort_name, WidgetState};
use crate::view::{Dicts, Offerings, View};

/// What the widget has to show.
pub enum Data {
    Loading,
    /// The first-view prefix arrived; the rest of the index is still loading.
    First(Box<FirstViewPart>),
    Ready(Box<Engine>),
}

/// What an act did, for the controller: nothing, a repaint (more cards), or a new filter
/// state (repaint, write the hash, tell the host).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Nothing = 0,
    Repaint = 1,
    Changed = 2,
}

/// Facet kinds, as the painter names them (`data-kind`).
mod kind {
    pub const TYPE: &str = "y";
    pub const BRAND: &str = "b";
    pub const QUERY: &str = "q";
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
}

pub struct Session {
    pub state: WidgetState,
    pub data: Data,
    /// Cards per page (1-1000; the controller checks the option).
    pub page_size: usize,
    /// Pages of cards shown ("Show more" adds one).
    pub pages: usize,
    /// The hash of the dictionaries the painter has (0: none yet); see [`dicts_to_send`].
    dicts_sent: u64,
    /// Matching articles at the last view; `None` until known.
    pub total: Option<usize>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            state: WidgetState::default(),
            data: Data::Loading,
            page_size: 12,
            pages: 1,
            dicts_sent: 0,
            total: None,
        }
    }
}

impl Session {
    /// A new source: back to loading, and the painter is sent the dictionaries again.
    pub fn reset(&mut self) {
        self.data = Data::Loading;
        self.total = None;
    }

    /// The first-view part arrived (ignored once the whole index is in).
    pub fn set_first(&mut self, mut part: FirstViewPart) {
        if matches!(self.data, Data::Ready(_)) {
            return;
        }
        sort_placed(&mut part.first_view.offerings);
        self.data = Data::First(Box::new(part));
    }

    /// The whole index: builds the engine and puts the state in its spelling. Returns the
    /// names the index does not know (for a warning).
    pub fn set_ready(&mut self, engine: Engine) -> Vec<String> {
        let unknown = self.state.normalize(&engine);
        self.data = Data::Ready(Box::new(engine));
        unknown
    }

    /// Replaces the filters (the host's, or a link's), back to page one when they differ.
    /// Returns whether they did, and the names the index does not know.
    pub fn set_state(&mut self, mut state: WidgetState) -> (bool, Vec<String>) {
        state.tidy();
        let unknown = match &self.data {
            Data::Ready(engine) => state.normalize(engine),
            _ => Vec::new(),
        };
        if state == self.state {
            return (false, unknown);
        }
        self.state = state;
        self.pages = 1;
        (true, unknown)
    }

    /// One of the person's acts, as the painter reports it: `(act, a, b, on)`.
    pub fn act(&mut self, act: &str, a: &str, b: &str, on: bool) -> Outcome {
        if act == "more" {
            self.pages += 1;
            return Outcome::Repaint;
        }
        let before = self.state.clone();
        let s = &mut self.state;
        match act {
            "search" => s.query = a.to_string(),
            "facet" => toggle(list(s, a), b, on),
            "sort" => match sort_name::parse(a) {
                Some(sort) => s.sort = sort,
                None => return Outcome::Nothing,
            },
            "topic" => toggle(&mut s.topics, a, true),
            "remove" => match a {
                kind::QUERY => s.query.clear(),
                kind::FROM => s.date_from = None,
                kind::TO => s.date_to = None,
                facet => toggle(list(s, facet), b, false),
            },
            "clear" => {
                *s = WidgetState {
                    sort: s.sort,
                    ..Default::default()
                }
            }
            _ => return Outcome::Nothing,
        }
        s.tidy();
        if self.state == before {
            return Outcome::Nothing;
        }
        self.pages = 1;
        Outcome::Changed
    }

    /// The view to paint, as the painter's JSON; `None` while nothing is loaded (the
    /// painter shows its loading state).
    pub fn view(&mut self) -> Option<String> {
        let limit = self.page_size.saturating_mul(self.pages);
        let (json, total) = match &mut self.data {
            Data::Loading => return None,
            Data::First(part) => {
                let browse = self.state.is_browse();
                let first = &part.first_view;
                let available = first.articles.len();
                let offerings = Offerings::Placed(&first.offerings);
                let topic_counts: Vec<u32> = part.topics.iter().map(|t| t.count).collect();
                let type_counts: Vec<u32> = part.types.iter().map(|f| f.count).collect();
                let brand_counts: Vec<u32> = part.brands.iter().map(|f| f.count).collect();
                let total = first.total as usize;
                let view = View {
                    dicts: dicts_to_send(
                        &mut self.dicts_sent,
                        Dicts {
                            groups: &part.groups,
                            topics: &part.topics,
                            types: &part.types,
                            brands: &part.brands,
                        },
                    ),
                    offerings,
                    state: &self.state,
                    // While filters wait for the index, the browse cards stay (dimmed by
                    // the pending state): never a blank grid.
                    cards: first.articles.iter().take(limit).collect(),
                    total,
                    topic_counts: &topic_counts,
                    type_counts: &type_counts,
                    brand_counts: &brand_counts,
                    panel: first
                        .panel
                        .iter()
                        .filter_map(|&id| offerings.get(id).map(|o| (id, o.count)))
                        .collect(),
                    // Filters, or more cards than the first view holds, wait for the index.
                    pending: !browse || (limit > available && available < total),
                };
                (view.to_json(), browse.then_some(total))
            }
            Data::Ready(engine) => {
                let query = self.state.to_query(engine, limit);
                let results = engine.run(&query);
                let index = engine.index();
                let view = View {
                    dicts: dicts_to_send(
                        &mut self.dicts_sent,
                        Dicts {
                            groups: &index.groups,
                            topics: &index.topics,
                            types: &index.types,
                            brands: &index.brands,
                        },
                    ),
                    offerings: Offerings::All(&index.offerings),
                    state: &self.state,
                    cards: results
                        .hits
                        .iter()
                        .filter_map(|&id| index.articles.get(id as usize))
                        .collect(),
                    total: results.total,
                    topic_counts: &results.topic_counts,
                    type_counts: &results.type_counts,
                    brand_counts: &results.brand_counts,
                    panel: results
                        .offerings
                        .iter()
                        .map(|o| (o.offering as OfferingId, o.articles))
                        .collect(),
                    pending: false,
                };
                (view.to_json(), Some(view.total))
            }
        };
        self.total = total;
        Some(json)
    }
}

fn list<'a>(state: &'a mut WidgetState, facet: &str) -> &'a mut Vec<String> {
    match facet {
        kind::TYPE => &mut state.types,
        kind::BRAND => &mut state.brands,
        _ => &mut state.topics,
    }
}

fn toggle(list: &mut Vec<String>, key: &str, on: bool) {
    let at = list.iter().position(|k| k.eq_ignore_ascii_case(key));
    match (on, at) {
        (true, None) => list.push(key.to_string()),
        (false, Some(i)) => {
            list.remove(i);
        }
        _ => {}
    }
}

/// The dictionaries when the painter does not have them yet: the first paint, or an index
/// with other topics or facet values. Told apart by a hash of what the painter draws from
/// them, so the first view and the full index of one load (equal, at other addresses) share
/// the painter's facet nodes.
fn dicts_to_send<'a>(sent: &mut u64, dicts: Dicts<'a>) -> Option<Dicts<'a>> {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    for group in dicts.groups {
        group.label.hash(&mut hasher);
    }
    for topic in dicts.topics {
        (&topic.slug, &topic.label, topic.group).hash(&mut hasher);
    }
    for facet in dicts.types.iter().chain(dicts.brands) {
        facet.name.hash(&mut hasher);
    }
    dicts.types.len().hash(&mut hasher);
    // Never 0, which means "the painter has none".
    let signature = hasher.finish() | 1;
    (std::mem::replace(sent, signature) != signature).then_some(dicts)
}

/// Orders the first view's offerings by position (stable), through the crate's one sort.
fn sort_placed(offerings: &mut Vec<crate::model::PlacedOffering>) {
    let order = crate::id_sort::sorted_positions(offerings.len(), &|a, b| {
        offerings[a as usize]
            .at
            .cmp(&offerings[b as usize].at)
            .then(a.cmp(&b))
    });
    *offerings = crate::id_sort::in_order(std::mem::take(offerings), &order);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn acts_change_the_state_as_the_painter_names_them() {
        let mut s = Session::default();
        assert_eq!(s.act("search", "tele", "", false), Outcome::Changed);
        assert_eq!(s.act("search", "tele", "", false), Outcome::Nothing);
        assert_eq!(s.act("facet", "y", "News", true), Outcome::Changed);
        assert_eq!(s.act("facet", "y", "news", true), Outcome::Nothing);
        assert_eq!(s.act("facet", "b", "a.example", true), Outcome::Changed);
        assert_eq!(s.act("topic", "slug-a", "", false), Outcome::Changed);
        assert_eq!(s.state.types, ["News"]);
        assert_eq!(s.state.brands, ["a.example"]);
        assert_eq!(s.state.topics, ["slug-a"]);
        assert_eq!(s.act("more", "", "", false), Outcome::Repaint);
        assert_eq!(s.pages, 2);
        assert_eq!(s.act("remove", "y", "NEWS", false), Outcome::Changed);
        assert_eq!(s.pages, 1, "a new state starts at page one");
        assert!(s.state.types.is_empty());
        assert_eq!(s.act("sort", "sideways", "", false), Outcome::Nothing);
        assert_eq!(s.act("sort", "newest", "", false), Outcome::Changed);
        assert_eq!(s.act("remove", "q", "", false), Outcome::Changed);
        assert_eq!(s.state.query, "");
        assert_eq!(s.act("clear", "", "", false), Outcome::Changed);
        assert!(s.state.is_browse());
        assert_eq!(
            s.state.sort,
            crate::query::Sort::Newest,
            "clear keeps the sort"
        );
        assert_eq!(s.act("dance", "", "", false), Outcome::Nothing);
    }

    #[test]
    fn nothing_to_view_while_loading() {
        let mut s = Session::default();
        assert_eq!(s.view(), None);
        assert_eq!(s.total, None);
    }
}
