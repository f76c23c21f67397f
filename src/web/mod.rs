//! The Wasm's exports (wasm32 only): one [`Core`] per widget, a [`Session`] with the steps
//! that load an index into it. Nothing here touches the page: options, fetching and
//! streaming, timers, the URL hash and host events are the JS controller's
//! (js/controller.js; the options read in js/options.js, fetching and streaming in
//! js/index-stream.js, the hash's form in js/hash.js), which calls these methods and hands
//! each view to the painter.
//!
//! Only strings, numbers, booleans and bytes cross: the Wasm carries the engine and the
//! index decoder and no browser bindings, which is most of what it weighs.

use crate::index::{decode, decode_first_view, IndexError, StreamDecoder};
use crate::model::Index;
use crate::query::Engine;
use crate::session::{Data, Session};
use crate::state::WidgetState;
use wasm_bindgen::prelude::*;

// Talc instead of the standard library's dlmalloc: about as fast, and its code is smaller
// in the Wasm. Sound here because the widget's Wasm is single-threaded (no atomics, no
// shared memory), which `new_global` requires.
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[cfg(feature = "embedded-index")]
const EMBEDDED: &str = include_str!(env!("TOPIC_CARDS_DEFAULT_INDEX"));

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// One widget's model and loader, as the JS controller drives it.
#[wasm_bindgen]
pub struct Core {
    session: Session,
    /// The index arriving in chunks ([`Core::feed`]).
    decoder: Option<StreamDecoder>,
    /// Names in the state that the loaded index does not have, for one warning.
    unknown: Vec<String>,
}

#[wasm_bindgen]
impl Core {
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // JS constructs it; Rust never does
    pub fn new() -> Core {
        install_panic_hook();
        Core {
            session: Session::default(),
            decoder: None,
            unknown: Vec::new(),
        }
    }

    /// True when this build carries a default index (feature `embedded-index`).
    #[wasm_bindgen(js_name = hasDefault)]
    pub fn has_default() -> bool {
        cfg!(feature = "embedded-index")
    }

    /// Cards per page (the controller checks the option; kept to 1-1000 here too).
    #[wasm_bindgen(js_name = setPageSize)]
    pub fn set_page_size(&mut self, cards: u32) {
        self.session.page_size = cards.clamp(1, 1000) as usize;
    }

    /// A new source: back to the loading state.
    pub fn reset(&mut self) {
        self.session.reset();
        self.decoder = None;
    }

    /// The index's first-view part (its members up to `firstView`, unclosed, as
    /// js/prefix.js finds them). `undefined`, or why it cannot be shown.
    #[wasm_bindgen(js_name = firstView)]
    pub fn first_view(&mut self, prefix: &[u8]) -> Option<String> {
        match decode_first_view(prefix) {
            Ok(part) => {
                self.session.set_first(part);
                None
            }
            Err(e) => Some(e.message),
        }
    }

    /// The next chunk of an index that arrives as a stream: decoded article by article as
    /// it comes, so the work is spread over the download.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.decoder
            .get_or_insert_with(StreamDecoder::new)
            .feed(chunk);
    }

    /// The stream has ended: `undefined` when the index is in, else why not; the empty
    /// string when the text is not in the shape the stream decoder reads (then pass the
    /// whole text to [`Core::load`], which says what is wrong with it).
    #[wasm_bindgen(js_name = endStream)]
    pub fn end_stream(&mut self) -> Option<String> {
        match self.decoder.take().and_then(StreamDecoder::finish) {
            Some(decoded) => self.ready(decoded),
            None => Some(String::new()),
        }
    }

    /// A whole index text: `undefined` when it is in, else why not.
    pub fn load(&mut self, text: &[u8]) -> Option<String> {
        self.decoder = None;
        self.ready(decode(text))
    }

    /// The index compiled into this build (see [`Core::has_default`]).
    #[wasm_bindgen(js_name = loadDefault)]
    pub fn load_default(&mut self) -> Option<String> {
        #[cfg(feature = "embedded-index")]
        return self.load(EMBEDDED.as_bytes());
        #[cfg(not(feature = "embedded-index"))]
        Some("No index given.".into())
    }

    /// Builds the next `articles` of the search structures; true once a query needs no
    /// more building. Between calls the browser may handle input and paint.
    #[wasm_bindgen(js_name = buildStep)]
    pub fn build_step(&mut self, articles: u32) -> bool {
        match &mut self.session.data {
            Data::Ready(engine) => engine.prepare_search_step(articles as usize),
            _ => true,
        }
    }

    /// The view to paint as the painter's JSON (see src/view.rs), or `undefined` while
    /// nothing is loaded (the painter's loading state).
    pub fn view(&mut self) -> Option<String> {
        self.session.view()
    }

    /// Matching articles at the last view; `undefined` until known.
    pub fn total(&self) -> Option<u32> {
        self.session.total.map(|n| n as u32)
    }

    /// One of the person's acts as the painter reports it: 0 changed nothing, 1 needs a
    /// repaint, 2 changed the filters (repaint, hash, `tc-change`).
    pub fn act(&mut self, act: &str, a: &str, b: &str, on: bool) -> u8 {
        self.session.act(act, a, b, on) as u8
    }

    /// Replaces the filters (`setFilters`, `update` with filter keys, or the URL hash)
    /// with those in `json` (see [`WidgetState::from_json`]); true when they differ from the
    /// current ones. Text that is no such object changes nothing.
    #[wasm_bindgen(js_name = setFilters)]
    pub fn set_filters(&mut self, json: &str) -> bool {
        let Some(state) = WidgetState::from_json(json.as_bytes()) else {
            return false;
        };
        let (changed, unknown) = self.session.set_state(state);
        self.unknown = unknown;
        changed
    }

    /// The filters as JSON: `{query, topics, types, brands, dateFrom, dateTo, sort}`.
    pub fn state(&self) -> String {
        crate::view::state_json(&self.session.state)
    }

    /// Names in the filters that the loaded index does not have, as a JSON array of
    /// strings, once (the controller warns of them); `undefined` when there are none.
    #[wasm_bindgen(js_name = takeUnknown)]
    pub fn take_unknown(&mut self) -> Option<String> {
        let unknown = std::mem::take(&mut self.unknown);
        (!unknown.is_empty()).then(|| crate::view::strings_json(&unknown))
    }
}

impl Core {
    /// The decoded index becomes the engine; the raw text is already freed by then, so the
    /// search build reuses its memory (Wasm memory never shrinks).
    fn ready(&mut self, decoded: Result<Index, IndexError>) -> Option<String> {
        match decoded {
            Ok(index) => {
                self.unknown = self.session.set_ready(Engine::new(index));
                None
            }
            Err(e) => Some(e.message),
        }
    }
}

/// If the Rust code ever panics, the message goes to the console before the trap, which the
/// controller turns into every widget's error state.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // The message alone: formatting the whole `info` links its Display code (and the
            // location's, which this build leaves out anyway: -Zlocation-detail=none).
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("a panic");
            console_error(&format!("topic-cards: internal error: {message}"));
        }));
    });
}
