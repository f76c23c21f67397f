//! Builds an [`crate::model::Index`] from parsed documents (native only).
