// The one plain-JS card renderer every contender page but ours shares (inlined into each
// page by bench/lib/sites.mjs, so it costs no request), plus the hooks the harness drives.
// The `-cards` contenders' pages draw with cards.js instead (ours' page, by plain JS).
//
// A page calls `benchBoot(adapter)`. The adapter loads its engine and answers views:
//   load()            -> ctx                       (fetch + deserialise the index)
//   browse(ctx)       -> view                      (no query, no filter, newest first)
//   query(ctx, spec)  -> { view, engineMs }        (spec: { q, topic })
// A view is { total, cards: [doc...] (at most 12), facets: { topics: [[name, n]], brands,
// types, offerings } } (the last two filled only for records that carry them).
// `window.__firstCards` is set once the frame that shows the first cards has been produced
// (its style, layout and paint done: rAF, then a task after it).

const PAGE_SIZE = 12;

/** Offerings the related-offerings panel shows at most, as ours (src/model.rs PANEL_OFFERINGS). */
const PANEL_OFFERINGS = 8;

/**
 * Hand-computed facet counts over the docs whose ids are `ids` (what a facet list shows).
 * Records made for the same-cards pages (cards.js) also carry a type and their offerings:
 * those are counted too, for the type group and the panel, as ours counts them.
 */
function countFacets(docs, ids) {
  const topics = new Map();
  const brands = new Map();
  const types = new Map();
  const offerings = new Map();
  for (const id of ids) {
    const doc = docs[id];
    for (const t of doc.topics) topics.set(t, (topics.get(t) || 0) + 1);
    if (doc.brand) brands.set(doc.brand, (brands.get(doc.brand) || 0) + 1);
    if (doc.type) types.set(doc.type, (types.get(doc.type) || 0) + 1);
    if (doc.offers) for (const o of doc.offers) offerings.set(o[0], [o, (offerings.get(o[0])?.[1] || 0) + 1]);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  const panel = [...offerings.values()].sort((a, b) => b[1] - a[1] || a[0][0] - b[0][0]).slice(0, PANEL_OFFERINGS);
  return { topics: sorted(topics), brands: sorted(brands), types: sorted(types), offerings: panel };
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function nextFrame() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const child of children) if (child != null) node.append(child);
  return node;
}

/** Values shown per facet group before "Show N more", as ours shows them (js/paint/facets.js). */
const TOP = 6;

/** One facet group: its `TOP` most used values (`entries` come sorted by count) and a button for the rest. */
function facetList(title, entries) {
  const box = el("fieldset", { class: "facet" }, el("legend", null, title));
  for (const [name, n, label = name] of entries.slice(0, TOP)) {
    box.append(el("label", null, el("input", { type: "checkbox", value: name }), ` ${label} (${n})`));
  }
  if (entries.length > TOP) box.append(el("button", { type: "button" }, `Show ${entries.length - TOP} more`));
  return box;
}

/** A topic's label: its name without the `Group: ` part. */
function labelOf(name) {
  const at = name.indexOf(": ");
  return at < 0 ? name : name.slice(at + 2);
}

/**
 * Topic facet entries (`[name, n]`) as ours groups them: by the `Group: ` part of their names,
 * in first-seen order, as `[group, [[name, n, label]...]]`.
 */
function groupTopics(topics) {
  const groups = new Map();
  for (const [name, n] of topics) {
    const at = name.indexOf(": ");
    const group = at < 0 ? "Topics" : name.slice(0, at);
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push([name, n, labelOf(name)]);
  }
  return [...groups];
}

/** Topic facets as ours groups them (`groupTopics`), one list each. */
function topicGroups(topics) {
  return groupTopics(topics).map(([group, entries]) => facetList(group, entries));
}

function card(doc) {
  const meta = [doc.date, doc.brand].filter(Boolean).join(" · ");
  const image = doc.image
    ? el("img", { src: doc.image.src, alt: doc.image.alt, width: doc.image.width, height: doc.image.height, loading: "lazy", decoding: "async" })
    : null;
  return el(
    "li",
    { class: "card" },
    image,
    el("h3", null, el("a", { href: doc.url || "#" }, doc.title)),
    meta ? el("p", { class: "meta" }, meta) : null,
    doc.summary ? el("p", null, doc.summary) : null,
    doc.topics && doc.topics.length ? el("p", { class: "topics" }, doc.topics.join(", ")) : null,
  );
}

/** Replaces the page's content with a view: facet counts, the result count and 12 cards. */
function renderView(view) {
  const root = document.getElementById("app");
  const facets = el("aside", null, ...topicGroups(view.facets.topics), facetList("Sources", view.facets.brands));
  const list = el("ol", { class: "cards" });
  for (const doc of view.cards.slice(0, PAGE_SIZE)) list.append(card(doc));
  root.replaceChildren(facets, el("p", { class: "count" }, `${view.total} articles`), list);
}

async function benchBoot(adapter) {
  // A same-cards page (bench/pages/cards.js inlined before the adapter) draws ours' page.
  const render = typeof renderCardsView === "function" ? renderCardsView : renderView;
  try {
    const ctx = await adapter.load();
    render(await adapter.browse(ctx));
    nextFrame().then((painted) => {
      window.__firstCards = painted;
    });
    window.__bench = {
      /** One query as a person would see it: engine, facet counts, render, next frame. */
      async run(spec) {
        const t0 = performance.now();
        const { view, engineMs } = await adapter.query(ctx, spec);
        render(view, spec);
        const painted = await nextFrame();
        return { engineMs, paintMs: painted - t0, total: view.total };
      },
    };
  } catch (error) {
    window.__benchError = String((error && error.stack) || error);
    throw error;
  }
}
