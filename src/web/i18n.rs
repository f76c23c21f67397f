//! Every piece of UI text, with English defaults that hosts replace through
//! `options.strings` (`{ "sortNewest": "Neueste" }`), plus locale-aware date and number
//! formatting through `Intl`.
//!
//! Keys and defaults (placeholders in braces are filled in by the widget):
//!
//! | key | default |
//! |---|---|
//! | `searchLabel` | Search articles |
//! | `searchPlaceholder` | Search articles… |
//! | `sortLabel` | Sort by |
//! | `sortRelevance` | Relevance |
//! | `sortNewest` | Newest |
//! | `filters` | Filters |
//! | `filtersActive` | Filters ({n}) |
//! | `typeGroup` | Type |
//! | `sourceGroup` | Source |
//! | `showMoreValues` | Show {n} more |
//! | `showFewerValues` | Show fewer |
//! | `activeFilters` | Active filters |
//! | `clearAll` | Clear all |
//! | `removeFilter` | Remove filter: {label} |
//! | `searchChip` | Search: {query} |
//! | `dateFromChip` | From {date} |
//! | `dateToChip` | Until {date} |
//! | `resultsOne` | 1 article |
//! | `resultsMany` | {n} articles |
//! | `resultsNone` | No articles match. Try removing a filter. |
//! | `loading` | Loading articles… |
//! | `searchLoading` | Preparing search… |
//! | `showMore` | Show more |
//! | `shownOf` | Showing {shown} of {total} |
//! | `offeringsTitle` | Related offerings |
//! | `offeringArticlesOne` | 1 article |
//! | `offeringArticlesMany` | {n} articles |
//! | `inferred` | Inferred from the text |
//! | `filterBy` | Filter by {label} |
//! | `errorTitle` | Articles could not be loaded |
//! | `noIndex` | No index given. |

use std::collections::HashMap;
use wasm_bindgen::prelude::*;

use crate::ui_assets::DEFAULT_STRINGS as DEFAULTS;

#[wasm_bindgen]
extern "C" {
    // Our own bindings so a bad locale tag comes back as an error instead of a throw.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = DateTimeFormat)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = DateTimeFormat, js_name = format)]
    fn format(this: &DateFormat, date: &js_sys::Date) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = NumberFormat)]
    fn new(locales: &JsValue) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = NumberFormat, js_name = format)]
    fn format(this: &NumberFormat, n: f64) -> Result<String, JsValue>;
}

/// The UI text table for one widget and its locale.
pub struct Strings {
    overrides: HashMap<String, String>,
    dates: Option<DateFormat>,
    numbers: Option<NumberFormat>,
}

impl Strings {
    /// `locale` `None` means the browser's language. Unknown override keys are reported.
    pub fn new(locale: Option<&str>, overrides: &HashMap<String, String>) -> Self {
        for key in overrides.keys() {
            if !DEFAULTS.iter().any(|(k, _)| k == key) {
                super::warn(&format!(
                    "topic-cards: unknown strings key \"{key}\" ignored"
                ));
            }
        }
        let locales = match locale {
            Some(tag) => JsValue::from_str(tag),
            None => JsValue::UNDEFINED,
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        let mut dates = DateFormat::new(&locales, &options).ok();
        let mut numbers = NumberFormat::new(&locales).ok();
        if dates.is_none() || numbers.is_none() {
            super::warn(&format!(
                "topic-cards: locale \"{}\" is not a valid language tag; using the browser's",
                locale.unwrap_or_default()
            ));
            dates = DateFormat::new(&JsValue::UNDEFINED, &options).ok();
            numbers = NumberFormat::new(&JsValue::UNDEFINED).ok();
        }
        Self {
            overrides: overrides.clone(),
            dates,
            numbers,
        }
    }

    /// The text for `key`.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        if let Some(text) = self.overrides.get(key) {
            return text;
        }
        DEFAULTS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |(_, v)| v)
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// `1 article` / `24 articles` for the pair of keys `{stem}One` / `{stem}Many`.
    pub fn count(&self, stem: &str, n: usize) -> String {
        if n == 1 {
            self.get(&format!("{stem}One")).to_string()
        } else {
            self.fill(&format!("{stem}Many"), &[("n", &self.number(n))])
        }
    }

    pub fn number(&self, n: usize) -> String {
        self.numbers
            .as_ref()
            .and_then(|f| f.format(n as f64).ok())
            .unwrap_or_else(|| n.to_string())
    }

    /// A `YYYY-MM-DD` date in the locale's medium style. The date is built at local midnight
    /// and formatted in local time, so no time-zone shift moves it a day. Anything else is
    /// shown as given.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
        match (parts.as_slice(), &self.dates) {
            ([y, m, d], Some(format)) if (1..=12).contains(m) && (1..=31).contains(d) => {
                let date = js_sys::Date::new_with_year_month_day(*y, *m as i32 - 1, *d as i32);
                format.format(&date).unwrap_or_else(|_| iso.to_string())
            }
            _ => iso.to_string(),
        }
    }
}
