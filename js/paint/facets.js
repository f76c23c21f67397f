// The facet column: a group per topic group, type and source, each value with its count for
// the current results, the most used first and the rest behind "Show N more".
import { add, button, Kept, placeFirst, reconcile } from "./nodes.js";

/** Facet values shown per group before "Show N more". */
const TOP = 6;

/** ASCII capitals lower-cased, nothing else: Rust's `to_ascii_lowercase`. */
const asciiLower = (s) => s.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase());

/** Rust's `str::cmp` (code point order), which UTF-16 `<` is not above U+FFFF. */
function compare(a, b) {
  // Surrogates (D800-DFFF) move above E000-FFFF: then unit order is code point order.
  const key = (c) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
  for (let i = 0; i < a.length && i < b.length; i++) {
    const d = key(a.charCodeAt(i)) - key(b.charCodeAt(i));
    if (d) return d;
  }
  return a.length - b.length;
}

/** Identifies the dictionaries, so the first view's and the full index's share one set of nodes. */
export function facetSignature(dicts) {
  return JSON.stringify([
    dicts.topics.map((t) => [t.slug, t.label, t.group]),
    dicts.groups.map((g) => g.label),
    dicts.types.map((f) => f.name),
    dicts.brands.map((f) => f.name),
  ]);
}

/** The facet groups, built once per set of dictionaries: values as `{id, key, label}`. */
function buildFacets(p) {
  const { dicts } = p;
  const groups = [];
  dicts.groups.forEach((group, at) => {
    const values = [];
    dicts.topics.forEach((topic, id) => {
      if (topic.group === at) values.push({ id, key: topic.slug, label: topic.label });
    });
    if (values.length) groups.push(buildGroup(p, `t${at}`, "t", group.label, values));
  });
  const { get } = p.settings.texts;
  for (const [kind, title, facets] of [["y", get("typeGroup"), dicts.types], ["b", get("sourceGroup"), dicts.brands]]) {
    const values = facets.map((facet, id) => ({ id, key: facet.name, label: facet.name }));
    if (values.length) groups.push(buildGroup(p, kind, kind, title, values));
  }
  const m = p.memory;
  reconcile(p.ui.facetList, m.groupNodes, groups.map((g) => g.node));
  m.groups = groups;
}

/**
 * One group's nodes. Its values are built detached and placed in the list when first
 * shown: a hidden value's place cannot be seen.
 */
function buildGroup(p, key, kind, title, values) {
  const { doc } = p;
  const node = add(doc, null, "details", "facet", { part: "facet", open: "" });
  add(doc, node, "summary", "", {}, title);
  const fieldset = add(doc, node, "fieldset");
  add(doc, fieldset, "legend", "visually-hidden", {}, title);
  const list = add(doc, fieldset, "ul", "values");
  const rows = values.map(({ id, key: valueKey, label }) => {
    const item = add(doc, null, "li");
    const row = add(doc, item, "label", "value");
    const input = add(doc, row, "input", "", { type: "checkbox", "data-act": "facet", "data-kind": kind, "data-key": valueKey });
    add(doc, row, "span", "name", {}, label);
    const count = add(doc, row, "span", "count");
    const facetRow = { id, key: valueKey, kind, low: asciiLower(label), item: new Kept(item), input, enabled: new Kept(input), count: new Kept(count), shownCount: null, checked: false };
    p.rowOfInput.set(input, facetRow);
    return facetRow;
  });
  const more = add(doc, fieldset, "button", "more-values", button({ "data-act": "expand", "data-group": key }));
  return { key, kind, node, list, listNodes: [], more: new Kept(more), rows };
}

/**
 * Counts, states and order of every group's values. Only what a person can see is touched:
 * the shown values get their count, state and place; a hidden one is only kept hidden, and
 * brought up to date when shown again (a Source group can hold hundreds of values).
 */
export function paintFacets(p, view) {
  if (p.dictsSignature !== p.memory.facetSignature) {
    buildFacets(p);
    p.memory.facetSignature = p.dictsSignature;
  }
  const { state, counts } = view;
  const byKind = { t: [counts.topics, state.topics], y: [counts.types, state.types], b: [counts.brands, state.brands] };
  for (const group of p.memory.groups) {
    const [groupCounts, selected] = byKind[group.kind];
    paintGroup(p, group, groupCounts, new Set(selected.map(asciiLower)));
  }
}

function paintGroup(p, group, counts, selected) {
  const { texts } = p.settings;
  const rows = group.rows.map((row, at) => ({ row, at, count: counts[row.id] ?? 0, checked: selected.has(asciiLower(row.key)) }));
  // Most articles first, then by label, then in build order.
  rows.sort((a, b) => b.count - a.count || compare(a.row.low, b.row.low) || a.at - b.at);
  const expanded = p.expanded.has(group.key);
  const shown = [];
  let hidden = 0;
  rows.forEach(({ row, count, checked }, rank) => {
    // Always the true state, hidden or not: hosts and tests read `:checked`.
    if (row.checked !== checked) row.input.checked = row.checked = checked;
    const hide = rank >= TOP && !expanded && !checked;
    row.item.flag("hidden", hide);
    if (hide) {
      hidden++;
      return;
    }
    row.enabled.flag("disabled", count === 0 && !checked);
    if (row.shownCount !== count) {
      row.count.text(texts.number(count));
      row.shownCount = count;
    }
    shown.push(row.item.node);
  });
  // Hidden values keep whatever place they have after the shown ones.
  placeFirst(group.list, group.listNodes, shown);
  group.more.flag("hidden", rows.length <= TOP);
  group.more.attr("aria-expanded", String(expanded));
  group.more.text(expanded ? texts.get("showFewerValues") : texts.fill("showMoreValues", [["n", texts.number(hidden)]]));
}
