// Bundles one ES module with the modules it imports into a single ES module file (rolldown),
// keeping its exports: for pkg/api.js, which imports the painter, the prefix scanner, and the
// CSS and strings generated into build/ui-assets.js; pkg/prerender.js; and build/test-kit.js
// for the Wasm tests.
//
//   node scripts/bundle-module.mjs ENTRY.js OUT.js [--from SPECIFIER MODULE.js...]
//
// `--from ./api.js js/frames.js ...` takes those modules from the module at SPECIFIER (which
// re-exports what is needed) instead of bundling a copy: pkg/controller.js always loads after
// pkg/api.js, so code both use is shipped once.
import { resolve } from "node:path";
import { rolldown } from "rolldown";

const [input, file, flag, specifier, ...linked] = process.argv.slice(2);
if (!file || (flag !== undefined && (flag !== "--from" || !specifier || !linked.length))) {
  console.error("usage: node scripts/bundle-module.mjs ENTRY.js OUT.js [--from SPECIFIER MODULE.js...]");
  process.exit(2);
}
const taken = new Set(linked.map((module) => resolve(module)));
const fromSibling = {
  name: "from-sibling",
  resolveId(source, importer) {
    if (!importer || !source.startsWith(".")) return null;
    return taken.has(resolve(importer, "..", source)) ? { id: specifier, external: true } : null;
  },
};
// Node's built-in modules stay imports (js/prerender.js's command line reads its file).
const bundle = await rolldown({ input, external: /^node:/, plugins: taken.size ? [fromSibling] : [] });
await bundle.write({ file, format: "es" });
await bundle.close();
