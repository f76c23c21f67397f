//! One mounted widget: its options, filter state, loaded data and nodes, and the few
//! transitions between them (state change, new data, failure, destroy).
//!
//! Events for the host are collected in an [`Outbox`] while the widget is borrowed and sent
//! after the borrow ends, so a host listener may call back into the widget safely.

use crate::index::FirstViewPart;
use crate::model::OfferingId;
use crate::query::Engine;
use crate::state::WidgetState;
use crate::view::{Dicts, Offerings, View};
use crate::web::options::Options;
use crate::web::painter::Painter;
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Weak;
use wasm_bindgen::JsValue;
use web_sys::{AbortController, HtmlElement};

/// What the widget has to show.
pub enum Data {
    Loading,
    /// The first-view prefix arrived; the rest of the index is still loading.
    First(Box<FirstViewPart>),
    Ready(Box<Engine>),
    Failed,
}

/// Events to dispatch on the host once the widget is no longer borrowed.
pub type Outbox = Vec<(&'static str, JsValue)>;

pub struct Inner {
    pub host: HtmlElement,
    pub painter: Painter,
    pub options: Options,
    pub state: WidgetState,
    /// Pages of cards shown ("Show more" adds one).
    pub pages: usize,
    pub data: Data,
    /// The hash of the dictionaries the painter has (0: none yet); see `dicts_to_send`.
    pub dicts_sent: u64,
    /// Bumped on every new load and on destroy; a load that finds another value stops.
    pub load_gen: u32,
    pub abort: Option<AbortController>,
    /// The painter's `onAct` (see [`crate::web::acts`]).
    pub on_act: Option<wasm_bindgen::closure::Closure<crate::web::acts::OnAct>>,
    pub hash_listener: Option<EventListener>,
    pub total: Option<usize>,
    /// The person's last change went to the host (`tc-change`) before its total was known
    /// (the index was still loading): it goes again once the total is, so a host that shows
    /// the count is not left with `null`.
    pub total_untold: bool,
    pub destroyed: bool,
}

impl Inner {
    /// Repaints from the current data and state; a DOM failure becomes the error state.
    pub fn paint(&mut self, out: &mut Outbox) {
        let painted = self.try_paint();
        if painted.is_ok() && self.total_untold && self.total.is_some() {
            self.total_untold = false;
            out.push(("tc-change", self.state_value()));
        }
        if let Err(e) = painted {
            self.fail(&format!("rendering failed: {}", message_of(&e)), out);
        }
    }

    fn try_paint(&mut self) -> Result<(), JsValue> {
        let limit = self.options.page_size.saturating_mul(self.pages);
        let json = match &mut self.data {
            Data::Loading => return self.painter.loading(),
            Data::Failed => return Ok(()),
            Data::First(part) => {
                let browse = self.state.is_browse();
                let first = &part.first_view;
                let available = first.articles.len();
                let offerings = Offerings::Placed(&first.offerings);
                let topic_counts: Vec<u32> = part.topics.iter().map(|t| t.count).collect();
                let type_counts: Vec<u32> = part.types.iter().map(|f| f.count).collect();
                let brand_counts: Vec<u32> = part.brands.iter().map(|f| f.count).collect();
                let total = first.total as usize;
                let view = View {
                    dicts: dicts_to_send(
                        &mut self.dicts_sent,
                        Dicts {
                            groups: &part.groups,
                            topics: &part.topics,
                            types: &part.types,
                            brands: &part.brands,
                        },
                    ),
                    offerings,
                    state: &self.state,
                    // While filters wait for the index, the browse cards stay (dimmed by
                    // the pending state): never a blank grid.
                    cards: first.articles.iter().take(limit).collect(),
                    total,
                    topic_counts: &topic_counts,
                    type_counts: &type_counts,
                    brand_counts: &brand_counts,
                    panel: first
                        .panel
                        .iter()
                        .filter_map(|&id| offerings.get(id).map(|o| (id, o.count)))
                        .collect(),
                    // Filters, or more cards than the first view holds, wait for the index.
                    pending: !browse || (limit > available && available < total),
                };
                self.total = browse.then_some(total);
                view.to_json()
            }
            Data::Ready(engine) => {
                let query = self.state.to_query(engine, limit);
                let started = crate::web::timing::now();
                let results = engine.run(&query);
                crate::web::timing::measure("tc-query", started);
                let index = engine.index();
                let view = View {
                    dicts: dicts_to_send(
                        &mut self.dicts_sent,
                        Dicts {
                            groups: &index.groups,
                            topics: &index.topics,
                            types: &index.types,
                            brands: &index.brands,
                        },
                    ),
                    offerings: Offerings::All(&index.offerings),
                    state: &self.state,
                    cards: results
                        .hits
                        .iter()
                        .filter_map(|&id| index.articles.get(id as usize))
                        .collect(),
                    total: results.total,
                    topic_counts: &results.topic_counts,
                    type_counts: &results.type_counts,
                    brand_counts: &results.brand_counts,
                    panel: results
                        .offerings
                        .iter()
                        .map(|o| (o.offering as OfferingId, o.articles))
                        .collect(),
                    pending: false,
                };
                self.total = Some(view.total);
                view.to_json()
            }
        };
        let started = crate::web::timing::now();
        let view = js_sys::JSON::parse(&json)?;
        let painted = self.painter.paint(&view);
        crate::web::timing::measure("tc-render", started);
        painted
    }

    /// Changes the filter state as the person asked: back to page one, repaint, write the
    /// hash, and tell the host.
    pub fn change(&mut self, mutate: impl FnOnce(&mut WidgetState), out: &mut Outbox) {
        let before = self.state.clone();
        mutate(&mut self.state);
        self.state.tidy();
        if self.state == before {
            return;
        }
        self.pages = 1;
        self.paint(out);
        self.write_hash();
        self.total_untold = self.total.is_none();
        out.push(("tc-change", self.state_value()));
    }

    /// Replaces the state without telling the host (it asked for it).
    pub fn set_state(&mut self, mut state: WidgetState, out: &mut Outbox) {
        state.tidy();
        if let Data::Ready(engine) = &self.data {
            warn_unknown(&state.normalize(engine));
        }
        self.state = state;
        self.total_untold = false;
        self.pages = 1;
        self.paint(out);
        self.write_hash();
    }

    pub fn write_hash(&self) {
        if let Some(ns) = &self.options.hash_sync {
            crate::web::hash_sync::write(ns, &self.state);
        }
    }

    /// `getState()`: the filters plus the number of matches (null until known).
    pub fn state_value(&self) -> JsValue {
        let value = crate::web::js_value::state_to_js(&self.state);
        let total = self
            .total
            .map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64));
        let _ = js_sys::Reflect::set(&value, &"total".into(), &total);
        value
    }

    /// Shows the error state, logs once and tells the host.
    pub fn fail(&mut self, message: &str, out: &mut Outbox) {
        self.fail_with(message, None, out);
    }

    /// [`Inner::fail`], with the painter showing its UI string `key` instead when given
    /// (the host's `tc-error` still gets `message`).
    pub fn fail_with(&mut self, message: &str, key: Option<&str>, out: &mut Outbox) {
        self.data = Data::Failed;
        self.total = None;
        web_sys::console::error_1(&format!("topic-cards: {message}").into());
        let _ = self.painter.error(message, key);
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.into());
        out.push(("tc-error", detail.into()));
    }

    /// Stops loads, listeners and hash sync, and removes every node this widget added.
    pub fn destroy(&mut self) {
        if self.destroyed {
            return;
        }
        self.destroyed = true;
        self.load_gen = self.load_gen.wrapping_add(1);
        if let Some(abort) = self.abort.take() {
            abort.abort();
        }
        self.hash_listener = None;
        self.data = Data::Failed;
        // The index text given inline: the page may keep this widget's handle (and with it
        // this struct) long after destroying it.
        self.options.source = None;
        self.painter.set_on_act(&JsValue::UNDEFINED);
        self.on_act = None;
        let _ = self.painter.destroy();
        crate::web::panic::unregister(&self.host);
    }
}

pub fn warn_unknown(unknown: &[String]) {
    if !unknown.is_empty() {
        crate::web::warn(&format!(
            "topic-cards: no topic, type or source named \"{}\" in this index; ignored",
            unknown.join("\", \"")
        ));
    }
}

/// The text of a JS exception (an `Error`'s message, or a thrown string).
pub fn message_of(e: &JsValue) -> String {
    e.as_string().unwrap_or_else(|| {
        wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(e)
            .map_or_else(|| "unknown error".into(), |e| e.message().into())
    })
}

/// The dictionaries when the painter does not have them yet: the first paint, or an index
/// with other topics or facet values. Told apart by a hash of what the painter draws from
/// them, so the first view and the full index of one load (equal, at other addresses) share
/// the painter's facet nodes.
fn dicts_to_send<'a>(sent: &mut u64, dicts: Dicts<'a>) -> Option<Dicts<'a>> {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    for group in dicts.groups {
        group.label.hash(&mut hasher);
    }
    for topic in dicts.topics {
        (&topic.slug, &topic.label, topic.group).hash(&mut hasher);
    }
    for facet in dicts.types.iter().chain(dicts.brands) {
        facet.name.hash(&mut hasher);
    }
    dicts.types.len().hash(&mut hasher);
    let signature = hasher.finish();
    (std::mem::replace(sent, signature) != signature).then_some(dicts)
}

/// Runs `f` on the widget behind `weak` unless it is gone, destroyed or busy (an event that
/// arrives while the widget is borrowed, from a host listener calling back in, is dropped
/// rather than nested), then sends the events `f` collected.
pub fn with_live(weak: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Inner, &mut Outbox)) {
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
        f(&mut inner, &mut out);
        inner.host.clone()
    };
    send(&host, out);
}

/// Dispatches the collected events on `host` (bubbling and composed, so they leave the
/// shadow root and reach the page).
pub fn send(host: &HtmlElement, out: Outbox) {
    for (name, detail) in out {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}
