//! The index read through serde_json and the model's `Deserialize` derives: the reader the
//! widget used before [`super::read`], kept natively as the reference the new reader is
//! tested against (unit tests, `tests/engine_index.rs`, the `decode_index` fuzz target).
//! Not for production use (its errors are serde's): the widget never calls it, so it is not
//! linked into the widget's Wasm (`scripts/build.sh`; twiggy finds no serde symbol there).

use serde::Deserialize;

use super::decode::{close_prefix, usable_bytes, validate, validate_first_view, FirstViewPart};
use crate::model::{Facet, FirstView, Group, Index, Topic};

/// [`super::decode`] through serde_json: the same checks after the parse. The error is only
/// a description (tests compare outcomes, not messages).
pub fn decode(json: &[u8]) -> Result<Index, String> {
    let json = usable_bytes(json).map_err(|e| e.message)?;
    let index = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    validate(index).map_err(|e| e.message)
}

/// The members of the first-view prefix, as serde read them.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PrefixDoc {
    format: String,
    version: u32,
    groups: Vec<Group>,
    topics: Vec<Topic>,
    types: Vec<Facet>,
    brands: Vec<Facet>,
    #[serde(default)]
    first_view: Option<FirstView>,
}

/// [`super::decode_first_view`] through serde_json: the same checks after the parse.
pub fn decode_first_view(prefix: &[u8]) -> Result<FirstViewPart, String> {
    let closed = close_prefix(prefix).map_err(|e| e.message)?;
    let doc: PrefixDoc = serde_json::from_slice(&closed).map_err(|e| e.to_string())?;
    let index = Index {
        format: doc.format,
        version: doc.version,
        groups: doc.groups,
        topics: doc.topics,
        types: doc.types,
        brands: doc.brands,
        first_view: doc.first_view,
        offerings: Vec::new(),
        articles: Vec::new(),
    };
    validate_first_view(index).map_err(|e| e.message)
}

/// Where [`super::decode`] may refuse what serde_json reads: serde also reads a struct
/// written as a JSON array of its members, which the index format does not have.
const SEQUENCE_FORM: &str = "expected an object, found an array";

/// Reads `json` with both readers, whole and (when the prefix scanner finds one) its
/// first-view prefix. `None` when they agree: the same value, or both refuse (messages may
/// differ). Otherwise says how they differ. For tests and the `decode_index` fuzz target.
pub fn disagreement(json: &[u8]) -> Option<String> {
    let whole = compare(
        "decode",
        super::decode(json).map_err(|e| e.message),
        decode(json),
    );
    if whole.is_some() {
        return whole;
    }
    let mut scanner = super::PrefixScanner::new();
    if let super::split::PrefixState::Found { len } = scanner.feed(json) {
        let prefix = &json[..len];
        return compare(
            "decode_first_view",
            super::decode_first_view(prefix).map_err(|e| e.message),
            decode_first_view(prefix),
        );
    }
    None
}

fn compare<T: PartialEq>(
    what: &str,
    ours: Result<T, String>,
    serde: Result<T, String>,
) -> Option<String> {
    match (ours, serde) {
        (Ok(a), Ok(b)) if a == b => None,
        (Ok(_), Ok(_)) => Some(format!("{what}: the readers read different values")),
        (Err(_), Err(_)) => None,
        (Ok(_), Err(e)) => Some(format!(
            "{what}: the reader accepts what serde_json refuses: {e}"
        )),
        (Err(e), Ok(_)) if e.contains(SEQUENCE_FORM) => None,
        (Err(e), Ok(_)) => Some(format!(
            "{what}: the reader refuses what serde_json reads: {e}"
        )),
    }
}
