// Makes the single-file classic script `topic-cards.js`: the wasm-bindgen no-modules glue,
// the shared JS API and the Wasm (with the default index compiled in) as base64, all inside
// one function scope, so it loads from file:// and from a plain <script src> and leaves
// exactly one global behind: `TopicCards`.
//
//   node scripts/bundle.mjs GLUE.js WASM API.js OUT.js VERSION
import { readFileSync, writeFileSync } from "node:fs";

const [glueFile, wasmFile, apiFile, outFile, version] = process.argv.slice(2);
if (!version) {
  console.error("usage: node scripts/bundle.mjs GLUE.js WASM API.js OUT.js VERSION");
  process.exit(2);
}

const glue = readFileSync(glueFile, "utf8");
const wasm = readFileSync(wasmFile).toString("base64");
// api.js is an ES module; inside a classic script its exports become plain declarations.
const api = readFileSync(apiFile, "utf8").replace(/^export (function|const|class) /gm, "$1 ");
if (/^\s*(import|export)\b/m.test(api)) throw new Error("api.js gained an import/export the bundler does not handle");

const out = `/*! topic-cards ${version} | single-file build: Wasm and default index inside */
(() => {
"use strict";
// Loaded twice: keep the first. Test for our API, not just the name: an element with
// id="TopicCards" also makes a window.TopicCards global.
if (typeof window !== "undefined" && typeof window.TopicCards?.mount === "function") return;
${glue}
${api}
const WASM_BASE64 = "${wasm}";
const api = createApi(() => {
  const bytes = Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
  return wasm_bindgen({ module_or_path: bytes }).then(() => wasm_bindgen);
});
api.defineElement();
const start = () => api.scan(document);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
window.TopicCards = Object.freeze({ mount: api.mount, scan: api.scan, version: ${JSON.stringify(version)} });
})();
`;
writeFileSync(outFile, out);
