//! The JS painter (js/painter.js) as the core sees it: the object that owns the widget's
//! nodes. The core decides what is shown ([`crate::view::View`]) and hands it over whole;
//! the painter draws it, handles the person's input inside the shadow root and reports what
//! they did back through `onAct` (see [`crate::web::acts`]).
//!
//! The painter is made by the caller of `mount` (js/api.js makes it for its first paint, so
//! the widget keeps the nodes the reader already sees) and passed as the option `painter`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `createPainter(root, options)`'s result.
    #[derive(Clone)]
    pub type Painter;

    /// Draws or updates the view (the object of [`crate::view::View::to_json`]).
    #[wasm_bindgen(method, catch)]
    pub fn paint(this: &Painter, view: &JsValue) -> Result<(), JsValue>;

    /// No index yet: the loading state.
    #[wasm_bindgen(method, catch)]
    pub fn loading(this: &Painter) -> Result<(), JsValue>;

    /// The error state, with `message`; `key` names a UI string shown instead, when given.
    #[wasm_bindgen(method, catch)]
    pub fn error(this: &Painter, message: &str, key: Option<&str>) -> Result<(), JsValue>;

    /// An options patch, as `update()` got it (texts, locale, theme, links, panel).
    #[wasm_bindgen(method, catch, js_name = setOptions)]
    pub fn set_options(this: &Painter, patch: &JsValue) -> Result<(), JsValue>;

    /// Removes the painter's nodes and listeners.
    #[wasm_bindgen(method, catch)]
    pub fn destroy(this: &Painter) -> Result<(), JsValue>;

    /// Where the painter reports the person's acts: `(act, a, b, on)`.
    #[wasm_bindgen(method, setter, js_name = onAct)]
    pub fn set_on_act(this: &Painter, act: &JsValue);
}

impl Painter {
    /// Whether `value` looks like a painter (its methods are called without further checks,
    /// and a throwing one turns the widget into its error state).
    pub fn accepts(value: &JsValue) -> bool {
        ["paint", "loading", "error", "setOptions", "destroy"]
            .iter()
            .all(|name| {
                js_sys::Reflect::get(value, &JsValue::from_str(name))
                    .is_ok_and(|method| method.is_function())
            })
    }
}
