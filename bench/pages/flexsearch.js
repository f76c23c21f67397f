// FlexSearch contender: imports the Document index FlexSearch exported in Node (export /
// import, its documented persistence path). FlexSearch matches every word of a multi-word
// query within one field and has no edit-distance typo tolerance; results of the fields are
// merged in field order. The limit is the corpus size: facet counts need every match.
import { Document } from "./lib.mjs";

const OPTIONS = {
  document: { id: "id", index: ["title", "summary", "topics", "brand", "text"] },
  tokenize: "forward",
};

benchBoot({
  async load() {
    const data = await (await fetch("data.json")).json();
    const index = new Document(OPTIONS);
    for (const [key, value] of data.index) await index.import(key, value);
    return { docs: data.docs, index };
  },
  browse({ docs }) {
    const ids = docs.map((d) => d.id);
    return { total: docs.length, cards: docs.slice(0, 12), facets: countFacets(docs, ids) };
  },
  query({ docs, index }, { q, topic }) {
    const t0 = performance.now();
    let ids;
    if (q) {
      const seen = new Set();
      for (const field of index.search(q, { limit: docs.length })) for (const id of field.result) seen.add(id);
      ids = [...seen];
      if (topic) ids = ids.filter((id) => docs[id].topics.includes(topic));
    } else {
      ids = docs.filter((d) => !topic || d.topics.includes(topic)).map((d) => d.id);
    }
    const facets = countFacets(docs, ids);
    const engineMs = performance.now() - t0;
    return { engineMs, view: { total: ids.length, cards: ids.slice(0, 12).map((id) => docs[id]), facets } };
  },
});
