//! The widget's stylesheet (minified at compile time) and its default UI strings: the build
//! writes both into `build/ui-assets.js` (`examples/ui_assets.rs`) for the JS painter
//! (`js/painter.js`), which draws every node and writes every UI text. One definition here,
//! tested natively, no hand-made copies anywhere else.

/// The stylesheet as written (comments and layout for people).
const SOURCE: &str = include_str!("web/style.css");
const MINIFIED: ([u8; SOURCE.len()], usize) = crate::css_min::minify(SOURCE);

/// The minified stylesheet every shadow root adopts.
pub const CSS: &str = match std::str::from_utf8(MINIFIED.0.split_at(MINIFIED.1).0) {
    Ok(css) => css,
    Err(_) => panic!("the minified stylesheet is not UTF-8"),
};

/// Every UI text key with its English default (documented in `web::i18n`); hosts override
/// them through `options.strings`.
pub const DEFAULT_STRINGS: &[(&str, &str)] = &[
    ("searchLabel", "Search articles"),
    ("searchPlaceholder", "Search articles…"),
    ("sortLabel", "Sort by"),
    ("sortRelevance", "Relevance"),
    ("sortNewest", "Newest"),
    ("filters", "Filters"),
    ("filtersActive", "Filters ({n})"),
    ("typeGroup", "Type"),
    ("sourceGroup", "Source"),
    ("showMoreValues", "Show {n} more"),
    ("showFewerValues", "Show fewer"),
    ("activeFilters", "Active filters"),
    ("clearAll", "Clear all"),
    ("removeFilter", "Remove filter: {label}"),
    ("searchChip", "Search: {query}"),
    ("dateFromChip", "From {date}"),
    ("dateToChip", "Until {date}"),
    ("resultsOne", "1 article"),
    ("resultsMany", "{n} articles"),
    ("resultsNone", "No articles match. Try removing a filter."),
    ("loading", "Loading articles…"),
    ("searchLoading", "Preparing search…"),
    ("showMore", "Show more"),
    ("shownOf", "Showing {shown} of {total}"),
    ("offeringsTitle", "Related offerings"),
    ("offeringArticlesOne", "1 article"),
    ("offeringArticlesMany", "{n} articles"),
    ("inferred", "Inferred from the text"),
    ("filterBy", "Filter by {label}"),
    ("errorTitle", "Articles could not be loaded"),
    ("noIndex", "No index given."),
    (
        "unavailable",
        "Search and filters could not be loaded; the articles shown still open.",
    ),
];

#[cfg(test)]
mod tests {
    use super::{CSS, DEFAULT_STRINGS};

    #[test]
    fn every_string_key_is_defined_once() {
        for (i, (key, text)) in DEFAULT_STRINGS.iter().enumerate() {
            assert!(!text.is_empty(), "{key}");
            assert!(
                DEFAULT_STRINGS[..i].iter().all(|(k, _)| k != key),
                "{key} twice"
            );
        }
    }

    /// The JS painter pairs `{stem}One`/`{stem}Many` and fills placeholders by name: each
    /// pair it uses must exist.
    #[test]
    fn counted_keys_come_in_pairs() {
        let has = |key: &str| DEFAULT_STRINGS.iter().any(|(k, _)| *k == key);
        for stem in ["results", "offeringArticles"] {
            assert!(
                has(&format!("{stem}One")) && has(&format!("{stem}Many")),
                "{stem}"
            );
        }
    }

    #[test]
    fn the_stylesheet_is_minified() {
        assert!(CSS.starts_with(":host{"), "{}", &CSS[..20]);
        assert!(!CSS.contains("/*") && !CSS.contains('\n'));
    }
}
