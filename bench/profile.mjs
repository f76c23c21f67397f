// Where ours spends a warm query: a Chromium performance trace of the bench's query set on
// the bench's own page, summed by kind of work (script in Wasm / JS glue / DOM calls, style
// recalc, layout, paint, loading, GC, idle). Each query step is timed exactly as the bench
// times it (bench/lib/inpage.mjs `oursStep`), between two `performance.mark`s that bound the
// trace window, and several builds of the widget take turns query by query in one trace.
// Each --css adds a run of the first widget with those rules appended to its
// shadow root's styles (what-if experiments: `--css ".tc{container-type:normal}"`).
//
//   node bench/profile.mjs [--corpus synth-10k] [--widget FILE]... [--reps 5] [--trace DIR]
//                          [--css RULES]... [--contender flexsearch]... [--invalidations]
//
// Each --contender adds that contender's bench page (bench/out/<corpus>/site/<name>/, made by
// a bench run) to the same trace, driven as the bench drives it (`window.__bench.run`), so
// ours and, say, FlexSearch's plain-JS renderer are profiled side by side on one machine
// state. --invalidations records Blink's style invalidation tracking too and prints, per
// build, what invalidated style (reason, node), which shows which nodes a query dirties.
//
// The corpus page must exist: `scripts/bench.sh --sizes 10k --contenders ours --runs 1
// --reps 1` makes bench/out/synth-10k/. Each --widget (default pkg/topic-cards.js) is
// served from bench/out/profile/<n>/ beside a link to that corpus's index.json. --trace DIR
// keeps the raw trace (DevTools' Performance panel opens it) and each page's CPU profile.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { benchQueries } from "./lib/docs.mjs";
import { oursStep, watchOurWidget } from "./lib/inpage.mjs";
import { launch, oursQuery } from "./lib/measure.mjs";
import { serve } from "./lib/server.mjs";
import { ROOT, stageBuild } from "./lib/sites.mjs";
import { summary } from "./lib/stats.mjs";

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string", default: "synth-10k" },
    widget: { type: "string", multiple: true, default: [] },
    reps: { type: "string", default: "5" },
    trace: { type: "string" },
    css: { type: "string", multiple: true, default: [] },
    contender: { type: "string", multiple: true, default: [] },
    invalidations: { type: "boolean", default: false },
  },
});
const OUT = join(ROOT, "bench", "out");
const corpusDir = join(OUT, args.corpus);
const indexFile = join(corpusDir, "index.json");
if (!existsSync(indexFile)) {
  console.error(`profile: ${indexFile} is missing; run scripts/bench.sh --sizes 10k --contenders ours --runs 1 --reps 1 first`);
  process.exit(2);
}
const widgets = (args.widget.length ? args.widget : [join(ROOT, "pkg/topic-cards.js")]).map((w) => resolve(w));
const reps = Number(args.reps);

// The bench's six queries for this corpus (bench/run.mjs).
const index = JSON.parse(readFileSync(indexFile, "utf8"));
const QUERIES = benchQueries(index);

// One page per widget: the bench's own page for ours, with this widget's script beside it.
const sites = widgets.map((file, n) => {
  stageBuild(corpusDir, file, join(OUT, "profile", String(n)));
  return { n, file, label: `${n}: ${file.replace(`${ROOT}/`, "")}`, path: `/profile/${n}/` };
});
for (const css of args.css) sites.push({ ...sites[0], n: sites.length, label: `${sites.length}: ${sites[0].label.replace(/^\d+: /, "")} + css ${css}`, css });
for (const name of args.contender) {
  if (!existsSync(join(corpusDir, "site", name, "index.html"))) {
    console.error(`profile: no ${name} page in ${corpusDir}/site; run scripts/bench.sh --sizes 10k --contenders ${name} --runs 1 --reps 1 first`);
    process.exit(2);
  }
  sites.push({ n: sites.length, label: `${sites.length}: ${name} (bench page)`, path: `/${args.corpus}/site/${name}/`, renderer: true });
}

/** A renderer page's query, as bench/lib/measure.mjs runs it, between trace marks. */
const rendererStep = (page, spec, name) =>
  page.evaluate(
    async ([s, name]) => {
      if (name) performance.mark(`tcprof:start:${name}`);
      const r = await window.__bench.run(s);
      if (name) performance.mark(`tcprof:end:${name}`);
      return { paintMs: r.paintMs, total: r.total };
    },
    [{ q: spec.q || "", topic: spec.topic ? spec.topic.name : null }, name],
  );

// What the trace's events are, by name (DevTools' own grouping, roughly).
const KIND = new Map(
  Object.entries({
    script: ["FunctionCall", "EvaluateScript", "v8.compile", "v8.compileModule", "v8.run", "V8.Execute", "EventDispatch", "TimerFire", "FireAnimationFrame", "RunMicrotasks", "v8.callFunction", "FireIdleCallback", "V8.CompileCode", "V8.DeoptimizeCode", "v8.produceCache", "RunMicrotasksFromTask", "MutationObserver"],
    gc: ["MajorGC", "MinorGC", "V8.GC_SCAVENGER", "V8.GCScavenger", "V8.GCIncrementalMarking", "V8.GCFinalizeMC", "V8.GCCompactor", "BlinkGC.AtomicPhase", "BlinkGC.IncrementalMarkingStep", "BlinkGC.CompleteSweep", "BlinkGC.LazySweepInIdle", "CppGC.IncrementalSweep", "V8.GC_MC_BACKGROUND_MARKING"],
    style: ["UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "StyleInvalidatorInvalidationTracking"],
    layout: ["Layout", "HitTest", "UpdateLayerTree", "LayoutShift", "IntersectionObserverController::computeIntersections"],
    paint: ["Paint", "PaintImage", "PrePaint", "Layerize", "CompositeLayers", "Commit", "Decode Image", "Draw LazyPixelRef", "PaintSetup", "UpdateLayer", "ScrollLayer", "Animation"],
    loading: ["ResourceSendRequest", "ResourceReceiveResponse", "ResourceFinish", "ResourceReceivedData", "ParseHTML", "ResourceChangePriority", "WillSendRequest"],
  }).flatMap(([kind, names]) => names.map((name) => [name, kind])),
);
const kindOf = (name) => KIND.get(name) ?? "other";

/** Self time (µs) of every complete event on one thread, nested by time. */
function selfTimes(events) {
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.ph === "X") spans.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur || 0), tdur: e.tdur, args: e.args });
    else if (e.ph === "B") open.push(e);
    else if (e.ph === "E") {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts, tdur: b.tts != null && e.tts != null ? e.tts - b.tts : undefined, args: { ...b.args, ...e.args } });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const stack = [];
  for (const s of spans) {
    s.self = s.end - s.ts;
    // CPU time (thread clock) where the event has it: on a busy machine wall time also
    // counts the time the thread waited for a core.
    s.cpu = s.tdur ?? s.end - s.ts;
    while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.self -= Math.min(s.end, parent.end) - s.ts;
      parent.cpu -= s.tdur ?? Math.min(s.end, parent.end) - s.ts;
      s.parent = parent;
    }
    stack.push(s);
  }
  return spans;
}

/** One widget's trace: windows between its `tcprof:<edge>:<site>:<query>:<rep>` marks, summed by kind. */
function analyse(trace, profile, site) {
  const events = trace.traceEvents;
  const threads = new Map(); // "pid:tid" -> name
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const marks = events.filter((e) => e.cat?.includes("blink.user_timing") && String(e.name).startsWith(`tcprof:`) && e.name.split(":")[2] === String(site));
  if (!marks.length) throw new Error("no tcprof marks in the trace");
  const { pid, tid } = marks[0];
  const main = selfTimes(events.filter((e) => e.pid === pid && e.tid === tid && e.ph !== "M"));
  const others = events.filter((e) => e.pid === pid && e.tid !== tid && e.ph === "X");
  // The widget's own measures (tc-query: the engine; tc-render: JSON.parse + the JS painter).
  const measures = [];
  const opened = new Map();
  for (const e of events) {
    if (e.pid !== pid || !e.cat?.includes("blink.user_timing") || !/^tc-/.test(String(e.name))) continue;
    if (e.ph === "b") opened.set(`${e.name}:${e.id ?? e.id2?.local}`, e.ts);
    else if (e.ph === "e") {
      const key = `${e.name}:${e.id ?? e.id2?.local}`;
      if (opened.has(key)) measures.push({ name: e.name, ts: opened.get(key), dur: e.ts - opened.get(key) });
      opened.delete(key);
    }
  }
  // Invalidation tracking (--invalidations): instant events naming the node and the reason.
  const tracking = events.filter((e) => e.pid === pid && e.tid === tid && /InvalidationTracking$/.test(e.name) && e.ph !== "X");
  const windows = [];
  const starts = new Map();
  for (const m of marks.sort((a, b) => a.ts - b.ts)) {
    const [, edge, , query, rep] = m.name.split(":");
    if (edge === "start") starts.set(`${query}:${rep}`, m.ts);
    else if (starts.has(`${query}:${rep}`)) windows.push({ query, rep, start: starts.get(`${query}:${rep}`), end: m.ts });
  }
  // The sampled CPU profile: each sample's top frame says Wasm, our JS glue, or a native call.
  const samples = [];
  if (profile) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    let t = profile.startTime;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i];
      const f = nodes.get(id).callFrame;
      let kind;
      if (f.url.startsWith("wasm://")) kind = "wasm";
      else if (f.functionName === "(idle)" || f.functionName === "(program)") kind = null;
      else if (f.functionName === "(garbage collector)") kind = "gc";
      else if (f.url === "" && f.functionName) kind = "native";
      else if (/topic-cards\.js/.test(f.url)) kind = "glue";
      else kind = "page JS";
      if (kind) samples.push({ t, kind, fn: f.functionName || "(anonymous)" });
    });
  }
  const interval = profile ? (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length) / 1000 : 0;
  const per = [];
  for (const w of windows) {
    const sum = { wall: (w.end - w.start) / 1000, busy: 0, cpuTime: 0, kinds: {}, names: {}, threads: {}, cpu: {}, cpuFns: {}, style: { calls: 0, elements: 0 }, layout: { calls: 0, objects: 0, total: 0 }, paints: 0, errors: 0, inval: {}, measures: {} };
    for (const m of measures) if (m.ts >= w.start && m.ts < w.end) sum.measures[m.name] = (sum.measures[m.name] || 0) + m.dur / 1000;
    for (const e of tracking) {
      if (e.ts < w.start || e.ts >= w.end) continue;
      const d = e.args?.data ?? {};
      const what = [d.reason, d.invalidatedSelectorId, d.changedAttribute && `attr ${d.changedAttribute}`, d.changedClass && `class ${d.changedClass}`, d.changedPseudo && `pseudo ${d.changedPseudo}`, d.changedId && `id ${d.changedId}`].filter(Boolean).join(" ");
      const node = String(d.nodeName ?? "").replace(/ id='[^']*'/, "").slice(0, 60);
      const key = `${e.name.replace("InvalidationTracking", "")}: ${what || "-"} @ ${node}`;
      sum.inval[key] = (sum.inval[key] || 0) + 1;
    }
    for (const s of main) {
      if (s.ts < w.start || s.ts >= w.end) continue;
      const ms = Math.max(0, s.cpu) / 1000;
      const kind = kindOf(s.name);
      sum.kinds[kind] = (sum.kinds[kind] || 0) + ms;
      sum.names[s.name] = (sum.names[s.name] || 0) + ms;
      if (!s.parent || s.parent.ts < w.start) {
        sum.busy += (s.end - s.ts) / 1000;
        sum.cpuTime += (s.tdur ?? s.end - s.ts) / 1000;
      }
      if (s.name === "UpdateLayoutTree") {
        sum.style.calls++;
        sum.style.elements += s.args?.elementCount ?? 0;
      }
      if (s.name === "Layout") {
        sum.layout.calls++;
        sum.layout.objects += s.args?.beginData?.dirtyObjects ?? 0;
        sum.layout.total = Math.max(sum.layout.total, s.args?.beginData?.totalObjects ?? 0);
      }
      if (s.name === "Paint") sum.paints++;
      if (s.name === "EventDispatch" && s.args?.data?.type === "error") sum.errors++;
    }
    for (const e of others) {
      if (e.ts < w.start || e.ts >= w.end) continue;
      const name = (threads.get(`${e.pid}:${e.tid}`) || "?").replace(/\d+$/, "");
      if (/Raster|Decode|Paint|Draw|Tile/.test(e.name)) sum.threads[name] = (sum.threads[name] || 0) + (e.dur || 0) / 1000;
    }
    for (const s of samples) {
      if (s.t < w.start || s.t >= w.end) continue;
      sum.cpu[s.kind] = (sum.cpu[s.kind] || 0) + interval;
      if (s.kind === "native") sum.cpuFns[s.fn] = (sum.cpuFns[s.fn] || 0) + interval;
    }
    per.push({ ...w, sum });
  }
  return per;
}

const fmt = (x) => (x == null ? "-" : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function table(site, per, walls, mutations) {
  const lines = [`\n## ${site.label}`, ""];
  const queries = QUERIES.map((q) => q.name);
  const kinds = ["script", "style", "layout", "paint", "gc", "loading", "other"];
  const cpuKinds = ["wasm", "glue", "native", "page JS", "gc"];
  const med = (query, pick) => summary(per.filter((w) => w.query === query).map((w) => pick(w.sum) ?? 0)).median;
  lines.push(`| ms (median of ${reps}) | ${queries.join(" | ")} | sum |`);
  lines.push(`|---|${queries.map(() => "---").join("|")}|---|`);
  const row = (label, pick) => {
    const values = queries.map((q) => med(q, pick));
    lines.push(`| ${label} | ${values.map(fmt).join(" | ")} | ${fmt(values.reduce((a, b) => a + b, 0))} |`);
  };
  lines.push(`| to painted (bench) | ${queries.map((q) => fmt(summary(walls[q] || []).median)).join(" | ")} | ${fmt(queries.reduce((a, q) => a + (summary(walls[q] || []).median || 0), 0))} |`);
  row("trace window", (s) => s.wall);
  row("  tc-query measure (engine)", (s) => s.measures["tc-query"]);
  row("  tc-render measure (parse + painter)", (s) => s.measures["tc-render"]);
  row("main thread busy", (s) => s.busy);
  row("  of it on CPU (thread time)", (s) => s.cpuTime);
  for (const k of kinds) row(`  ${k} (self, CPU)`, (s) => s.kinds[k]);
  for (const k of cpuKinds) row(`  sampled JS: ${k}`, (s) => s.cpu[k]);
  row("style recalcs (count)", (s) => s.style.calls);
  row("  elements restyled", (s) => s.style.elements);
  row("layouts (count)", (s) => s.layout.calls);
  row("  dirty layout objects", (s) => s.layout.objects);
  row("  layout objects in the tree", (s) => s.layout.total);
  row("paint events (count)", (s) => s.paints);
  row("error events (broken images)", (s) => s.errors);
  for (const type of ["childList", "attributes", "characterData"]) {
    const values = queries.map((q) => mutations[q]?.[type] ?? 0);
    lines.push(`| mutation records: ${type} | ${values.join(" | ")} | ${values.reduce((a, b) => a + b, 0)} |`);
  }
  const threadNames = [...new Set(per.flatMap((w) => Object.keys(w.sum.threads)))];
  for (const t of threadNames) row(`off the main thread: ${t} raster/decode`, (s) => s.threads[t]);
  // The biggest names, for what the kinds above hide.
  const names = {};
  const fns = {};
  for (const w of per) {
    for (const [n, ms] of Object.entries(w.sum.names)) names[n] = (names[n] || 0) + ms / reps;
    for (const [n, ms] of Object.entries(w.sum.cpuFns)) fns[n] = (fns[n] || 0) + ms / reps;
  }
  const top = (o) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([n, ms]) => `${n} ${fmt(ms)}`)
      .join(", ");
  lines.push("", `Top trace events by self CPU time, ms per pass over the six queries: ${top(names)}`);
  if (Object.keys(fns).length) lines.push("", `Top native (DOM) calls in the sampled profile, ms per pass: ${top(fns)}`);
  const inval = {};
  for (const w of per) for (const [n, c] of Object.entries(w.sum.inval)) inval[n] = (inval[n] || 0) + c / reps;
  if (Object.keys(inval).length) {
    lines.push("", "Invalidation tracking, events per pass over the six queries (kind: reason @ node):", "");
    for (const [n, c] of Object.entries(inval).sort((a, b) => b[1] - a[1]).slice(0, 40)) lines.push(`- ${fmt(c)} ${n}`);
  }
  return lines.join("\n");
}

const LEGEND = `
Reading the tables: "to painted" is what the bench records; "trace window" is the same step
between two marks; "main thread busy" sums the renderer main thread's top-level tasks in it
(wall time) and "on CPU" their thread time, which a loaded machine inflates far less. The
kinds are self CPU time by trace event name. "layout" also holds the style recalc of the
widget's own elements: its root is a size container (container queries), and Chromium
styles a container's descendants during its layout. "sampled JS" is a 50 µs CPU profile of
the same steps by top frame: our Wasm, our JS glue (topic-cards.js), native calls (DOM,
TextDecoder, performance.*; the bench's own driver and marks are in there too).
Mutation records are counted in a pass of their own, untraced.`;

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "blink.user_timing",
  "loading",
  "v8.execute",
  "toplevel",
  ...(args.invalidations ? ["disabled-by-default-devtools.timeline.invalidationTracking"] : []),
];

const { url: baseUrl, close } = await serve(OUT);
const browser = await launch();
const out = [`# Warm-query profile: ${args.corpus}, ${reps} passes over the six queries, Chromium ${browser.version()}`];
try {
  // Load every widget's page, each in its own context, and warm it up.
  const pages = [];
  for (const site of sites) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(watchOurWidget);
    await page.goto(baseUrl + site.path);
    await page.waitForFunction(() => window.__firstCards != null || window.__benchError, null, { timeout: 120000, polling: 50 });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(`${site.label}: ${error}`);
    if (site.renderer) {
      for (const spec of QUERIES) await rendererStep(page, spec);
      pages.push({ site, page, context, walls: {}, cdp: await context.newCDPSession(page) });
      continue;
    }
    // The full index: a query's count is exact only once it has loaded.
    await page.waitForFunction(() => !window.__tcRoot.querySelector(".tc[data-pending]"), null, { timeout: 120000, polling: 50 });
    if (site.css) {
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        window.__tcRoot.adoptedStyleSheets = [...window.__tcRoot.adoptedStyleSheets, sheet];
      }, site.css);
    }
    for (const spec of QUERIES) await oursQuery(page, spec);
    pages.push({ site, page, context, walls: {}, cdp: await context.newCDPSession(page) });
  }
  // One browser-wide trace; the widgets take turns query by query (in a rotating order), so
  // the machine's noise falls on them alike. Each page is its own renderer process: its marks say which.
  await browser.startTracing(undefined, { categories: CATEGORIES });
  for (const p of pages) {
    await p.cdp.send("Profiler.enable");
    await p.cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await p.cdp.send("Profiler.start");
  }
  let turn = 0;
  for (let rep = 0; rep < reps; rep++) {
    for (const spec of QUERIES) {
      // Whoever goes first after a switch of renderer pays for cold caches: rotate.
      const order = pages.map((_, i) => pages[(i + turn) % pages.length]);
      turn++;
      for (const p of order) {
        const name = `${p.site.n}:${spec.name}:${rep}`;
        if (p.site.renderer) {
          const result = await rendererStep(p.page, spec, name);
          (p.walls[spec.name] ??= []).push(result.paintMs);
          continue;
        }
        const result = await oursQuery(p.page, spec, (page, step) =>
          page.evaluate(
            async ([step, source, name]) => {
              const run = new Function(`return (${source})`)();
              performance.mark(`tcprof:start:${name}`);
              const r = await run(step);
              performance.mark(`tcprof:end:${name}`);
              return r;
            },
            [step, oursStep.toString(), name],
          ),
        );
        if (result.error) throw new Error(`${p.site.label} ${spec.name}: ${result.error}`);
        (p.walls[spec.name] ??= []).push(result.paintMs);
      }
    }
  }
  for (const p of pages) p.profile = (await p.cdp.send("Profiler.stop")).profile;
  const buffer = await browser.stopTracing();
  const trace = JSON.parse(buffer.toString("utf8"));
  if (args.trace) {
    mkdirSync(args.trace, { recursive: true });
    writeFileSync(join(args.trace, "trace.json"), buffer);
    for (const p of pages) writeFileSync(join(args.trace, `profile-${p.site.n}.cpuprofile`), JSON.stringify(p.profile));
  }
  for (const p of pages) {
    // Untraced: how many mutation records each step makes (what a MutationObserver, the
    // bench's included, is handed).
    p.mutations = {};
    if (p.site.renderer) {
      for (const spec of QUERIES) {
        await p.page.evaluate(() => {
          window.__tcRecords = { childList: 0, attributes: 0, characterData: 0 };
          window.__tcCount = new MutationObserver((list) => list.forEach((r) => window.__tcRecords[r.type]++));
          window.__tcCount.observe(document.getElementById("app"), { childList: true, subtree: true, characterData: true, attributes: true });
        });
        await rendererStep(p.page, spec);
        p.mutations[spec.name] = await p.page.evaluate(() => {
          window.__tcCount.disconnect();
          return window.__tcRecords;
        });
      }
    }
    for (const spec of p.site.renderer ? [] : QUERIES) {
      await oursQuery(p.page, spec, async (page, step) => {
        await page.evaluate(() => {
          window.__tcRecords = { childList: 0, attributes: 0, characterData: 0 };
          window.__tcCount = new MutationObserver((list) => list.forEach((r) => window.__tcRecords[r.type]++));
          window.__tcCount.observe(window.__tcRoot, { childList: true, subtree: true, characterData: true, attributes: true });
        });
        const r = await page.evaluate(oursStep, step);
        p.mutations[spec.name] = await page.evaluate(() => {
          window.__tcCount.disconnect();
          return window.__tcRecords;
        });
        return r;
      });
    }
    out.push(table(p.site, analyse(trace, p.profile, p.site.n), p.walls, p.mutations));
  }
} finally {
  await browser.close();
  await close();
}
console.log(out.join("\n"));
console.log(LEGEND);
