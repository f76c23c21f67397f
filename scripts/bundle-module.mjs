// Bundles one ES module with the modules it imports into a single ES module file (rolldown),
// keeping its exports: for pkg/api.js, which imports the painter, the prefix scanner, and the
// CSS and strings generated into build/ui-assets.js; pkg/prerender.js; and build/test-kit.js
// for the Wasm tests.
//
//   node scripts/bundle-module.mjs ENTRY.js OUT.js
import { rolldown } from "rolldown";

const [input, file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/bundle-module.mjs ENTRY.js OUT.js");
  process.exit(2);
}
// Node's built-in modules stay imports (js/prerender.js's command line reads its file).
const bundle = await rolldown({ input, external: /^node:/ });
await bundle.write({ file, format: "es" });
await bundle.close();
