//! The widget's filter state as plain data, and its URL-hash form for shareable links.
//! Pure Rust (no DOM) so it tests natively; the web layer reads and writes `location.hash`.
//!
//! Topics are held as the keys people and hosts use (slug, `Group: Label` or label) until
//! an index is at hand; [`WidgetState::normalize`] then turns them into slugs, so links and
//! `getState()` always speak slugs. Types and brands are held by name.
//!
//! Hash form, namespaced per widget so several widgets (and the host page's own parameters)
//! share one hash: `#news.q=tele&news.t=slug-a,slug-b&news.s=newest`. Keys: `q` query,
//! `t` topics, `y` types, `b` brands, `from`/`to` dates, `s` sort (only when not the
//! default). Values are percent-encoded, so commas inside a value cannot split a list.

use crate::query::{Engine, Query, Sort};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};

/// Everything the person has chosen; `Default` is the browse view.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WidgetState {
    pub query: String,
    pub topics: Vec<String>,
    pub types: Vec<String>,
    pub brands: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_to: Option<String>,
    #[serde(with = "sort_name")]
    pub sort: Sort,
}

/// The sort's name in the JS API and the hash: `relevance` or `newest`.
pub mod sort_name {
    use crate::query::Sort;
    use serde::{Deserialize, Deserializer, Serializer};

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

    pub fn serialize<S: Serializer>(sort: &Sort, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(as_str(*sort))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Sort, D::Error> {
        let name = String::deserialize(d)?;
        parse(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "sort must be \"relevance\" or \"newest\", not \"{name}\""
            ))
        })
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

    /// Number of active filters (search text counts as one), for chips and "Clear all".
    pub fn filter_count(&self) -> usize {
        usize::from(!self.query.trim().is_empty())
            + self.topics.len()
            + self.types.len()
            + self.brands.len()
            + usize::from(self.date_from.is_some())
            + usize::from(self.date_to.is_some())
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

    /// Writes this state into `hash` (with or without its leading `#`) under namespace `ns`,
    /// keeping every parameter that is not ours. Returns the new hash without `#`.
    pub fn to_hash(&self, hash: &str, ns: &str) -> String {
        let mut parts: Vec<String> = split_hash(hash)
            .filter(|part| own_key(part, ns).is_none())
            .map(str::to_string)
            .collect();
        let mut put = |key: &str, value: String| parts.push(format!("{ns}.{key}={value}"));
        let query = self.query.trim();
        if !query.is_empty() {
            put("q", encode(query));
        }
        for (key, list) in [("t", &self.topics), ("y", &self.types), ("b", &self.brands)] {
            if !list.is_empty() {
                put(
                    key,
                    list.iter().map(|v| encode(v)).collect::<Vec<_>>().join(","),
                );
            }
        }
        for (key, date) in [("from", &self.date_from), ("to", &self.date_to)] {
            if let Some(date) = date {
                put(key, encode(date));
            }
        }
        if self.sort != Sort::default() {
            put("s", sort_name::as_str(self.sort).to_string());
        }
        parts.join("&")
    }

    /// Reads the state stored under namespace `ns` in `hash`; missing keys mean defaults,
    /// and malformed values are ignored rather than refused (links get hand-edited).
    pub fn from_hash(hash: &str, ns: &str) -> Self {
        let mut state = Self::default();
        for part in split_hash(hash) {
            let Some((key, value)) = own_key(part, ns) else {
                continue;
            };
            let list = || value.split(',').map(decode).collect::<Vec<_>>();
            match key {
                "q" => state.query = decode(value),
                "t" => state.topics = list(),
                "y" => state.types = list(),
                "b" => state.brands = list(),
                "from" => state.date_from = Some(decode(value)),
                "to" => state.date_to = Some(decode(value)),
                "s" => state.sort = sort_name::parse(&decode(value)).unwrap_or_default(),
                _ => {}
            }
        }
        state.tidy();
        state
    }

    /// True when `hash` holds any parameter of namespace `ns`.
    pub fn hash_has_namespace(hash: &str, ns: &str) -> bool {
        split_hash(hash).any(|part| own_key(part, ns).is_some())
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

fn split_hash(hash: &str) -> impl Iterator<Item = &str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .filter(|part| !part.is_empty())
}

/// `(key, raw value)` when `part` is `ns.key=value` (or `ns.key`).
fn own_key<'a>(part: &'a str, ns: &str) -> Option<(&'a str, &'a str)> {
    let rest = part.strip_prefix(ns)?.strip_prefix('.')?;
    Some(rest.split_once('=').unwrap_or((rest, "")))
}

/// Everything but unreserved characters is escaped, so `,`, `&`, `=` and `#` are safe.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode(value: &str) -> String {
    // Collected rather than `to_string()`: the same text without the formatting machinery.
    utf8_percent_encode(value, VALUE).collect()
}

fn decode(value: &str) -> String {
    // `+` is not a space in a hash, but people paste query-string habits; accept both.
    percent_decode_str(&value.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
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
    fn hash_round_trips_every_field() {
        let state = sample();
        let hash = state.to_hash("", "news");
        assert_eq!(WidgetState::from_hash(&hash, "news"), state);
        assert_eq!(WidgetState::from_hash(&format!("#{hash}"), "news"), state);
    }

    #[test]
    fn hash_keeps_foreign_parameters_and_other_namespaces() {
        let other = WidgetState {
            query: "x".into(),
            ..Default::default()
        };
        let start = other.to_hash("page=2&tab", "side");
        let hash = sample().to_hash(&format!("#{start}"), "news");
        assert!(hash.starts_with("page=2&tab&side.q=x&"), "{hash}");
        assert_eq!(WidgetState::from_hash(&hash, "side"), other);
        assert_eq!(WidgetState::from_hash(&hash, "news"), sample());
        // Writing the default state removes only our keys.
        let cleared = WidgetState::default().to_hash(&hash, "news");
        assert_eq!(cleared, "page=2&tab&side.q=x");
    }

    #[test]
    fn hash_is_readable_for_simple_values() {
        let state = WidgetState {
            query: "tele".into(),
            topics: vec!["slug1".into(), "slug2".into()],
            sort: Sort::Newest,
            ..Default::default()
        };
        assert_eq!(
            state.to_hash("", "news"),
            "news.q=tele&news.t=slug1,slug2&news.s=newest"
        );
        assert_eq!(WidgetState::default().to_hash("#", "news"), "");
    }

    #[test]
    fn namespace_prefixes_do_not_collide() {
        let hash = "newsroom.q=a&news.q=b";
        assert_eq!(WidgetState::from_hash(hash, "news").query, "b");
        assert_eq!(WidgetState::from_hash(hash, "newsroom").query, "a");
        assert!(!WidgetState::hash_has_namespace("newsroom.q=a", "news"));
    }

    #[test]
    fn malformed_hash_values_fall_back() {
        let state = WidgetState::from_hash("#n.s=sideways&n.t=,,a,%E0%A4,a&n.q=%ZZ+x&n.from=", "n");
        assert_eq!(state.sort, Sort::Relevance);
        assert_eq!(state.topics, vec!["a".to_string(), "\u{fffd}".to_string()]);
        assert_eq!(state.query, "%ZZ x");
        assert_eq!(state.date_from, None);
    }

    #[test]
    fn browse_and_filter_count() {
        assert!(WidgetState::default().is_browse());
        assert!(WidgetState {
            query: "  ".into(),
            ..Default::default()
        }
        .is_browse());
        let state = sample();
        assert!(!state.is_browse());
        assert_eq!(state.filter_count(), 7);
    }

    #[test]
    fn serde_names_match_the_js_api() {
        let json = serde_json::to_value(sample()).unwrap();
        assert_eq!(json["dateFrom"], "2023-01");
        assert_eq!(json["sort"], "newest");
        let back: WidgetState = serde_json::from_value(json).unwrap();
        assert_eq!(back, sample());
        let partial: WidgetState = serde_json::from_str(r#"{"topics":["x"]}"#).unwrap();
        assert_eq!(partial.topics, vec!["x".to_string()]);
        assert!(serde_json::from_str::<WidgetState>(r#"{"sort":"best"}"#).is_err());
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
