//! The facet groups: one collapsible fieldset per topic group, then Type and Source. Each
//! value is a native checkbox with its count, sorted by count (then label); the top few show
//! and a button reveals the rest. Nodes are built once per set of dictionaries and then
//! only updated and reordered, so keyboard focus stays where it was.

use super::{Ctx, Ui};
use crate::web::dom::{add, el, el_text, flag, reconcile, set_attr, set_text, R};
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
}

struct GroupUi {
    key: String,
    node: Element,
    list: Element,
    more: Element,
    items: Vec<ItemUi>,
}

struct ItemUi {
    /// Position in the dictionary the counts are indexed by.
    id: usize,
    key: String,
    label: String,
    node: Element,
    input: HtmlInputElement,
    count: Element,
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
    for group in &ui.facets.groups {
        let (counts, selected): (&[u32], &[String]) = match group.key.as_str() {
            kind::TYPE => (&view.type_counts, &ctx.state.types),
            kind::BRAND => (&view.brand_counts, &ctx.state.brands),
            _ => (&view.topic_counts, &ctx.state.topics),
        };
        let rows: Vec<(&ItemUi, u32, bool)> = group
            .items
            .iter()
            .map(|item| {
                let count = counts.get(item.id).copied().unwrap_or(0);
                let checked = selected.iter().any(|s| s.eq_ignore_ascii_case(&item.key));
                (item, count, checked)
            })
            .collect();
        // Most articles first, then by label, then in build order (stable).
        let order: Vec<(&ItemUi, u32, bool)> =
            crate::id_sort::sorted_positions(rows.len(), &|a, b| {
                let (x, y) = (&rows[a as usize], &rows[b as usize]);
                y.1.cmp(&x.1)
                    .then_with(|| x.0.label.cmp(&y.0.label))
                    .then(a.cmp(&b))
            })
            .into_iter()
            .map(|i| rows[i as usize])
            .collect();
        let expanded = ui.expanded.contains(&group.key);
        let mut hidden = 0;
        for (rank, (item, count, checked)) in order.iter().enumerate() {
            item.input.set_checked(*checked);
            item.input.set_disabled(*count == 0 && !checked);
            set_text(&item.count, &ctx.strings.number(*count as usize));
            let hide = rank >= TOP && !expanded && !checked;
            hidden += usize::from(hide);
            flag(&item.node, "hidden", hide)?;
        }
        let nodes: Vec<Element> = order.iter().map(|(item, ..)| item.node.clone()).collect();
        reconcile(&group.list, &nodes)?;
        let overflow = order.len() > TOP;
        flag(&group.more, "hidden", !overflow)?;
        set_attr(
            &group.more,
            "aria-expanded",
            if expanded { "true" } else { "false" },
        )?;
        let label = if expanded {
            ctx.strings.get("showFewerValues").to_string()
        } else {
            ctx.strings
                .fill("showMoreValues", &[("n", &ctx.strings.number(hidden))])
        };
        set_text(&group.more, &label);
    }
    Ok(())
}

/// Identifies the dictionaries, so the first view's and the full index's (the same values)
/// share one set of nodes.
fn signature(view: &View) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
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
            label: value.label.to_lowercase(),
            node: item,
            input,
            count,
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
        more,
        items,
    })
}
