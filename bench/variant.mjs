// A what-if build of the script-tag widget: a copy of pkg/topic-cards.js (with its core file
// and prerender.js beside it) whose stylesheet has rules changed or added, for bench/load-ab.mjs,
// bench/warm-ab.mjs and bench/profile.mjs to compare with the real build. It answers "what
// would this CSS cost or save" on cold loads too, where profile.mjs's `--css` (added to a
// page already loaded) cannot reach the first paint.
//
//   node bench/variant.mjs OUT_DIR [--from pkg] [--swap=FROM=>TO]... [--append RULES] [--sheet FILE]
//
// --swap replaces every occurrence of FROM in the minified stylesheet (FROM must be there);
// --append adds rules after it; --sheet replaces the whole stylesheet with a file's text
// (whitespace runs folded). Write --swap=VALUE when the value starts with a dash. Prints the
// variant's loader path.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { restyle } from "./lib/restyle.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: "string", default: "pkg" },
    swap: { type: "string", multiple: true, default: [] },
    append: { type: "string", default: "" },
    sheet: { type: "string" },
  },
});
const [outDir] = positionals;
const swaps = args.swap.map((pair) => pair.split("=>"));
if (!outDir || swaps.some((pair) => pair.length !== 2)) {
  console.error("usage: node bench/variant.mjs OUT_DIR [--from pkg] [--swap=FROM=>TO]... [--append RULES] [--sheet FILE]");
  process.exit(2);
}
const from = resolve(args.from);
let loader;
try {
  const sheet = args.sheet ? readFileSync(args.sheet, "utf8").replace(/\s+/g, " ").trim() : null;
  loader = restyle(readFileSync(join(from, "topic-cards.js"), "utf8"), { sheet, swaps, append: args.append });
} catch (error) {
  console.error(`variant: ${error.message}`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "topic-cards.js"), loader);
for (const name of ["topic-cards-core.js", "prerender.js"]) {
  if (existsSync(join(from, name))) copyFileSync(join(from, name), join(outDir, name));
}
console.log(join(resolve(outDir), "topic-cards.js"));
