// Makes the two classic scripts of the `<script src>` way in (they also load from file://):
//
//   topic-cards.js       the loader: js/script-tag.js bundled (the JS API, the first-view
//                        painter, the default index's first view), a few kB
//   topic-cards-core.js  the controller (js/controller.js), the wasm-bindgen no-modules glue
//                        and the Wasm (with the default index compiled in), deflated and
//                        base64-encoded, which the loader adds after the first paint
//
//   node scripts/bundle.mjs GLUE.js WASM DEFAULT_FIRST_VIEW.json OUT_DIR VERSION
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { deflateRawSync, constants } from "node:zlib";
import { rolldown } from "rolldown";

const [glueFile, wasmFile, firstViewFile, outDir, version] = process.argv.slice(2);
if (!version) {
  console.error("usage: node scripts/bundle.mjs GLUE.js WASM DEFAULT_FIRST_VIEW.json OUT_DIR VERSION");
  process.exit(2);
}

// The loader imports the default first view as a module of one string.
mkdirSync("build", { recursive: true });
writeFileSync(
  "build/default-first-view.js",
  `export default ${JSON.stringify(readFileSync(firstViewFile, "utf8"))};\n`,
);
const bundle = await rolldown({
  input: "js/script-tag.js",
  transform: { define: { __VERSION__: JSON.stringify(version) } },
});
await bundle.write({
  file: `${outDir}/topic-cards.js`,
  format: "iife",
  // The first line asks V8 to compile every function of the loader while the script streams
  // in (off the main thread; Chromium 136+, a comment elsewhere): the loader runs almost all
  // of its code for the first paint, and compiled lazily, function by function on first call,
  // that code made up most of the first paint's main-thread time on a cold page.
  banner: `//# allFunctionsCalledOnLoad\n/*! topic-cards ${version} | loader: paints the first view, then adds topic-cards-core.js */`,
});
await bundle.close();

const glue = readFileSync(glueFile, "utf8");
// The controller as a function-scoped bundle (its `var` stays inside the core's wrapper).
const controllerBundle = await rolldown({ input: "js/controller.js" });
const { output } = await controllerBundle.generate({ format: "iife", name: "topicCardsController" });
await controllerBundle.close();
const controller = output[0].code;
// Deflated before base64: HTTP gzip cannot compress base64 text well (each byte of it
// carries six bits), so compressing the Wasm itself first roughly halves the transfer.
const wasm = deflateRawSync(readFileSync(wasmFile), { level: constants.Z_BEST_COMPRESSION }).toString("base64");
const core = `/*! topic-cards ${version} | core of topic-cards.js: Wasm and default index inside */
(() => {
"use strict";
// Only topic-cards.js's own script element carries the hand-over; loaded any other way
// this file does nothing.
const handOver = document.currentScript && document.currentScript.topicCardsCore;
if (typeof handOver !== "function") return;
${glue}
${controller}
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
handOver(async () => {
  const packed = bytesOfBase64(WASM_DEFLATED_BASE64);
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  await wasm_bindgen({ module_or_path: bytes });
  return { Core: wasm_bindgen.Core, mountWidget: topicCardsController.mountWidget };
});
})();
`;
writeFileSync(`${outDir}/topic-cards-core.js`, core);
