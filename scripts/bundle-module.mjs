// Bundles one ES module with the modules it imports into a single ES module file (rolldown),
// keeping its exports: for pkg/first-view.js, whose CSS and strings come from the generated
// build/ui-assets.js, which the npm package does not ship on its own.
//
//   node scripts/bundle-module.mjs ENTRY.js OUT.js
import { rolldown } from "rolldown";

const [input, file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/bundle-module.mjs ENTRY.js OUT.js");
  process.exit(2);
}
const bundle = await rolldown({ input });
await bundle.write({ file, format: "es" });
await bundle.close();
