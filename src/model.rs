//! The shared vocabulary: the article index as the indexer writes it and the widget reads it.
//!
//! The index is one JSON document (schema below, documented for partners in the README). It is
//! laid out for first paint: every member up to and including `firstView` is small and
//! bounded (dictionaries plus one page of cards), so a reader that streams the document can
//! paint the browse view as soon as those bytes have arrived, long before `offerings` and
//! `articles` (which grow with the corpus) are complete. See [`crate::index::split`].
//!
//! Ids are positions: a topic id is an index into `topics`, a brand id into `brands`, and so
//! on. That keeps long strings from repeating and makes facet counting plain array work.
//!
//! Reading: the serde attributes below define the schema, but the widget reads it with its
//! own small reader (`src/index/read.rs`, no serde_json in the Wasm); the `Deserialize`
//! derives are the reference it is tested against (`src/index/oracle.rs`, native only). A
//! member added here must be added there too: `tests/decode_oracle.rs` checks they agree.

use serde::{Deserialize, Serialize};

/// The value of the `format` member; anything else is not our index.
pub const FORMAT: &str = "topic-cards-index";
/// The schema version this crate writes and reads. Bump on any incompatible change.
pub const VERSION: u32 = 1;
/// How many cards the precomputed first view carries.
pub const FIRST_VIEW_CARDS: usize = 12;
/// How many offerings the related-offering panel shows at most.
pub const PANEL_OFFERINGS: usize = 8;

/// Position of a topic in [`Index::topics`].
pub type TopicId = u32;
/// Position of a group in [`Index::groups`].
pub type GroupId = u32;
/// Position of a brand in [`Index::brands`].
pub type BrandId = u32;
/// Position of a content type in [`Index::types`].
pub type TypeId = u32;
/// Position of an offering in [`Index::offerings`].
pub type OfferingId = u32;
/// Position of an article in [`Index::articles`].
pub type ArticleId = u32;

/// The whole index. Member order matters: serde writes fields in declaration order, and
/// everything before `offerings` is the bounded first-view prefix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Index {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for indexes this crate reads.
    pub version: u32,
    /// Topic groups (`Healthcare IT News` in `Healthcare IT News: Telemedicine`), by label.
    pub groups: Vec<Group>,
    /// Topics, sorted by group then label; `count` is articles tagged with it.
    pub topics: Vec<Topic>,
    /// Content types (`curated`, `contributed`) with article counts.
    pub types: Vec<Facet>,
    /// Source brands (`healthcareitnews.com`) with article counts.
    pub brands: Vec<Facet>,
    /// The browse view (no query, no filter, newest first), precomputed. Optional so that
    /// partners who write their own index may leave it out; the widget computes it then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_view: Option<FirstView>,
    /// Offerings, de-duplicated across articles.
    pub offerings: Vec<Offering>,
    /// Articles, newest first (undated last), ties broken by id.
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Topic {
    pub group: GroupId,
    /// Display label, trimmed (`Telemedicine`).
    pub label: String,
    /// URL-safe slug of `group: label`, stable across runs (`healthcare-it-news-telemedicine`).
    pub slug: String,
    /// The topic's page on the publishing site, if the source gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Number of articles with this topic (inferred topics included).
    pub count: u32,
}

/// A value of a flat facet (content type, brand) with its article count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Facet {
    pub name: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    /// Absolute http(s) URL, or relative when the indexer had no `--base-url`.
    pub src: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Offering {
    /// The source's offeringId, when it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offering_id: Option<u64>,
    pub label: String,
    /// The offering's page (`permalink`), absolute when the indexer had a `--base-url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Topic ids of the offering's own categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicId>,
    /// Number of articles that reference it.
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// Stable, unique id (source id, else slug, else file path).
    pub id: String,
    pub title: String,
    /// Clean plain-text summary (HTML and entities removed), at most a few sentences.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Publication date as `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Link to the article (absolute http(s), or relative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<BrandId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// Author names, as the source gave them: searched (with the brand), not shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub content_type: Option<TypeId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<TopicId>,
    /// True when `topics` were inferred from the text (the source had no categories).
    #[serde(default, skip_serializing_if = "is_false")]
    pub inferred: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offerings: Vec<OfferingId>,
    /// Searchable body text beyond title and summary: the body's most telling words, plain
    /// text, bounded in length so the index stays compact.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// The browse view, ready to paint without the rest of the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirstView {
    /// Number of articles in the whole index.
    pub total: u32,
    /// The first [`FIRST_VIEW_CARDS`] articles in browse order (copies of `articles[0..]`).
    pub articles: Vec<Article>,
    /// Every offering the first view mentions (the panel and the cards' own), each with its
    /// position in [`Index::offerings`] so card references resolve.
    pub offerings: Vec<PlacedOffering>,
    /// The related-offering panel for the browse view: offering ids, best first.
    pub panel: Vec<OfferingId>,
}

/// An offering together with its id, for the first view's subset of offerings: the
/// offering's members and `at` in one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "PlacedOfferingRecord")]
pub struct PlacedOffering {
    pub at: OfferingId,
    #[serde(flatten)]
    pub offering: Offering,
}

/// A [`PlacedOffering`] as serde reads it (the oracle's reading; the widget's reader is
/// `src/index/read.rs`). Reading through `#[serde(flatten)]` would buffer each object into
/// a generic value first, so the members are listed here. Keep them in step with
/// [`Offering`] (the decode round-trip tests check).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlacedOfferingRecord {
    at: OfferingId,
    #[serde(default)]
    offering_id: Option<u64>,
    label: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    topics: Vec<TopicId>,
    count: u32,
}

impl From<PlacedOfferingRecord> for PlacedOffering {
    fn from(r: PlacedOfferingRecord) -> Self {
        PlacedOffering {
            at: r.at,
            offering: Offering {
                offering_id: r.offering_id,
                label: r.label,
                url: r.url,
                topics: r.topics,
                count: r.count,
            },
        }
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every member of `Offering` set: a member added to `Offering` but not to
    /// `PlacedOfferingRecord` is lost on the way back and fails this.
    #[test]
    fn placed_offerings_round_trip_every_member() {
        let placed = PlacedOffering {
            at: 4,
            offering: Offering {
                offering_id: Some(77),
                label: "Remote monitoring kit".into(),
                url: Some("https://example.org/kit".into()),
                topics: vec![2, 5],
                count: 3,
            },
        };
        let json = serde_json::to_string(&placed).unwrap();
        assert_eq!(
            json,
            r#"{"at":4,"offeringId":77,"label":"Remote monitoring kit","url":"https://example.org/kit","topics":[2,5],"count":3}"#
        );
        assert_eq!(
            serde_json::from_str::<PlacedOffering>(&json).unwrap(),
            placed
        );
    }
}
