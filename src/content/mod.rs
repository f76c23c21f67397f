//! Reading source documents: front matter (YAML, TOML), plain text, HTML to text, dates,
//! field fallbacks, and diagnostics that name path and line.
