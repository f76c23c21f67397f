//! If the Rust code ever panics, every mounted widget shows an error instead of going
//! silent. The hook must not touch widget state (it may be mid-borrow), so it keeps its own
//! list of hosts and shadow roots as plain JS values.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::ShadowRoot;

thread_local! {
    static ROOTS: RefCell<Vec<(JsValue, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook once.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // The message alone: formatting the whole `info` links its Display code (and the
            // location's, which this build leaves out anyway: -Zlocation-detail=none).
            // (`payload_as_str` does this, but needs Rust 1.91; the MSRV is older.)
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("a panic");
            web_sys::console::error_1(&format!("topic-cards: internal error: {message}").into());
            let roots = ROOTS.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default());
            for (host, root) in roots {
                show_error(&host, &root);
            }
        }));
    });
}

pub fn register(host: &JsValue, root: &ShadowRoot) {
    ROOTS.with(|r| {
        if let Ok(mut roots) = r.try_borrow_mut() {
            roots.retain(|(_, known)| *known != JsValue::from(root));
            roots.push((host.clone(), root.into()));
        }
    });
}

pub fn unregister(root: &ShadowRoot) {
    ROOTS.with(|r| {
        if let Ok(mut roots) = r.try_borrow_mut() {
            roots.retain(|(_, known)| *known != JsValue::from(root));
        }
    });
}

fn show_error(host: &JsValue, root: &JsValue) {
    let (Some(root), Some(doc)) = (
        root.dyn_ref::<ShadowRoot>(),
        web_sys::window().and_then(|w| w.document()),
    ) else {
        return;
    };
    let message = "This widget stopped because of an internal error.";
    if let (Ok(top), Ok(error)) = (doc.create_element("div"), doc.create_element("div")) {
        top.set_class_name("tc");
        error.set_class_name("error");
        let _ = error.set_attribute("role", "alert");
        error.set_text_content(Some(message));
        let _ = top.append_child(&error);
        root.set_text_content(None);
        let _ = root.append_child(&top);
    }
    if let Some(host) = host.dyn_ref::<web_sys::EventTarget>() {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.into());
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("tc-error", &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}
