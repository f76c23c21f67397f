// The painter test page (tests/browser/painter.test.mjs): the painter (js/painter.js) driven
// directly with views built from the sample index the way the core builds them (a page of
// matching articles, facet counts over the matches, the offerings panel), and a small stand-in
// for the core that answers acts with the next view. Also today's first view (main's
// js/first-view.js, copied by the test into test-output/painter/) for the identity check.
import { paintFirstView } from "../../../js/first-view.js";
import { createPainter, viewFromPrefix } from "../../../js/painter.js";

const index = await (await fetch("../../../build/default-index.json")).json();
const { format, version, groups, topics, types, brands, firstView } = index;
const prefix = { format, version, groups, topics, types, brands, firstView };

const hosts = document.getElementById("hosts");

/** A new host element with an open shadow root. */
function newRoot(id = "") {
  const host = document.createElement("div");
  if (id) host.id = id;
  hosts.append(host);
  return host.attachShadow({ mode: "open" });
}

const EMPTY_STATE = { query: "", topics: [], types: [], brands: [], dateFrom: null, dateTo: null, sort: "relevance" };
const lower = (s) => s.toLowerCase();

/**
 * The view of `state` over `data` (an index: the sample or a changed copy), as the core
 * builds it: the matching articles (a query in the title or summary, any chosen value of a
 * kind, every kind), newest first when asked, `pages` pages of `pageSize`; counts over the
 * matches; the panel as the offerings the matches name most (count, then position). The
 * browse view's panel is the index's own first view's: its ranking is the core's.
 */
function viewOf(stateGiven = {}, { data = index, pages = 1, pageSize = 12, pending = false, dicts = true } = {}) {
  const state = { ...EMPTY_STATE, ...stateGiven };
  const query = lower(state.query.trim());
  const chosen = (keys, names) => keys.length === 0 || names.some((name) => keys.map(lower).includes(lower(name)));
  let matches = data.articles.filter(
    (a) =>
      (!query || lower(`${a.title} ${a.summary ?? ""}`).includes(query)) &&
      chosen(state.topics, (a.topics ?? []).map((t) => data.topics[t].slug)) &&
      chosen(state.types, a.type == null ? [] : [data.types[a.type].name]) &&
      chosen(state.brands, a.brand == null ? [] : [data.brands[a.brand].name]),
  );
  if (state.sort === "newest") matches = matches.toSorted((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  const count = (dict, of) => dict.map((_, at) => matches.filter((a) => of(a).includes(at)).length);
  const references = new Map();
  for (const a of matches) for (const id of a.offerings ?? []) references.set(id, (references.get(id) ?? 0) + 1);
  const browse = JSON.stringify(state) === JSON.stringify(EMPTY_STATE) && data === index;
  const panel = browse
    ? data.firstView.panel.map((id) => [id, references.get(id)])
    : [...references].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 8);
  const cards = matches.slice(0, pages * pageSize).map((a) => ({
    id: a.id,
    title: a.title,
    summary: a.summary ?? "",
    date: a.date ?? null,
    url: a.url ?? null,
    brand: a.brand ?? null,
    image: a.image ? { src: a.image.src, alt: a.image.alt ?? "", width: a.image.width ?? null, height: a.image.height ?? null } : null,
    topics: a.topics ?? [],
    inferred: a.inferred ?? false,
    offerings: a.offerings ?? [],
  }));
  const named = new Set([...cards.flatMap((c) => c.offerings), ...panel.map(([id]) => id)]);
  const offerings = [...named]
    .sort((a, b) => a - b)
    .map((id) => {
      const o = data.offerings[id];
      return [id, { label: o.label, url: o.url ?? null, topics: o.topics ?? [], offeringId: o.offeringId ?? null }];
    });
  return {
    ...(dicts && { dicts: { groups: data.groups, topics: data.topics, types: data.types, brands: data.brands } }),
    pending,
    total: matches.length,
    state,
    cards,
    offerings,
    counts: {
      topics: count(data.topics, (a) => a.topics ?? []),
      types: count(data.types, (a) => (a.type == null ? [] : [a.type])),
      brands: count(data.brands, (a) => (a.brand == null ? [] : [a.brand])),
    },
    panel,
  };
}

/**
 * A stand-in for the core: a painter in a new root whose acts change the state as
 * src/web/acts.rs does and repaint at once. `acts` records every onAct call.
 */
function withCore(options = {}, { state = {}, data = index } = {}) {
  const root = newRoot();
  const painter = createPainter(root, options);
  const core = { root, painter, acts: [], state: { ...EMPTY_STATE, ...state }, pages: 1, data };
  const toggle = (list, key, on) => {
    const rest = list.filter((k) => lower(k) !== lower(key));
    return on ? [...rest, key] : rest;
  };
  const listOf = { t: "topics", y: "types", b: "brands" };
  core.paint = () => painter.paint(viewOf(core.state, { data: core.data, pages: core.pages }));
  painter.onAct = (act, a, b, c) => {
    core.acts.push([act, a, b, c].slice(0, 1 + [a, b, c].filter((v) => v !== undefined).length));
    const s = core.state;
    if (act === "search") s.query = a;
    else if (act === "sort") s.sort = a;
    else if (act === "facet") s[listOf[a]] = toggle(s[listOf[a]], b, c);
    else if (act === "topic") s.topics = toggle(s.topics, a, true);
    else if (act === "remove" && a === "q") s.query = "";
    else if (act === "remove" && a === "from") s.dateFrom = null;
    else if (act === "remove" && a === "to") s.dateTo = null;
    else if (act === "remove") s[listOf[a]] = toggle(s[listOf[a]], b, false);
    else if (act === "clear") core.state = { ...EMPTY_STATE, sort: s.sort };
    else if (act === "more") core.pages++;
    core.paint();
  };
  core.paint();
  return core;
}

/**
 * A root (or any node) as plain data: tag, attributes sorted by name, the state that is not
 * an attribute (value, checked), text, children in order; for a root, the adopted CSS too.
 */
function serialize(root) {
  const node = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return { text: n.data };
    if (n.nodeType !== Node.ELEMENT_NODE) return { other: n.nodeType };
    const out = { tag: n.localName, attrs: [...n.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
    if (n.localName === "input") Object.assign(out, { value: n.value, checked: n.checked });
    if (n.localName === "select") out.value = n.value;
    out.children = [...n.childNodes].map(node);
    return out;
  };
  if (!(root instanceof ShadowRoot)) return node(root);
  return { children: [...root.childNodes].map(node), css: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText)) };
}

window.painterPage = { index, prefix, newRoot, viewOf, withCore, serialize, createPainter, viewFromPrefix, paintFirstView, ready: true };
