//! The widget's filter state as plain data, and its URL-hash form for shareable links.
//! Pure Rust (no DOM) so it tests natively; the web layer reads and writes `location.hash`.
