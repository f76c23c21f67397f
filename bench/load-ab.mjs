// Cold loads of several builds of the widget, interleaved with the floor page, in one
// browser: first cards, first-contentful-paint and searchable (tc-ready) per build, median /
// p95. For deciding whether a change to loading helps, where the full bench's single build
// cannot say: the builds take turns load by load, so the machine's noise falls on all of
// them alike, and each load starts once the machine is quiet (bench/lib/machine.mjs), as the
// full bench's do.
//
//   node bench/load-ab.mjs [--corpus synth-10k] [--runs 7] [--wait cdp] [--trace] WIDGET.js [html:WIDGET.js...]
//
// `--trace` records a light Chromium trace of every load and prints, per page, where the time
// went before the first cards (bench/lib/load-phases.mjs): when its requests finished, the
// main thread's CPU before the frame that drew the cards (and its script part), that frame's
// start, wall and CPU time, the wall time from its end to the mark, and how many loads ran a
// harness script first. Tracing costs time of its own: compare traced loads with traced ones.
//
// `--wait cdp` waits for the first cards by polling a bare DevTools-protocol evaluation every
// 20 ms instead of Playwright's waitForFunction after the load event (the default, as the
// tool always did). Playwright's first evaluation in a document first compiles and runs its
// injected script (8-10 ms of main-thread CPU here, 15-80 ms of wall time on a loaded machine).
// Where that lands depends on the page: after the load event, which on the script-tag page
// comes before its first view is painted and on the ours-html page after its cards, so by
// default it sits before the script page's first-cards mark in most loads (a trace shows it
// as an EvaluateScript task run for a mojo message) and never before ours-html's. The marks
// themselves are the same in both modes.
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
import { waitForQuietMachine } from "./lib/machine.mjs";
import { launch } from "./lib/measure.mjs";
import { serve } from "./lib/server.mjs";
import { ROOT, prerenderedBody, stageBuild } from "./lib/sites.mjs";
import { summary } from "./lib/stats.mjs";
import { PHASE_CATEGORIES, loadPhases } from "./lib/load-phases.mjs";

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: "string", default: "synth-10k" },
    runs: { type: "string", default: "7" },
    wait: { type: "string", default: "playwright" },
    trace: { type: "boolean", default: false },
  },
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

if (!["playwright", "cdp"].includes(args.wait)) {
  console.error("--wait is playwright (the default) or cdp");
  process.exit(2);
}

/**
 * Loads `address` in `tab` and waits for its first cards (or a bench error) with no Playwright
 * evaluation in the page: a bare Runtime.evaluate of one expression every 20 ms.
 */
async function firstCardsByCdp(context, tab, address) {
  const cdp = await context.newCDPSession(tab);
  await tab.goto(address, { waitUntil: "commit" });
  const until = Date.now() + 60000;
  for (;;) {
    const { result } = await cdp.send("Runtime.evaluate", {
      expression: "window.__firstCards != null || window.__benchError != null",
      returnByValue: true,
    });
    if (result.value === true) break;
    if (Date.now() > until) throw new Error(`${address}: no first cards within 60 s`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
  await cdp.detach();
}

/** Starts a trace of `tab`'s loads; `stop()` ends it and gives its events. */
async function startTrace(context, tab) {
  const cdp = await context.newCDPSession(tab);
  const events = [];
  cdp.on("Tracing.dataCollected", (message) => events.push(...message.value));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: PHASE_CATEGORIES }, transferMode: "ReportEvents" });
  return {
    async stop() {
      const complete = new Promise((ok) => cdp.once("Tracing.tracingComplete", ok));
      await cdp.send("Tracing.end");
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

const { url, close } = await serve(join(ROOT, "bench", "out"));
const browser = await launch();
const times = new Map(pages.map((p) => [p.name, { first: [], fcp: [], searchable: [], phases: [] }]));
try {
  for (let run = 0; run < Number(args.runs); run++) {
    // Rotate the order, so no build always follows the same one.
    for (let i = 0; i < pages.length; i++) {
      const page = pages[(i + run) % pages.length];
      // As the full bench's visits: none pays for the teardown of the load before it.
      await waitForQuietMachine();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.addInitScript(watchOurWidget);
      const tracing = args.trace ? await startTrace(context, tab) : null;
      // The floor page marks its own first cards (bench/pages/floor.js) as __firstCards.
      if (args.wait === "cdp") await firstCardsByCdp(context, tab, url + page.path);
      else {
        await tab.goto(url + page.path);
        await tab.waitForFunction(() => window.__firstCards != null || window.__benchError, null, { timeout: 60000 });
      }
      const t = times.get(page.name);
      t.first.push(await tab.evaluate(() => window.__firstCards));
      if (tracing) t.phases.push(loadPhases(await tracing.stop(), url + page.path, t.first.at(-1)));
      // When the compositor showed the first text or image, which no page's own script can
      // move: the first cards for every page here (none has other content before them).
      await tab.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 60000 });
      t.fcp.push(await tab.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime));
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
console.log(`${args.corpus}, ${args.runs} cold loads each, interleaved, waiting by ${args.wait} (median / p95 ms)`);
for (const [name, t] of times) console.log(`${name.padEnd(48)} first cards ${cell(t.first).padEnd(12)} first-contentful-paint ${cell(t.fcp).padEnd(12)} searchable ${cell(t.searchable)}`);
if (args.trace) {
  console.log("\ntraced: medians, ms after navigationStart (cpu: the main thread's thread time)");
  const med = (values) => summary(values)?.median.toFixed(1) ?? "n/a";
  for (const [name, t] of times) {
    const rows = t.phases.filter(Boolean);
    const names = [...new Set(rows.flatMap((r) => Object.keys(r.done)))].filter((n) => /\.(json|js)$|^$/.test(n));
    const done = names.map((n) => `${n || "page"} ${med(rows.map((r) => r.done[n]))}`).join(", ");
    const frame = (key) => med(rows.map((r) => r.cardFrame?.[key]));
    const afterFrame = med(rows.map((r) => (r.cardFrame ? r.mark - r.cardFrame.start - r.cardFrame.wall : NaN)));
    console.log(`${name}\n  done: ${done}`);
    console.log(
      `  cpu before the card frame ${med(rows.map((r) => r.cpuBefore))} (script ${med(rows.map((r) => r.scriptBefore))});` +
        ` card frame at ${frame("start")}, ${frame("wall")} wall / ${frame("cpu")} cpu; then ${afterFrame} to the mark` +
        ` (${med(rows.map((r) => r.between.length))} tasks of >= 0.5 ms); a harness script before the mark in ${rows.filter((r) => r.foreign).length} of ${rows.length} loads`,
    );
    const stages = [...new Set(rows.flatMap((r) => Object.keys(r.cardFrame?.stages ?? {})))];
    console.log(`  card frame cpu by stage: ${stages.map((s) => `${s} ${med(rows.map((r) => r.cardFrame?.stages[s] ?? 0))}`).join(", ")}`);
  }
}
