// Minifies JavaScript files in place (rolldown's Oxc minifier: whitespace, comments, local
// names, dead code), for what the widget ships: the npm package's JS and the single file.
// Exported names are kept, so the ES modules' interfaces (and index.d.ts) stay as they are.
//
//   node scripts/minify.mjs FILE.js...
import { readFileSync, writeFileSync } from "node:fs";
import { minifySync } from "rolldown/utils";

for (const file of process.argv.slice(2)) {
  const source = readFileSync(file, "utf8");
  const { code, errors } = minifySync(file, source, { compress: true, mangle: true });
  if (errors?.length) {
    console.error(`minify: ${file}: ${errors.map((e) => e.message).join("; ")}`);
    process.exit(1);
  }
  // A leading `/*! ... */` banner (name, version, what is inside) stays, and so do the `//#`
  // magic comments before it (V8's compile hints: see scripts/bundle.mjs).
  const banner = source.match(/^(?:\/\/#[^\n]*\n)*\/\*![^]*?\*\/\n/)?.[0] ?? "";
  writeFileSync(file, banner + code);
}
