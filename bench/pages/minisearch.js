// MiniSearch contender: loads the index MiniSearch serialised in Node (toJSON) with
// MiniSearch.loadJS, the library's documented way to ship a prebuilt index.
import MiniSearch from "./lib.mjs";

const OPTIONS = {
  fields: ["title", "summary", "topics", "brand", "text"],
  extractField: (doc, field) => (field === "topics" ? doc.topics.join(" ") : doc[field]),
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "AND", boost: { title: 2 } },
};

benchBoot({
  async load() {
    const data = await (await fetch("data.json")).json();
    return { docs: data.docs, mini: MiniSearch.loadJS(data.index, OPTIONS) };
  },
  browse({ docs }) {
    const ids = docs.map((d) => d.id);
    return { total: docs.length, cards: docs.slice(0, 12), facets: countFacets(docs, ids) };
  },
  query({ docs, mini }, { q, topic }) {
    const t0 = performance.now();
    let ids;
    if (q) {
      const filter = topic ? (r) => docs[r.id].topics.includes(topic) : undefined;
      ids = mini.search(q, filter ? { filter } : {}).map((r) => r.id);
    } else {
      ids = docs.filter((d) => !topic || d.topics.includes(topic)).map((d) => d.id);
    }
    const facets = countFacets(docs, ids);
    const engineMs = performance.now() - t0;
    return { engineMs, view: { total: ids.length, cards: ids.slice(0, 12).map((id) => docs[id]), facets } };
  },
});
