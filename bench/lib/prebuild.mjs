// Builds one JS library's serialised index in Node, the way each library documents for
// shipping a prebuilt index, and writes the page's data file: { docs, index }.
// Run as a child process (so the harness can time it, read its peak RSS and stop it):
//
//   node bench/lib/prebuild.mjs minisearch|flexsearch|fuse DOCS.json OUT.json
//
// DOCS.json holds the full records (docsFromIndex); the data file keeps only their display
// part, since the index already holds what search needs.
import { readFileSync, writeFileSync } from "node:fs";
import MiniSearch from "minisearch";
import { Document } from "flexsearch";
import Fuse from "fuse.js";
import { displayDoc } from "./docs.mjs";

// Must match the options in bench/pages/*.js: an index only loads under the options it was built with.
const BUILDERS = {
  async minisearch(docs) {
    const mini = new MiniSearch({
      fields: ["title", "summary", "topics", "brand", "text"],
      extractField: (doc, field) => (field === "topics" ? doc.topics.join(" ") : doc[field]),
    });
    mini.addAll(docs);
    return mini.toJSON();
  },
  async flexsearch(docs) {
    const index = new Document({
      document: { id: "id", index: ["title", "summary", "topics", "brand", "text"] },
      tokenize: "forward",
    });
    for (const doc of docs) index.add({ ...doc, topics: doc.topics.join(" ") });
    const parts = [];
    await index.export((key, data) => {
      parts.push([key, data]);
    });
    return parts;
  },
  async fuse(docs) {
    return Fuse.createIndex(["title", "summary", "topics"], docs.map(displayDoc)).toJSON();
  },
};

const [lib, docsFile, outFile] = process.argv.slice(2);
if (!BUILDERS[lib] || !outFile) {
  console.error("usage: node bench/lib/prebuild.mjs minisearch|flexsearch|fuse DOCS.json OUT.json");
  process.exit(2);
}
const docs = JSON.parse(readFileSync(docsFile, "utf8"));
const t0 = performance.now();
const index = await BUILDERS[lib](docs);
const buildMs = performance.now() - t0;
writeFileSync(outFile, JSON.stringify({ docs: docs.map(displayDoc), index }));
console.log(JSON.stringify({ lib, docs: docs.length, buildMs }));
