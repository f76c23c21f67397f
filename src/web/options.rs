//! The `options` object of `mount()` and `Widget.update()`, read key by key so one bad value
//! costs only that value (with a console warning), never the whole call. Unknown keys are
//! ignored, so hosts can pass their own.
//!
//! Keys the core reads: `painter` (at mount only, see [`crate::web::painter`]), `index`
//! (object or JSON text), `indexUrl`, `topics` (preset, slug / `Group: Label` / label),
//! `query`, `sort` (`relevance` | `newest`), `pageSize` (1-1000, default 12), `hashSync`
//! (`true` = namespace `host.id` or `tc`, or a namespace string), `timeoutMs` (for
//! `indexUrl`, default 15000), `fetch`
//! (a function `(url, init) => Promise<Response>` used instead of the page's `fetch` for
//! `indexUrl`: headers, credentials, a cache; the JS handle passes one that returns the
//! request it started before the Wasm had loaded), `firstView` (at mount only: the index's
//! first-view part as JSON text, what `topic-cards index --first-view` writes; painted at
//! once, before the index has loaded; the JS handle passes it after fetching `firstViewUrl`).
//! What only changes how things look (`theme`, `linkTarget`, `locale`, `strings`,
//! `offerings`) is the painter's to read.

use crate::query::Sort;
use crate::state::sort_name;
use crate::web::js_value::FromJs;
use wasm_bindgen::{JsCast, JsValue};

/// Where the index comes from, in order of precedence: `index`, `indexUrl`, embedded.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// Index JSON (a JS object is stringified first: one way in for every source).
    Text(String),
    Url(String),
}

/// The settled options of one widget.
#[derive(Debug, Clone)]
pub struct Options {
    pub source: Option<Source>,
    pub page_size: usize,
    /// The hash namespace when hash sync is on.
    pub hash_sync: Option<String>,
    /// Milliseconds before an `indexUrl` load gives up.
    pub timeout_ms: u32,
    /// Requests `indexUrl` instead of `window.fetch`.
    pub fetch: Option<js_sys::Function>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            source: None,
            page_size: 12,
            hash_sync: None,
            timeout_ms: 15_000,
            fetch: None,
        }
    }
}

/// The keys present in one `options` object; `None` means "not given, keep what you have".
#[derive(Debug, Default)]
pub struct Patch {
    pub source: Option<Source>,
    pub topics: Option<Vec<String>>,
    pub query: Option<String>,
    pub sort: Option<Sort>,
    pub page_size: Option<usize>,
    pub hash_sync: Option<Option<String>>,
    pub timeout_ms: Option<u32>,
    pub fetch: Option<js_sys::Function>,
    /// The first-view part's JSON text, painted at mount while the index loads.
    pub first_view: Option<String>,
}

impl Patch {
    /// Reads `value` (any JS value; not an object means no options). `host_id` names the
    /// hash namespace for `hashSync: true`.
    pub fn read(value: &JsValue, host_id: &str) -> Self {
        let mut patch = Self::default();
        if !value.is_object() {
            if !value.is_undefined() && !value.is_null() {
                super::warn("topic-cards: options must be an object; ignored");
            }
            return patch;
        }
        let index = get(value, "index");
        if let Some(text) = index.as_string() {
            patch.source = Some(Source::Text(text));
        } else if index.is_object() {
            match js_sys::JSON::stringify(&index)
                .ok()
                .and_then(|s| s.as_string())
            {
                Some(text) => patch.source = Some(Source::Text(text)),
                None => super::warn("topic-cards: options.index could not be read as JSON"),
            }
        } else if !index.is_undefined() && !index.is_null() {
            super::warn("topic-cards: options.index must be an object or a JSON string");
        }
        if patch.source.is_none() {
            patch.source = field::<String>(value, "indexUrl").map(Source::Url);
        }
        patch.topics = field(value, "topics");
        patch.query = field(value, "query");
        patch.sort = field::<String>(value, "sort").and_then(|name| {
            let sort = sort_name::parse(&name);
            if sort.is_none() {
                super::warn(&format!(
                    "topic-cards: sort must be \"relevance\" or \"newest\", not \"{name}\""
                ));
            }
            sort
        });
        patch.page_size = field::<f64>(value, "pageSize").and_then(|n| {
            let ok = n.is_finite() && (1.0..=1000.0).contains(&n);
            if !ok {
                super::warn("topic-cards: pageSize must be a number from 1 to 1000; using 12");
            }
            ok.then_some(n as usize)
        });
        let hash = get(value, "hashSync");
        if let Some(on) = hash.as_bool() {
            // An id can hold anything (`a&b=c`); only one that is a valid namespace names it.
            let ns = if is_namespace(host_id) { host_id } else { "tc" };
            patch.hash_sync = Some(on.then(|| ns.to_string()));
        } else if let Some(ns) = hash.as_string() {
            if is_namespace(&ns) {
                patch.hash_sync = Some(Some(ns));
            } else {
                super::warn("topic-cards: hashSync namespace must be letters, digits, - or _");
            }
        } else if !hash.is_undefined() {
            super::warn("topic-cards: hashSync must be true, false or a namespace string");
        }
        patch.timeout_ms = field::<f64>(value, "timeoutMs")
            .filter(|n| n.is_finite() && *n >= 1.0)
            .map(|n| n.min(f64::from(u32::MAX)) as u32);
        let fetch = get(value, "fetch");
        if fetch.is_function() {
            patch.fetch = Some(fetch.unchecked_into());
        } else if !fetch.is_undefined() && !fetch.is_null() {
            super::warn("topic-cards: option \"fetch\" ignored: not a function");
        }
        patch.first_view = field(value, "firstView");
        patch
    }

    /// Applies the given keys to `options`.
    pub fn apply_to(&self, options: &mut Options) {
        if let Some(source) = &self.source {
            options.source = Some(source.clone());
        }
        if let Some(n) = self.page_size {
            options.page_size = n;
        }
        if let Some(hash) = &self.hash_sync {
            options.hash_sync = hash.clone();
        }
        if let Some(ms) = self.timeout_ms {
            options.timeout_ms = ms;
        }
        if let Some(fetch) = &self.fetch {
            options.fetch = Some(fetch.clone());
        }
    }
}

/// A hash namespace: letters, digits, `-` and `_`, so it cannot break the hash's `&`/`=`/`.`
/// structure.
fn is_namespace(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "-_".contains(c))
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads one key; absent (or `undefined`) is `None` silently, a wrong type warns.
pub fn field<T: FromJs>(object: &JsValue, key: &str) -> Option<T> {
    let value = get(object, key);
    if value.is_undefined() {
        return None;
    }
    match T::from_js(value) {
        Ok(v) => Some(v),
        Err(e) => {
            super::warn(&format!("topic-cards: option \"{key}\" ignored: {e}"));
            None
        }
    }
}

/// `host.id`, for the default hash namespace.
pub fn host_id(host: &web_sys::HtmlElement) -> String {
    host.unchecked_ref::<web_sys::Element>().id()
}
