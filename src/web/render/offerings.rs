//! The related-offering panel (beside the cards when wide, below them when narrow) and the
//! offering links inside cards. Panel items are keyed by offering id and reused; the nodes
//! of offerings that left the panel are refilled with the newcomers.

use super::{Ctx, Ui};
use crate::model::{Offering, OfferingId};
use crate::safe_url::safe_url;
use crate::web::dom::{add, el, el_text, flag, reconcile, Kept, R};
use crate::web::render::view::View;
use web_sys::{Document, Element};

/// A panel item: its nodes, and the offering it shows.
pub struct PanelItem {
    id: OfferingId,
    item: Element,
    /// The label: a link (`<a>`) or plain text (`<span>`).
    label: Kept,
    link: bool,
    categories: Option<Kept>,
    count: Kept,
}

/// Shows the panel's offerings. An offering still listed keeps its node; the nodes of those
/// that left are refilled with the newcomers, in place (see `cards` for why), unless one
/// holds keyboard focus.
pub fn update(ui: &mut Ui, view: &View, ctx: &Ctx, focused: Option<&Element>) -> R {
    let show = ctx.options.offerings && !view.panel.is_empty();
    flag(&ui.panel, "hidden", !show)?;
    ui.top.toggle_attribute_with_force("data-panel", show)?;
    if !show {
        return Ok(());
    }
    let mut old: Vec<Option<PanelItem>> = std::mem::take(&mut ui.panel_items)
        .into_iter()
        .map(Some)
        .collect();
    let wanted: Vec<(OfferingId, u32, &Offering)> = view
        .panel
        .iter()
        .filter_map(|&(id, n)| Some((id, n, view.dicts.offerings.get(id)?)))
        .collect();
    let mut slots: Vec<Option<PanelItem>> = wanted
        .iter()
        .map(|&(id, ..)| {
            let at = old
                .iter()
                .position(|o| o.as_ref().is_some_and(|o| o.id == id))?;
            old[at].take()
        })
        .collect();
    let mut spare = old.into_iter().flatten().filter(|o| match focused {
        Some(f) => !o.item.contains(Some(f.as_ref())),
        None => true,
    });
    for (slot, &(id, articles, offering)) in slots.iter_mut().zip(&wanted) {
        let entry = match slot {
            Some(entry) => entry,
            None => {
                let entry = match spare.next() {
                    Some(mut entry) => {
                        entry.refill(&ui.doc, id, offering, view, ctx)?;
                        entry
                    }
                    None => build(&ui.doc, id, offering, view, ctx)?,
                };
                slot.insert(entry)
            }
        };
        entry
            .count
            .text(&ctx.strings.count("offeringArticles", articles as usize));
    }
    let items: Vec<PanelItem> = slots.into_iter().flatten().collect();
    let nodes: Vec<Element> = items.iter().map(|i| i.item.clone()).collect();
    reconcile(&ui.panel_list, &nodes)?;
    ui.panel_items = items;
    Ok(())
}

/// The offering's topics, as the panel names them.
fn categories(offering: &Offering, view: &View) -> String {
    offering
        .topics
        .iter()
        .filter_map(|&t| view.dicts.topics.get(t as usize))
        .map(|t| t.label.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
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
    let (label, link) = label_node(doc, &item, id, offering, ctx)?;
    let text = categories(offering, view);
    let categories = if text.is_empty() {
        None
    } else {
        Some(Kept::with_text(
            add(&item, el_text(doc, "p", "categories", &text)?)?,
            &text,
        ))
    };
    let count = Kept::with_text(add(&item, el(doc, "p", "count")?)?, "");
    Ok(PanelItem {
        id,
        item,
        label: Kept::with_text(label, &offering.label),
        link,
        categories,
        count,
    })
}

impl PanelItem {
    /// Shows another offering in this item's nodes.
    fn refill(
        &mut self,
        doc: &Document,
        id: OfferingId,
        offering: &Offering,
        view: &View,
        ctx: &Ctx,
    ) -> R {
        self.id = id;
        let url = offering.url.as_deref().and_then(safe_url);
        if self.link == url.is_some() {
            self.label.text(&offering.label);
            if let Some(url) = url {
                self.label.attr("href", Some(url))?;
                self.label.attr("data-id", Some(&id.to_string()))?;
            }
        } else {
            // A link became text or the other way: a new label node, first in the item.
            let holder = el(doc, "span", "")?;
            let (node, link) = label_node(doc, &holder, id, offering, ctx)?;
            self.item
                .insert_before(&node, Some(self.label.el.as_ref()))?;
            self.label.el.remove();
            self.label = Kept::with_text(node, &offering.label);
            self.link = link;
        }
        let text = categories(offering, view);
        match (&mut self.categories, text.is_empty()) {
            (Some(kept), false) => kept.text(&text),
            (Some(_), true) => {
                if let Some(kept) = self.categories.take() {
                    kept.el.remove();
                }
            }
            (None, false) => {
                let node = el_text(doc, "p", "categories", &text)?;
                self.item
                    .insert_before(&node, Some(self.count.el.as_ref()))?;
                self.categories = Some(Kept::with_text(node, &text));
            }
            (None, true) => {}
        }
        Ok(())
    }
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
