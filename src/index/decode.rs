//! Reads index JSON back into the model, and refuses anything the engine could not use
//! safely: wrong format or version, or ids that point outside their tables.

use crate::model::{FirstView, Index};

/// Why an index could not be used. The message is shown to people, so it says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexError {
    pub message: String,
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
    pub groups: Vec<crate::model::Group>,
    pub topics: Vec<crate::model::Topic>,
    pub types: Vec<crate::model::Facet>,
    pub brands: Vec<crate::model::Facet>,
    pub first_view: FirstView,
}

/// Parses and validates a whole index.
pub fn decode(json: &[u8]) -> Result<Index, IndexError> {
    // Baseline: format and version only. The query helper adds id range checks.
    let index: Index = serde_json::from_slice(json).map_err(|e| IndexError {
        message: format!("the index is not valid JSON of the expected shape: {e}"),
    })?;
    if index.format != crate::model::FORMAT || index.version != crate::model::VERSION {
        return Err(IndexError {
            message: format!(
                "unsupported index: format {:?} version {} (this widget reads {:?} version {})",
                index.format,
                index.version,
                crate::model::FORMAT,
                crate::model::VERSION
            ),
        });
    }
    Ok(index)
}

/// Parses the first-view prefix found by [`crate::index::PrefixScanner`] (the bytes up to
/// the end of the `firstView` member; this function closes the object itself).
pub fn decode_first_view(_prefix: &[u8]) -> Result<FirstViewPart, IndexError> {
    todo!("query/index helper")
}
