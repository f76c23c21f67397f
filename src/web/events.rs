//! DOM events to state changes. A few listeners on the shadow root handle every control by
//! its `data-act` attribute (event delegation: no closure per node, nothing to leak), and
//! each handler finishes before host events are sent, so host code may call back in.

use crate::state::sort_name;
use crate::web::dom::action_target;
use crate::web::render::view::kind;
use crate::web::widget::{send, Data, Inner, Outbox};
use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, HtmlInputElement, HtmlSelectElement};

/// Listens on the widget's shadow root; dropping the listeners removes them.
pub fn attach(rc: &Rc<RefCell<Inner>>) -> Vec<EventListener> {
    let root = rc.borrow().root.clone();
    let mut listeners = Vec::new();
    for name in ["click", "change", "input", "compositionend"] {
        let weak = Rc::downgrade(rc);
        listeners.push(EventListener::new(&root, name, move |event| {
            dispatch(&weak, event)
        }));
    }
    // Image errors do not bubble; catch them on the way down.
    let weak = Rc::downgrade(rc);
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    listeners.push(EventListener::new_with_options(
        &root,
        "error",
        capture,
        move |event| dispatch(&weak, event),
    ));
    listeners
}

fn dispatch(weak: &Weak<RefCell<Inner>>, event: &Event) {
    let Some(rc) = weak.upgrade() else {
        return;
    };
    let mut out = Outbox::new();
    let host = {
        let Ok(mut inner) = rc.try_borrow_mut() else {
            return;
        };
        if inner.destroyed {
            return;
        }
        handle(&mut inner, event, &mut out);
        inner.host.clone()
    };
    send(&host, out);
}

fn handle(inner: &mut Inner, event: &Event, out: &mut Outbox) {
    let Some(target) = action_target(event.target()) else {
        return;
    };
    let act = target.get_attribute("data-act").unwrap_or_default();
    let key = target.get_attribute("data-key").unwrap_or_default();
    let facet = target.get_attribute("data-kind").unwrap_or_default();
    match (event.type_().as_str(), act.as_str()) {
        ("input", "search") => {
            // Wait for the composition to end (IME): half-typed syllables are not queries.
            let composing = js_sys::Reflect::get(event, &"isComposing".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if !composing {
                let value = input_value(&target);
                inner.change(|s| s.query = value, out);
            }
        }
        ("compositionend", "search") => {
            let value = input_value(&target);
            inner.change(|s| s.query = value, out);
        }
        ("change", "facet") => {
            let on = target
                .dyn_ref::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            inner.ui.facets.unsure();
            inner.change(|s| toggle(list(s, &facet), &key, on), out);
        }
        ("change", "sort") => {
            let value = target
                .dyn_ref::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(sort) = sort_name::parse(&value) {
                inner.change(|s| s.sort = sort, out);
            }
        }
        ("click", "topic") => inner.change(|s| toggle(&mut s.topics, &key, true), out),
        ("click", "remove") => remove_chip(inner, &target, &facet, &key, out),
        ("click", "clear") => {
            inner.change(
                |s| {
                    *s = crate::state::WidgetState {
                        sort: s.sort,
                        ..Default::default()
                    }
                },
                out,
            );
            let _ = inner.ui.search.focus();
        }
        ("click", "more") => show_more(inner, out),
        ("click", "expand") => {
            let group = target.get_attribute("data-group").unwrap_or_default();
            if !inner.ui.expanded.remove(&group) {
                inner.ui.expanded.insert(group);
            }
            inner.paint(out);
        }
        ("click", "toggle-filters") => {
            let panel = &inner.ui.facet_panel;
            let open = panel.has_attribute("data-collapsed");
            let _ = panel.toggle_attribute_with_force("data-collapsed", !open);
            let _ = target.set_attribute("aria-expanded", if open { "true" } else { "false" });
        }
        ("click", "card") => {
            let detail = js_sys::Object::new();
            set(
                &detail,
                "id",
                &target.get_attribute("data-id").unwrap_or_default().into(),
            );
            set(
                &detail,
                "url",
                &target.get_attribute("href").unwrap_or_default().into(),
            );
            set(
                &detail,
                "title",
                &target.text_content().unwrap_or_default().into(),
            );
            out.push(("tc-card-click", detail.into()));
        }
        ("click", "offering") => {
            let id: Option<u32> = target.get_attribute("data-id").and_then(|v| v.parse().ok());
            let source_id = id.and_then(|id| offering_source_id(inner, id));
            let detail = js_sys::Object::new();
            set(
                &detail,
                "label",
                &target.text_content().unwrap_or_default().into(),
            );
            set(
                &detail,
                "url",
                &target.get_attribute("href").unwrap_or_default().into(),
            );
            set(
                &detail,
                "offeringId",
                &source_id.map_or(JsValue::NULL, |n| (n as f64).into()),
            );
            out.push(("tc-offering-click", detail.into()));
        }
        ("error", "img") => {
            // A broken image leaves the brand-initial placeholder behind it.
            if let Some(media) = target.parent_element() {
                let _ = media.remove_attribute("data-has-image");
            }
            target.remove();
        }
        _ => {}
    }
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &key.into(), value);
}

fn input_value(target: &Element) -> String {
    target
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

fn list<'a>(state: &'a mut crate::state::WidgetState, facet: &str) -> &'a mut Vec<String> {
    match facet {
        kind::TYPE => &mut state.types,
        kind::BRAND => &mut state.brands,
        _ => &mut state.topics,
    }
}

fn toggle(list: &mut Vec<String>, key: &str, on: bool) {
    let at = list.iter().position(|k| k.eq_ignore_ascii_case(key));
    match (on, at) {
        (true, None) => list.push(key.to_string()),
        (false, Some(i)) => {
            list.remove(i);
        }
        _ => {}
    }
}

/// Removes an active-filter chip, then puts focus on the chip that took its place (or the
/// search box when none is left), since the clicked chip no longer exists.
fn remove_chip(inner: &mut Inner, target: &Element, facet: &str, key: &str, out: &mut Outbox) {
    let chips = inner.ui.chip_list.query_selector_all("button").ok();
    let position = chips.as_ref().and_then(|list| {
        (0..list.length()).find(|&i| list.get(i).is_some_and(|n| n.is_same_node(Some(target))))
    });
    inner.change(
        |s| match facet {
            kind::QUERY => s.query.clear(),
            kind::FROM => s.date_from = None,
            kind::TO => s.date_to = None,
            other => toggle(list(s, other), key, false),
        },
        out,
    );
    let after = inner.ui.chip_list.query_selector_all("button").ok();
    let next = after.and_then(|list| {
        let count = list.length();
        (count > 0).then(|| list.get(position.unwrap_or(0).min(count - 1)))?
    });
    match next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(chip) => {
            let _ = chip.focus();
        }
        None => {
            let _ = inner.ui.search.focus();
        }
    }
}

/// Adds a page of cards and moves focus to the first new card, where reading continues.
fn show_more(inner: &mut Inner, out: &mut Outbox) {
    let before = inner.ui.grid.child_element_count();
    inner.pages += 1;
    inner.paint(out);
    let first_new = inner
        .ui
        .grid
        .children()
        .item(before)
        .and_then(|card| card.query_selector("a, button").ok().flatten())
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = first_new {
        let _ = link.focus();
    }
}

fn offering_source_id(inner: &Inner, id: u32) -> Option<u64> {
    match &inner.data {
        Data::Ready(engine) => engine.index().offerings.get(id as usize)?.offering_id,
        Data::First(part) => {
            part.first_view
                .offerings
                .iter()
                .find(|p| p.at == id)?
                .offering
                .offering_id
        }
        _ => None,
    }
}
