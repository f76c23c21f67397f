//! The index as bytes: reading it back safely, and finding its first-view prefix in a stream.
//! Building it from content lives in `build` (native only).

pub mod decode;
mod locate;
pub mod split;

#[cfg(feature = "cli")]
pub mod build;

pub use decode::{decode, decode_first_view, decode_reader, FirstViewPart, IndexError};
pub use split::PrefixScanner;

/// Serialises an index. Deterministic: struct fields in declaration order, no maps.
pub fn encode(index: &crate::model::Index) -> String {
    serde_json::to_string(index).expect("the index model holds only JSON-safe values")
}
