//! The facet groups: one collapsible fieldset per topic group, then Type and Source. Each
//! value is a native checkbox with its count, sorted by count (then label); the top few show
//! and a button reveals the rest. Nodes are built once per set of dictionaries and then
//! only updated and reordered, so keyboard focus stays where it was.
//!
//! A paint touches only what a person can see: the shown values get their count, state and
//! place; a hidden value (past the top few, group not expanded) is only kept hidden, and is
//! brought up to date when it is shown again. At 10k articles a Source group can hold
//! hundreds of values; rewriting and reordering all of them on every keystroke was most of
//! a query's DOM work. What each node shows is remembered on the Rust side ([`Kept`]), so
//! an unchanged count costs no DOM call.

use super::{Ctx, Ui};
use crate::web::dom::{add, el, el_text, reconcile, reconcile_prefix_known, Kept, R};
use crate::web::render::view::{kind, View};
use std::hash::{Hash, Hasher};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// Values shown per group before "Show N more".
const TOP: usize = 6;

#[derive(Default)]
pub struct FacetUi {
    signature: u64,
    groups: Vec<GroupUi>,
    /// A checkbox may show another state than the one last written (a person just ticked
    /// one): the next paint reads every box instead of trusting what it remembers.
    unsure: bool,
}

impl FacetUi {
    /// Called before handling a checkbox's own change (see `unsure`).
    pub fn unsure(&mut self) {
        self.unsure = true;
    }
}

struct GroupUi {
    key: String,
    node: Element,
    list: Element,
    more: Kept,
    items: Vec<ItemUi>,
    /// The list's children as last left, as positions in `items` (only this module adds
    /// and moves them; a value is added when first shown), so reordering reads no DOM.
    order: Vec<usize>,
}

struct ItemUi {
    /// Position in the dictionary the counts are indexed by.
    id: usize,
    key: String,
    /// The label with ASCII capitals lower-cased: the tie order among equal counts. Not
    /// Unicode lower-casing, whose table would cost the Wasm 6.9 kB gzip for the order of
    /// ties between labels that differ only in the case of a non-ASCII letter.
    label: String,
    node: Kept,
    input: HtmlInputElement,
    /// The same input, for its `disabled` attribute.
    enabled: Kept,
    count: Kept,
    /// The number `count` shows, so an unchanged one is not even formatted.
    shown: Option<u32>,
    /// The state last written to (or read from) the checkbox.
    checked: Option<bool>,
}

/// A value of one group before it has nodes.
struct Value<'a> {
    id: usize,
    key: &'a str,
    label: &'a str,
}

pub fn update(ui: &mut Ui, view: &View, ctx: &Ctx) -> R {
    let signature = signature(view);
    if signature != ui.facets.signature || ui.facets.groups.is_empty() {
        build(ui, view, ctx)?;
        ui.facets.signature = signature;
    }
    let unsure = std::mem::take(&mut ui.facets.unsure);
    for group in &mut ui.facets.groups {
        let (counts, selected): (&[u32], &[String]) = match group.key.as_str() {
            kind::TYPE => (&view.type_counts, &ctx.state.types),
            kind::BRAND => (&view.brand_counts, &ctx.state.brands),
            _ => (&view.topic_counts, &ctx.state.topics),
        };
        let rows: Vec<(usize, u32, bool)> = group
            .items
            .iter()
            .enumerate()
            .map(|(at, item)| {
                let count = counts.get(item.id).copied().unwrap_or(0);
                let checked = selected.iter().any(|s| s.eq_ignore_ascii_case(&item.key));
                (at, count, checked)
            })
            .collect();
        // Most articles first, then by label, then in build order (stable).
        let items = &group.items;
        let order: Vec<(usize, u32, bool)> =
            crate::id_sort::sorted_positions(rows.len(), &|a, b| {
                let (x, y) = (&rows[a as usize], &rows[b as usize]);
                y.1.cmp(&x.1)
                    .then_with(|| items[x.0].label.cmp(&items[y.0].label))
                    .then(a.cmp(&b))
            })
            .into_iter()
            .map(|i| rows[i as usize])
            .collect();
        let expanded = ui.expanded.contains(&group.key);
        let mut hidden = 0;
        let mut shown = Vec::with_capacity(order.len());
        for (rank, &(at, count, checked)) in order.iter().enumerate() {
            let item = &mut group.items[at];
            // Always the true state, hidden or not: hosts and tests read `:checked`. A click
            // changes it without us (then `unsure`, and the box is read); otherwise it shows
            // what was last written, and only a different state is written.
            if unsure || item.checked.is_none() {
                item.checked = Some(item.input.checked());
            }
            if item.checked != Some(checked) {
                item.input.set_checked(checked);
                item.checked = Some(checked);
            }
            let hide = rank >= TOP && !expanded && !checked;
            item.node.flag("hidden", hide)?;
            if hide {
                hidden += 1;
                continue;
            }
            item.enabled.flag("disabled", count == 0 && !checked)?;
            if item.shown != Some(count) {
                item.count.text(&ctx.strings.number(count as usize));
                item.shown = Some(count);
            }
            shown.push(at);
        }
        // Hidden values keep whatever place they have after the shown ones: their order
        // cannot be seen, and it is set when they are shown.
        let nodes: Vec<&Element> = group.items.iter().map(|i| &i.node.el).collect();
        reconcile_prefix_known(&group.list, &nodes, &mut group.order, &shown)?;
        group.more.flag("hidden", order.len() <= TOP)?;
        group.more.attr(
            "aria-expanded",
            Some(if expanded { "true" } else { "false" }),
        )?;
        let label = if expanded {
            ctx.strings.get("showFewerValues").to_string()
        } else {
            ctx.strings
                .fill("showMoreValues", &[("n", &ctx.strings.number(hidden))])
        };
        group.more.text(&label);
    }
    Ok(())
}

/// Identifies the dictionaries, so the first view's and the full index's (the same values)
/// share one set of nodes.
fn signature(view: &View) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    for topic in view.dicts.topics {
        (&topic.slug, &topic.label, topic.group).hash(&mut hasher);
    }
    for group in view.dicts.groups {
        group.label.hash(&mut hasher);
    }
    for facet in view.dicts.types.iter().chain(view.dicts.brands) {
        facet.name.hash(&mut hasher);
    }
    view.dicts.types.len().hash(&mut hasher);
    hasher.finish()
}

fn build(ui: &mut Ui, view: &View, ctx: &Ctx) -> R {
    let mut groups = Vec::new();
    for (g, group) in view.dicts.groups.iter().enumerate() {
        let values: Vec<Value> = view
            .dicts
            .topics
            .iter()
            .enumerate()
            .filter(|(_, t)| t.group as usize == g)
            .map(|(id, t)| Value {
                id,
                key: &t.slug,
                label: &t.label,
            })
            .collect();
        if !values.is_empty() {
            groups.push(build_group(
                ui,
                &format!("{}{g}", kind::TOPIC),
                kind::TOPIC,
                &group.label,
                &values,
            )?);
        }
    }
    for (key, title, facets) in [
        (kind::TYPE, ctx.strings.get("typeGroup"), view.dicts.types),
        (
            kind::BRAND,
            ctx.strings.get("sourceGroup"),
            view.dicts.brands,
        ),
    ] {
        let values: Vec<Value> = facets
            .iter()
            .enumerate()
            .map(|(id, f)| Value {
                id,
                key: &f.name,
                label: &f.name,
            })
            .collect();
        if !values.is_empty() {
            groups.push(build_group(ui, key, key, title, &values)?);
        }
    }
    let nodes: Vec<Element> = groups.iter().map(|g| g.node.clone()).collect();
    reconcile(&ui.facet_list, &nodes)?;
    ui.facets.groups = groups;
    Ok(())
}

fn build_group(ui: &Ui, key: &str, kind: &str, title: &str, values: &[Value]) -> R<GroupUi> {
    let doc = &ui.doc;
    let node = el(doc, "details", "facet")?;
    node.set_attribute("part", "facet")?;
    node.set_attribute("open", "")?;
    add(&node, el_text(doc, "summary", "", title)?)?;
    let fieldset = add(&node, el(doc, "fieldset", "")?)?;
    add(&fieldset, el_text(doc, "legend", "visually-hidden", title)?)?;
    let list = add(&fieldset, el(doc, "ul", "values")?)?;
    let mut items = Vec::with_capacity(values.len());
    for value in values {
        let item = el(doc, "li", "")?;
        let label = add(&item, el(doc, "label", "value")?)?;
        let input: HtmlInputElement = add(&label, el(doc, "input", "")?)?.unchecked_into();
        input.set_type("checkbox");
        input.set_attribute("data-act", "facet")?;
        input.set_attribute("data-kind", kind)?;
        input.set_attribute("data-key", value.key)?;
        add(&label, el_text(doc, "span", "name", value.label)?)?;
        let count = add(&label, el(doc, "span", "count")?)?;
        items.push(ItemUi {
            id: value.id,
            key: value.key.to_string(),
            label: value.label.to_ascii_lowercase(),
            node: Kept::new(item),
            enabled: Kept::new(input.clone().into()),
            input,
            count: Kept::with_text(count, ""),
            shown: None,
            checked: None,
        });
    }
    let more = add(&fieldset, el(doc, "button", "more-values")?)?;
    more.set_attribute("type", "button")?;
    more.set_attribute("data-act", "expand")?;
    more.set_attribute("data-group", key)?;
    Ok(GroupUi {
        key: key.to_string(),
        node,
        list,
        more: Kept::new(more),
        order: Vec::new(),
        items,
    })
}
