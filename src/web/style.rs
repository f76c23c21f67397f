//! The widget's stylesheet, adopted by each shadow root as one shared constructable
//! `CSSStyleSheet`: no `<style>` element and no style attribute, so it works under a
//! `style-src 'self'` Content Security Policy.

use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::ui_assets::CSS;

thread_local! {
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(CSS).is_ok());
}

/// Applies the stylesheet to `root`.
pub fn adopt(root: &ShadowRoot) {
    SHEET.with(|sheet| match sheet {
        Some(sheet) => root.set_adopted_style_sheets(&js_sys::Array::of1(&JsValue::from(sheet))),
        None => crate::web::warn(
            "topic-cards: this browser cannot adopt stylesheets; the widget is unstyled",
        ),
    });
}
