// Warm queries of several builds of the widget side by side, untraced: each build on the
// bench's page in a tab of its own, the bench's six queries timed as the bench times them
// (bench/lib/measure.mjs `oursQuery`: back to the browse view, the facet set, then the timed
// step), the tabs taking turns pass by pass so the machine's
// noise falls on all of them alike. For deciding whether a change to the query or paint path
// helps, where bench/profile.mjs's trace cannot hold a long run (at 100k it outgrows what
// Node can read back as one string).
//
//   node bench/warm-ab.mjs [--corpus synth-100k] [--passes 15] WIDGET.js...
//
// The corpus must exist under bench/out (scripts/bench.sh makes it). Each widget file is
// served from bench/out/warm-ab/<n>/ (with the topic-cards-core.js beside it) beside that
// corpus's index.json and index.first.json, on the bench's page.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchQueries } from "./lib/docs.mjs";
import { watchOurWidget } from "./lib/inpage.mjs";
import { launch, oursQuery } from "./lib/measure.mjs";
import { serve } from "./lib/server.mjs";
import { ROOT, stageBuild } from "./lib/sites.mjs";
import { summary } from "./lib/stats.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { corpus: { type: "string", default: "synth-100k" }, passes: { type: "string", default: "15" } },
});
const corpusDir = join(ROOT, "bench", "out", args.corpus);
let index;
try {
  index = JSON.parse(readFileSync(join(corpusDir, "index.json"), "utf8"));
} catch {
  index = null;
}
if (!index || !positionals.length) {
  console.error("usage: node bench/warm-ab.mjs [--corpus synth-100k] [--passes 15] WIDGET.js...  (after scripts/bench.sh made the corpus)");
  process.exit(2);
}

// The bench's six queries for this corpus (bench/run.mjs).
const QUERIES = benchQueries(index);
index = null;

const out = join(ROOT, "bench", "out", "warm-ab");
rmSync(out, { recursive: true, force: true });
const builds = positionals.map((file, n) => {
  stageBuild(corpusDir, file, join(out, String(n)));
  return { name: `${n}: ${file}`, path: `/warm-ab/${n}/`, samples: QUERIES.map(() => []), errors: new Map() };
});

const { url, close } = await serve(join(ROOT, "bench", "out"));
const browser = await launch();
try {
  for (const build of builds) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    build.tab = await context.newPage();
    await build.tab.addInitScript(watchOurWidget);
    await build.tab.goto(url + build.path);
    await build.tab.waitForFunction(() => window.__searchable != null, null, { timeout: 180000 });
    // One pass untimed: the first run of each query compiles and warms what it uses.
    for (const spec of QUERIES) await oursQuery(build.tab, spec);
  }
  for (let pass = 0; pass < Number(args.passes); pass++) {
    // Rotate the order, so no build always follows the same one.
    for (let i = 0; i < builds.length; i++) {
      const build = builds[(i + pass) % builds.length];
      for (const [q, spec] of QUERIES.entries()) {
        const result = await oursQuery(build.tab, spec);
        // A step the build cannot take (say, a what-if that hides the bench's topic) is
        // named below the table, not left to break the summary.
        if (result.error) {
          if (!build.errors.has(q)) build.errors.set(q, result.error);
        } else build.samples[q].push(result.paintMs);
      }
    }
  }
} finally {
  await browser.close();
  await close();
}

console.log(`${args.corpus}, ${args.passes} passes each, interleaved: keystroke or click to painted, median ms per query`);
console.log(`${"".padEnd(48)} ${QUERIES.map((q) => q.name.padStart(12)).join(" ")}          sum   p95 of all`);
for (const build of builds) {
  const medians = build.samples.map((xs) => summary(xs)?.median ?? NaN);
  const sum = medians.reduce((a, b) => a + b, 0);
  const cells = medians.map((m) => (Number.isNaN(m) ? "n/a" : m.toFixed(1)).padStart(12)).join(" ");
  const p95 = summary(build.samples.flat())?.p95.toFixed(1) ?? "n/a";
  console.log(`${build.name.padEnd(48)} ${cells} ${(Number.isNaN(sum) ? "n/a" : sum.toFixed(1)).padStart(12)} ${p95.padStart(12)}`);
  for (const [q, error] of build.errors) console.log(`  ${QUERIES[q].name}: ${error}`);
}
