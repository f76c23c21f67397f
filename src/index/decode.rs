//! Reads index JSON back into the model, and refuses anything the engine could not use
//! safely: wrong format or version, or ids that point outside their tables.
//!
//! Errors are shown to people (the widget's error state, the CLI), so each says what is
//! wrong and where: `articles[12].topics[3] = 99 but there are 40 topics`. The happy path
//! parses once (with [`super::read`], not serde_json: see [`super::json`] for why); only a
//! failed parse is parsed again, to tell a foreign or newer document from a damaged one and
//! to name the member at fault.

use super::json::{Fault, ReadError};
use super::locate;
use super::read;
use crate::model::{
    Article, Facet, FirstView, Group, Index, Offering, Topic, FIRST_VIEW_CARDS, FORMAT, VERSION,
};

/// Larger indexes are refused before parsing: far beyond any real corpus (100k articles
/// make about 60 MB), and a browser tab would run out of memory parsing them anyway.
pub const MAX_INDEX_BYTES: usize = 512 * 1024 * 1024;

/// Why an index could not be used. The message is shown to people, so it says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexError {
    pub message: String,
}

impl IndexError {
    fn new(message: impl Into<String>) -> Self {
        IndexError {
            message: message.into(),
        }
    }
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IndexError {}

/// The bounded prefix of an index: the dictionaries and the first view.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstViewPart {
    pub groups: Vec<Group>,
    pub topics: Vec<Topic>,
    pub types: Vec<Facet>,
    pub brands: Vec<Facet>,
    pub first_view: FirstView,
}

/// Parses and validates a whole index.
pub fn decode(json: &[u8]) -> Result<Index, IndexError> {
    let json = usable_bytes(json)?;
    validate(parse(json, read::index)?)
}

/// The checks every parsed index must pass before the engine may use it. A valid index's
/// article list gives back its unused capacity: it grew by doubling as articles were read,
/// so up to half of it would sit unused under the engine and the search (at 10k articles,
/// 16,384 slots; in Wasm, whose memory never shrinks, about 1 MB).
pub(super) fn validate(mut index: Index) -> Result<Index, IndexError> {
    check_parsed_header(&index.format, index.version)?;
    let tables = Tables {
        groups: index.groups.len(),
        topics: index.topics.len(),
        types: index.types.len(),
        brands: index.brands.len(),
        offerings: Some(index.offerings.len()),
    };
    check_topics(&index.topics, &tables)?;
    for (i, offering) in index.offerings.iter().enumerate() {
        check_offering(&format!("offerings[{i}]"), offering, &tables)?;
    }
    for (i, article) in index.articles.iter().enumerate() {
        // The path is spelled out only for an article with something wrong: at 100k
        // articles, formatting it for each id of each one was most of the check.
        if !article_in_range(article, &tables) {
            check_article(&format!("articles[{i}]"), article, &tables, None)?;
        }
    }
    if let Some(view) = &index.first_view {
        check_first_view(view, &tables)?;
    }
    index.articles.shrink_to_fit();
    Ok(index)
}

/// Parses the first-view prefix found by [`crate::index::PrefixScanner`] (the bytes up to
/// the end of the `firstView` member; this function closes the object itself).
pub fn decode_first_view(prefix: &[u8]) -> Result<FirstViewPart, IndexError> {
    validate_first_view(parse(&close_prefix(prefix)?, read::prefix)?)
}

/// The prefix (BOM stripped) as a JSON object: its members and a closing brace.
pub(super) fn close_prefix(prefix: &[u8]) -> Result<Vec<u8>, IndexError> {
    let prefix = usable_bytes(prefix)?;
    let mut closed = Vec::with_capacity(prefix.len() + 1);
    closed.extend_from_slice(prefix.trim_ascii_end());
    closed.push(b'}');
    Ok(closed)
}

/// The checks of [`decode_first_view`] on the prefix's members, read as an index without
/// offerings and articles.
pub(super) fn validate_first_view(doc: Index) -> Result<FirstViewPart, IndexError> {
    check_parsed_header(&doc.format, doc.version)?;
    let view = doc
        .first_view
        .ok_or_else(|| IndexError::new("the index has no firstView member before its articles"))?;
    let tables = Tables {
        groups: doc.groups.len(),
        topics: doc.topics.len(),
        types: doc.types.len(),
        brands: doc.brands.len(),
        offerings: None,
    };
    check_topics(&doc.topics, &tables)?;
    check_first_view(&view, &tables)?;
    Ok(FirstViewPart {
        groups: doc.groups,
        topics: doc.topics,
        types: doc.types,
        brands: doc.brands,
        first_view: view,
    })
}

/// Strips a UTF-8 byte-order mark and refuses empty or oversized input.
pub(super) fn usable_bytes(json: &[u8]) -> Result<&[u8], IndexError> {
    if json.len() > MAX_INDEX_BYTES {
        return Err(IndexError::new(format!(
            "the index is {} MB, more than the {} MB this widget reads",
            json.len() / (1024 * 1024),
            MAX_INDEX_BYTES / (1024 * 1024)
        )));
    }
    let json = json.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(json);
    if json.trim_ascii().is_empty() {
        return Err(IndexError::new("the index is empty"));
    }
    Ok(json)
}

/// Parses `json` with `read`; on failure, explains whether it is not JSON, not our index, a
/// newer schema, or our index with a member of the wrong shape (named by path).
fn parse<T>(json: &[u8], read: fn(&[u8]) -> Result<T, ReadError>) -> Result<T, IndexError> {
    let first = match read(json) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    if json.trim_ascii_start().starts_with(b"[") {
        return Err(IndexError::new(
            "this is not a topic-cards index (it is a JSON array, not an object)",
        ));
    }
    // The header read checks the whole text's syntax too, so a damaged document is called
    // damaged before its header is judged, and a foreign or newer one is named as such
    // before any member of it is found to be of the wrong shape.
    let fault = match read::header(json) {
        Ok(header) => {
            let (format, version) = (json_text(header.format), json_text(header.version));
            // A JSON string with no escapes is its text between quotes.
            let name = format.strip_prefix('"').and_then(|f| f.strip_suffix('"'));
            check_header(name, &format, version.parse().ok(), &version)?;
            first
        }
        Err(e) if e.fault == Fault::Shape => {
            return Err(IndexError::new("this is not a topic-cards index"))
        }
        Err(e) => e,
    };
    let (line, column) = locate::line_column(json, fault.at);
    let detail = &fault.detail;
    Err(IndexError::new(match fault.fault {
        Fault::Truncated => format!(
            "the index is cut short (truncated JSON: {detail} at line {line}, column {column}); download or build it again"
        ),
        Fault::Syntax => {
            let path = locate::path_at(json, fault.at);
            let inside = if path == "." { String::new() } else { format!(" (in {path})") };
            format!("the index is not valid JSON: {detail} at line {line}, column {column}{inside}")
        }
        Fault::Shape => format!(
            "the index has an unexpected shape at {}: {detail} (line {line}, column {column})",
            locate::path_at(json, fault.at)
        ),
    }))
}

/// A member's JSON text, `null` when absent.
fn json_text(raw: Option<&[u8]>) -> String {
    raw.map_or("null".into(), |r| {
        String::from_utf8_lossy(r).trim().to_string()
    })
}

/// [`check_header`] for a parsed document.
fn check_parsed_header(format: &str, version: u32) -> Result<(), IndexError> {
    let version_text = version.to_string();
    check_header(
        Some(format),
        &format!("\"{format}\""),
        Some(u64::from(version)),
        &version_text,
    )
}

/// The `format` and `version` members say this is an index this widget reads. Each comes as
/// its value (when a string, and a whole number) and its JSON text (for the message).
fn check_header(
    name: Option<&str>,
    format: &str,
    version_number: Option<u64>,
    version: &str,
) -> Result<(), IndexError> {
    if name != Some(FORMAT) {
        return Err(IndexError::new(format!(
            "this is not a topic-cards index (its format member is {format}, expected \"{FORMAT}\")"
        )));
    }
    match version_number {
        Some(v) if v == u64::from(VERSION) => Ok(()),
        Some(v) if v > u64::from(VERSION) => Err(IndexError::new(format!(
            "index schema version {v} is newer than this widget ({VERSION}); update the widget"
        ))),
        Some(v) => Err(IndexError::new(format!(
            "index schema version {v} is older than this widget ({VERSION}); rebuild the index"
        ))),
        None => Err(IndexError::new(format!(
            "the index's version member is {version}, expected a number"
        ))),
    }
}

/// Table sizes ids are checked against. `offerings` is unknown in the first-view prefix.
struct Tables {
    groups: usize,
    topics: usize,
    types: usize,
    brands: usize,
    offerings: Option<usize>,
}

fn check_id(at: &str, id: u32, len: usize, table: &str) -> Result<(), IndexError> {
    if (id as usize) < len {
        Ok(())
    } else {
        Err(IndexError::new(format!(
            "{at} = {id} but there are {len} {table}"
        )))
    }
}

fn check_topics(topics: &[Topic], tables: &Tables) -> Result<(), IndexError> {
    for (i, topic) in topics.iter().enumerate() {
        check_id(
            &format!("topics[{i}].group"),
            topic.group,
            tables.groups,
            "groups",
        )?;
    }
    Ok(())
}

fn check_offering(at: &str, offering: &Offering, tables: &Tables) -> Result<(), IndexError> {
    for (j, &t) in offering.topics.iter().enumerate() {
        check_id(&format!("{at}.topics[{j}]"), t, tables.topics, "topics")?;
    }
    Ok(())
}

/// True when every id of `article` is inside its table: what [`check_article`] checks
/// (without `placed`), without building the paths its messages need.
fn article_in_range(article: &Article, tables: &Tables) -> bool {
    let inside = |id: u32, len: usize| (id as usize) < len;
    article.brand.is_none_or(|b| inside(b, tables.brands))
        && article.content_type.is_none_or(|t| inside(t, tables.types))
        && article.topics.iter().all(|&t| inside(t, tables.topics))
        && tables
            .offerings
            .is_none_or(|len| article.offerings.iter().all(|&o| inside(o, len)))
}

/// Checks an article's ids. Offerings are checked against the offering table when it is
/// known, else against `placed` (the first view's own offerings).
fn check_article(
    at: &str,
    article: &Article,
    tables: &Tables,
    placed: Option<&[u32]>,
) -> Result<(), IndexError> {
    if let Some(b) = article.brand {
        check_id(&format!("{at}.brand"), b, tables.brands, "brands")?;
    }
    if let Some(t) = article.content_type {
        check_id(&format!("{at}.type"), t, tables.types, "types")?;
    }
    for (j, &t) in article.topics.iter().enumerate() {
        check_id(&format!("{at}.topics[{j}]"), t, tables.topics, "topics")?;
    }
    for (j, &o) in article.offerings.iter().enumerate() {
        check_offering_ref(&format!("{at}.offerings[{j}]"), o, tables, placed)?;
    }
    Ok(())
}

fn check_offering_ref(
    at: &str,
    id: u32,
    tables: &Tables,
    placed: Option<&[u32]>,
) -> Result<(), IndexError> {
    if let Some(len) = tables.offerings {
        check_id(at, id, len, "offerings")?;
    }
    match placed {
        Some(placed) if !placed.contains(&id) => Err(IndexError::new(format!(
            "{at} = {id} but firstView.offerings has no offering at {id}"
        ))),
        _ => Ok(()),
    }
}

fn check_first_view(view: &FirstView, tables: &Tables) -> Result<(), IndexError> {
    if view.articles.len() > FIRST_VIEW_CARDS * 64 {
        return Err(IndexError::new(format!(
            "firstView.articles holds {} cards; a first view holds a page ({FIRST_VIEW_CARDS})",
            view.articles.len()
        )));
    }
    let placed: Vec<u32> = view.offerings.iter().map(|p| p.at).collect();
    for (i, p) in view.offerings.iter().enumerate() {
        let at = format!("firstView.offerings[{i}]");
        if let Some(len) = tables.offerings {
            check_id(&format!("{at}.at"), p.at, len, "offerings")?;
        }
        check_offering(&at, &p.offering, tables)?;
    }
    for (i, &o) in view.panel.iter().enumerate() {
        check_offering_ref(&format!("firstView.panel[{i}]"), o, tables, Some(&placed))?;
    }
    for (i, article) in view.articles.iter().enumerate() {
        check_article(
            &format!("firstView.articles[{i}]"),
            article,
            tables,
            Some(&placed),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(json: &str) -> String {
        decode(json.as_bytes()).expect_err(json).message
    }

    #[test]
    fn header_messages_quote_the_members_as_written() {
        assert_eq!(
            error(r#"{"format": "other", "version": 1}"#),
            "this is not a topic-cards index (its format member is \"other\", expected \"topic-cards-index\")"
        );
        assert_eq!(
            error(r#"{"format": 7}"#),
            "this is not a topic-cards index (its format member is 7, expected \"topic-cards-index\")"
        );
        assert_eq!(
            error(r#"{"format": "topic-cards-index", "version": "1"}"#),
            "the index's version member is \"1\", expected a number"
        );
        assert_eq!(
            error(r#"{"format": "topic-cards-index"}"#),
            "the index's version member is null, expected a number"
        );
        assert!(error(r#"{"format": "topic-cards-index", "version": 3}"#).contains("newer"));
    }

    #[test]
    fn a_missing_member_names_its_object() {
        let json = r#"{"format":"topic-cards-index","version":1,"groups":[{"label":"a"}],
            "topics":[{"group":0,"label":"t","slug":"t","count":1},{"group":0,"label":"u"}],
            "types":[],"brands":[],"offerings":[],"articles":[]}"#;
        let message = error(json);
        assert!(message.contains("at topics[1]:"), "{message}");
        assert!(
            message.contains("the member `slug` is missing"),
            "{message}"
        );
    }
}
