//! The related-offering panel (beside the cards when wide, below them when narrow) and the
//! offering links inside cards. Panel items are keyed by offering id and reused.

use super::{Ctx, Ui};
use crate::model::{Offering, OfferingId};
use crate::safe_url::safe_url;
use crate::web::dom::{add, el, el_text, flag, reconcile, Kept, R};
use crate::web::render::view::View;
use web_sys::{Document, Element};

/// A panel item and the node holding its article count.
pub struct PanelItem {
    item: Element,
    count: Kept,
}

pub fn update(ui: &mut Ui, view: &View, ctx: &Ctx) -> R {
    let show = ctx.options.offerings && !view.panel.is_empty();
    flag(&ui.panel, "hidden", !show)?;
    ui.top.toggle_attribute_with_force("data-panel", show)?;
    if !show {
        return Ok(());
    }
    let mut wanted = Vec::with_capacity(view.panel.len());
    let mut keep = std::collections::HashMap::new();
    for &(id, articles) in &view.panel {
        let Some(offering) = view.dicts.offerings.get(id) else {
            continue;
        };
        let mut entry = match ui.panel_items.remove(&id) {
            Some(entry) => entry,
            None => build(&ui.doc, id, offering, view, ctx)?,
        };
        entry
            .count
            .text(&ctx.strings.count("offeringArticles", articles as usize));
        wanted.push(entry.item.clone());
        keep.insert(id, entry);
    }
    ui.panel_items = keep;
    reconcile(&ui.panel_list, &wanted)
}

fn build(
    doc: &Document,
    id: OfferingId,
    offering: &Offering,
    view: &View,
    ctx: &Ctx,
) -> R<PanelItem> {
    let item = el(doc, "li", "offering")?;
    item.set_attribute("part", "offering")?;
    label_node(doc, &item, id, offering, ctx)?;
    let categories: Vec<&str> = offering
        .topics
        .iter()
        .filter_map(|&t| view.dicts.topics.get(t as usize))
        .map(|t| t.label.as_str())
        .collect();
    if !categories.is_empty() {
        add(
            &item,
            el_text(doc, "p", "categories", &categories.join(" · "))?,
        )?;
    }
    let count = Kept::with_text(add(&item, el(doc, "p", "count")?)?, "");
    Ok(PanelItem { item, count })
}

/// The offering's label, appended to `parent`: a link when its URL is safe, plain text
/// otherwise. Returns the node and whether it is a link.
pub fn label_node(
    doc: &Document,
    parent: &Element,
    id: OfferingId,
    offering: &Offering,
    ctx: &Ctx,
) -> R<(Element, bool)> {
    match offering.url.as_deref().and_then(safe_url) {
        Some(url) => {
            let link = add(parent, el_text(doc, "a", "offering-link", &offering.label)?)?;
            link.set_attribute("href", url)?;
            link.set_attribute("data-act", "offering")?;
            link.set_attribute("data-id", &id.to_string())?;
            ctx.target(&link)?;
            Ok((link, true))
        }
        None => Ok((
            add(
                parent,
                el_text(doc, "span", "offering-link", &offering.label)?,
            )?,
            false,
        )),
    }
}
