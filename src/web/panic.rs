//! If the Rust code ever panics, every mounted widget shows an error instead of going
//! silent. The hook must not touch widget state (it may be mid-borrow), so it keeps its own
//! list of hosts and their painters.

use crate::web::painter::Painter;
use std::cell::RefCell;
use web_sys::HtmlElement;

thread_local! {
    static PAINTERS: RefCell<Vec<(HtmlElement, Painter)>> = const { RefCell::new(Vec::new()) };
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
            let painters = PAINTERS.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default());
            for (host, painter) in painters {
                show_error(&host, &painter);
            }
        }));
    });
}

pub fn register(host: &HtmlElement, painter: &Painter) {
    PAINTERS.with(|r| {
        if let Ok(mut painters) = r.try_borrow_mut() {
            painters.retain(|(known, _)| known != host);
            painters.push((host.clone(), painter.clone()));
        }
    });
}

pub fn unregister(host: &HtmlElement) {
    PAINTERS.with(|r| {
        if let Ok(mut painters) = r.try_borrow_mut() {
            painters.retain(|(known, _)| known != host);
        }
    });
}

fn show_error(host: &HtmlElement, painter: &Painter) {
    let message = "This widget stopped because of an internal error.";
    let _ = painter.error(message, None);
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
