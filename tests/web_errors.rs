//! The widget under bad input: broken indexes, unsafe URLs, markup in content, panicking
//! never reaching the host, and destroy leaving nothing behind.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_support::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn bad_index_shows_an_error_and_the_page_keeps_running() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", "{not json".into())])).unwrap();
    until("tc-error", || events.named("tc-error").len() == 1).await;
    let error = one(&host, ".error");
    assert!(!error.has_attribute("hidden"));
    assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&host, ".error-message").contains("not valid JSON"));
    // The widget stays usable as an API.
    assert_eq!(get(&widget.get_state(), "total"), JsValue::NULL);
    widget.set_filters(object(&[("query", "x".into())]));
    widget.destroy();

    // Wrong format, missing index, unreachable URL: each an error, never a throw.
    for options in [
        object(&[("index", r#"{"format":"other","version":1}"#.into())]),
        object(&[]),
        object(&[("indexUrl", "http://127.0.0.1:9/missing.json".into())]),
    ] {
        let host = web_support::host("");
        let events = Events::on(&host);
        let widget = mount(host.clone(), options).unwrap();
        until("tc-error", || events.named("tc-error").len() == 1).await;
        assert!(!one(&host, ".error").has_attribute("hidden"));
        widget.destroy();
    }
}

#[wasm_bindgen_test]
async fn bad_option_values_fall_back_to_defaults() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("index", json(&index(30)).into()),
            ("pageSize", "many".into()),
            ("theme", "purple".into()),
            ("locale", "not a locale!!".into()),
            ("sort", 7.into()),
            ("unknownKey", true.into()),
        ]),
    )
    .unwrap();
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 12);
    assert_eq!(
        one(&host, ".tc").get_attribute("data-theme").as_deref(),
        Some("auto")
    );
    widget.update(object(&[("theme", "dark".into()), ("pageSize", 3.into())]));
    assert_eq!(
        one(&host, ".tc").get_attribute("data-theme").as_deref(),
        Some("dark")
    );
    assert_eq!(card_ids(&host).len(), 3);
    widget.update(object(&[(
        "strings",
        object(&[("resultsMany", "{n} Artikel".into())]),
    )]));
    assert_eq!(text(&host, ".status"), "30 Artikel");
    widget.destroy();
}

#[wasm_bindgen_test]
async fn unsafe_urls_and_markup_stay_inert() {
    let mut ix = index(3);
    ix.articles[0].url = Some(" JavaScript:alert(1)".into());
    ix.articles[0].title = "<img src=x onerror=alert(1)> Title".into();
    ix.articles[1].url = Some("data:text/html,hi".into());
    ix.articles[1].image = Some(topic_cards::model::Image {
        src: "javascript:alert(2)".into(),
        alt: String::new(),
        width: None,
        height: None,
    });
    ix.offerings[0].url = Some("vbscript:x".into());
    ix.first_view = Some(topic_cards::query::first_view(&ix));
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[("index", json(&ix).into()), ("linkTarget", "_blank".into())]),
    )
    .unwrap();
    ready(&events).await;
    for node in all(&host, "[href], [src]") {
        let url = node
            .get_attribute("href")
            .or_else(|| node.get_attribute("src"))
            .unwrap()
            .to_lowercase();
        assert!(url.starts_with("https://"), "unsafe URL rendered: {url}");
    }
    assert!(
        all(&host, ".card img").is_empty(),
        "markup in a title is text"
    );
    let titles: Vec<String> = all(&host, ".card .title")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert!(titles.contains(&"<img src=x onerror=alert(1)> Title".to_string()));
    // Links that open elsewhere carry no opener.
    let link = one(&host, ".card .title a");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(all(&host, "[onerror], [onclick]").is_empty());
    widget.destroy();
}

#[wasm_bindgen_test]
async fn destroy_removes_everything_and_is_idempotent() {
    let host = host("gone");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("index", json(&index(10)).into()),
            ("hashSync", true.into()),
        ]),
    )
    .unwrap();
    ready(&events).await;
    widget.destroy();
    widget.destroy();
    assert_eq!(root(&host).child_nodes().length(), 0);
    assert_eq!(root(&host).adopted_style_sheets().length(), 0);
    // No listener is left: a hash change and calls after destroy do nothing.
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("#gone.q=x"))
        .unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("hashchange").unwrap())
        .unwrap();
    widget.set_filters(object(&[("query", "x".into())]));
    widget.update(object(&[("pageSize", 2.into())]));
    assert_eq!(root(&host).child_nodes().length(), 0);
    assert!(events.named("tc-change").is_empty());
    // Mounting again on the same host works.
    let events = Events::on(&host);
    let again = mount(host.clone(), object(&[("index", json(&index(10)).into())])).unwrap();
    ready(&events).await;
    assert_eq!(card_ids(&host).len(), 10);
    again.destroy();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some("#"))
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_broken_image_falls_back_to_the_placeholder() {
    let mut ix = index(2);
    ix.articles[0].image = Some(topic_cards::model::Image {
        src: "/no-such-image-here.png".into(),
        alt: "A photo".into(),
        width: Some(400),
        height: Some(200),
    });
    ix.first_view = Some(topic_cards::query::first_view(&ix));
    let host = host("");
    // Hidden, the lazy image is not requested yet, so it cannot fail before it is looked at.
    host.set_hidden(true);
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&ix).into())])).unwrap();
    ready(&events).await;
    let img = one(&host, ".card img");
    assert_eq!(img.get_attribute("alt").as_deref(), Some("A photo"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("400"));
    host.set_hidden(false);
    until("the image to fail", || all(&host, ".card img").is_empty()).await;
    assert!(!all(&host, ".card .media .initial").is_empty());
    widget.destroy();
}

/// An index whose first-view prefix is fine but whose tail is broken: the first view paints
/// from the prefix alone, then the error state follows.
fn broken_tail() -> String {
    let text = json(&index(30));
    let cut = text
        .find("\"offerings\":[{\"offeringId\"")
        .expect("offerings after firstView");
    format!("{}\"offerings\":[{{oops", &text[..cut])
}

#[wasm_bindgen_test]
async fn the_first_view_paints_from_the_prefix_alone() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", broken_tail().into())])).unwrap();
    until("tc-error", || events.named("tc-error").len() == 1).await;
    assert_eq!(
        card_ids(&host).len(),
        12,
        "the browse view was painted before the error"
    );
    assert_eq!(text(&host, ".status"), "30 articles");
    widget.destroy();

    // With a query preset, the first view shows dimmed with a loading note, never blank.
    let host = web_support::host("");
    let events = Events::on(&host);
    let widget = mount(
        host.clone(),
        object(&[
            ("index", broken_tail().into()),
            ("query", "zebrafish".into()),
        ]),
    )
    .unwrap();
    until("tc-error", || events.named("tc-error").len() == 1).await;
    assert_eq!(card_ids(&host).len(), 12);
    assert_eq!(text(&host, ".status"), "Preparing search…");
    assert!(one(&host, ".tc").has_attribute("data-pending"));
    widget.destroy();
}
