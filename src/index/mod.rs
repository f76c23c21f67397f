//! The index as bytes: reading it back safely, finding its first-view prefix in a stream,
//! and decoding a stream article by article as it arrives.
//! Building it from content lives in `build` (native only).

pub mod decode;
mod json;
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
