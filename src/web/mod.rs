//! The browser layer (wasm32 only): the widget's JS API, loading, state changes and host
//! events. It draws nothing itself: each paint hands a [`crate::view::View`] to the JS
//! painter (js/painter.js, see [`painter`]), which owns the nodes and reports the person's
//! acts back ([`acts`]).
//!
//! The JS API (the contract with js/api.js):
//!
//! ```text
//! mount(host, options) -> Widget   `options.painter` draws into host's shadow root
//! Widget.update(options)           changes any option; filters in it (topics, query, sort) apply
//! Widget.setFilters(filters)       replaces the filters: {query, topics, types, brands,
//!                                  dateFrom, dateTo, sort}; a missing key means none/default
//! Widget.getState()                the same shape plus {total} (null until known)
//! Widget.destroy()                 removes listeners, nodes and state; idempotent
//! hasDefaultIndex()                true when an index was compiled in
//! ```
//!
//! Events on the host (bubbling, composed): `tc-change` (detail = getState(); sent for the
//! person's own changes and hash changes, not for setFilters/update; one made while the
//! index loads is sent again once its total is known), `tc-ready` `{total}` (the whole
//! index is decoded and its search built: no query waits for loading), `tc-error`
//! `{message}`. The painter sends `tc-card-click` and `tc-offering-click`.

mod acts;
mod hash_sync;
mod js_value;
mod load;
pub mod options;
mod painter;
mod panic;
mod timing;
mod widget;

use crate::state::WidgetState;
use options::{field, host_id, Options, Patch};
use painter::Painter;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use widget::{send, Data, Inner, Outbox};

// Talc instead of the standard library's dlmalloc: about as fast, and its code is smaller
// in the Wasm. Sound here because the widget's Wasm is single-threaded (no atomics, no
// shared memory), which `new_global` requires.
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

thread_local! {
    /// Live widgets by host. Held strongly: a widget lives until `destroy()` even if the page
    /// drops its handle, and mounting again on a host replaces the old widget.
    static MOUNTED: RefCell<Vec<(HtmlElement, Rc<RefCell<Inner>>)>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// A mounted widget, as JS sees it.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
}

/// True when this build carries a default index (feature `embedded-index`).
#[wasm_bindgen(js_name = hasDefaultIndex)]
pub fn has_default_index() -> bool {
    load::has_default()
}

/// Mounts a widget on `host`, drawn by `options.painter` (js/painter.js's `createPainter`).
#[wasm_bindgen]
pub fn mount(host: HtmlElement, options: JsValue) -> Result<Widget, JsValue> {
    panic::install();
    let painter = js_sys::Reflect::get(&options, &JsValue::from_str("painter"))
        .ok()
        .filter(Painter::accepts)
        .ok_or_else(|| JsValue::from_str("topic-cards: mount() needs options.painter"))?;
    let painter: Painter = painter.unchecked_into();
    // A widget already on this host gives way.
    let previous = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        let at = mounted.iter().position(|(h, _)| *h == host)?;
        Some(mounted.remove(at).1)
    });
    if let Some(previous) = previous {
        if let Ok(mut inner) = previous.try_borrow_mut() {
            inner.destroy();
        }
    }

    let patch = Patch::read(&options, &host_id(&host));
    let mut opts = Options::default();
    patch.apply_to(&mut opts);
    let mut state = initial_state(&patch);
    if let Some(ns) = &opts.hash_sync {
        if let Some(from_hash) = hash_sync::read(ns) {
            state = from_hash;
        }
    }
    let inner = Rc::new(RefCell::new(Inner {
        host: host.clone(),
        painter: painter.clone(),
        options: opts,
        state,
        pages: 1,
        data: Data::Loading,
        dicts_sent: 0,
        load_gen: 0,
        abort: None,
        on_act: None,
        hash_listener: None,
        total: None,
        total_untold: false,
        destroyed: false,
    }));
    // The closure holds the widget weakly; `destroy` unhooks and drops it.
    let on_act = acts::listener(&inner);
    painter.set_on_act(on_act.as_ref());
    inner.borrow_mut().on_act = Some(on_act);
    if inner.borrow().options.hash_sync.is_some() {
        let listener = hash_sync::listen(&inner);
        inner.borrow_mut().hash_listener = listener;
    }
    panic::register(&host, &painter);
    MOUNTED.with(|m| m.borrow_mut().push((host, inner.clone())));
    load::start(&inner, patch.first_view.as_deref());
    Ok(Widget { inner })
}

/// The filters that `options` preset (topics, query, sort).
fn initial_state(patch: &Patch) -> WidgetState {
    let mut state = WidgetState {
        topics: patch.topics.clone().unwrap_or_default(),
        query: patch.query.clone().unwrap_or_default(),
        sort: patch.sort.unwrap_or_default(),
        ..Default::default()
    };
    state.tidy();
    state
}

#[wasm_bindgen]
impl Widget {
    /// Changes options; keys not given keep their values.
    pub fn update(&self, options: JsValue) {
        let Ok(mut inner) = self.inner.try_borrow_mut() else {
            return warn("topic-cards: update() called while the widget is busy; ignored");
        };
        if inner.destroyed {
            return;
        }
        let patch = Patch::read(&options, &host_id(&inner.host));
        let hash_before = inner.options.hash_sync.clone();
        let source_before = inner.options.source.clone();
        patch.apply_to(&mut inner.options);
        let mut out = Outbox::new();
        // The painter's own options (texts, locale, theme, links, panel): it redraws what
        // they change at the paint below.
        if let Err(e) = inner.painter.set_options(&options) {
            inner.fail(&widget::message_of(&e), &mut out);
        }
        if inner.options.hash_sync != hash_before {
            inner.hash_listener = None;
        }
        // Filter keys replace those filters; any other change just repaints (paging kept).
        let mut state = inner.state.clone();
        if let Some(topics) = &patch.topics {
            state.topics = topics.clone();
        }
        if let Some(query) = &patch.query {
            state.query = query.clone();
        }
        if let Some(sort) = patch.sort {
            state.sort = sort;
        }
        if state != inner.state {
            inner.set_state(state, &mut out);
        } else {
            inner.paint(&mut out);
        }
        let reload = inner.options.source != source_before;
        let listen = inner.options.hash_sync.is_some() && inner.hash_listener.is_none();
        let host = inner.host.clone();
        drop(inner);
        if listen {
            let listener = hash_sync::listen(&self.inner);
            self.inner.borrow_mut().hash_listener = listener;
        }
        if reload {
            load::start(&self.inner, None);
        }
        send(&host, out);
    }

    /// Replaces the filters. Missing keys mean "none" (or the default sort).
    #[wasm_bindgen(js_name = setFilters)]
    pub fn set_filters(&self, filters: JsValue) {
        let Ok(mut inner) = self.inner.try_borrow_mut() else {
            return warn("topic-cards: setFilters() called while the widget is busy; ignored");
        };
        if inner.destroyed {
            return;
        }
        let state = if filters.is_object() {
            WidgetState {
                query: field(&filters, "query").unwrap_or_default(),
                topics: field(&filters, "topics").unwrap_or_default(),
                types: field(&filters, "types").unwrap_or_default(),
                brands: field(&filters, "brands").unwrap_or_default(),
                date_from: field::<Option<String>>(&filters, "dateFrom").flatten(),
                date_to: field::<Option<String>>(&filters, "dateTo").flatten(),
                sort: field::<String>(&filters, "sort")
                    .and_then(|s| crate::state::sort_name::parse(&s))
                    .unwrap_or_default(),
            }
        } else {
            warn("topic-cards: setFilters() needs an object; filters cleared");
            WidgetState::default()
        };
        let mut out = Outbox::new();
        inner.set_state(state, &mut out);
        let host = inner.host.clone();
        drop(inner);
        send(&host, out);
    }

    /// The filters and the number of matches.
    #[wasm_bindgen(js_name = getState)]
    pub fn get_state(&self) -> JsValue {
        match self.inner.try_borrow() {
            Ok(inner) => inner.state_value(),
            Err(_) => JsValue::NULL,
        }
    }

    /// Removes everything the widget added. Safe to call twice.
    pub fn destroy(&self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.destroy();
        }
        MOUNTED.with(|m| m.borrow_mut().retain(|(_, w)| !Rc::ptr_eq(w, &self.inner)));
    }
}
