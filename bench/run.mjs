// `make bench`: every contender in one headless Chromium, on the same corpora, cold page
// loads interleaved run by run. Writes bench/RESULTS.md and bench/results.json (smoke runs:
// bench/out/RESULTS-smoke.md and .json) and prints the tables. See bench/README.md.
//
//   node bench/run.mjs [--sizes 1k,10k,100k] [--corpora sample,digitalgov] [--runs 5]
//                      [--reps 5] [--contenders ours,ours-html,floor,floor-cards,pagefind,...]
//                      [--index NAME=FILE]... [--pagefind-max 20000] [--build-timeout 900]
//                      [--throttle MBPS[,LATENCY_MS]] [--widget FILE] [--cli FILE] [--max-minutes M] [--smoke]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildIndex, corpusList } from "./lib/corpora.mjs";
import { benchQueries, docsFromIndex } from "./lib/docs.mjs";
import { launch, visit } from "./lib/measure.mjs";
import { machine, widgetSizes } from "./lib/machine.mjs";
import { isFloor, report } from "./lib/report.mjs";
import { buildSites, ROOT } from "./lib/sites.mjs";
import { serve } from "./lib/server.mjs";

// ours-html: the same widget on a page that carries its first view as HTML (js/prerender.js).
// NAME-cards: the floor or a library drawing ours' page by plain JS (bench/pages/cards.js);
// the two that budgets are held against run by default, the others on request.
const DEFAULT = ["ours", "ours-html", "floor", "floor-cards", "pagefind", "minisearch", "flexsearch", "flexsearch-cards", "fuse"];
const ALL = [...DEFAULT, "minisearch-cards", "fuse-cards"];
const isOurs = (name) => name === "ours" || name === "ours-html";
const { values: args } = parseArgs({
  options: {
    sizes: { type: "string" },
    corpora: { type: "string" },
    runs: { type: "string" },
    reps: { type: "string" },
    contenders: { type: "string", default: DEFAULT.join(",") },
    index: { type: "string", multiple: true, default: [] },
    "pagefind-max": { type: "string", default: "20000" },
    "build-timeout": { type: "string", default: "900" },
    "load-timeout": { type: "string", default: "180" },
    throttle: { type: "string" },
    "max-minutes": { type: "string" },
    widget: { type: "string" },
    cli: { type: "string" },
    smoke: { type: "boolean", default: false },
  },
});

const smoke = args.smoke;
const list = (text) => (text ? text.split(",").map((s) => s.trim()).filter(Boolean) : []);
const config = {
  sizes: list(args.sizes ?? (smoke ? "1k" : "1k,10k,100k")),
  corpora: list(args.corpora ?? (smoke ? "" : "sample,digitalgov")),
  runs: Number(args.runs ?? (smoke ? 2 : 5)),
  reps: Number(args.reps ?? (smoke ? 1 : 5)),
  contenders: list(args.contenders).filter((c) => ALL.includes(c)),
  pagefindMax: Number(args["pagefind-max"]),
  buildTimeoutS: Number(args["build-timeout"]),
  loadTimeoutMs: Number(args["load-timeout"]) * 1000,
  throttle: args.throttle ? { mbps: Number(args.throttle.split(",")[0]), latencyMs: Number(args.throttle.split(",")[1] ?? 20) } : null,
  smoke,
  // A soft limit on the whole run: no new visit starts after it (CI's smoke must stay short).
  maxMinutes: args["max-minutes"] ? Number(args["max-minutes"]) : smoke ? 1.25 : null,
  widget: args.widget ?? null,
  cli: args.cli ?? null,
};
const overrides = Object.fromEntries(args.index.map((kv) => kv.split("=")));
const OUT = join(ROOT, "bench", "out");
mkdirSync(OUT, { recursive: true });
const log = (line) => console.error(line);

// Ours is the single-file build unless --widget names another build of it.
const widgetScript = args.widget ?? (existsSync(join(ROOT, "pkg/topic-cards.js")) ? join(ROOT, "pkg/topic-cards.js") : null);

const results = { config, machine: await machine(), widget: widgetSizes(), corpora: [] };
log(`bench: ${config.sizes.concat(config.corpora).join(", ")}; ${config.runs} runs x ${config.reps} query passes`);

// 1. Indexes and pages, once per corpus.
const prepared = [];
for (const corpus of corpusList({ sizes: config.sizes, named: config.corpora })) {
  log(`bench: ${corpus.name}`);
  const entry = { name: corpus.name, contenders: {} };
  results.corpora.push(entry);
  const built = await buildIndex(corpus, OUT, { override: overrides[corpus.name], timeoutS: config.buildTimeoutS, log, cli: args.cli });
  if (!built.ok) {
    entry.skipped = built.reason;
    log(`  skipped: ${built.reason}`);
    continue;
  }
  const index = JSON.parse(readFileSync(built.indexFile, "utf8"));
  const docs = docsFromIndex(index);
  entry.articles = docs.length;
  entry.indexBytes = readFileSync(built.indexFile).length;
  entry.build = built.build ?? null;
  entry.note = built.note;
  const queries = benchQueries(index, docs);
  entry.topic = queries.find((query) => query.topic)?.topic.name ?? null;
  const status = await buildSites({
    dir: built.dir,
    indexFile: built.indexFile,
    docs,
    widget: { script: widgetScript },
    contenders: config.contenders,
    pagefindMax: config.pagefindMax,
    timeoutS: config.buildTimeoutS,
    log,
  });
  for (const name of config.contenders) {
    entry.contenders[name] = { ...status[name], samples: [] };
  }
  prepared.push({ entry, queries });
}

/** `list` in an order drawn from `seed`: Fisher-Yates over a 32-bit xorshift, so one seed gives one order. */
function shuffled(list, seed) {
  // Neighbouring seeds must not give neighbouring first draws: mix the seed's bits first.
  let state = Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// 2. Cold visits, every contender once per run, in a new order each run.
const { url: baseUrl, close } = await serve(OUT);
const browser = await launch();
results.machine.chromium = browser.version();
// performance.now() counts from this process's start, so the limit covers the preparation too.
const overTime = () => config.maxMinutes != null && performance.now() > config.maxMinutes * 60000;
try {
  for (const [at, { entry, queries }] of prepared.entries()) {
    const seed = 7919 * (at + 1);
    const names = config.contenders.filter((n) => entry.contenders[n].ok);
    // One unmeasured visit of each contender first, so none pays for the browser's own
    // warm-up, or in its first measured load for the server's one-time compression of its
    // files (bench/lib/server.mjs keeps each gzip body once made).
    for (const name of names) {
      await visit(browser, { url: `${baseUrl}/${entry.name}/site/${name}/`, baseUrl, root: OUT, ours: isOurs(name), queries: [], canQuery: false, reps: 0, timeoutMs: config.loadTimeoutMs });
    }
    for (let run = 0; run < config.runs; run++) {
      if (run > 0 && overTime()) {
        results.stoppedEarly = `the ${config.maxMinutes}-minute limit (--max-minutes) was reached: ${entry.name} had ${run} of ${config.runs} runs (every corpus gets at least one)`;
        log(`bench: ${results.stoppedEarly}`);
        break;
      }
      // A new order every run (seeded, so a rerun repeats it): with a fixed rotation each
      // contender would always follow the same one, and a heavy page's teardown could weigh
      // on the next load alike every time.
      const order = shuffled(names, seed + run);
      for (const name of order) {
        const sample = await visit(browser, {
          url: `${baseUrl}/${entry.name}/site/${name}/`,
          baseUrl,
          root: OUT,
          ours: isOurs(name),
          queries,
          // ours-html answers queries with the same widget as ours: its load is what differs.
          canQuery: !isFloor(name) && name !== "ours-html",
          reps: config.reps,
          timeoutMs: config.loadTimeoutMs,
          throttle: config.throttle,
        });
        entry.contenders[name].samples.push(sample);
        const ms = sample.firstCardsMs != null ? `${sample.firstCardsMs.toFixed(0)} ms` : "n/a";
        log(`  ${entry.name} run ${run + 1}/${config.runs} ${name}: first cards ${ms}${sample.errors.length ? ` (${sample.errors.join("; ")})` : ""}`);
      }
    }
  }
} finally {
  await browser.close();
  await close();
}

// 3. Tables and budgets.
const { markdown } = report(results);
const base = config.smoke ? join(OUT, "RESULTS-smoke") : join(ROOT, "bench", "RESULTS");
writeFileSync(`${base}.md`, markdown);
writeFileSync(config.smoke ? `${base}.json` : join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 1));
console.log(markdown);
log(`bench: wrote ${base}.md`);
