//! The grid of topic cards. Cards are keyed by article id and built once: a re-render only
//! reorders, adds and removes nodes, so a focused link or chip survives a new result set.

use super::{Ctx, Ui};
use crate::model::Article;
use crate::safe_url::safe_url;
use crate::web::dom::{add, el, el_text, reconcile, R};
use crate::web::render::view::{kind, View};
use web_sys::{Document, Element};

pub fn update(ui: &mut Ui, view: &View, ctx: &Ctx) -> R {
    let mut wanted = Vec::with_capacity(view.cards.len());
    let mut keep = std::collections::HashMap::with_capacity(view.cards.len());
    for article in &view.cards {
        let node = match ui.cards.remove(&article.id) {
            Some(node) => node,
            None => build(&ui.doc, article, view, ctx)?,
        };
        keep.insert(article.id.clone(), node.clone());
        wanted.push(node);
    }
    ui.cards = keep;
    reconcile(&ui.grid, &wanted)
}

fn build(doc: &Document, article: &Article, view: &View, ctx: &Ctx) -> R<Element> {
    let card = el(doc, "article", "card")?;
    card.set_attribute("part", "card")?;
    let brand = article
        .brand
        .and_then(|b| view.dicts.brands.get(b as usize))
        .map(|f| f.name.as_str());

    // Media: a real image when its URL is safe, else a tinted block with the brand initial
    // (also what a broken image turns into, see events::image_failed).
    let media = add(&card, el(doc, "div", "media")?)?;
    let initial = brand
        .or(Some(article.title.as_str()))
        .and_then(|s| {
            s.trim_start_matches("www.")
                .chars()
                .find(|c| c.is_alphanumeric())
        })
        // ASCII here, CSS uppercases the rest: char::to_uppercase would bring Unicode's
        // whole case table (about 12 KB) into the Wasm for one letter.
        .map(|c| c.to_ascii_uppercase().to_string())
        .unwrap_or_default();
    media.set_attribute("data-initial", &initial)?;
    let placeholder = add(&media, el_text(doc, "span", "initial", &initial)?)?;
    placeholder.set_attribute("aria-hidden", "true")?;
    if let Some(image) = &article.image {
        if let Some(src) = safe_url(&image.src) {
            let img = add(&media, el(doc, "img", "")?)?;
            img.set_attribute("src", src)?;
            img.set_attribute("alt", &image.alt)?;
            img.set_attribute("loading", "lazy")?;
            img.set_attribute("decoding", "async")?;
            // Without the real size, reserve the media box's 16:9 (set in CSS).
            img.set_attribute("width", &image.width.unwrap_or(640).to_string())?;
            img.set_attribute("height", &image.height.unwrap_or(360).to_string())?;
            img.set_attribute("data-act", "img")?;
            media.set_attribute("data-has-image", "")?;
        }
    }

    let body = add(&card, el(doc, "div", "body")?)?;
    let meta = add(&body, el(doc, "p", "meta")?)?;
    if let Some(brand) = brand {
        add(&meta, el_text(doc, "span", "brand", brand)?)?;
    }
    if let Some(date) = &article.date {
        let time = add(
            &meta,
            el_text(doc, "time", "date", &ctx.strings.date(date))?,
        )?;
        time.set_attribute("datetime", date)?;
    }

    let heading = add(&body, el(doc, "h3", "title")?)?;
    heading.set_attribute("part", "card-title")?;
    match article.url.as_deref().and_then(safe_url) {
        Some(url) => {
            let link = add(&heading, el_text(doc, "a", "", &article.title)?)?;
            link.set_attribute("href", url)?;
            link.set_attribute("data-act", "card")?;
            link.set_attribute("data-id", &article.id)?;
            ctx.target(&link)?;
        }
        None => heading.set_text_content(Some(&article.title)),
    }
    if !article.summary.is_empty() {
        add(&body, el_text(doc, "p", "summary", &article.summary)?)?;
    }

    if !article.topics.is_empty() {
        let list = add(&body, el(doc, "ul", "chips")?)?;
        list.set_attribute("aria-label", ctx.strings.get("filters"))?;
        for &id in &article.topics {
            let Some(topic) = view.dicts.topics.get(id as usize) else {
                continue;
            };
            let item = add(&list, el(doc, "li", "")?)?;
            let chip = add(&item, el_text(doc, "button", "chip", &topic.label)?)?;
            chip.set_attribute("type", "button")?;
            chip.set_attribute("part", "chip")?;
            chip.set_attribute("data-act", "topic")?;
            chip.set_attribute("data-kind", kind::TOPIC)?;
            chip.set_attribute("data-key", &topic.slug)?;
            let label = ctx.strings.fill("filterBy", &[("label", &topic.label)]);
            if article.inferred {
                chip.class_list().add_1("inferred")?;
                chip.set_attribute(
                    "title",
                    &format!("{label} ({})", ctx.strings.get("inferred")),
                )?;
            } else {
                chip.set_attribute("title", &label)?;
            }
        }
    }

    let offerings: Vec<_> = article
        .offerings
        .iter()
        .filter_map(|&id| view.dicts.offerings.get(id).map(|o| (id, o)))
        .collect();
    if !offerings.is_empty() {
        let list = add(&body, el(doc, "ul", "offers")?)?;
        list.set_attribute("aria-label", ctx.strings.get("offeringsTitle"))?;
        for (id, offering) in offerings {
            let item = add(&list, el(doc, "li", "")?)?;
            super::offerings::label_node(doc, &item, id, offering, ctx)?;
        }
    }
    Ok(card)
}
