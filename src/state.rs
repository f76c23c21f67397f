//! The widget's filter state as plain data. Pure Rust (no DOM) so it tests natively; its
//! URL-hash form for shareable links is the controller's (js/hash.js).
//!
//! Topics are held as the keys people and hosts use (slug, `Group: Label` or label) until
//! an index is at hand; [`WidgetState::normalize`] then turns them into slugs, so links and
//! `getState()` always speak slugs. Types and brands are held by name.

use crate::query::{Engine, Query, Sort};

/// Everything the person has chosen; `Default` is the browse view. It crosses to the
/// controller as JSON: [`WidgetState::from_json`] in, [`crate::view::state_json`] out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WidgetState {
    pub query: String,
    pub topics: Vec<String>,
    pub types: Vec<String>,
    pub brands: Vec<String>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub sort: Sort,
}

/// The sort's name in the JS API and the hash: `relevance` or `newest`.
pub mod sort_name {
    use crate::query::Sort;

    pub fn as_str(sort: Sort) -> &'static str {
        match sort {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
        }
    }

    pub fn parse(name: &str) -> Option<Sort> {
        match name.trim().to_ascii_lowercase().as_str() {
            "relevance" => Some(Sort::Relevance),
            "newest" => Some(Sort::Newest),
            _ => None,
        }
    }
}

/// Keys the caller named that the index does not have (for a console warning).
pub type Unknown = Vec<String>;

impl WidgetState {
    /// True when nothing is filtered or searched (the precomputed first view applies).
    pub fn is_browse(&self) -> bool {
        self.query.trim().is_empty()
            && self.topics.is_empty()
            && self.types.is_empty()
            && self.brands.is_empty()
            && self.date_from.is_none()
            && self.date_to.is_none()
    }

    /// Drops blank and repeated entries and trims text, keeping first-seen order.
    pub fn tidy(&mut self) {
        for list in [&mut self.topics, &mut self.types, &mut self.brands] {
            let mut seen = Vec::with_capacity(list.len());
            list.retain(|key| {
                let key = key.trim().to_string();
                let keep = !key.is_empty() && !seen.contains(&key);
                seen.push(key);
                keep
            });
            for key in list.iter_mut() {
                *key = key.trim().to_string();
            }
        }
        for date in [&mut self.date_from, &mut self.date_to] {
            if date.as_deref().is_some_and(|d| d.trim().is_empty()) {
                *date = None;
            }
        }
    }

    /// The filters as JSON: `{query, topics, types, brands, dateFrom, dateTo, sort}`, each
    /// optional (a missing or null one is none; a sort that is no sort's name is the
    /// default), other members ignored. What the controller sends; written by
    /// [`crate::view::state_json`]. `None` when it is not such an object.
    pub fn from_json(json: &[u8]) -> Option<Self> {
        const NAMES: [&str; 7] = [
            "query", "topics", "types", "brands", "dateFrom", "dateTo", "sort",
        ];
        let mut reader = crate::index::json::Reader::new(json);
        let mut state = Self::default();
        let mut seen = 0;
        reader.object().ok()?;
        while let Some(member) = reader.member(&NAMES, &mut seen).ok()? {
            if reader.null().ok()? {
                continue;
            }
            match member {
                0 => state.query = reader.string().ok()?,
                1..=3 => {
                    let list = match member {
                        1 => &mut state.topics,
                        2 => &mut state.types,
                        _ => &mut state.brands,
                    };
                    reader.array().ok()?;
                    while reader.element().ok()? {
                        list.push(reader.string().ok()?);
                    }
                }
                4 => state.date_from = Some(reader.string().ok()?),
                5 => state.date_to = Some(reader.string().ok()?),
                _ => state.sort = sort_name::parse(&reader.string().ok()?).unwrap_or_default(),
            }
        }
        reader.end().ok()?;
        Some(state)
    }

    /// Turns topic keys into slugs and type/brand names into the index's spelling, dropping
    /// (and returning) those the index does not know.
    pub fn normalize(&mut self, engine: &Engine) -> Unknown {
        let index = engine.index();
        let mut unknown = Vec::new();
        let mut topics = Vec::new();
        for key in &self.topics {
            match engine.topic_by_key(key) {
                Some(id) => topics.push(index.topics[id as usize].slug.clone()),
                None => unknown.push(key.clone()),
            }
        }
        self.topics = topics;
        for (list, facets) in [
            (&mut self.types, &index.types),
            (&mut self.brands, &index.brands),
        ] {
            let mut names = Vec::new();
            for key in list.iter() {
                match facet_by_name(facets, key) {
                    Some(id) => names.push(facets[id as usize].name.clone()),
                    None => unknown.push(key.clone()),
                }
            }
            *list = names;
        }
        self.tidy();
        unknown
    }

    /// The engine query for this state; unknown keys are skipped (see [`Self::normalize`]).
    pub fn to_query(&self, engine: &Engine, limit: usize) -> Query {
        let index = engine.index();
        Query {
            text: self.query.trim().to_string(),
            topics: self
                .topics
                .iter()
                .filter_map(|k| engine.topic_by_key(k))
                .collect(),
            types: self
                .types
                .iter()
                .filter_map(|n| facet_by_name(&index.types, n))
                .collect(),
            brands: self
                .brands
                .iter()
                .filter_map(|n| facet_by_name(&index.brands, n))
                .collect(),
            date_from: self.date_from.clone(),
            date_to: self.date_to.clone(),
            sort: self.sort,
            limit,
        }
    }
}

/// Finds a type or brand by name, case-insensitively.
fn facet_by_name(facets: &[crate::model::Facet], name: &str) -> Option<u32> {
    let name = name.trim();
    facets
        .iter()
        .position(|f| f.name.eq_ignore_ascii_case(name))
        .map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> WidgetState {
        WidgetState {
            query: "tele health & care, 100% #1".into(),
            topics: vec!["healthcare-it-news-telemedicine".into(), "a,b".into()],
            types: vec!["curated".into()],
            brands: vec!["healthcareitnews.com".into()],
            date_from: Some("2023-01".into()),
            date_to: Some("2024-12-31".into()),
            sort: Sort::Newest,
        }
    }

    #[test]
    fn json_round_trips_and_tolerates_gaps() {
        let state = sample();
        let json = crate::view::state_json(&state);
        assert_eq!(WidgetState::from_json(json.as_bytes()), Some(state));
        let sparse = br#"{"topics":["a"],"dateFrom":null,"sort":"sideways","other":[1,{"x":2}]}"#;
        assert_eq!(
            WidgetState::from_json(sparse),
            Some(WidgetState {
                topics: vec!["a".into()],
                ..Default::default()
            })
        );
        for bad in [
            &b"[]"[..],
            b"{\"query\":1}",
            b"{\"topics\":\"a\"}",
            b"{} x",
            b"{\"query\":\"a\",\"query\":\"b\"}",
        ] {
            assert_eq!(
                WidgetState::from_json(bad),
                None,
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn browse_view() {
        assert!(WidgetState::default().is_browse());
        assert!(WidgetState {
            query: "  ".into(),
            ..Default::default()
        }
        .is_browse());
        let state = sample();
        assert!(!state.is_browse());
    }

    fn engine() -> Engine {
        let json = r#"{"format":"topic-cards-index","version":1,
            "groups":[{"label":"News"},{"label":"Market"}],
            "topics":[{"group":0,"label":"Telemedicine","slug":"news-telemedicine","count":1},
                      {"group":1,"label":"Telemedicine","slug":"market-telemedicine","count":1},
                      {"group":1,"label":"Remote Monitoring","slug":"market-remote-monitoring","count":1}],
            "types":[{"name":"curated","count":1}],
            "brands":[{"name":"alpha.example","count":1}],
            "offerings":[],
            "articles":[{"id":"a","title":"A","date":"2024-01-02","brand":0,"type":0,"topics":[0,1,2]}]}"#;
        Engine::new(crate::index::decode(json.as_bytes()).unwrap())
    }

    #[test]
    fn normalize_turns_keys_into_slugs_and_reports_unknown_ones() {
        let engine = engine();
        let mut state = WidgetState {
            topics: vec![
                "Market: Telemedicine".into(),
                "remote monitoring".into(),
                "news-telemedicine".into(),
                "market-telemedicine".into(), // the same topic again, by slug
                "Nope".into(),
            ],
            types: vec!["CURATED".into(), "opinion".into()],
            brands: vec!["alpha.example".into()],
            ..Default::default()
        };
        let unknown = state.normalize(&engine);
        assert_eq!(unknown, vec!["Nope".to_string(), "opinion".to_string()]);
        assert_eq!(
            state.topics,
            vec![
                "market-telemedicine",
                "market-remote-monitoring",
                "news-telemedicine"
            ]
        );
        assert_eq!(state.types, vec!["curated"]);
        let query = state.to_query(&engine, 24);
        assert_eq!(query.topics, vec![1, 2, 0]);
        assert_eq!(
            (query.types.clone(), query.brands.clone(), query.limit),
            (vec![0], vec![0], 24)
        );
    }
}
