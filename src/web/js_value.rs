//! Plain data to and from JS values, for the few shapes the API uses (strings, numbers,
//! booleans, string lists and string maps, and the widget state). Hand-written with
//! `js_sys` rather than through serde: a general serde bridge costs the Wasm several times
//! these few functions.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::state::{sort_name, WidgetState};

/// A value an option or filter can hold. `Err` says what was expected, for a warning.
pub trait FromJs: Sized {
    fn from_js(value: JsValue) -> Result<Self, &'static str>;
}

impl FromJs for String {
    fn from_js(value: JsValue) -> Result<Self, &'static str> {
        value.as_string().ok_or("expected a string")
    }
}

impl FromJs for f64 {
    fn from_js(value: JsValue) -> Result<Self, &'static str> {
        value.as_f64().ok_or("expected a number")
    }
}

impl FromJs for bool {
    fn from_js(value: JsValue) -> Result<Self, &'static str> {
        value.as_bool().ok_or("expected true or false")
    }
}

/// `null` (or `undefined`) is `None`.
impl FromJs for Option<String> {
    fn from_js(value: JsValue) -> Result<Self, &'static str> {
        if value.is_null() || value.is_undefined() {
            return Ok(None);
        }
        value
            .as_string()
            .map(Some)
            .ok_or("expected a string or null")
    }
}

/// An array (or other iterable, but not a string) of strings.
impl FromJs for Vec<String> {
    fn from_js(value: JsValue) -> Result<Self, &'static str> {
        const EXPECTED: &str = "expected a list of strings";
        if value.is_string() {
            return Err(EXPECTED);
        }
        let items = js_sys::try_iter(&value).ok().flatten().ok_or(EXPECTED)?;
        items
            .map(|item| item.ok().and_then(|s| s.as_string()).ok_or(EXPECTED))
            .collect()
    }
}

/// The state as `getState()` gives it: `{query, topics, types, brands, sort}` plus
/// `dateFrom` / `dateTo` when set.
pub fn state_to_js(state: &WidgetState) -> JsValue {
    let object = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    };
    let list = |items: &[String]| -> JsValue {
        items
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>()
            .into()
    };
    set("query", &JsValue::from_str(&state.query));
    set("topics", &list(&state.topics));
    set("types", &list(&state.types));
    set("brands", &list(&state.brands));
    if let Some(date) = &state.date_from {
        set("dateFrom", &JsValue::from_str(date));
    }
    if let Some(date) = &state.date_to {
        set("dateTo", &JsValue::from_str(date));
    }
    set("sort", &JsValue::from_str(sort_name::as_str(state.sort)));
    object.into()
}
