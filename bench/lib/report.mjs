// Turns the raw samples into RESULTS.md: the machine and versions, then per corpus the load,
// memory, query and build tables (median / p95, ratios to ours), then the budgets of issue 4
// as PASS / FAIL / n/a. Also adds the summaries to `results` (for results.json).
import { QUIET_RULE } from "./machine.mjs";
import { bootstrapInterval, ratio, summary } from "./stats.mjs";

const NAMES = {
  ours: "ours (topic-cards)",
  "ours-html": "ours, first view in the page's HTML",
  floor: "floor (12 cards JSON)",
  "floor-cards": "floor, ours' cards (12 cards JSON)",
  pagefind: "Pagefind",
  minisearch: "MiniSearch",
  "minisearch-cards": "MiniSearch, ours' cards",
  flexsearch: "FlexSearch",
  "flexsearch-cards": "FlexSearch, ours' cards",
  fuse: "Fuse.js",
  "fuse-cards": "Fuse.js, ours' cards",
};
/** The floor pages: they draw the first view and have no search. */
export const isFloor = (name) => name === "floor" || name === "floor-cards";
const QUERY_ORDER = ["telehealth", "tele", "data privacy", "accessibilty", "facet", "facet + data"];

const kb = (bytes) => (bytes == null ? "n/a" : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);
const ms = (v) => (v == null ? "n/a" : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const x = (r) => (r == null ? "" : ` (${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x)`);
const mb = (v) => (v == null ? "n/a" : v.toFixed(1));
const medP95 = (s, f = ms) => (s ? `${f(s.median)} / ${f(s.p95)}` : "n/a");

/** Per-contender summaries of one corpus's samples. */
function summarise(contender) {
  const samples = contender.samples ?? [];
  const pick = (f) => summary(samples.map((s) => { try { return f(s); } catch (_) { return null; } }));
  const queries = {};
  for (const s of samples) {
    for (const [name, results] of Object.entries(s.queries ?? {})) {
      const q = (queries[name] ??= { paint: [], engine: [], total: [], errors: new Set() });
      for (const r of results) {
        if (r.error) q.errors.add(r.error);
        q.paint.push(r.paintMs);
        q.engine.push(r.engineMs);
        q.total.push(r.total);
      }
    }
  }
  return {
    firstCards: pick((s) => s.firstCardsMs),
    searchable: pick((s) => s.searchableMs),
    raw: pick((s) => s.before.raw),
    gzip: pick((s) => s.before.gzip),
    brotli: pick((s) => s.before.brotli),
    requests: pick((s) => s.before.requests),
    loadGzip: pick((s) => s.afterLoad.gzip),
    memLoad: pick((s) => s.memLoad.totalMB),
    heapLoad: pick((s) => s.memLoad.jsHeapMB),
    wasmLoad: pick((s) => s.memLoad.wasmMB),
    memQueries: pick((s) => s.memQueries.totalMB),
    queries: Object.fromEntries(
      Object.entries(queries).map(([name, q]) => [
        name,
        { paint: summary(q.paint), engine: summary(q.engine), hits: summary(q.total), errors: [...q.errors] },
      ]),
    ),
    allPaint: summary(Object.values(queries).flatMap((q) => q.paint)),
    allEngine: summary(Object.values(queries).flatMap((q) => q.engine)),
    errors: [...new Set(samples.flatMap((s) => s.errors))],
  };
}

function loadTable(entry, sums, names) {
  const ours = sums.ours;
  const rows = [
    "| contender | gzip bytes before first cards | raw | brotli | requests | first cards ms (median / p95) | searchable ms | JS heap + Wasm MB after load (Wasm) | after queries |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const name of names) {
    const c = entry.contenders[name];
    const s = sums[name];
    if (!c.ok) {
      rows.push(`| ${NAMES[name]} | n/a: ${c.reason} | | | | | | | |`);
      continue;
    }
    const rx = (key) => (name === "ours" ? "" : x(ratio(s[key]?.median, ours?.[key]?.median)));
    rows.push(
      `| ${NAMES[name]} | ${s.gzip ? kb(s.gzip.median) : "n/a"}${rx("gzip")} | ${s.raw ? kb(s.raw.median) : "n/a"} | ${s.brotli ? kb(s.brotli.median) : "n/a"} | ${s.requests ? s.requests.median : "n/a"} | ${medP95(s.firstCards)}${rx("firstCards")} | ${isFloor(name) ? "n/a" : medP95(s.searchable)}${isFloor(name) ? "" : rx("searchable")} | ${mb(s.memLoad?.median)} (${mb(s.wasmLoad?.median)})${rx("memLoad")} | ${mb(s.memQueries?.median)} |`,
    );
  }
  return rows.join("\n");
}

function queryTable(sums, names, field, title) {
  const rows = [`| ${title} | ${QUERY_ORDER.join(" | ")} |`, `|---|${QUERY_ORDER.map(() => "---").join("|")}|`];
  for (const name of names) {
    const s = sums[name];
    if (!s || isFloor(name)) continue;
    const cells = QUERY_ORDER.map((q) => {
      const r = s.queries[q];
      if (!r) return "n/a";
      if (!r[field]) return r.errors.length ? `n/a: ${r.errors[0]}` : "n/a";
      const base = name === "ours" ? "" : x(ratio(r[field].median, sums.ours?.queries[q]?.[field]?.median));
      const hits = r.hits ? ` [${r.hits.median}]` : "";
      return `${medP95(r[field])}${base}${hits}`;
    });
    rows.push(`| ${NAMES[name]} | ${cells.join(" | ")} |`);
  }
  return rows.join("\n");
}

function buildTable(entry) {
  const rows = ["| indexer | wall s | articles/s | peak RSS MB |", "|---|---|---|---|"];
  // A peer's build is made once per index and reused (bench/lib/sites.mjs): one timed in an
  // earlier run is marked so. Below 10 ms a rate means nothing.
  const when = (b) => (b.reused ? ` (timed in an earlier run${b.measuredAt ? `, ${b.measuredAt.slice(0, 10)}` : ""})` : "");
  const rate = (b) => (b.wallS >= 0.01 ? Math.round(entry.articles / b.wallS) : "n/a");
  const add = (label, b, note) =>
    rows.push(b ? `| ${label} | ${b.wallS.toFixed(2)}${when(b)} | ${rate(b)} | ${b.maxRssMB ? b.maxRssMB.toFixed(0) : "n/a"} |` : `| ${label} | n/a${note ? `: ${note}` : ""} | | |`);
  add("ours: `topic-cards index` (native)", entry.build, entry.note);
  for (const name of ["pagefind", "minisearch", "flexsearch", "fuse"]) {
    const c = entry.contenders[name];
    if (!c) continue;
    const label = name === "pagefind" ? "Pagefind CLI (native, HTML pages in)" : `${NAMES[name]} index in Node (prebuild)`;
    add(label, c.build, c.ok ? null : c.reason);
  }
  return rows.join("\n");
}

/** Contender `name`'s cold loads of corpus `c`, as measured (none when it did not run). */
const samplesOf = (c, name) => c.contenders?.[name]?.samples ?? [];

/** Each cold load's value of `field` for contender `name` of corpus `c` (loads without it left out). */
const loadsOf = (c, name, field) => samplesOf(c, name).map((s) => s[field]).filter((v) => typeof v === "number" && Number.isFinite(v));

/** The median of `values` (null when none). */
const medianOf = (values) => summary(values)?.median ?? null;

/**
 * The bootstrap interval of a budget's figure (stats.mjs `bootstrapInterval`), worded for its
 * row: whether the budget's `line` falls inside it, in which case the verdict is this run's
 * and another run of the same size may well give the other one. `unit`: "x" for a ratio,
 * " ms" for a time.
 */
function intervalNote(interval, line, { what = "", unit = "x" } = {}) {
  if (!interval) return "";
  const figure = (v) => (unit === "x" ? v.toFixed(2) : ms(v));
  const range = `${figure(interval.low)}-${figure(interval.high)}${unit}`;
  const inside = interval.low <= line && line <= interval.high;
  return `; 90% bootstrap interval over the loads${what} ${range}${inside ? `, which holds the ${line}${unit} line: a rerun may well give the other verdict` : `, clear of the ${line}${unit} line`}`;
}

/** The first-cards ratio of contender `name` to a floor page (`floor` or `floor-cards`), with its interval. */
function firstCardsAgainstFloor(c, name, need, floorName = "floor") {
  const ours = need(c.sums[name]?.firstCards?.median, `${name}: first cards`);
  const floor = need(c.sums[floorName]?.firstCards?.median, `${floorName}: first cards`);
  const interval = bootstrapInterval([loadsOf(c, name, "firstCardsMs"), loadsOf(c, floorName, "firstCardsMs")], (a, b) => medianOf(a) / medianOf(b));
  const which = floorName === "floor" ? "" : " (the floor drawing ours' cards)";
  return { pass: ours <= 1.3 * floor, detail: `${ms(ours)} ms = ${(ours / floor).toFixed(2)}x the floor's ${ms(floor)} ms${which}${intervalNote(interval, 1.3)}` };
}

/** Contender `name`'s cold loads of corpus `c` that ran the query set. */
const queryLoads = (c, name) => samplesOf(c, name).filter((s) => s.queries);

/** The "to painted" samples in `loads` of query `q`, or of every query when `q` is absent. */
const paintsOf = (loads, q) => loads.flatMap((s) => (q === undefined ? Object.values(s.queries).flat() : (s.queries[q] ?? [])).map((r) => r.paintMs));

/** The sum over `queries` of the medians of their "to painted" samples in `loads`. */
function paintSum(loads, queries) {
  let sum = 0;
  for (const q of queries) sum += medianOf(paintsOf(loads, q)) ?? NaN;
  return sum;
}

/**
 * Ours' warm queries against a FlexSearch page (`flexsearch`, or `flexsearch-cards`, which
 * draws ours' cards): the sums of the six queries' "to painted" medians, with the interval
 * of their ratio.
 */
function warmAgainst(c, name, need) {
  const theirs = c.sums[name];
  const who = NAMES[name];
  let ours = 0;
  let flex = 0;
  // Also summed apart: the queries where FlexSearch found articles. Where it found none (it
  // has no typo tolerance: the misspelled query) it drew an empty list, not 12 cards.
  let oursFound = 0;
  let flexFound = 0;
  for (const q of QUERY_ORDER) {
    const mine = need(c.sums.ours?.queries[q]?.paint?.median, `ours' ${q}`);
    const their = need(theirs?.queries[q]?.paint?.median, `${name}: ${q}`);
    ours += mine;
    flex += their;
    if (theirs.queries[q].hits?.median > 0) {
      oursFound += mine;
      flexFound += their;
    }
  }
  const found = flexFound === flex ? "" : `; on the queries where FlexSearch found articles: ours ${ms(oursFound)} ms, ${who} ${ms(flexFound)} ms`;
  const interval = bootstrapInterval([queryLoads(c, "ours"), queryLoads(c, name)], (a, b) => paintSum(a, QUERY_ORDER) / paintSum(b, QUERY_ORDER));
  const note = intervalNote(interval, 1, { what: " (ours' sum / theirs)" });
  return { pass: ours <= flex, detail: `sum of the six query medians: ours ${ms(ours)} ms, ${who} ${ms(flex)} ms = ${(ours / flex).toFixed(2)}x${note}${found}` };
}

/** Budget checks; each { name, verdict: PASS|FAIL|n/a, detail }. */
function budgets(results) {
  const corpora = results.corpora.filter((c) => c.sums);
  const synth = corpora.filter((c) => c.name.startsWith("synth-")).sort((a, b) => a.articles - b.articles);
  /** The corpus a budget is for, or the nearest generated one run (said in the detail). */
  const at = (want) => {
    const exact = corpora.find((c) => c.name === want);
    if (exact) return { c: exact, where: "" };
    const target = Number(want.replace("synth-", "").replace("k", "000"));
    const near = [...synth].sort((a, b) => Math.abs(a.articles - target) - Math.abs(b.articles - target))[0];
    return near ? { c: near, where: ` (measured at ${near.name}; the budget is for ${want})`, other: near.name } : null;
  };
  const out = [];
  const check = (name, want, fn) => {
    const where = at(want);
    if (!where) return out.push({ name, verdict: "n/a", detail: `${want} not run` });
    try {
      const { pass, detail } = fn(where.c);
      const verdict = pass == null ? "n/a" : pass ? "PASS" : "FAIL";
      // No verdict from another size than the budget's: the figure is shown, said as such.
      out.push({ name, verdict: where.other ? "n/a" : verdict, detail: detail + where.where });
    } catch (error) {
      out.push({ name, verdict: "n/a", detail: String(error.message) + where.where });
    }
  };
  const need = (v, what) => {
    if (v == null) throw new Error(`${what} not measured`);
    return v;
  };
  check("bytes before first cards <= 0.33x Pagefind's, in <= 3 requests", "synth-10k", (c) => {
    const ours = need(c.sums.ours?.gzip?.median, "ours' bytes");
    const pf = need(c.sums.pagefind?.gzip?.median, "Pagefind's bytes");
    const req = need(c.sums.ours.requests?.median, "requests");
    return { pass: ours <= 0.33 * pf && req <= 3, detail: `${kb(ours)} gzip = ${(ours / pf).toFixed(2)}x Pagefind's ${kb(pf)}; ${req} requests` };
  });
  check("time to first cards <= 1.3x the floor page's", "synth-10k", (c) => firstCardsAgainstFloor(c, "ours", need));
  // The same line for the page that carries its first view as HTML (js/prerender.js): a way in
  // for sites that can put the tool's output into their pages, measured on its own row.
  check("time to first cards <= 1.3x the floor page's, first view in the page's HTML", "synth-10k", (c) => firstCardsAgainstFloor(c, "ours-html", need));
  check("time to first cards <= 1.3x the floor page's, both drawing ours' cards", "synth-10k", (c) => firstCardsAgainstFloor(c, "ours", need, "floor-cards"));
  check("warm query + facet counts + paint no slower than FlexSearch's engine + paint", "synth-10k", (c) => warmAgainst(c, "flexsearch", need));
  check("warm query + facet counts + paint no slower than FlexSearch's engine + paint, both drawing ours' cards", "synth-10k", (c) => warmAgainst(c, "flexsearch-cards", need));
  check("query p95 <= 16 ms at 100k", "synth-100k", (c) => {
    const p95 = need(c.sums.ours?.allPaint?.p95, "ours' query times");
    // Drawn with the loads as the unit, as the ratios are: the same p95 over another run's loads.
    const interval = bootstrapInterval([queryLoads(c, "ours")], (drawn) => summary(paintsOf(drawn))?.p95 ?? null);
    // The engine's own p95 beside it: it tells a slow search from a slow render.
    const engine = c.sums.ours?.allEngine?.p95;
    const engineNote = engine == null ? "" : `; of each step, the engine (query and facet counts, the widget's own measure) took ${ms(engine)} ms at the p95`;
    return { pass: p95 <= 16, detail: `p95 of all keystroke-to-painted samples: ${ms(p95)} ms${intervalNote(interval, 16, { unit: " ms" })}${engineNote}` };
  });
  check("JS heap + Wasm memory <= 20 MB", "synth-10k", (c) => {
    const m = need(c.sums.ours?.memQueries?.median ?? c.sums.ours?.memLoad?.median, "ours' memory");
    return { pass: m <= 20, detail: `${mb(m)} MB after load and the query set` };
  });
  check("native index build of 100k articles <= 10 s in <= 2 GB RSS", "synth-100k", (c) => {
    const b = need(c.build, "the build");
    return { pass: b.wallS <= 10 && (b.maxRssMB ?? 0) <= 2048, detail: `${b.wallS.toFixed(2)} s, ${b.maxRssMB?.toFixed(0) ?? "n/a"} MB RSS for ${c.articles} articles` };
  });
  const code = results.widget.code;
  out.push(
    code
      ? { name: "widget JS + Wasm + CSS <= 80 KB gzip (no index)", verdict: code.gzip <= 80 * 1024 ? "PASS" : "FAIL", detail: `${(code.gzip / 1024).toFixed(1)} KiB (${code.gzip.toLocaleString("en-US")} bytes) gzip -9, against 80 KiB (81,920 bytes); 80,000 bytes read as decimal kB ${code.gzip <= 80000 ? "passes too" : "it would fail"} (pkg/core_bg.wasm + core.js + api.js + controller.js + index.js)` }
      : { name: "widget JS + Wasm + CSS <= 80 KB gzip (no index)", verdict: "n/a", detail: "a part of the npm package's code is missing" },
  );
  return out;
}

export function report(results) {
  const m = results.machine;
  const cfg = results.config;
  const lines = [
    "# topic-cards benchmark results",
    "",
    `Measured ${m.date} by \`scripts/bench.sh${cfg.smoke ? " --smoke" : ""}\` (sizes ${cfg.sizes.join(",") || "none"}; corpora ${cfg.corpora.join(",") || "none"}; ${cfg.runs} cold loads per contender, ${cfg.reps} measured query passes per load after one warm-up pass${cfg.throttle ? `; network throttled to ${cfg.throttle.mbps} Mbit/s, ${cfg.throttle.latencyMs} ms` : "; loopback network, not throttled"}).`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB.toFixed(0)} GB, ${m.os}. Chromium ${m.chromium}, Node ${m.node}. ` +
      `Ours: topic-cards ${m.ours}${cfg.widget ? ` (widget file ${cfg.widget}, not pkg/topic-cards.js)` : ""}${cfg.cli ? ` (indexer ${cfg.cli})` : ""}. Pagefind ${m.libraries.pagefind}, MiniSearch ${m.libraries.minisearch}, FlexSearch ${m.libraries.flexsearch}, Fuse.js ${m.libraries["fuse.js"]}.`,
    "",
    "Machines here are noisy (about +-40% run to run): read the ratios, which were measured side by side in this run, not the absolute numbers. Each cell is median / p95 (nearest rank: with fewer than 20 samples, as the loads have, the p95 is the slowest sample); `(Nx)` is the contender's figure divided by ours; `[N]` is the number of hits. How each figure is taken: bench/README.md.",
    "",
  ];
  const waits = results.corpora.flatMap((entry) => Object.values(entry.contenders ?? {}).flatMap((c) => (c.samples ?? []).map((s) => s.quiet).filter(Boolean)));
  if (waits.length) {
    const waited = summary(waits.map((w) => w.waitedMs));
    const capped = waits.filter((w) => w.quiet === false).length;
    lines.push(
      `Each cold load began once the machine was quiet (${QUIET_RULE} after the one before): ` +
        `waited ${waited.median.toFixed(0)} ms median, ${waited.p95.toFixed(0)} p95; ${capped} of ${waits.length} loads began at that limit instead.`,
      "",
    );
  }
  if (results.stoppedEarly) lines.push(`**Stopped early:** ${results.stoppedEarly}.`, "");
  const w = results.widget;
  lines.push(
    `Our widget: code (the npm package's pkg/core_bg.wasm + core.js + api.js + controller.js + index.js) ${w.code ? `${kb(w.code.raw)} raw, ${kb(w.code.gzip)} gzip, ${kb(w.code.brotli)} brotli` : "n/a (not built)"}; script tag: loader pkg/topic-cards.js (with the default index's first view) ${w.loader ? `${kb(w.loader.raw)} raw, ${kb(w.loader.gzip)} gzip` : "n/a"}, then pkg/topic-cards-core.js (Wasm and default index inside) ${w.scriptCore ? `${kb(w.scriptCore.raw)} raw, ${kb(w.scriptCore.gzip)} gzip` : "n/a"}.`,
    "",
  );

  for (const entry of results.corpora) {
    lines.push(`## ${entry.name}${entry.articles ? ` (${entry.articles.toLocaleString("en")} articles)` : ""}`, "");
    if (entry.skipped) {
      lines.push(`Not run: ${entry.skipped}.`, "");
      continue;
    }
    const names = Object.keys(entry.contenders);
    entry.sums = Object.fromEntries(names.map((n) => [n, summarise(entry.contenders[n])]));
    lines.push(`Index ${kb(entry.indexBytes)} raw. Facet queries select the topic \`${entry.topic}\` (the most used).${entry.note ? ` ${entry.note}.` : ""}`, "");
    lines.push("### Load: until the first cards are painted", "", loadTable(entry, entry.sums, names), "");
    lines.push("### Warm queries: keystroke / click to painted, ms (median / p95)", "", "Engine + facet counts + render 12 cards + next frame. Ours: from the input event in its search box (or the click on its topic checkbox) to the frame after its shadow DOM stopped changing.", "", queryTable(entry.sums, names, "paint", "to painted"), "");
    lines.push("### Warm queries: engine + facet counts only, ms (median / p95)", "", "Ours: n/a unless the widget publishes `performance.measure` entries named for its query or search.", "", queryTable(entry.sums, names, "engine", "engine"), "");
    lines.push("### Index build", "", buildTable(entry), "");
    const problems = names.flatMap((n) => entry.sums[n].errors.map((e) => `- ${NAMES[n]}: ${e}`));
    if (problems.length) lines.push("Problems seen:", "", ...problems, "");
  }

  results.budgets = budgets(results);
  lines.push("## Budgets (issue 4)", "", "| budget | verdict | measured |", "|---|---|---|");
  for (const b of results.budgets) lines.push(`| ${b.name} | **${b.verdict}** | ${b.detail} |`);
  lines.push("");
  return { markdown: lines.join("\n") };
}
