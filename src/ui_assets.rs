//! The widget's stylesheet (minified at compile time) and its default UI strings, kept
//! outside the wasm32-only `web` layer so that native code can read them too: the build
//! writes both into `build/ui-assets.js` (`examples/ui_assets.rs`) for the plain-JS
//! first-view painter (`js/first-view.js`), which must draw with exactly the core's text
//! and CSS. One definition here, no hand-made copies anywhere else.

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
];
