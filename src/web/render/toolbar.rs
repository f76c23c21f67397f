//! The search box, the sort select and the active-filter chips with "Clear all".

use super::{Ctx, Ui};
use crate::query::Sort;
use crate::state::sort_name;
use crate::web::dom::{add, el, el_text, flag, R};
use crate::web::render::view::{kind, View};

pub fn update(ui: &mut Ui, view: &View, ctx: &Ctx) -> R {
    // Only write the box when the state differs from it (setFilters, hash), so typing,
    // the caret and IME composition are never disturbed.
    if ui.search.value() != ctx.state.query {
        ui.search.set_value(&ctx.state.query);
    }
    let sort = sort_name::as_str(ctx.state.sort);
    if ui.sort.value() != sort {
        ui.sort.set_value(sort);
    }
    chips(ui, view, ctx)
}

/// `(kind, key, label)` of every active filter, in display order.
fn active(view: &View, ctx: &Ctx) -> Vec<(&'static str, String, String)> {
    let state = ctx.state;
    let mut out = Vec::new();
    let query = state.query.trim();
    if !query.is_empty() {
        out.push((
            kind::QUERY,
            String::new(),
            ctx.strings.fill("searchChip", &[("query", query)]),
        ));
    }
    for key in &state.topics {
        let label = view
            .dicts
            .topics
            .iter()
            .find(|t| t.slug == *key)
            .map_or(key.as_str(), |t| t.label.as_str());
        out.push((kind::TOPIC, key.clone(), label.to_string()));
    }
    for key in &state.types {
        out.push((kind::TYPE, key.clone(), key.clone()));
    }
    for key in &state.brands {
        out.push((kind::BRAND, key.clone(), key.clone()));
    }
    if let Some(date) = &state.date_from {
        out.push((
            kind::FROM,
            String::new(),
            ctx.strings.fill("dateFromChip", &[("date", date)]),
        ));
    }
    if let Some(date) = &state.date_to {
        out.push((
            kind::TO,
            String::new(),
            ctx.strings.fill("dateToChip", &[("date", date)]),
        ));
    }
    out
}

fn chips(ui: &mut Ui, view: &View, ctx: &Ctx) -> R {
    let active = active(view, ctx);
    // Lengths keep the signature unambiguous (the Wasm build compiles `{:?}` out).
    let signature: String = active
        .iter()
        .map(|(kind, key, label)| format!("{kind}:{}:{key}{}:{label};", key.len(), label.len()))
        .collect();
    if signature == ui.chips_signature {
        return Ok(());
    }
    ui.chips_signature = signature;
    let doc = &ui.doc;
    ui.chip_list.set_text_content(None);
    for (kind, key, label) in &active {
        let item = add(&ui.chip_list, el(doc, "li", "")?)?;
        let chip = add(&item, el(doc, "button", "chip removable")?)?;
        chip.set_attribute("type", "button")?;
        chip.set_attribute("part", "chip active-chip")?;
        chip.set_attribute("data-act", "remove")?;
        chip.set_attribute("data-kind", kind)?;
        chip.set_attribute("data-key", key)?;
        chip.set_attribute(
            "aria-label",
            &ctx.strings.fill("removeFilter", &[("label", label)]),
        )?;
        add(&chip, el_text(doc, "span", "", label)?)?;
        add(&chip, el_text(doc, "span", "x", "×")?)?.set_attribute("aria-hidden", "true")?;
    }
    flag(&ui.chips, "hidden", active.is_empty())?;
    Ok(())
}

/// The sort options, built once with the layout.
pub const SORTS: [(Sort, &str); 2] = [
    (Sort::Relevance, "sortRelevance"),
    (Sort::Newest, "sortNewest"),
];
