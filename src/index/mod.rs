//! The index as bytes: reading it back safely, finding its first-view prefix in a stream,
//! and decoding a stream article by article as it arrives.
//! Building it from content lives in `build` (native only).

pub mod decode;
pub(crate) mod json;
mod locate;
// On every target, so the Wasm tests can compare too; the widget never calls it, so none of
// it is linked into the widget's Wasm.
#[doc(hidden)]
pub mod oracle;
mod read;
pub mod split;
pub mod stream;

#[cfg(feature = "cli")]
pub mod build;

pub use decode::{decode, decode_first_view, FirstViewPart, IndexError};
pub use split::PrefixScanner;
pub use stream::StreamDecoder;

/// Serialises an index. Deterministic: struct fields in declaration order, no maps.
pub fn encode(index: &crate::model::Index) -> String {
    serde_json::to_string(index).expect("the index model holds only JSON-safe values")
}

/// The index's first-view part on its own: every member up to and including `firstView`,
/// closed as one JSON object, so its text is [`encode`]'s text up to the end of `firstView`
/// plus `}`. A page can paint it (a few kB) before it loads the widget's code and the whole
/// index (the widget's `firstViewUrl`). `None` when the index has no first view.
pub fn encode_first_view(index: &crate::model::Index) -> Option<String> {
    use crate::model::{Facet, FirstView, Group, Topic};
    /// The members [`crate::model::Index`] writes before `offerings`, in its order.
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Part<'a> {
        format: &'a str,
        version: u32,
        groups: &'a [Group],
        topics: &'a [Topic],
        types: &'a [Facet],
        brands: &'a [Facet],
        first_view: &'a FirstView,
    }
    let part = Part {
        format: &index.format,
        version: index.version,
        groups: &index.groups,
        topics: &index.topics,
        types: &index.types,
        brands: &index.brands,
        first_view: index.first_view.as_ref()?,
    };
    Some(serde_json::to_string(&part).expect("the index model holds only JSON-safe values"))
}
