// Makes the single-file classic script `topic-cards.js`: the wasm-bindgen no-modules glue,
// the shared JS API and the Wasm (with the default index compiled in) deflated and then
// base64-encoded (the browser inflates it with DecompressionStream), all inside
// one function scope, so it loads from file:// and from a plain <script src> and leaves
// exactly one global behind: `TopicCards`.
//
//   node scripts/bundle.mjs GLUE.js WASM API.js OUT.js VERSION
import { readFileSync, writeFileSync } from "node:fs";
import { deflateRawSync, constants } from "node:zlib";

const [glueFile, wasmFile, apiFile, outFile, version] = process.argv.slice(2);
if (!version) {
  console.error("usage: node scripts/bundle.mjs GLUE.js WASM API.js OUT.js VERSION");
  process.exit(2);
}

const glue = readFileSync(glueFile, "utf8");
// Deflated before base64: HTTP gzip cannot compress base64 text well (each byte of it
// carries six bits), so compressing the Wasm itself first roughly halves the transfer.
const wasm = deflateRawSync(readFileSync(wasmFile), { level: constants.Z_BEST_COMPRESSION }).toString("base64");
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
const WASM_DEFLATED_BASE64 = "${wasm}";
// The native decoder where there is one; else a plain loop (Uint8Array.from with a mapping
// function calls it per character and took ~25 ms for this string on a cold page).
function bytesOfBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
const api = createApi(async () => {
  const packed = bytesOfBase64(WASM_DEFLATED_BASE64);
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  await wasm_bindgen({ module_or_path: bytes });
  return wasm_bindgen;
});
api.defineElement();
const start = () => api.scan(document);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
window.TopicCards = Object.freeze({ mount: api.mount, scan: api.scan, version: ${JSON.stringify(version)} });
})();
`;
writeFileSync(outFile, out);
