// Fuse.js contender: the list plus the key index Fuse.createIndex built in Node, restored with
// Fuse.parseIndex (the documented way to skip indexing in the browser). Fuse scores a fuzzy
// pattern against whole field values, so only title, summary and topic names are searched
// (its docs warn against long text), with ignoreLocation so a word anywhere in a field counts.
import Fuse from "./lib.mjs";

const KEYS = ["title", "summary", "topics"];
const OPTIONS = { keys: KEYS, ignoreLocation: true, threshold: 0.3 };

benchBoot({
  async load() {
    const data = await (await fetch("data.json")).json();
    return { docs: data.docs, fuse: new Fuse(data.docs, OPTIONS, Fuse.parseIndex(data.index)) };
  },
  browse({ docs }) {
    const ids = docs.map((d) => d.id);
    return { total: docs.length, cards: docs.slice(0, 12), facets: countFacets(docs, ids) };
  },
  query({ docs, fuse }, { q, topic }) {
    const t0 = performance.now();
    let ids;
    if (q) {
      ids = fuse.search(q).map((r) => r.item.id);
      if (topic) ids = ids.filter((id) => docs[id].topics.includes(topic));
    } else {
      ids = docs.filter((d) => !topic || d.topics.includes(topic)).map((d) => d.id);
    }
    const facets = countFacets(docs, ids);
    const engineMs = performance.now() - t0;
    return { engineMs, view: { total: ids.length, cards: ids.slice(0, 12).map((id) => docs[id]), facets } };
  },
});
