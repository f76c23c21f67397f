//! One mounted widget: its options, filter state, loaded data and nodes, and the few
//! transitions between them (state change, new data, failure, destroy).
//!
//! Events for the host are collected in an [`Outbox`] while the widget is borrowed and sent
//! after the borrow ends, so a host listener may call back into the widget safely.

use crate::index::FirstViewPart;
use crate::query::Engine;
use crate::state::WidgetState;
use crate::web::dom::R;
use crate::web::i18n::Strings;
use crate::web::options::{Options, Theme};
use crate::web::render::view::{Dicts, Offerings, View};
use crate::web::render::{status, Ctx, Ui};
use gloo_events::EventListener;
use wasm_bindgen::JsValue;
use web_sys::{AbortController, HtmlElement, ShadowRoot};

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
    pub root: ShadowRoot,
    pub options: Options,
    pub strings: Strings,
    pub state: WidgetState,
    /// Pages of cards shown ("Show more" adds one).
    pub pages: usize,
    pub data: Data,
    pub ui: Ui,
    /// Bumped on every new load and on destroy; a load that finds another value stops.
    pub load_gen: u32,
    pub abort: Option<AbortController>,
    pub listeners: Vec<EventListener>,
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
            let message = e.as_string().unwrap_or_else(|| {
                wasm_bindgen::JsCast::dyn_ref::<js_sys::Error>(&e)
                    .map_or_else(|| "unknown error".into(), |e| e.message().into())
            });
            self.fail(&format!("rendering failed: {message}"), out);
        }
    }

    fn try_paint(&mut self) -> R {
        self.apply_theme()?;
        let ctx = Ctx {
            strings: &self.strings,
            options: &self.options,
            state: &self.state,
        };
        let limit = self.options.page_size.saturating_mul(self.pages);
        match &mut self.data {
            Data::Loading => self.ui.loading(&self.strings),
            Data::Failed => Ok(()),
            Data::First(part) => {
                let browse = self.state.is_browse();
                let first = &part.first_view;
                let available = first.articles.len();
                let view = View {
                    dicts: Dicts {
                        groups: &part.groups,
                        topics: &part.topics,
                        types: &part.types,
                        brands: &part.brands,
                        offerings: Offerings::Placed(&first.offerings),
                    },
                    // While filters wait for the index, the browse cards stay (dimmed by
                    // the pending state): never a blank grid.
                    cards: first.articles.iter().take(limit).collect(),
                    total: first.total as usize,
                    topic_counts: part.topics.iter().map(|t| t.count).collect(),
                    type_counts: part.types.iter().map(|f| f.count).collect(),
                    brand_counts: part.brands.iter().map(|f| f.count).collect(),
                    panel: first
                        .panel
                        .iter()
                        .filter_map(|&id| {
                            Offerings::Placed(&first.offerings)
                                .get(id)
                                .map(|o| (id, o.count))
                        })
                        .collect(),
                    // Filters, or more cards than the first view holds, wait for the index.
                    pending: !browse || (limit > available && available < first.total as usize),
                };
                self.total = browse.then_some(view.total);
                self.ui.paint(&view, &ctx)
            }
            Data::Ready(engine) => {
                let query = self.state.to_query(engine, limit);
                let started = crate::web::timing::now();
                let results = engine.run(&query);
                crate::web::timing::measure("tc-query", started);
                let index = engine.index();
                let view = View {
                    dicts: Dicts {
                        groups: &index.groups,
                        topics: &index.topics,
                        types: &index.types,
                        brands: &index.brands,
                        offerings: Offerings::All(&index.offerings),
                    },
                    cards: results
                        .hits
                        .iter()
                        .filter_map(|&id| index.articles.get(id as usize))
                        .collect(),
                    total: results.total,
                    topic_counts: results.topic_counts,
                    type_counts: results.type_counts,
                    brand_counts: results.brand_counts,
                    panel: results
                        .offerings
                        .iter()
                        .map(|o| (o.offering, o.articles))
                        .collect(),
                    pending: false,
                };
                self.total = Some(view.total);
                let started = crate::web::timing::now();
                let painted = self.ui.paint(&view, &ctx);
                crate::web::timing::measure("tc-render", started);
                painted
            }
        }
    }

    fn apply_theme(&self) -> R {
        let theme = match self.options.theme {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        };
        crate::web::dom::set_attr(&self.ui.top, "data-theme", theme)
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
        self.data = Data::Failed;
        self.total = None;
        web_sys::console::error_1(&format!("topic-cards: {message}").into());
        let _ = status::error(&self.ui, self.strings.get("errorTitle"), message);
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
        self.listeners.clear();
        self.hash_listener = None;
        self.data = Data::Failed;
        self.ui.cards.clear();
        self.ui.panel_items.clear();
        self.ui.top.remove();
        self.root.set_adopted_style_sheets(&js_sys::Array::new());
        crate::web::panic::unregister(&self.root);
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
