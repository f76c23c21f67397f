//! What the incremental paint must keep true (js/paint/cards.js and facets.js): card nodes
//! refilled with another article show exactly that article, never a leftover of the one
//! before; a focused card is not refilled under the person's focus; facet values that were
//! hidden while the counts changed are right when shown. Run with wasm-bindgen-test-runner
//! (see README).
#![cfg(target_arch = "wasm32")]

mod web_support;

use topic_cards::model::{Image, Index, Topic};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_support::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The fixture with every optional part missing somewhere, so refills must add and remove
/// parts: no link, no brand, no date, no summary, no topics, no offerings, images (one with
/// an unsafe URL), an offering without a URL.
fn varied() -> Index {
    let mut ix = index(30);
    ix.articles[2].url = None;
    ix.articles[3].brand = None;
    ix.articles[4].date = None;
    ix.articles[5].summary = String::new();
    ix.articles[6].topics.clear();
    ix.articles[8].offerings.clear();
    ix.articles[11].offerings.push(0);
    for i in [9, 13, 14, 21] {
        ix.articles[i].image = Some(Image {
            src: format!("/no-such-image-{i}.png"),
            alt: format!("Picture {i}"),
            width: Some(400),
            height: None,
        });
    }
    ix.articles[10].image = Some(Image {
        src: "javascript:alert(1)".into(),
        alt: "bad".into(),
        width: None,
        height: None,
    });
    ix.offerings[2].url = None;
    ix.first_view = Some(topic_cards::query::first_view(&ix));
    ix
}

fn children(node: &Element) -> Vec<Element> {
    let list = node.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn attr(node: &Element, name: &str) -> Option<String> {
    node.get_attribute(name)
}

/// Checks one card node against its article, part by part (an oracle independent of the
/// renderer's code).
fn check_card(card: &Element, ix: &Index) {
    let body = card.query_selector(".body").unwrap().unwrap();
    let heading = body.query_selector(".title").unwrap().unwrap();
    let link = heading.query_selector("a").unwrap();
    let title = heading.text_content().unwrap();
    let article = match &link {
        Some(a) => {
            let id = attr(a, "data-id").unwrap();
            ix.articles.iter().find(|x| x.id == id).unwrap()
        }
        None => ix.articles.iter().find(|x| x.title == title).unwrap(),
    };
    let who = &article.id;
    assert_eq!(title, article.title, "{who}: title");
    match (&link, &article.url) {
        (Some(a), Some(url)) => {
            assert_eq!(attr(a, "href").as_deref(), Some(url.as_str()), "{who}");
            assert_eq!(a.children().length(), 0, "{who}: link holds text only");
        }
        (None, None) => assert_eq!(heading.children().length(), 0, "{who}"),
        _ => panic!("{who}: title link does not match the URL"),
    }
    let brand = article.brand.map(|b| ix.brands[b as usize].name.clone());
    let shown_brand = body
        .query_selector(".meta .brand")
        .unwrap()
        .map(|n| n.text_content().unwrap());
    assert_eq!(shown_brand, brand, "{who}: brand");
    let time = body.query_selector(".meta time").unwrap();
    assert_eq!(
        time.as_ref().and_then(|t| attr(t, "datetime")),
        article.date,
        "{who}: date"
    );
    let meta = body.query_selector(".meta").unwrap().unwrap();
    let meta_classes: Vec<String> = children(&meta).iter().map(|n| n.class_name()).collect();
    let want_meta: Vec<&str> = [
        brand.as_ref().map(|_| "brand"),
        time.as_ref().map(|_| "date"),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert_eq!(meta_classes, want_meta, "{who}: meta order");
    // The body's parts, in order.
    let classes: Vec<String> = children(&body).iter().map(|n| n.class_name()).collect();
    let mut want = vec!["meta", "title"];
    if !article.summary.is_empty() {
        want.push("summary");
    }
    if !article.topics.is_empty() {
        want.push("chips");
    }
    if !article.offerings.is_empty() {
        want.push("offers");
    }
    assert_eq!(classes, want, "{who}: parts");
    if let Some(summary) = body.query_selector(".summary").unwrap() {
        assert_eq!(summary.text_content().unwrap(), article.summary, "{who}");
    }
    let chips: Vec<Element> = body
        .query_selector_all(".chips > li > button")
        .map(|l| {
            (0..l.length())
                .filter_map(|i| l.get(i)?.dyn_into().ok())
                .collect()
        })
        .unwrap();
    assert_eq!(chips.len(), article.topics.len(), "{who}: chips");
    for (chip, &t) in chips.iter().zip(&article.topics) {
        let topic = &ix.topics[t as usize];
        assert_eq!(attr(chip, "data-key").as_deref(), Some(topic.slug.as_str()));
        assert_eq!(chip.text_content().unwrap(), topic.label, "{who}");
        assert_eq!(
            chip.class_list().contains("inferred"),
            article.inferred,
            "{who}: inferred mark"
        );
        let title = attr(chip, "title").unwrap();
        assert!(title.contains(&topic.label), "{who}: {title}");
        assert_eq!(
            title.to_lowercase().contains("inferred"),
            article.inferred,
            "{who}: {title}"
        );
    }
    let offers: Vec<Element> = body
        .query_selector_all(".offers > li")
        .map(|l| {
            (0..l.length())
                .filter_map(|i| l.get(i)?.dyn_into().ok())
                .collect()
        })
        .unwrap();
    assert_eq!(offers.len(), article.offerings.len(), "{who}: offers");
    for (li, &o) in offers.iter().zip(&article.offerings) {
        let offering = &ix.offerings[o as usize];
        let inner = children(li);
        assert_eq!(inner.len(), 1, "{who}: one label per offering");
        assert_eq!(inner[0].text_content().unwrap(), offering.label);
        match &offering.url {
            Some(url) => {
                assert_eq!(inner[0].tag_name(), "A");
                assert_eq!(attr(&inner[0], "href").as_deref(), Some(url.as_str()));
                assert_eq!(attr(&inner[0], "data-id"), Some(o.to_string()));
            }
            None => assert_eq!(inner[0].tag_name(), "SPAN", "{who}"),
        }
    }
    // Media: the initial of the brand (or title), and an image only for a safe URL.
    let media = card.query_selector(".media").unwrap().unwrap();
    let initial = brand
        .as_deref()
        .unwrap_or(&article.title)
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_uppercase().to_string())
        .unwrap();
    assert_eq!(attr(&media, "data-initial"), Some(initial.clone()), "{who}");
    assert_eq!(
        media
            .query_selector(".initial")
            .unwrap()
            .unwrap()
            .text_content(),
        Some(initial)
    );
    let imgs: Vec<Element> = children(&media)
        .into_iter()
        .filter(|n| n.tag_name() == "IMG")
        .collect();
    let safe = article
        .image
        .as_ref()
        .filter(|i| !i.src.starts_with("javascript:"));
    match safe {
        Some(image) => {
            assert_eq!(imgs.len(), 1, "{who}: one image");
            assert_eq!(attr(&imgs[0], "src").as_deref(), Some(image.src.as_str()));
            assert_eq!(attr(&imgs[0], "alt").as_deref(), Some(image.alt.as_str()));
            assert!(media.has_attribute("data-has-image"), "{who}");
        }
        None => {
            assert!(imgs.is_empty(), "{who}: no image");
            assert!(!media.has_attribute("data-has-image"), "{who}");
        }
    }
}

fn check_all(host: &web_sys::HtmlElement, ix: &Index, step: &str) {
    let cards = all(host, ".card");
    assert!(!cards.is_empty(), "{step}: cards");
    for card in &cards {
        check_card(card, ix);
    }
    // The offering panel's items are refilled the same way.
    let mut seen = std::collections::HashSet::new();
    for item in all(host, ".panel .offering") {
        let parts = children(&item);
        let label = parts[0].text_content().unwrap();
        assert!(seen.insert(label.clone()), "{step}: {label} twice");
        let offering = ix.offerings.iter().find(|o| o.label == label).unwrap();
        match &offering.url {
            Some(url) => {
                assert_eq!(parts[0].tag_name(), "A", "{step}: {label}");
                assert_eq!(attr(&parts[0], "href").as_deref(), Some(url.as_str()));
            }
            None => assert_eq!(parts[0].tag_name(), "SPAN", "{step}: {label}"),
        }
        let categories: Vec<&str> = offering
            .topics
            .iter()
            .map(|&t| ix.topics[t as usize].label.as_str())
            .collect();
        let classes: Vec<String> = parts.iter().map(|n| n.class_name()).collect();
        assert_eq!(
            classes,
            ["offering-link", "categories", "count"],
            "{step}: {label}"
        );
        assert_eq!(parts[1].text_content().unwrap(), categories.join(" · "));
        let count = parts[2].text_content().unwrap();
        assert!(
            count.chars().next().is_some_and(|c| c.is_ascii_digit()),
            "{step}: {count}"
        );
    }
}

#[wasm_bindgen_test]
async fn refilled_cards_show_exactly_their_new_article() {
    let ix = varied();
    let host = host("");
    // Hidden, lazy images are never requested, so none can fail (and be swapped for the
    // placeholder) between a paint and the checks of it.
    host.set_hidden(true);
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&ix).into())])).unwrap();
    ready(&events).await;
    check_all(&host, &ix, "browse");
    let input: HtmlInputElement = one(&host, "input[type=search]").unchecked_into();
    // Each step swaps most of the grid for other articles, so nodes are refilled with
    // articles that have and lack different parts.
    for (step, query) in [
        "telemedicine",
        "cybersecurity",
        "zebrafish",
        "interoperability",
        "plain",
        "",
    ]
    .iter()
    .enumerate()
    {
        input.set_value(query);
        fire(&input, "input");
        check_all(&host, &ix, &format!("query {step} {query:?}"));
        let ids = card_ids(&host);
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "no article twice");
    }
    for key in [
        "news-telemedicine",
        "market-remote-monitoring",
        "beta.example",
    ] {
        click(&one(&host, &format!("input[data-key='{key}']")));
        check_all(&host, &ix, key);
    }
    click(&one(&host, ".active .clear"));
    check_all(&host, &ix, "cleared");
    assert_eq!(all(&host, ".card").len(), 12);
    widget.destroy();
}

#[wasm_bindgen_test]
async fn a_focused_card_is_not_refilled_with_another_article() {
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&index(30)).into())])).unwrap();
    ready(&events).await;
    let link = one(&host, ".card a[data-id='art-4']");
    link.unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    // A search without art-4: its card goes, and the focused link with it.
    let input: HtmlInputElement = one(&host, "input[type=search]").unchecked_into();
    input.set_value("zebrafish");
    fire(&input, "input");
    assert_eq!(card_ids(&host), vec!["art-7".to_string()]);
    assert!(
        !link.is_connected(),
        "the focused card left with its article"
    );
    assert_eq!(link.get_attribute("data-id").as_deref(), Some("art-4"));
    widget.destroy();
}

/// Extra topics in the first group, so it has more values than it shows at first.
fn long_group() -> Index {
    let mut ix = index(30);
    let extra = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"];
    let first = ix.topics.len() as u32;
    for label in extra {
        ix.topics.push(Topic {
            group: 0,
            label: label.into(),
            slug: format!("news-{}", label.to_lowercase()),
            url: None,
            count: 0,
        });
    }
    for (i, article) in ix.articles.iter_mut().enumerate() {
        // Uneven use, so the counts (and the order) change with every filter.
        for (k, _) in extra.iter().enumerate() {
            if i % (k + 2) == 0 {
                article.topics.push(first + k as u32);
            }
        }
        article.topics.sort_unstable();
    }
    for t in 0..ix.topics.len() {
        ix.topics[t].count = ix
            .articles
            .iter()
            .filter(|a| a.topics.contains(&(t as u32)))
            .count() as u32;
    }
    ix.first_view = Some(topic_cards::query::first_view(&ix));
    ix
}

/// The first group's values as shown: (slug, count, disabled, hidden), in DOM order.
fn group_values(host: &web_sys::HtmlElement) -> Vec<(String, u32, bool, bool)> {
    let group = &all(host, "details.facet")[0];
    let items = group.query_selector_all("li").unwrap();
    (0..items.length())
        .filter_map(|i| items.get(i)?.dyn_into::<Element>().ok())
        .map(|li| {
            let input = li.query_selector("input").unwrap().unwrap();
            let count = li.query_selector(".count").unwrap().unwrap();
            (
                attr(&input, "data-key").unwrap(),
                count.text_content().unwrap().parse().unwrap_or(u32::MAX),
                input.has_attribute("disabled"),
                li.has_attribute("hidden"),
            )
        })
        .collect()
}

/// What the first group must show with only a brand filter (or none): each topic's count
/// among the matching articles, most first, then by label.
fn expected_group(ix: &Index, brand: Option<u32>) -> Vec<(String, u32)> {
    let mut rows: Vec<(String, String, u32)> = ix
        .topics
        .iter()
        .enumerate()
        .filter(|(_, t)| t.group == 0)
        .map(|(id, t)| {
            let n = ix
                .articles
                .iter()
                .filter(|a| brand.is_none() || a.brand == brand)
                .filter(|a| a.topics.contains(&(id as u32)))
                .count() as u32;
            (t.slug.clone(), t.label.to_lowercase(), n)
        })
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    rows.into_iter().map(|(s, _, n)| (s, n)).collect()
}

fn assert_group(host: &web_sys::HtmlElement, want: &[(String, u32)], expanded: bool) {
    let shown: Vec<(String, u32, bool, bool)> =
        group_values(host).into_iter().filter(|v| !v.3).collect();
    let n = if expanded { want.len() } else { 6 };
    assert_eq!(shown.len(), n, "values shown");
    for ((slug, count, disabled, _), (want_slug, want_count)) in shown.iter().zip(want) {
        assert_eq!((slug, count), (want_slug, want_count), "order and counts");
        assert_eq!(*disabled, *want_count == 0, "{slug}: disabled");
    }
}

#[wasm_bindgen_test]
async fn hidden_facet_values_are_right_when_shown() {
    let ix = long_group();
    let host = host("");
    let events = Events::on(&host);
    let widget = mount(host.clone(), object(&[("index", json(&ix).into())])).unwrap();
    ready(&events).await;
    assert_group(&host, &expected_group(&ix, None), false);
    // Counts change while most values are hidden...
    click(&one(&host, "input[data-key='beta.example']"));
    let with_brand = expected_group(&ix, Some(1));
    assert_group(&host, &with_brand, false);
    let more = all(&host, "details.facet")[0]
        .query_selector(".more-values")
        .unwrap()
        .unwrap();
    assert_eq!(
        more.text_content().unwrap(),
        format!("Show {} more", with_brand.len() - 6)
    );
    // ...and every value is right once shown.
    click(&more);
    assert_group(&host, &with_brand, true);
    click(&more);
    assert_group(&host, &with_brand, false);
    // Back to no filter while collapsed, then shown again.
    click(&one(&host, "input[data-key='beta.example']"));
    click(&more);
    assert_group(&host, &expected_group(&ix, None), true);
    // A checked value stays shown and checked wherever its count puts it.
    let last = expected_group(&ix, None).last().unwrap().0.clone();
    click(&more);
    widget.set_filters(object(&[("topics", strings(&[&last]))]));
    let input: HtmlInputElement = one(&host, &format!("input[data-key='{last}']")).unchecked_into();
    assert!(input.checked());
    let li = input.closest("li").unwrap().unwrap();
    assert!(
        !li.has_attribute("hidden"),
        "a checked value is never hidden"
    );
    widget.destroy();
}
