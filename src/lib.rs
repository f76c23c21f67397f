//! topic-cards: filterable topic cards and related-offering panels for health-technology
//! news, as a small Rust/Wasm widget with a native indexer.
//!
//! Data flows one way:
//!
//! ```text
//! content files --content--> Article records --index::build--> index JSON (model::Index)
//! browser: index::decode -> query::Engine -> session -> view -> js/controller.js -> js/painter.js
//! ```
//!
//! Everything but `web` is plain Rust that tests natively; `content` and `index::build`
//! exist only with the `cli` feature, `web` (the Wasm's exports) only on wasm32. The JS
//! controller (js/controller.js) loads the index into a [`session::Session`] through them,
//! and the JS painter (js/painter.js) draws the [`view::View`] each paint hands it.

// The size-built Wasm (opt-level "z") compiles the query path's hot functions for speed
// (scripts/build.sh passes `--cfg topic_cards_speed`; it already unlocks unstable flags for
// -Zbuild-std): see src/query/mod.rs.
#![cfg_attr(topic_cards_speed, feature(optimize_attribute))]

pub mod css_min;
pub mod id_sort;
pub mod index;
pub mod model;
pub mod query;

#[cfg(feature = "cli")]
pub mod content;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(feature = "cli")]
pub mod synth;

pub mod safe_url;
pub mod session;
pub mod state;
pub mod ui_assets;
pub mod view;
