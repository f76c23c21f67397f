// Turns one topic-cards index (the indexer's JSON) into the flat records every other
// contender is fed, so all engines search and show exactly the same articles.
//
// A record keeps only what a card shows or a search reads: title, summary, date, url, brand
// name, topic names and the index's searchable `text`. Its position in the index is its id.

/** The name a topic is shown and filtered by: `Group: Label` when there are several groups. */
export function topicNames(index) {
  const groups = index.groups ?? [];
  return (index.topics ?? []).map((topic) =>
    groups.length > 1 && groups[topic.group] ? `${groups[topic.group].label}: ${topic.label}` : topic.label,
  );
}

/** Flat records in index order (newest first), for every contender but ours. */
export function docsFromIndex(index) {
  const topics = topicNames(index);
  const brands = (index.brands ?? []).map((b) => b.name);
  return (index.articles ?? []).map((a, id) => ({
    id,
    title: a.title ?? "",
    summary: a.summary ?? "",
    date: a.date ?? "",
    url: a.url ?? "",
    brand: a.brand != null && brands[a.brand] != null ? brands[a.brand] : "",
    topics: (a.topics ?? []).map((t) => topics[t]).filter((t) => t != null),
    // Cards show the image as ours does (same src, size and lazy loading) so every page asks
    // for the same pictures.
    image: a.image?.src ? { src: a.image.src, alt: a.image.alt ?? "", width: a.image.width ?? 640, height: a.image.height ?? 360 } : null,
    text: a.text ?? "",
  }));
}

/**
 * The records of the same-cards pages (bench/pages/cards.js): `docs` plus what ours' cards
 * and panel show beyond them, the article's type name and its offerings, each offering as
 * `[id, label, url, categories]` (its topics' labels, as ours' panel names them).
 */
export function cardDocs(index, docs = docsFromIndex(index)) {
  const topics = index.topics ?? [];
  const offerings = (index.offerings ?? []).map((o, id) => [
    id,
    o.label ?? "",
    o.url ?? "",
    (o.topics ?? []).map((t) => topics[t]?.label).filter((label) => label != null).join(" · "),
  ]);
  const types = (index.types ?? []).map((t) => t.name);
  return docs.map((doc, id) => {
    const a = index.articles[id];
    return { ...doc, type: types[a.type] ?? "", offers: (a.offerings ?? []).map((o) => offerings[o]).filter(Boolean) };
  });
}

/** The display part of a record (what the pages render; no search-only text). */
export function displayDoc(doc) {
  const { text: _text, ...shown } = doc;
  return shown;
}

/** Offerings the related-offerings panel shows at most, as ours (src/model.rs PANEL_OFFERINGS). */
const PANEL_OFFERINGS = 8;

/**
 * Topic and brand counts over `docs` (the browse view's facet counts), biggest first; for
 * records of `cardDocs`, also type counts and the panel's offerings (bench/pages/common.js
 * `countFacets` counts a query's the same way).
 */
export function facetCounts(docs) {
  const topics = new Map();
  const brands = new Map();
  const types = new Map();
  const offerings = new Map();
  for (const doc of docs) {
    for (const t of doc.topics) topics.set(t, (topics.get(t) ?? 0) + 1);
    if (doc.brand) brands.set(doc.brand, (brands.get(doc.brand) ?? 0) + 1);
    if (doc.type) types.set(doc.type, (types.get(doc.type) ?? 0) + 1);
    for (const o of doc.offers ?? []) offerings.set(o[0], [o, (offerings.get(o[0])?.[1] ?? 0) + 1]);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const counts = { topics: sorted(topics), brands: sorted(brands) };
  if (types.size) counts.types = sorted(types);
  if (offerings.size) counts.offerings = [...offerings.values()].sort((a, b) => b[1] - a[1] || a[0][0] - b[0][0]).slice(0, PANEL_OFFERINGS);
  return counts;
}

/** The topic every facet query selects: the most used one, so all contenders get the same. */
export function benchTopic(docs) {
  return facetCounts(docs).topics[0]?.[0] ?? null;
}

/**
 * The bench's queries for one index (`docs`: its records): four searches, then its most used
 * topic as a facet alone and with a word (left out when the index has no topics). A query
 * is `{ name, q?, topic? }`; `topic` is `{ name, label, slug }`, for every way a page names it.
 */
export function benchQueries(index, docs = docsFromIndex(index)) {
  const queries = ["telehealth", "tele", "data privacy", "accessibilty"].map((q) => ({ name: q, q }));
  const name = benchTopic(docs);
  if (name === null) return queries;
  const { label, slug } = index.topics[topicNames(index).indexOf(name)];
  const topic = { name, label, slug };
  return [...queries, { name: "facet", topic }, { name: "facet + data", q: "data", topic }];
}
