//! What one paint shows, as the JSON text the JS painter (js/painter.js) reads: the core
//! decides what is shown (cards, counts, panel, state), the painter draws it. One string per
//! paint crosses into JS, where `JSON.parse` makes the object, instead of one call per node.
//!
//! The shape is documented in js/painter.js (`paint(view)`); [`View::to_json`] writes it with
//! a small writer of its own: serde_json's serializer would add about 5 kB gzip to the Wasm,
//! which reads its index with its own reader (src/index/json.rs) and has no serializer.

use crate::model::{Article, Facet, Group, Image, Offering, OfferingId, PlacedOffering, Topic};
use crate::state::{sort_name, WidgetState};

/// The index's dictionaries, borrowed from the first view or the full index.
#[derive(Clone, Copy)]
pub struct Dicts<'a> {
    pub groups: &'a [Group],
    pub topics: &'a [Topic],
    pub types: &'a [Facet],
    pub brands: &'a [Facet],
}

/// All offerings (full index) or the first view's subset, sorted by position.
#[derive(Clone, Copy)]
pub enum Offerings<'a> {
    All(&'a [Offering]),
    Placed(&'a [PlacedOffering]),
}

impl<'a> Offerings<'a> {
    pub fn get(&self, id: OfferingId) -> Option<&'a Offering> {
        match *self {
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
    /// Sent with the first paint and whenever the index changed; the painter keeps them.
    pub dicts: Option<Dicts<'a>>,
    pub offerings: Offerings<'a>,
    pub state: &'a WidgetState,
    pub cards: Vec<&'a Article>,
    /// Matching articles in all.
    pub total: usize,
    pub topic_counts: &'a [u32],
    pub type_counts: &'a [u32],
    pub brand_counts: &'a [u32],
    /// Panel offerings with the number of matching articles that reference each.
    pub panel: Vec<(OfferingId, u32)>,
    /// The filters cannot be applied yet (the full index is still loading).
    pub pending: bool,
}

impl View<'_> {
    /// The view as the painter's JSON.
    pub fn to_json(&self) -> String {
        let mut w = Json(String::with_capacity(512 + 600 * self.cards.len()));
        w.raw("{");
        if let Some(d) = &self.dicts {
            w.key("dicts");
            w.raw("{");
            w.key("groups");
            w.list(d.groups, |w, g| {
                w.raw("{");
                w.key("label");
                w.str(&g.label);
                w.raw("}");
            });
            w.next("topics");
            w.list(d.topics, |w, t| {
                w.raw("{");
                w.key("group");
                w.num(t.group.into());
                w.next("label");
                w.str(&t.label);
                w.next("slug");
                w.str(&t.slug);
                w.next("url");
                w.opt_str(t.url.as_deref());
                w.next("count");
                w.num(t.count.into());
                w.raw("}");
            });
            w.next("types");
            w.list(d.types, facet);
            w.next("brands");
            w.list(d.brands, facet);
            w.raw("},");
        }
        w.key("pending");
        w.bool(self.pending);
        w.next("total");
        w.num(self.total as u64);
        w.next("state");
        state(&mut w, self.state);
        w.next("cards");
        w.list(&self.cards, |w, a| card(w, a));
        w.next("offerings");
        // Every offering the cards and the panel name, each once, in first-named order.
        let mut named: Vec<OfferingId> = Vec::new();
        let ids = self.cards.iter().flat_map(|a| a.offerings.iter().copied());
        for id in ids.chain(self.panel.iter().map(|&(id, _)| id)) {
            if !named.contains(&id) {
                named.push(id);
            }
        }
        let found: Vec<(OfferingId, &Offering)> = named
            .into_iter()
            .filter_map(|id| Some((id, self.offerings.get(id)?)))
            .collect();
        w.list(&found, |w, &(id, o)| {
            w.raw("[");
            w.num(id.into());
            w.raw(",{");
            w.key("label");
            w.str(&o.label);
            w.next("url");
            w.opt_str(o.url.as_deref());
            w.next("topics");
            w.nums(&o.topics);
            w.next("offeringId");
            match o.offering_id {
                Some(n) => w.num(n),
                None => w.raw("null"),
            }
            w.raw("}]");
        });
        w.next("counts");
        w.raw("{");
        w.key("topics");
        w.nums(self.topic_counts);
        w.next("types");
        w.nums(self.type_counts);
        w.next("brands");
        w.nums(self.brand_counts);
        w.raw("}");
        w.next("panel");
        w.list(&self.panel, |w, &(id, n)| {
            w.raw("[");
            w.num(id.into());
            w.raw(",");
            w.num(n.into());
            w.raw("]");
        });
        w.raw("}");
        w.0
    }
}

fn facet(w: &mut Json, f: &Facet) {
    w.raw("{");
    w.key("name");
    w.str(&f.name);
    w.next("count");
    w.num(f.count.into());
    w.raw("}");
}

/// A JSON array of strings.
pub fn strings_json(strings: &[String]) -> String {
    let mut w = Json(String::new());
    w.strs(strings);
    w.0
}

/// The filters alone, as in a view's `state` (the controller's `getState()`).
pub fn state_json(s: &WidgetState) -> String {
    let mut w = Json(String::with_capacity(128));
    state(&mut w, s);
    w.0
}

fn state(w: &mut Json, s: &WidgetState) {
    w.raw("{");
    w.key("query");
    w.str(&s.query);
    w.next("topics");
    w.strs(&s.topics);
    w.next("types");
    w.strs(&s.types);
    w.next("brands");
    w.strs(&s.brands);
    w.next("dateFrom");
    w.opt_str(s.date_from.as_deref());
    w.next("dateTo");
    w.opt_str(s.date_to.as_deref());
    w.next("sort");
    w.str(sort_name::as_str(s.sort));
    w.raw("}");
}

/// An article as a card needs it: everything but its searchable `text`.
fn card(w: &mut Json, a: &Article) {
    w.raw("{");
    w.key("id");
    w.str(&a.id);
    w.next("title");
    w.str(&a.title);
    w.next("summary");
    w.str(&a.summary);
    w.next("date");
    w.opt_str(a.date.as_deref());
    w.next("url");
    w.opt_str(a.url.as_deref());
    w.next("brand");
    w.opt_num(a.brand);
    w.next("image");
    match &a.image {
        Some(image) => self::image(w, image),
        None => w.raw("null"),
    }
    w.next("topics");
    w.nums(&a.topics);
    w.next("inferred");
    w.bool(a.inferred);
    w.next("offerings");
    w.nums(&a.offerings);
    w.raw("}");
}

fn image(w: &mut Json, image: &Image) {
    w.raw("{");
    w.key("src");
    w.str(&image.src);
    w.next("alt");
    w.str(&image.alt);
    w.next("width");
    w.opt_num(image.width);
    w.next("height");
    w.opt_num(image.height);
    w.raw("}");
}

/// JSON text, written in order.
struct Json(String);

impl Json {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// `"name":`
    fn key(&mut self, name: &str) {
        self.str(name);
        self.0.push(':');
    }

    /// `,"name":`
    fn next(&mut self, name: &str) {
        self.0.push(',');
        self.key(name);
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as is
    /// (JSON text is UTF-8 and Rust strings hold no lone surrogates).
    fn str(&mut self, s: &str) {
        self.0.push('"');
        let mut rest = s;
        while let Some(at) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') {
            self.0.push_str(&rest[..at]);
            let c = rest.as_bytes()[at];
            match c {
                b'"' => self.0.push_str("\\\""),
                b'\\' => self.0.push_str("\\\\"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.0.push_str("\\u00");
                    self.0.push(HEX[usize::from(c >> 4)] as char);
                    self.0.push(HEX[usize::from(c & 15)] as char);
                }
            }
            rest = &rest[at + 1..];
        }
        self.0.push_str(rest);
        self.0.push('"');
    }

    fn num(&mut self, n: u64) {
        // `u64`'s Display is already in the Wasm (counts, ids); no float formatting needed.
        self.0.push_str(&n.to_string());
    }

    fn bool(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    fn opt_num(&mut self, n: Option<u32>) {
        match n {
            Some(n) => self.num(n.into()),
            None => self.raw("null"),
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.0.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            each(self, item);
        }
        self.0.push(']');
    }

    fn nums(&mut self, ns: &[u32]) {
        self.list(ns, |w, &n| w.num(n.into()));
    }

    fn strs(&mut self, ss: &[String]) {
        self.list(ss, |w, s| w.str(s));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::query::Sort;
    use serde_json::{json, Value};

    fn article(id: &str, title: &str, offerings: Vec<OfferingId>) -> Article {
        serde_json::from_value(json!({ "id": id, "title": title, "offerings": offerings })).unwrap()
    }

    #[test]
    fn writes_the_painters_shape_with_awkward_text_intact() {
        let awkward = "quote \" back \\ tab \t nul \0 line\u{2028} <b>&amp;</b> é 🩺";
        let mut a = article("a1", awkward, vec![1, 0]);
        a.image = Some(Image {
            src: "img/a.png".into(),
            alt: String::new(),
            width: Some(640),
            height: None,
        });
        a.topics = vec![0];
        a.inferred = true;
        let b = article("b2", "Plain", vec![1]);
        let offerings = vec![
            Offering {
                offering_id: Some(9_007_199_254_740_993),
                label: "Zero".into(),
                url: None,
                topics: vec![],
                count: 1,
            },
            Offering {
                offering_id: None,
                label: "One".into(),
                url: Some("https://o.example/1".into()),
                topics: vec![0],
                count: 2,
            },
        ];
        let groups = vec![Group { label: "G".into() }];
        let topics = vec![Topic {
            group: 0,
            label: "T".into(),
            slug: "g-t".into(),
            url: None,
            count: 2,
        }];
        let types = vec![Facet {
            name: "curated".into(),
            count: 2,
        }];
        let state = WidgetState {
            query: "tele \"x\"".into(),
            topics: vec!["g-t".into()],
            date_from: Some("2024".into()),
            sort: Sort::Newest,
            ..Default::default()
        };
        let view = View {
            dicts: Some(Dicts {
                groups: &groups,
                topics: &topics,
                types: &types,
                brands: &[],
            }),
            offerings: Offerings::All(&offerings),
            state: &state,
            cards: vec![&a, &b],
            total: 2,
            topic_counts: &[2],
            type_counts: &[2],
            brand_counts: &[],
            panel: vec![(1, 2), (7, 1)],
            pending: false,
        };
        let parsed: Value = serde_json::from_str(&view.to_json()).unwrap();
        assert_eq!(parsed["cards"][0]["title"], awkward);
        assert_eq!(parsed["cards"][0]["image"]["width"], 640);
        assert_eq!(parsed["cards"][0]["image"]["height"], Value::Null);
        assert_eq!(parsed["cards"][0]["inferred"], true);
        assert_eq!(parsed["cards"][1]["date"], Value::Null);
        assert!(parsed["cards"][0].get("text").is_none(), "no search text");
        // Named once each, cards first; an unknown panel id (7) is left out.
        assert_eq!(parsed["offerings"][0][0], 1);
        assert_eq!(parsed["offerings"][0][1]["url"], "https://o.example/1");
        assert_eq!(parsed["offerings"][1][0], 0);
        assert_eq!(
            parsed["offerings"][1][1]["offeringId"],
            9_007_199_254_740_993u64
        );
        assert_eq!(parsed["offerings"].as_array().unwrap().len(), 2);
        assert_eq!(parsed["panel"], json!([[1, 2], [7, 1]]));
        assert_eq!(
            parsed["state"],
            json!({"query": "tele \"x\"", "topics": ["g-t"], "types": [], "brands": [],
                   "dateFrom": "2024", "dateTo": null, "sort": "newest"})
        );
        assert_eq!(parsed["dicts"]["topics"][0]["slug"], "g-t");
        assert_eq!(parsed["dicts"]["brands"], json!([]));
        assert_eq!(
            parsed["counts"],
            json!({"topics": [2], "types": [2], "brands": []})
        );
    }

    #[test]
    fn dictionaries_only_when_given() {
        let state = WidgetState::default();
        let view = View {
            dicts: None,
            offerings: Offerings::Placed(&[]),
            state: &state,
            cards: vec![],
            total: 0,
            topic_counts: &[],
            type_counts: &[],
            brand_counts: &[],
            panel: vec![],
            pending: true,
        };
        let parsed: Value = serde_json::from_str(&view.to_json()).unwrap();
        assert!(parsed.get("dicts").is_none());
        assert_eq!(parsed["pending"], true);
    }
}
