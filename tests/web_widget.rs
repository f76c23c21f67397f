//! The widget in a real browser: rendering, facets, search, chips, sort, paging, hash sync
//! and two widgets on one page. Run with wasm-bindgen-test-runner (see README).
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_support::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Articles of the fixture with topic `t`.
fn with_topic(n: usize, t: u32) -> usize {
    index(n)
        .articles
        .iter()
        .filter(|a| a.topics.contains(&t))
        .count()
}

#[wasm_bindgen_test]
async fn renders_cards_facets_and_panel() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("index", json(&index(30)).into()),
            ("locale", "de-DE".into()),
        ]),
    )
    .unwrap();
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 12, "one page of cards");
    // Dates are formatted for the locale, without a time-zone shift.
    let time = one(&host, ".card time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2024-12-28")
    );
    assert_eq!(time.text_content().as_deref(), Some("28.12.2024"));
    assert_eq!(card_ids(&host)[0], "art-0", "newest first");
    assert_eq!(text(&host, ".status"), "30 articles");
    assert_eq!(
        one(&host, ".status").get_attribute("aria-live").as_deref(),
        Some("polite")
    );
    // Two topic groups, Type and Source.
    assert_eq!(all(&host, "details.facet").len(), 4);
    assert_eq!(all(&host, ".panel .offering").len(), 3);
    assert!(
        all(&host, ".card .chip.inferred").len() == 1,
        "inferred chips are marked"
    );
    assert_eq!(
        js_sys::Reflect::get(&events.named("tc-ready")[0], &"total".into()).unwrap(),
        30
    );
    assert_eq!(get(&widget.get_state(), "total"), 30);
    // No inline styles: the JS handle adopts the stylesheet (js/first-view.js), the core
    // has none of its own.
    assert!(all(&host, "style, [style]").is_empty());
    widget.destroy();
}

#[wasm_bindgen_test]
async fn facet_checkbox_filters_cards_counts_and_state() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&index(30)).into())])).unwrap();
    ready(&events).await;
    let slug = "news-cybersecurity";
    let checkbox = one(&host, &format!("input[data-key='{slug}']"));
    // Open the filters (collapsed on narrow layouts) so the checkbox can take focus.
    click(&one(&host, ".filters-toggle"));
    checkbox
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    assert!(root(&host).active_element().is_some_and(|e| e == checkbox));
    click(&checkbox);
    // The checkbox node is reused (and moved), so keyboard focus stays on it.
    assert!(root(&host).active_element().is_some_and(|e| e == checkbox));
    let expected = with_topic(30, 1);
    assert_eq!(card_ids(&host).len(), expected.min(12));
    assert_eq!(text(&host, ".status"), format!("{expected} articles"));
    assert!(checkbox.unchecked_ref::<HtmlInputElement>().checked());
    assert_eq!(
        get_strings(&widget.get_state(), "topics"),
        vec![slug.to_string()]
    );
    let change = events.named("tc-change");
    assert_eq!(change.len(), 1);
    assert_eq!(get_strings(&change[0], "topics"), vec![slug.to_string()]);
    // Counts in another group now count within the filtered set.
    let remote = one(&host, "input[data-key='market-remote-monitoring']")
        .closest("label")
        .unwrap()
        .unwrap();
    let count: usize = remote
        .query_selector(".count")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .parse()
        .unwrap();
    let both = index(30)
        .articles
        .iter()
        .filter(|a| a.topics.contains(&1) && a.topics.contains(&3))
        .count();
    assert_eq!(count, both);
    // The active filter shows as a removable chip; removing it restores the browse view.
    let chip = one(&host, ".active .chip");
    assert!(chip
        .get_attribute("aria-label")
        .unwrap()
        .contains("Cybersecurity"));
    click(&chip);
    assert_eq!(card_ids(&host).len(), 12);
    assert!(get_strings(&widget.get_state(), "topics").is_empty());
    widget.destroy();
}

#[wasm_bindgen_test]
async fn search_narrows_and_clear_all_resets() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&index(30)).into())])).unwrap();
    ready(&events).await;
    let input: HtmlInputElement = one(&host, "input[type=search]").unchecked_into();
    input.set_value("zebrafish");
    fire(&input, "input");
    assert_eq!(card_ids(&host), vec!["art-7".to_string()]);
    assert_eq!(text(&host, ".status"), "1 article");
    click(&one(&host, "input[data-key='beta.example']"));
    assert_eq!(
        get_strings(&widget.get_state(), "brands"),
        vec!["beta.example".to_string()]
    );
    // Clear all: every filter goes, the search box empties and keeps focus.
    click(&one(&host, ".active .clear"));
    let state = widget.get_state();
    assert_eq!(get(&state, "query"), "");
    assert!(get_strings(&state, "brands").is_empty());
    assert_eq!(input.value(), "");
    assert_eq!(card_ids(&host).len(), 12);
    assert!(root(&host).active_element().is_some_and(|e| e == **input));
    // Nothing matches: an empty state with a way out.
    input.set_value("qqxxzzvv");
    fire(&input, "input");
    assert!(card_ids(&host).is_empty());
    assert!(!one(&host, ".empty").has_attribute("hidden"));
    widget.destroy();
}

#[wasm_bindgen_test]
async fn sort_paging_and_card_chips() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[("index", json(&index(30)).into()), ("pageSize", 5.into())]),
    )
    .unwrap();
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 5);
    click(&one(&host, ".more"));
    assert_eq!(card_ids(&host).len(), 10);
    // Focus moves to the first new card.
    let focused = root(&host).active_element().unwrap();
    assert_eq!(focused.get_attribute("data-id").as_deref(), Some("art-5"));
    let select: HtmlSelectElement = one(&host, "select").unchecked_into();
    select.set_value("newest");
    fire(&select, "change");
    assert_eq!(get(&widget.get_state(), "sort"), "newest");
    assert_eq!(
        card_ids(&host).len(),
        5,
        "a new result set starts at page one"
    );
    // A topic chip on a card filters by that topic.
    let chip = one(&host, ".card .chip[data-key='news-telemedicine']");
    click(&chip);
    assert_eq!(
        get_strings(&widget.get_state(), "topics"),
        vec!["news-telemedicine".to_string()]
    );
    assert_eq!(
        text(&host, ".status"),
        format!("{} articles", with_topic(30, 0))
    );
    widget.destroy();
}

#[wasm_bindgen_test]
async fn set_filters_accepts_labels_and_reports_slugs() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("index", json(&index(30)).into()),
            ("topics", strings(&["Telemedicine"])),
        ]),
    )
    .unwrap();
    ready(&events).await;
    assert_eq!(
        get_strings(&widget.get_state(), "topics"),
        vec!["news-telemedicine".to_string()]
    );
    widget.set_filters(object(&[
        ("topics", strings(&["Market: Remote Monitoring"])),
        ("types", strings(&["Curated"])),
    ]));
    let state = widget.get_state();
    assert_eq!(
        get_strings(&state, "topics"),
        vec!["market-remote-monitoring".to_string()]
    );
    assert_eq!(get_strings(&state, "types"), vec!["curated".to_string()]);
    assert!(
        events.named("tc-change").is_empty(),
        "setFilters does not echo tc-change"
    );
    widget.destroy();
}

/// Replaces the page's hash without a history entry or a hashchange event.
fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(hash))
        .unwrap();
}

/// A widget with `hashSync: true` on a new host with this id, once its index is ready.
async fn mount_hash_synced(id: &str) -> (web_sys::HtmlElement, Widget) {
    let host = web_support::host(id);
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("index", json(&index(30)).into()),
            ("hashSync", true.into()),
        ]),
    )
    .unwrap();
    ready(&events).await;
    (host, widget)
}

#[wasm_bindgen_test]
async fn hash_state_round_trips() {
    let window = web_sys::window().unwrap();
    set_hash("#keep=1");
    let (host, widget) = mount_hash_synced("news").await;
    click(&one(&host, "input[data-key='news-cybersecurity']"));
    let hash = window.location().hash().unwrap();
    assert_eq!(hash, "#keep=1&news.t=news-cybersecurity");
    // A changed hash (back button, pasted link) updates the widget.
    set_hash("#keep=1&news.q=zebrafish");
    window
        .dispatch_event(&web_sys::Event::new("hashchange").unwrap())
        .unwrap();
    assert_eq!(card_ids(&host), vec!["art-7".to_string()]);
    assert!(get_strings(&widget.get_state(), "topics").is_empty());
    widget.destroy();
    // A new widget reads its state from the hash on mount.
    set_hash("#news2.t=market-remote-monitoring&news2.s=newest");
    let (_, widget) = mount_hash_synced("news2").await;
    let state = widget.get_state();
    assert_eq!(
        get_strings(&state, "topics"),
        vec!["market-remote-monitoring".to_string()]
    );
    assert_eq!(get(&state, "sort"), "newest");
    widget.destroy();
    set_hash("#");
}

#[wasm_bindgen_test]
async fn a_host_id_that_is_no_namespace_falls_back_to_tc() {
    set_hash("#");
    // An id with the hash's own separators would garble every other parameter.
    let (host, widget) = mount_hash_synced("a&b=c.d").await;
    click(&one(&host, "input[data-key='news-cybersecurity']"));
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#tc.t=news-cybersecurity");
    widget.destroy();
    set_hash("#");
}

#[wasm_bindgen_test]
async fn two_widgets_do_not_interfere() {
    let (a, b) = (host("one"), host("two"));
    let (events_a, events_b) = (Events::on(&a), Events::on(&b));
    let wa = mount(a.clone(), object(&[("index", json(&index(30)).into())])).unwrap();
    let wb = mount(
        b.clone(),
        object(&[("index", json(&index(20)).into()), ("pageSize", 4.into())]),
    )
    .unwrap();
    ready(&events_a).await;
    ready(&events_b).await;
    click(&one(&a, "input[data-key='news-cybersecurity']"));
    assert_eq!(
        get_strings(&wa.get_state(), "topics"),
        vec!["news-cybersecurity".to_string()]
    );
    assert!(get_strings(&wb.get_state(), "topics").is_empty());
    assert_eq!(card_ids(&b).len(), 4);
    assert_eq!(text(&b, ".status"), "20 articles");
    assert!(events_b.named("tc-change").is_empty());
    wa.destroy();
    // b still works after a is gone.
    click(&one(&b, ".more"));
    assert_eq!(card_ids(&b).len(), 8);
    wb.destroy();
}

#[wasm_bindgen_test]
async fn streams_an_index_url_and_accepts_a_js_object() {
    let text = json(&index(30));
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("indexUrl", url.into())])).unwrap();
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 12);
    widget.destroy();

    let host = web_support::host("");
    let events = Events::on(&host);
    let parsed = js_sys::JSON::parse(&text).unwrap();
    let widget = mount(host.clone(), object(&[("index", parsed)])).unwrap();
    ready(&events).await;
    assert_eq!(text_of_status(&host), "30 articles");
    widget.destroy();
}

fn text_of_status(host: &web_sys::HtmlElement) -> String {
    text(host, ".status")
}

#[wasm_bindgen_test]
async fn clicks_on_cards_and_offerings_are_reported() {
    let host = host("");
    let events = Events::on(&host);
    // Keep the test page from navigating away.
    let _stay = gloo_events::EventListener::new_with_options(
        &host,
        "click",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        |event| event.prevent_default(),
    );
    let widget = mount(host.clone(), object(&[("index", json(&index(30)).into())])).unwrap();
    ready(&events).await;
    click(&one(&host, ".card .title a"));
    let card = &events.named("tc-card-click")[0];
    assert_eq!(get(card, "id"), "art-0");
    assert_eq!(get(card, "url"), "https://news.example/0");
    assert_eq!(get(card, "title"), "Story 0 about telemedicine");
    click(&one(&host, ".panel .offering a"));
    let offering = &events.named("tc-offering-click")[0];
    let label = get(offering, "label").as_string().unwrap();
    let id = get(offering, "offeringId").as_f64().unwrap() as usize;
    let expected = ["Video Visits Kit", "Secure Vault", "Bridge API"];
    assert_eq!(label, expected[id - 500]);
    assert_eq!(
        get(offering, "url"),
        format!("https://offers.example/{}", id - 500).as_str()
    );
    widget.destroy();
}

#[wasm_bindgen_test]
async fn an_index_without_first_view_paints_after_the_full_decode() {
    let mut ix = index(15);
    ix.first_view = None;
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&ix).into())])).unwrap();
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 12);
    // A new index through update() replaces the old one.
    widget.update(object(&[("index", json(&index(4)).into())]));
    until("second tc-ready", || events.named("tc-ready").len() == 2).await;
    assert_eq!(card_ids(&host).len(), 4);
    assert_eq!(text(&host, ".status"), "4 articles");
    widget.destroy();
}

#[wasm_bindgen_test]
async fn ime_composition_waits_for_the_final_text() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&index(30)).into())])).unwrap();
    ready(&events).await;
    let input: HtmlInputElement = one(&host, "input[type=search]").unchecked_into();
    input.set_value("zebr");
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    init.set_is_composing(true);
    let composing = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&composing).unwrap();
    assert_eq!(
        get(&widget.get_state(), "query"),
        "",
        "mid-composition text is not a query"
    );
    assert_eq!(card_ids(&host).len(), 12);
    input.set_value("zebrafish");
    fire(&input, "compositionend");
    assert_eq!(get(&widget.get_state(), "query"), "zebrafish");
    assert_eq!(card_ids(&host), vec!["art-7".to_string()]);
    widget.destroy();
}

#[wasm_bindgen_test]
async fn a_focused_chip_keeps_focus_when_its_card_moves() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&index(30)).into())])).unwrap();
    ready(&events).await;
    // art-5 is sixth; filtering by its topic moves it to second place.
    let chip = one(
        &host,
        ".card:has(a[data-id='art-5']) .chip[data-key='news-telemedicine']",
    );
    chip.unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    click(&chip);
    assert_eq!(
        &card_ids(&host)[..2],
        ["art-0".to_string(), "art-5".to_string()]
    );
    assert!(root(&host).active_element().is_some_and(|e| e == chip));
    widget.destroy();
}

#[wasm_bindgen_test]
async fn long_facet_groups_show_the_top_values_and_expand() {
    let mut ix = index(30);
    for label in ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"] {
        ix.topics.push(topic_cards::model::Topic {
            group: 0,
            label: label.into(),
            slug: format!("news-{}", label.to_lowercase()),
            url: None,
            count: 0,
        });
    }
    ix.first_view = Some(topic_cards::query::first_view(&ix));
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&ix).into())])).unwrap();
    ready(&events).await;
    let group = &all(&host, "details.facet")[0];
    let visible = || {
        group
            .query_selector_all("li:not([hidden])")
            .unwrap()
            .length()
    };
    assert_eq!(visible(), 6);
    let more = group.query_selector(".more-values").unwrap().unwrap();
    assert_eq!(more.text_content().as_deref(), Some("Show 2 more"));
    // Sorted by count, then label: the three used topics first.
    let first = group
        .query_selector("li .name")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(first, "Cybersecurity");
    click(&more);
    assert_eq!(visible(), 8);
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(more.text_content().as_deref(), Some("Show fewer"));
    widget.destroy();
}

#[wasm_bindgen_test]
async fn a_given_first_view_is_painted_within_mount() {
    let ix = index(30);
    let part = topic_cards::index::encode_first_view(&ix).unwrap();
    let text = json(&ix);
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[("indexUrl", url.into()), ("firstView", part.into())]),
    )
    .unwrap();
    // No await in between: the cards are there when mount returns.
    assert_eq!(card_ids(&host).len(), 12);
    assert_eq!(text_of_status(&host), "30 articles");
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 12);
    widget.destroy();

    // A text without a first view is ignored (the index still loads).
    let host = web_support::host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("index", text.into()),
            ("firstView", JsValue::from_str("{\"format\":1}")),
        ]),
    )
    .unwrap();
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 12);
    widget.destroy();
}

#[wasm_bindgen_test]
async fn a_change_made_while_loading_is_told_again_with_its_total() {
    let ix = index(30);
    let part = topic_cards::index::encode_first_view(&ix).unwrap();
    let parts = js_sys::Array::of1(&JsValue::from_str(&json(&ix)));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    // The index arrives 300 ms late: the search below is typed over the first view.
    let slow_fetch = js_sys::Function::new_with_args(
        "url",
        "return new Promise((done) => setTimeout(() => done(fetch(url)), 300));",
    );
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("indexUrl", url.into()),
            ("firstView", part.into()),
            ("fetch", slow_fetch.into()),
        ]),
    )
    .unwrap();
    let input: HtmlInputElement = one(&host, "input[type=search]").unchecked_into();
    input.set_value("zebrafish");
    fire(&input, "input");
    let changes = events.named("tc-change");
    assert_eq!(changes.len(), 1);
    assert!(get(&changes[0], "total").is_null(), "not known yet");
    ready(&events).await;
    let changes = events.named("tc-change");
    assert_eq!(changes.len(), 2, "told again once the total is known");
    assert_eq!(get(&changes[1], "query"), "zebrafish");
    assert_eq!(get(&changes[1], "total").as_f64(), Some(1.0));
    // Known totals are told once.
    input.set_value("zebrafis");
    fire(&input, "input");
    assert_eq!(events.named("tc-change").len(), 3);
    widget.destroy();
}
