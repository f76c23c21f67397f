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

use rustc_hash::FxHashMap;
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
    overrides: FxHashMap<String, String>,
    formats: Formats,
}

/// How dates and counts are written: by hand for US English (no `Intl` start-up cost, see
/// [`crate::us_english`]), otherwise through `Intl` (`None` where even the browser's
/// default failed: plain digits and ISO dates).
enum Formats {
    UsEnglish,
    Intl {
        dates: Option<DateFormat>,
        numbers: Option<NumberFormat>,
    },
}

impl Formats {
    /// The formats for a language tag, or `None` when `Intl` refuses the tag.
    fn for_tag(tag: &str) -> Option<Formats> {
        if crate::us_english::is_us_english(tag) {
            return Some(Formats::UsEnglish);
        }
        let tag = JsValue::from_str(tag);
        Some(Formats::Intl {
            dates: Some(DateFormat::new(&tag, &medium_date()).ok()?),
            numbers: Some(NumberFormat::new(&tag).ok()?),
        })
    }

    /// The browser's: `navigator.language` (what js/first-view.js reads too, so both pick
    /// the same formats), else `Intl`'s own default.
    fn browser() -> Formats {
        browser_language()
            .and_then(|tag| Formats::for_tag(&tag))
            .unwrap_or_else(|| Formats::Intl {
                dates: DateFormat::new(&JsValue::UNDEFINED, &medium_date()).ok(),
                numbers: NumberFormat::new(&JsValue::UNDEFINED).ok(),
            })
    }
}

fn medium_date() -> JsValue {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    options.into()
}

/// `navigator.language`, when there is a navigator with a language.
fn browser_language() -> Option<String> {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
    js_sys::Reflect::get(&navigator, &"language".into())
        .ok()?
        .as_string()
        .filter(|tag| !tag.is_empty())
}

impl Strings {
    /// `locale` `None` means the browser's language. Unknown override keys are reported.
    pub fn new(locale: Option<&str>, overrides: &FxHashMap<String, String>) -> Self {
        for key in overrides.keys() {
            if !DEFAULTS.iter().any(|(k, _)| k == key) {
                super::warn(&format!(
                    "topic-cards: unknown strings key \"{key}\" ignored"
                ));
            }
        }
        let formats = match locale.map(|tag| (tag, Formats::for_tag(tag))) {
            Some((_, Some(formats))) => formats,
            Some((tag, None)) => {
                super::warn(&format!(
                    "topic-cards: locale \"{tag}\" is not a valid language tag; using the browser's"
                ));
                Formats::browser()
            }
            None => Formats::browser(),
        };
        Self {
            overrides: overrides.clone(),
            formats,
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
        match &self.formats {
            Formats::UsEnglish => crate::us_english::number(n),
            Formats::Intl {
                numbers: Some(format),
                ..
            } => format.format(n as f64).unwrap_or_else(|_| n.to_string()),
            Formats::Intl { .. } => n.to_string(),
        }
    }

    /// A `YYYY-MM-DD` date in the locale's medium style. The date is built at local midnight
    /// and formatted in local time, so no time-zone shift moves it a day. Anything else is
    /// shown as given.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
        let [y, m, d] = parts.as_slice() else {
            return iso.to_string();
        };
        if !(1..=12).contains(m) || !(1..=31).contains(d) {
            return iso.to_string();
        }
        // Through JS's Date either way, so both paths read a day past the month's end (or a
        // two-digit year) the same way.
        let date = js_sys::Date::new_with_year_month_day(*y, *m as i32 - 1, *d as i32);
        let text = match &self.formats {
            Formats::UsEnglish if !date.get_time().is_nan() => crate::us_english::date(
                i64::from(date.get_full_year()),
                date.get_month(),
                date.get_date(),
            ),
            Formats::Intl {
                dates: Some(format),
                ..
            } => format.format(&date).ok(),
            _ => None,
        };
        text.unwrap_or_else(|| iso.to_string())
    }
}
