//! `performance.measure` entries for the widget's hot path, so benchmarks and the DevTools
//! timeline can tell engine time (`tc-query`: [`crate::query::Engine::run`]) from DOM time
//! (`tc-render`: updating the shadow DOM). Costs two `performance.now()` calls and one
//! `measure` per span; does nothing where `performance` is missing.

use wasm_bindgen::JsValue;

/// The page's `performance` object, when there is one.
fn performance() -> Option<JsValue> {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"performance".into())
        .ok()
        .filter(|p| p.is_object())
}

/// Milliseconds since time origin (0 without `performance`).
pub fn now() -> f64 {
    performance()
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            let now: &js_sys::Function = wasm_bindgen::JsCast::dyn_ref(&now)?;
            now.call0(&p).ok()?.as_f64()
        })
        .unwrap_or(0.0)
}

/// Records `name` as a measure from `start` (from [`now`]) to now.
pub fn measure(name: &str, start: f64) {
    let Some(p) = performance() else {
        return;
    };
    let Some(measure) = js_sys::Reflect::get(&p, &"measure".into())
        .ok()
        .and_then(|m| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(m).ok())
    else {
        return;
    };
    let span = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&span, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&span, &"end".into(), &now().into());
    // Old engines reject the options form; a missing measure is harmless.
    let _ = measure.call2(&p, &name.into(), &span);
}
