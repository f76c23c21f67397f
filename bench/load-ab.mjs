// Cold loads of several builds of the widget, interleaved with the floor page, in one
// browser: first cards and searchable (tc-ready) per build, median / p95. For deciding
// whether a change to loading helps, where the full bench's single build cannot say: the
// builds take turns load by load, so the machine's noise falls on all of them alike.
//
//   node bench/load-ab.mjs [--corpus synth-10k] [--runs 7] WIDGET.js [html:WIDGET.js...]
//
// `html:` serves that build on the page with the first view in its HTML (js/prerender.js,
// run from the prerender.js beside WIDGET.js) instead of painted by the script.
// The corpus must exist under bench/out (scripts/bench.sh makes it). Each widget file is
// served from bench/out/load-ab/<n>/ (with the topic-cards-core.js beside it, if any) beside
// that corpus's index.json and index.first.json, on the bench's page.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { watchOurWidget } from "./lib/inpage.mjs";
import { launch } from "./lib/measure.mjs";
import { serve } from "./lib/server.mjs";
import { ROOT, prerenderedBody, stageBuild } from "./lib/sites.mjs";
import { summary } from "./lib/stats.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { corpus: { type: "string", default: "synth-10k" }, runs: { type: "string", default: "7" } },
});
const corpusDir = join(ROOT, "bench", "out", args.corpus);
if (!existsSync(join(corpusDir, "site/ours/index.html")) || !positionals.length) {
  console.error("usage: node bench/load-ab.mjs [--corpus synth-10k] [--runs 7] WIDGET.js...  (after scripts/bench.sh made the corpus)");
  process.exit(2);
}

const out = join(ROOT, "bench", "out", "load-ab");
rmSync(out, { recursive: true, force: true });
const pages = positionals.map((given, n) => {
  const html = given.startsWith("html:");
  const file = html ? given.slice(5) : given;
  const page = readFileSync(join(corpusDir, "site/ours/index.html"), "utf8");
  stageBuild(corpusDir, file, join(out, String(n)), html ? prerenderedPage(page, file) : page);
  return { name: `${n}: ${given}`, path: `/load-ab/${n}/`, ours: true };
});

/** The bench's page for ours with ours-html's body (prerender.js beside the widget file, as in pkg/). */
function prerenderedPage(page, widgetFile) {
  const body = prerenderedBody(join(dirname(resolve(widgetFile)), "prerender.js"), join(corpusDir, "index.first.json"));
  return page.replace(/<body>[\s\S]*<\/body>/, () => `<body>${body}</body>`);
}
pages.push({ name: "floor", path: `/${args.corpus}/site/floor/`, ours: false });

const { url, close } = await serve(join(ROOT, "bench", "out"));
const browser = await launch();
const times = new Map(pages.map((p) => [p.name, { first: [], searchable: [] }]));
try {
  for (let run = 0; run < Number(args.runs); run++) {
    // Rotate the order, so no build always follows the same one.
    for (let i = 0; i < pages.length; i++) {
      const page = pages[(i + run) % pages.length];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.addInitScript(watchOurWidget);
      // The floor page marks its own first cards (bench/pages/floor.js) as __firstCards.
      await tab.goto(url + page.path);
      await tab.waitForFunction(() => window.__firstCards != null || window.__benchError, null, { timeout: 60000 });
      const t = times.get(page.name);
      t.first.push(await tab.evaluate(() => window.__firstCards));
      if (page.ours) {
        await tab.waitForFunction(() => window.__searchable != null, null, { timeout: 60000 });
        t.searchable.push(await tab.evaluate(() => window.__searchable));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await close();
}
const cell = (values) => {
  const s = summary(values);
  return s ? `${s.median.toFixed(0)} / ${s.p95.toFixed(0)}` : "n/a";
};
console.log(`${args.corpus}, ${args.runs} cold loads each, interleaved (median / p95 ms)`);
for (const [name, t] of times) console.log(`${name.padEnd(48)} first cards ${cell(t.first).padEnd(12)} searchable ${cell(t.searchable)}`);
