//! Keeps a widget's state in `location.hash` under its namespace (see [`crate::state`] for
//! the encoding): read on mount and on `hashchange`, written with `history.replaceState` so
//! filtering neither scrolls the page nor floods the back button.

use crate::state::WidgetState;
use crate::web::widget::{with_live, Inner};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The state stored in the hash, when the hash holds this namespace.
pub fn read(ns: &str) -> Option<WidgetState> {
    let hash = current_hash();
    WidgetState::hash_has_namespace(&hash, ns).then(|| WidgetState::from_hash(&hash, ns))
}

/// Writes `state` into the hash, keeping other parameters; no-op when nothing changes.
pub fn write(ns: &str, state: &WidgetState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = current_hash();
    let next = state.to_hash(&hash, ns);
    if next == hash.trim_start_matches('#') {
        return;
    }
    let location = window.location();
    let url = if next.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{next}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Follows hash changes made by the person (back button, edited link) or the host page.
pub fn listen(rc: &Rc<RefCell<Inner>>) -> Option<EventListener> {
    let window = web_sys::window()?;
    let weak = Rc::downgrade(rc);
    Some(EventListener::new(&window, "hashchange", move |_| {
        with_live(&weak, |inner, out| {
            let Some(ns) = inner.options.hash_sync.clone() else {
                return;
            };
            let next = read(&ns).unwrap_or_default();
            if next != inner.state {
                inner.change(|s| *s = next, out);
            }
        });
    }))
}
