//! Getting the index: from options (JSON text, or a JS object stringified), from a URL read
//! as a stream, or compiled in. Every source goes the same way: find the first-view prefix,
//! paint it, yield so the browser shows it, then decode the whole and build the engine.

use crate::index::decode::FirstViewPart;
use crate::index::decode::MAX_INDEX_BYTES;
use crate::index::{decode, decode_first_view, split::PrefixState, PrefixScanner, StreamDecoder};
use crate::query::Engine;
use crate::web::options::Source;
use crate::web::widget::{send, warn_unknown, with_live, Data, Inner, Outbox};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::{spawn_local, JsFuture};

#[cfg(feature = "embedded-index")]
const EMBEDDED: &str = include_str!(env!("TOPIC_CARDS_DEFAULT_INDEX"));

/// True when an index was compiled in.
pub fn has_default() -> bool {
    cfg!(feature = "embedded-index")
}

fn embedded() -> Option<&'static str> {
    #[cfg(feature = "embedded-index")]
    return Some(EMBEDDED);
    #[cfg(not(feature = "embedded-index"))]
    None
}

/// Starts loading the widget's index source, cancelling any load in flight. `first_view`
/// (the first-view part's JSON text, given at mount) is painted at once, in this call, so a
/// page that already shows it (the JS handle paints it before the Wasm has loaded) sees no
/// loading state in between.
pub fn start(rc: &Rc<RefCell<Inner>>, first_view: Option<&str>) {
    let (gen, source, host) = {
        let mut inner = rc.borrow_mut();
        inner.load_gen = inner.load_gen.wrapping_add(1);
        if let Some(abort) = inner.abort.take() {
            abort.abort();
        }
        inner.data = first_view
            .and_then(given_first_view)
            .map_or(Data::Loading, |part| Data::First(Box::new(part)));
        inner.total = None;
        let mut out = Outbox::new();
        inner.paint(&mut out);
        (
            inner.load_gen,
            inner.options.source.clone(),
            inner.host.clone(),
        )
    };
    let weak = Rc::downgrade(rc);
    match source {
        Some(Source::Text(text)) => {
            spawn_local(from_bytes(weak, gen, Cow::Owned(text.into_bytes())))
        }
        Some(Source::Url(url)) => spawn_local(from_url(weak, gen, url)),
        None => match embedded() {
            Some(text) => spawn_local(from_bytes(weak, gen, Cow::Borrowed(text.as_bytes()))),
            None => {
                let mut out = Outbox::new();
                {
                    let mut inner = rc.borrow_mut();
                    inner.fail_with("No index given.", Some("noIndex"), &mut out);
                }
                send(&host, out);
            }
        },
    }
}

/// The widget, if it is alive and this load is still the current one.
fn current(weak: &Weak<RefCell<Inner>>, gen: u32) -> Option<Rc<RefCell<Inner>>> {
    let rc = weak.upgrade()?;
    let live = rc
        .try_borrow()
        .is_ok_and(|inner| !inner.destroyed && inner.load_gen == gen);
    live.then_some(rc)
}

/// Runs `f` on the widget if it is alive and this load is still its current one, then sends
/// its events.
fn with(weak: &Weak<RefCell<Inner>>, gen: u32, f: impl FnOnce(&mut Inner, &mut Outbox)) {
    with_live(weak, |inner, out| {
        if inner.load_gen == gen {
            f(inner, out);
        }
    });
}

async fn from_bytes(weak: Weak<RefCell<Inner>>, gen: u32, bytes: Cow<'static, [u8]>) {
    let mut scanner = PrefixScanner::new();
    if let PrefixState::Found { len } = scanner.feed(&bytes) {
        paint_first(&weak, gen, &bytes[..len]);
        yield_to_paint().await;
    }
    finish(&weak, gen, Raw::Bytes(bytes)).await;
}

/// Paints the browse view from the first-view prefix (a bad prefix just waits for the rest).
fn paint_first(weak: &Weak<RefCell<Inner>>, gen: u32, prefix: &[u8]) {
    with(weak, gen, |inner, out| {
        if let Some(part) = first_view_part(prefix) {
            inner.data = Data::First(Box::new(part));
            inner.paint(out);
        }
    });
}

/// The first-view part of a prefix, or a console warning and `None`.
fn first_view_part(prefix: &[u8]) -> Option<FirstViewPart> {
    match decode_first_view(prefix) {
        Ok(mut part) => {
            sort_placed(&mut part.first_view.offerings);
            Some(part)
        }
        Err(e) => {
            crate::web::warn(&format!("topic-cards: first view skipped: {e}"));
            None
        }
    }
}

/// The `firstView` option: a whole JSON object (the index's members up to `firstView`,
/// closed) or any longer text that starts with them, such as a whole index.
fn given_first_view(text: &str) -> Option<FirstViewPart> {
    match PrefixScanner::new().feed(text.as_bytes()) {
        PrefixState::Found { len } => first_view_part(&text.as_bytes()[..len]),
        _ => {
            crate::web::warn(
                "topic-cards: option \"firstView\" ignored: it has no firstView member",
            );
            None
        }
    }
}

/// Decodes the whole index, builds the engine, repaints, and after one more yield builds
/// the search structures so the first keystroke is fast. The raw bytes are freed right
/// after decoding, so the search build reuses their memory instead of growing past it
/// (Wasm memory never shrinks: the peak is what the page keeps).
async fn finish(weak: &Weak<RefCell<Inner>>, gen: u32, raw: Raw) {
    if current(weak, gen).is_none() {
        return;
    }
    let decoded = raw.decode();
    let mut ready = false;
    with(weak, gen, |inner, out| match decoded {
        Ok(index) => {
            let engine = Engine::new(index);
            warn_unknown(&inner.state.normalize(&engine));
            inner.data = Data::Ready(Box::new(engine));
            inner.paint(out);
            inner.write_hash();
            ready = true;
        }
        Err(message) => inner.fail(&message, out),
    });
    if !ready {
        return;
    }
    // The search structures, built in slices of articles, each its own task: at 100k
    // articles one build is over a second of main thread, which typing and scrolling would
    // otherwise wait behind. A query that comes first finishes the build itself.
    // `tc-ready` follows, once a query needs no more building.
    const SEARCH_SLICE: usize = 2_000;
    let mut done = false;
    while !done {
        yield_now().await;
        done = true; // unless the widget is still there with more to build
        with(weak, gen, |inner, out| {
            if let Data::Ready(engine) = &mut inner.data {
                done = engine.prepare_search_step(SEARCH_SLICE);
                if done {
                    let detail = js_sys::Object::new();
                    let total = inner.total.unwrap_or(0) as f64;
                    let _ = js_sys::Reflect::set(&detail, &"total".into(), &total.into());
                    out.push(("tc-ready", detail.into()));
                }
            }
        });
    }
}

async fn from_url(weak: Weak<RefCell<Inner>>, gen: u32, url: String) {
    match stream(&weak, gen, &url).await {
        Ok(Some(raw)) => finish(&weak, gen, raw).await,
        Ok(None) => {} // superseded or destroyed
        Err(message) => with(&weak, gen, |inner, out| inner.fail(&message, out)),
    }
}

/// Fetches `url`, painting the first view as soon as its prefix is in. `Ok(None)` when the
/// load was cancelled because the widget moved on.
async fn stream(weak: &Weak<RefCell<Inner>>, gen: u32, url: &str) -> Result<Option<Raw>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let controller = web_sys::AbortController::new().map_err(|_| "AbortController unavailable")?;
    let (timeout_ms, fetch) = {
        let Some(rc) = current(weak, gen) else {
            return Ok(None);
        };
        let mut inner = rc.borrow_mut();
        inner.abort = Some(controller.clone());
        (inner.options.timeout_ms, inner.options.fetch.clone())
    };
    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Closure::once_into_js(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            timeout_ms.min(i32::MAX as u32) as i32,
        )
        .ok();
    let result = read_all(weak, gen, &window, fetch.as_ref(), &controller, url).await;
    if let Some(timer) = timer {
        window.clear_timeout_with_handle(timer);
    }
    let cancelled = current(weak, gen).is_none();
    match result {
        _ if cancelled => Ok(None),
        Ok(raw) => Ok(Some(raw)),
        Err(_) if timed_out.get() => Err(format!(
            "the index at {url} took longer than {} s to load",
            timeout_ms.div_ceil(1000)
        )),
        Err(reason) => Err(format!("the index at {url} could not be loaded ({reason})")),
    }
}

async fn read_all(
    weak: &Weak<RefCell<Inner>>,
    gen: u32,
    window: &web_sys::Window,
    fetch: Option<&js_sys::Function>,
    controller: &web_sys::AbortController,
    url: &str,
) -> Result<Raw, String> {
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let request = match fetch {
        // The page's own fetch: whatever it returns (a Response or a promise of one).
        Some(fetch) => js_sys::Promise::resolve(
            &fetch
                .call2(&JsValue::NULL, &JsValue::from_str(url), &init)
                .map_err(|_| "the fetch option threw".to_string())?,
        ),
        None => window.fetch_with_str_and_init(url, &init),
    };
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(|_| "network error".to_string())?
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    // Each chunk is decoded as it arrives (articles one by one, see [`StreamDecoder`]), so
    // the work is spread over the download and Wasm memory never holds the whole text. The
    // chunks also stay in JS until the end: if the text is not an index in the indexer's
    // shape, [`decode`] gets all of it to say why.
    let chunks = js_sys::Array::new();
    let mut total = 0usize;
    let mut decoder = StreamDecoder::new();
    let mut piece = Vec::new();
    // Only the bytes before the first-view prefix is found are gathered in Wasm.
    let mut head = Vec::new();
    let mut scanner = PrefixScanner::new();
    let mut scanning = true;
    let Some(body) = response.body() else {
        let buffer = JsFuture::from(response.array_buffer().map_err(|_| "no body")?)
            .await
            .map_err(|_| "network error".to_string())?;
        return Ok(Raw::Bytes(Cow::Owned(
            js_sys::Uint8Array::new(&buffer).to_vec(),
        )));
    };
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| "unreadable body".to_string())?;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| "network error".to_string())?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).unwrap_or(JsValue::UNDEFINED);
        let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() else {
            return Err("unexpected body chunk".into());
        };
        total += array.length() as usize;
        chunks.push(array);
        piece.resize(array.length() as usize, 0);
        array.copy_to(&mut piece);
        // The first view first: a chunk can hold megabytes of articles after the prefix.
        if scanning {
            head.extend_from_slice(&piece);
            let start = head.len() - piece.len();
            match scanner.feed(&head[start..]) {
                PrefixState::Pending => {}
                PrefixState::Absent => scanning = false,
                PrefixState::Found { len } => {
                    scanning = false;
                    paint_first(weak, gen, &head[..len.min(head.len())]);
                    // Let it reach the screen before the articles are decoded.
                    yield_to_paint().await;
                }
            }
            if !scanning {
                head = Vec::new();
            }
        }
        if total <= MAX_INDEX_BYTES {
            feed(&mut decoder, &piece).await;
        }
    }
    drop(head);
    drop(piece);
    let decoded = if total <= MAX_INDEX_BYTES {
        decoder.finish()
    } else {
        None
    };
    Ok(Raw::Chunks {
        chunks,
        total,
        decoded,
    })
}

/// Feeds one received chunk to the decoder, a slice at a time with a task boundary between
/// slices, so a large chunk does not become one long task that holds up input and paint.
async fn feed(decoder: &mut StreamDecoder, chunk: &[u8]) {
    const SLICE: usize = 256 * 1024;
    for (i, slice) in chunk.chunks(SLICE).enumerate() {
        if i > 0 {
            yield_now().await;
        }
        decoder.feed(slice);
    }
}

/// The index text, as loaded.
enum Raw {
    /// In Wasm memory (given as text, compiled in, or a body without a stream).
    Bytes(Cow<'static, [u8]>),
    /// A streamed body's chunks, still in JS, their total length, and what the stream
    /// decoder made of them (`None`: not in the indexer's shape, ask [`decode`]).
    Chunks {
        chunks: js_sys::Array,
        total: usize,
        decoded: Option<Result<crate::model::Index, crate::index::IndexError>>,
    },
}

impl Raw {
    /// Decodes the index, freeing the text as soon as the model is built (before the
    /// search build, which then reuses that memory).
    fn decode(self) -> Result<crate::model::Index, String> {
        match self {
            Raw::Bytes(bytes) => decode(&bytes).map_err(|e| e.message),
            Raw::Chunks {
                chunks,
                total,
                decoded,
            } => {
                if let Some(decoded) = decoded {
                    return decoded.map_err(|e| e.message);
                }
                // Not an index as it stands: gather the bytes once so decode can say why
                // (it needs the whole text to name the member at fault).
                let mut bytes = vec![0u8; total.min(MAX_INDEX_BYTES + 1)];
                let mut at = 0usize;
                for chunk in chunks.iter() {
                    let Ok(array) = chunk.dyn_into::<js_sys::Uint8Array>() else {
                        continue;
                    };
                    let end = at + array.length() as usize;
                    match bytes.get_mut(at..end) {
                        Some(slot) => array.copy_to(slot),
                        None => break,
                    }
                    at = end;
                }
                decode(&bytes).map_err(|e| e.message)
            }
        }
    }
}

/// Gives the browser a turn (input, rendering) between slices of background work. Uses
/// `scheduler.yield()` where there is one: a zero-delay timer is clamped to 4 ms once timers
/// nest, which over the dozens of slices of a large index adds up to idle waiting.
async fn yield_now() {
    let scheduler =
        js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).unwrap_or(JsValue::UNDEFINED);
    let yield_fn = if scheduler.is_object() {
        js_sys::Reflect::get(&scheduler, &"yield".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    };
    if let Some(yield_fn) = yield_fn.dyn_ref::<js_sys::Function>() {
        if let Ok(promise) = yield_fn.call0(&scheduler) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                let _ = JsFuture::from(promise).await;
                return;
            }
        }
    }
    sleep(0).await;
}

/// Resolves after `ms` milliseconds (a task boundary: the browser may render in between).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves after the next frame has been rendered (or after 50 ms in a background tab,
/// where frames do not come).
async fn yield_to_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let after_frame = {
            let resolve = resolve.clone();
            Closure::once_into_js(move || {
                if let Some(window) = web_sys::window() {
                    let _ =
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
                }
            })
        };
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
    });
    let _ = JsFuture::from(promise).await;
}

/// Orders the first view's offerings by position (stable), through the crate's one sort.
fn sort_placed(offerings: &mut Vec<crate::model::PlacedOffering>) {
    let order = crate::id_sort::sorted_positions(offerings.len(), &|a, b| {
        offerings[a as usize]
            .at
            .cmp(&offerings[b as usize].at)
            .then(a.cmp(&b))
    });
    *offerings = crate::id_sort::in_order(std::mem::take(offerings), &order);
}
