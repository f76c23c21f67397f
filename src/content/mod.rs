//! Reading source documents: front matter (YAML, TOML, JSON), plain text, HTML to text, dates,
//! field fallbacks, and diagnostics that name path and line.
//!
//! [`walk::scan`] reads a folder into [`Document`]s and [`Skip`]s; `index::build` turns the
//! documents into the index.

mod block_yaml;
pub mod dates;
pub mod diagnostics;
pub mod document;
pub mod fields;
pub mod frontmatter;
pub mod html_text;
pub mod links;
mod loose_yaml;
pub mod markdown_text;
pub mod plain;
pub mod read;
pub mod slug;
pub mod source;
pub mod summary;
pub mod walk;
mod yaml_aliases;

pub use diagnostics::{Report, Skip, Warning};
pub use document::{Category, Document, ImageRef, OfferingRef};
pub use read::read_document;
pub use walk::{scan, Scan};
