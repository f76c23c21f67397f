//! Shared helpers for the browser tests: a small index built in code, mounting into a fresh
//! host element, waiting for the widget, and reading its shadow DOM.
#![allow(dead_code)]

use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use topic_cards::model::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

// The widget's painter and controller, as scripts/build.sh bundles them for these tests
// (tests/web_support/kit.js: js/painter.js with the stylesheet and strings it imports, and
// js/controller.js with the options reader and index stream it imports, in one module).
#[wasm_bindgen(module = "/build/test-kit.js")]
extern "C" {
    #[wasm_bindgen(js_name = createPainter)]
    fn create_painter(root: &ShadowRoot, options: &JsValue) -> JsValue;

    #[wasm_bindgen(js_name = mountWidget, catch)]
    fn mount_widget(
        new_core: &JsValue,
        host: &HtmlElement,
        options: &JsValue,
    ) -> Result<Widget, JsValue>;

    /// A mounted widget (js/controller.js).
    pub type Widget;

    #[wasm_bindgen(method)]
    pub fn update(this: &Widget, options: JsValue);

    #[wasm_bindgen(method, js_name = setFilters)]
    pub fn set_filters(this: &Widget, filters: JsValue);

    #[wasm_bindgen(method, js_name = getState)]
    pub fn get_state(this: &Widget) -> JsValue;

    #[wasm_bindgen(method)]
    pub fn destroy(this: &Widget);
}

thread_local! {
    /// `() => new Core()`, made once: the controller calls it for each widget.
    static NEW_CORE: JsValue = Closure::<dyn Fn() -> JsValue>::new(|| {
        JsValue::from(topic_cards::web::Core::new())
    })
    .into_js_value();
}

/// Mounts a widget as js/api.js does: a painter for the host's shadow root, then the
/// controller with a core of this crate.
pub fn mount(host: HtmlElement, options: JsValue) -> Result<Widget, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let options = if options.is_object() {
        options
    } else {
        js_sys::Object::new().into()
    };
    let painter = create_painter(&root, &options);
    js_sys::Reflect::set(&options, &"painter".into(), &painter)?;
    NEW_CORE.with(|new_core| mount_widget(new_core, &host, &options))
}

pub const TOPICS: [(u32, &str); 5] = [
    (0, "Telemedicine"),
    (0, "Cybersecurity"),
    (0, "Interoperability"),
    (1, "Remote Monitoring"),
    (1, "Digital Therapeutics"),
];

fn slug(group: &str, label: &str) -> String {
    format!("{group}-{label}").to_lowercase().replace(' ', "-")
}

/// An index of `n` articles: article i has topic i % 5 (and topic 3 when i is even), brand
/// i % 2, type i % 3 == 0 ? 1 : 0, and offering i % 3; dates fall as i grows.
pub fn index(n: usize) -> Index {
    let groups = vec![
        Group {
            label: "News".into(),
        },
        Group {
            label: "Market".into(),
        },
    ];
    let mut topics: Vec<Topic> = TOPICS
        .iter()
        .map(|(g, label)| Topic {
            group: *g,
            label: (*label).into(),
            slug: slug(&groups[*g as usize].label, label),
            url: None,
            count: 0,
        })
        .collect();
    let mut types = vec![
        Facet {
            name: "curated".into(),
            count: 0,
        },
        Facet {
            name: "contributed".into(),
            count: 0,
        },
    ];
    let mut brands = vec![
        Facet {
            name: "alpha.example".into(),
            count: 0,
        },
        Facet {
            name: "beta.example".into(),
            count: 0,
        },
    ];
    let mut offerings: Vec<Offering> = ["Video Visits Kit", "Secure Vault", "Bridge API"]
        .iter()
        .enumerate()
        .map(|(i, label)| Offering {
            offering_id: Some(500 + i as u64),
            label: (*label).into(),
            url: Some(format!("https://offers.example/{i}")),
            topics: vec![i as u32],
            count: 0,
        })
        .collect();
    let mut articles = Vec::new();
    for i in 0..n {
        let mut t = vec![(i % 5) as u32];
        if i % 2 == 0 && i % 5 != 3 {
            t.push(3);
        }
        t.sort_unstable();
        for &x in &t {
            topics[x as usize].count += 1;
        }
        let ty = u32::from(i % 3 == 0);
        types[ty as usize].count += 1;
        brands[i % 2].count += 1;
        offerings[i % 3].count += 1;
        articles.push(Article {
            id: format!("art-{i}"),
            title: format!("Story {i} about {}", TOPICS[i % 5].1.to_lowercase()),
            summary: format!("Summary number {i} with plain words."),
            date: Some(format!("2024-{:02}-{:02}", 12 - (i / 28) % 12, 28 - i % 28)),
            url: Some(format!("https://news.example/{i}")),
            brand: Some((i % 2) as u32),
            image: None,
            authors: vec![],
            content_type: Some(ty),
            topics: t,
            inferred: i == 1,
            offerings: vec![(i % 3) as u32],
            text: if i == 7 {
                "zebrafish".into()
            } else {
                String::new()
            },
        });
    }
    let mut index = Index {
        format: FORMAT.into(),
        version: VERSION,
        groups,
        topics,
        types,
        brands,
        first_view: None,
        offerings,
        articles,
    };
    index.first_view = Some(topic_cards::query::first_view(&index));
    index
}

pub fn json(index: &Index) -> String {
    topic_cards::index::encode(index)
}

/// A fresh host element in the document.
pub fn host(id: &str) -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    if !id.is_empty() {
        host.set_id(id);
    }
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

/// `{key: value, ...}` as a JS object.
pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        js_sys::Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    object.into()
}

pub fn strings(list: &[&str]) -> JsValue {
    list.iter()
        .map(|s| JsValue::from_str(s))
        .collect::<js_sys::Array>()
        .into()
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 3 s) until `ready` holds.
pub async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..300 {
        if ready() {
            return;
        }
        sleep(10).await;
    }
    panic!("timed out waiting for {what}");
}

pub fn root(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root().expect("an open shadow root")
}

pub fn all(host: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = root(host).query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
        .collect()
}

pub fn one(host: &HtmlElement, selector: &str) -> Element {
    root(host)
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

pub fn text(host: &HtmlElement, selector: &str) -> String {
    one(host, selector).text_content().unwrap_or_default()
}

pub fn card_ids(host: &HtmlElement) -> Vec<String> {
    all(host, ".card .title a")
        .iter()
        .filter_map(|a| a.get_attribute("data-id"))
        .collect()
}

pub fn click(node: &Element) {
    node.unchecked_ref::<HtmlElement>().click();
}

/// Waits until the widget has the full index (tc-ready seen or status settled).
pub async fn ready(events: &Events) {
    until("tc-ready", || events.named("tc-ready").len() == 1).await;
}

/// Records the widget's events on its host.
pub struct Events {
    log: Rc<RefCell<Vec<(String, JsValue)>>>,
    _listeners: Vec<EventListener>,
}

impl Events {
    pub fn on(host: &HtmlElement) -> Self {
        let log = Rc::new(RefCell::new(Vec::new()));
        let listeners = [
            "tc-change",
            "tc-ready",
            "tc-error",
            "tc-card-click",
            "tc-offering-click",
        ]
        .iter()
        .map(|name| {
            let log = log.clone();
            EventListener::new(host, *name, move |event| {
                let detail = event
                    .dyn_ref::<web_sys::CustomEvent>()
                    .map(|e| e.detail())
                    .unwrap_or(JsValue::NULL);
                log.borrow_mut().push((event.type_(), detail));
            })
        })
        .collect();
        Self {
            log,
            _listeners: listeners,
        }
    }

    pub fn named(&self, name: &str) -> Vec<JsValue> {
        self.log
            .borrow()
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, d)| d.clone())
            .collect()
    }
}

pub fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

pub fn get_strings(value: &JsValue, key: &str) -> Vec<String> {
    js_sys::Array::from(&get(value, key))
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// Fires a bubbling event of `kind` at `node`, as the browser does for input and change.
pub fn fire(node: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    node.dispatch_event(&event).unwrap();
}
