//! The index schema read with [`super::json::Reader`]: one plain function per model type,
//! with the rules of the model's serde attributes (`src/model.rs`), which stay the
//! reference (the oracle tests compare the two):
//! - members may come in any order; unknown members are skipped; a member given twice is
//!   refused;
//! - members with a default (`#[serde(default)]`) may be missing; an `Option` member may
//!   also be `null`; every other member is required and may not be `null`;
//! - ids and counts are whole numbers within their type (u32, or u64 for `offeringId`).
//!
//! One deliberate difference: serde also reads a struct written as a JSON array of its
//! members in order; the index format has only objects, so an array there is refused.

use super::json::{Reader, Result};
use crate::model::{
    Article, Facet, FirstView, Group, Image, Index, Offering, PlacedOffering, Topic,
};

/// Reads a whole index (nothing may follow it).
pub fn index(json: &[u8]) -> Result<Index> {
    let mut r = Reader::new(json);
    let index = top(&mut r, true)?;
    r.end()?;
    Ok(index)
}

/// Reads the first-view prefix of an index, closed as an object: the index's members with
/// `offerings` and `articles` unread (skipped if present) and left empty.
pub fn prefix(json: &[u8]) -> Result<Index> {
    let mut r = Reader::new(json);
    let index = top(&mut r, false)?;
    r.end()?;
    Ok(index)
}

/// Reads one article (nothing may follow it).
pub fn article(json: &[u8]) -> Result<Article> {
    let mut r = Reader::new(json);
    let article = read_article(&mut r)?;
    r.end()?;
    Ok(article)
}

/// The JSON text of the top-level `format` and `version` members of any JSON object, each
/// `None` when absent; the whole text is checked for syntax. For telling what a document
/// that is not a readable index is.
pub struct Header<'a> {
    pub format: Option<&'a [u8]>,
    pub version: Option<&'a [u8]>,
}

pub fn header(json: &[u8]) -> Result<Header<'_>> {
    let mut r = Reader::new(json);
    let mut header = Header {
        format: None,
        version: None,
    };
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(&["format", "version"], &mut seen)? {
        let raw = Some(r.raw()?);
        match i {
            0 => header.format = raw,
            _ => header.version = raw,
        }
    }
    r.end()?;
    Ok(header)
}

/// A required member's value, or the error naming it.
fn need<T>(r: &Reader, value: Option<T>, name: &str) -> Result<T> {
    value.ok_or_else(|| r.missing(name))
}

/// An array, each element read by `read`.
fn list<T>(r: &mut Reader, read: fn(&mut Reader) -> Result<T>) -> Result<Vec<T>> {
    r.array()?;
    let mut items = Vec::new();
    while r.element()? {
        items.push(read(r)?);
    }
    Ok(items)
}

/// An `Option` member's value: `null` is `None`.
fn nullable<T>(r: &mut Reader, read: fn(&mut Reader) -> Result<T>) -> Result<Option<T>> {
    if r.null()? {
        Ok(None)
    } else {
        read(r).map(Some)
    }
}

fn id(r: &mut Reader) -> Result<u32> {
    // In range by the bound just checked.
    r.unsigned(u64::from(u32::MAX)).map(|n| n as u32)
}

fn string(r: &mut Reader) -> Result<String> {
    r.string()
}

const INDEX: &[&str] = &[
    "format",
    "version",
    "groups",
    "topics",
    "types",
    "brands",
    "firstView",
    "offerings",
    "articles",
];

/// The top-level object; `whole` reads `offerings` and `articles` (and requires them),
/// else they count as unknown members.
fn top(r: &mut Reader, whole: bool) -> Result<Index> {
    let names = if whole { INDEX } else { &INDEX[..7] };
    let (mut format, mut version, mut groups, mut topics) = (None, None, None, None);
    let (mut types, mut brands, mut first_view) = (None, None, None);
    let (mut offerings, mut articles) = (None, None);
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(names, &mut seen)? {
        match i {
            0 => format = Some(r.string()?),
            1 => version = Some(id(r)?),
            2 => groups = Some(list(r, group)?),
            3 => topics = Some(list(r, topic)?),
            4 => types = Some(list(r, facet)?),
            5 => brands = Some(list(r, facet)?),
            6 => first_view = nullable(r, read_first_view)?,
            7 => offerings = Some(list(r, offering)?),
            _ => articles = Some(list(r, read_article)?),
        }
    }
    let (offerings, articles) = if whole {
        (
            need(r, offerings, "offerings")?,
            need(r, articles, "articles")?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(Index {
        format: need(r, format, "format")?,
        version: need(r, version, "version")?,
        groups: need(r, groups, "groups")?,
        topics: need(r, topics, "topics")?,
        types: need(r, types, "types")?,
        brands: need(r, brands, "brands")?,
        first_view,
        offerings,
        articles,
    })
}

fn group(r: &mut Reader) -> Result<Group> {
    let mut label = None;
    let mut seen = 0;
    r.object()?;
    while r.member(&["label"], &mut seen)?.is_some() {
        label = Some(r.string()?);
    }
    Ok(Group {
        label: need(r, label, "label")?,
    })
}

fn topic(r: &mut Reader) -> Result<Topic> {
    let (mut group, mut label, mut slug, mut url, mut count) = (None, None, None, None, None);
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(&["group", "label", "slug", "url", "count"], &mut seen)? {
        match i {
            0 => group = Some(id(r)?),
            1 => label = Some(r.string()?),
            2 => slug = Some(r.string()?),
            3 => url = nullable(r, string)?,
            _ => count = Some(id(r)?),
        }
    }
    Ok(Topic {
        group: need(r, group, "group")?,
        label: need(r, label, "label")?,
        slug: need(r, slug, "slug")?,
        url,
        count: need(r, count, "count")?,
    })
}

fn facet(r: &mut Reader) -> Result<Facet> {
    let (mut name, mut count) = (None, None);
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(&["name", "count"], &mut seen)? {
        match i {
            0 => name = Some(r.string()?),
            _ => count = Some(id(r)?),
        }
    }
    Ok(Facet {
        name: need(r, name, "name")?,
        count: need(r, count, "count")?,
    })
}

fn image(r: &mut Reader) -> Result<Image> {
    let (mut src, mut alt, mut width, mut height) = (None, String::new(), None, None);
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(&["src", "alt", "width", "height"], &mut seen)? {
        match i {
            0 => src = Some(r.string()?),
            1 => alt = r.string()?,
            2 => width = nullable(r, id)?,
            _ => height = nullable(r, id)?,
        }
    }
    Ok(Image {
        src: need(r, src, "src")?,
        alt,
        width,
        height,
    })
}

/// The members of an offering; `at` only in the first view's placed offerings.
const OFFERING: &[&str] = &["offeringId", "label", "url", "topics", "count", "at"];

/// An offering and, when `placed`, its `at` member (required then).
fn read_offering(r: &mut Reader, placed: bool) -> Result<(Offering, Option<u32>)> {
    let names = if placed { OFFERING } else { &OFFERING[..5] };
    let (mut offering_id, mut label, mut url, mut topics) = (None, None, None, Vec::new());
    let (mut count, mut at) = (None, None);
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(names, &mut seen)? {
        match i {
            0 => offering_id = nullable(r, |r| r.unsigned(u64::MAX))?,
            1 => label = Some(r.string()?),
            2 => url = nullable(r, string)?,
            3 => topics = list(r, id)?,
            4 => count = Some(id(r)?),
            _ => at = Some(id(r)?),
        }
    }
    // serde reports the first missing member in declaration order, where `at` comes first.
    if placed && at.is_none() {
        return Err(r.missing("at"));
    }
    let offering = Offering {
        offering_id,
        label: need(r, label, "label")?,
        url,
        topics,
        count: need(r, count, "count")?,
    };
    Ok((offering, at))
}

fn offering(r: &mut Reader) -> Result<Offering> {
    read_offering(r, false).map(|(offering, _)| offering)
}

fn placed_offering(r: &mut Reader) -> Result<PlacedOffering> {
    let (offering, at) = read_offering(r, true)?;
    Ok(PlacedOffering {
        at: at.unwrap_or_default(),
        offering,
    })
}

fn read_first_view(r: &mut Reader) -> Result<FirstView> {
    let (mut total, mut articles, mut offerings, mut panel) = (None, None, None, None);
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(&["total", "articles", "offerings", "panel"], &mut seen)? {
        match i {
            0 => total = Some(id(r)?),
            1 => articles = Some(list(r, read_article)?),
            2 => offerings = Some(list(r, placed_offering)?),
            _ => panel = Some(list(r, id)?),
        }
    }
    Ok(FirstView {
        total: need(r, total, "total")?,
        articles: need(r, articles, "articles")?,
        offerings: need(r, offerings, "offerings")?,
        panel: need(r, panel, "panel")?,
    })
}

const ARTICLE: &[&str] = &[
    "id",
    "title",
    "summary",
    "date",
    "url",
    "brand",
    "image",
    "authors",
    "type",
    "topics",
    "inferred",
    "offerings",
    "text",
];

fn read_article(r: &mut Reader) -> Result<Article> {
    let (mut id_, mut title) = (None, None);
    let mut a = Article {
        id: String::new(),
        title: String::new(),
        summary: String::new(),
        date: None,
        url: None,
        brand: None,
        image: None,
        authors: Vec::new(),
        content_type: None,
        topics: Vec::new(),
        inferred: false,
        offerings: Vec::new(),
        text: String::new(),
    };
    let mut seen = 0;
    r.object()?;
    while let Some(i) = r.member(ARTICLE, &mut seen)? {
        match i {
            0 => id_ = Some(r.string()?),
            1 => title = Some(r.string()?),
            2 => a.summary = r.string()?,
            3 => a.date = nullable(r, string)?,
            4 => a.url = nullable(r, string)?,
            5 => a.brand = nullable(r, id)?,
            6 => a.image = nullable(r, image)?,
            7 => a.authors = list(r, string)?,
            8 => a.content_type = nullable(r, id)?,
            9 => a.topics = list(r, id)?,
            10 => a.inferred = r.bool()?,
            11 => a.offerings = list(r, id)?,
            _ => a.text = r.string()?,
        }
    }
    a.id = need(r, id_, "id")?;
    a.title = need(r, title, "title")?;
    Ok(a)
}
