// Unit tests of the bench harness's pure parts: `node --test bench/test/`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { benchTopic, cardDocs, docsFromIndex, facetCounts, topicNames } from "../lib/docs.mjs";
import { pagefindArticle } from "../lib/sites.mjs";
import { bootstrapInterval, ratio, summary } from "../lib/stats.mjs";
import { parseSize } from "../lib/corpora.mjs";
import { loadPhases } from "../lib/load-phases.mjs";
import { restyle } from "../lib/restyle.mjs";
import { waitForQuietMachine } from "../lib/machine.mjs";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";

const INDEX = {
  format: "topic-cards-index",
  version: 1,
  groups: [{ label: "News" }, { label: "Blog" }],
  topics: [
    { group: 0, label: "AI", slug: "news-ai", count: 2 },
    { group: 1, label: "AI", slug: "blog-ai", count: 1 },
  ],
  types: [],
  brands: [{ name: "a.example", count: 2 }],
  offerings: [],
  articles: [
    { id: "1", title: "One", summary: "S, with comma", date: "2024-02-01", brand: 0, topics: [0, 1], text: "telehealth", image: { src: "a.jpg", width: 10, height: 5 } },
    { id: "2", title: "Two <b>", topics: [0], brand: 0 },
    { id: "3", title: "Three", topics: [9] },
  ],
};

test("records keep index order and name topics by group when groups differ", () => {
  assert.deepEqual(topicNames(INDEX), ["News: AI", "Blog: AI"]);
  const docs = docsFromIndex(INDEX);
  assert.equal(docs.length, 3);
  assert.deepEqual(docs.map((d) => d.id), [0, 1, 2]);
  assert.deepEqual(docs[0].topics, ["News: AI", "Blog: AI"]);
  assert.equal(docs[0].brand, "a.example");
  assert.deepEqual(docs[2].topics, [], "an out-of-range topic id is dropped, not a crash");
  assert.equal(docs[1].summary, "");
  assert.deepEqual(docs[0].image, { src: "a.jpg", alt: "", width: 10, height: 5 });
  assert.equal(docs[1].image, null);
});

test("facet counts and the bench topic", () => {
  const docs = docsFromIndex(INDEX);
  assert.deepEqual(facetCounts(docs).topics, [["News: AI", 2], ["Blog: AI", 1]]);
  assert.deepEqual(facetCounts(docs).brands, [["a.example", 2]]);
  assert.equal(benchTopic(docs), "News: AI");
});

test("same-cards records carry their type and offerings; the panel counts them, most named first", () => {
  const index = {
    ...INDEX,
    types: [{ name: "curated" }],
    offerings: [
      { label: "Chart Tool", url: "/offering/chart-tool", topics: [0, 1] },
      { label: "Bare", url: "/offering/bare" },
    ],
    articles: [
      { ...INDEX.articles[0], type: 0, offerings: [1, 0] },
      { ...INDEX.articles[1], offerings: [0, 7] },
      INDEX.articles[2],
    ],
  };
  const docs = cardDocs(index);
  assert.equal(docs[0].type, "curated");
  assert.equal(docs[1].type, "", "no type: none named");
  assert.deepEqual(docs[0].offers, [[1, "Bare", "/offering/bare", ""], [0, "Chart Tool", "/offering/chart-tool", "AI · AI"]]);
  assert.deepEqual(docs[1].offers.map((o) => o[0]), [0], "an out-of-range offering id is dropped");
  assert.equal(docs[0].text, "telehealth", "the search text stays for the engines");
  const counts = facetCounts(docs);
  assert.deepEqual(counts.types, [["curated", 1]]);
  assert.deepEqual(counts.offerings.map(([o, n]) => [o[0], n]), [[0, 2], [1, 1]]);
  assert.equal(facetCounts(docsFromIndex(index)).offerings, undefined, "plain records count no offerings");
});

test("Pagefind pages escape text and never use the comma-split inline form for values", () => {
  const [doc] = docsFromIndex({ ...INDEX, articles: [{ ...INDEX.articles[1], summary: 'a, "b" <i>' }] });
  const html = pagefindArticle(doc, "body & more");
  assert.match(html, /<h1 data-pagefind-meta="title">Two &lt;b&gt;<\/h1>/);
  assert.match(html, /<p data-pagefind-meta="summary">a, &quot;b&quot; &lt;i&gt;<\/p>/);
  assert.match(html, /body &amp; more/);
  assert.doesNotMatch(html, /data-pagefind-(meta|sort|filter)="\w+:/);
});

test("median and p95 by nearest rank; ratios need two numbers", () => {
  assert.deepEqual(summary([3, 1, 2]), { n: 3, median: 2, p95: 3, min: 1, max: 3 });
  assert.equal(summary([1, 2, 3, 4]).median, 2.5);
  assert.equal(summary(Array.from({ length: 100 }, (_, i) => i + 1)).p95, 95);
  assert.equal(summary([null, undefined, NaN]), null);
  assert.equal(ratio(2, 4), 0.5);
  assert.equal(ratio(2, null), null);
  assert.equal(ratio(2, 0), null);
});

test("the bootstrap interval of a figure over loads: seeded, around the figure, wide when the sides overlap", () => {
  const ratioOfMedians = (a, b) => summary(a).median / summary(b).median;
  // Fifteen loads a side, as the committed runs have: ours near 140 ms, the floor near 80.
  const spread = (centre, width) => Array.from({ length: 15 }, (_, i) => centre + width * Math.sin(i * 2.4));
  const ours = spread(140, 25);
  const floor = spread(80, 12);
  const apart = bootstrapInterval([ours, floor], ratioOfMedians);
  assert.deepEqual(bootstrapInterval([ours, floor], ratioOfMedians), apart, "the same seed, the same interval");
  assert.notDeepEqual(bootstrapInterval([ours, floor], ratioOfMedians, { seed: 7 }), apart, "the seed decides the draws");
  const figure = ratioOfMedians(ours, floor);
  assert.ok(apart.low < figure && figure < apart.high, `${figure} inside ${apart.low}-${apart.high}`);
  assert.ok(apart.low > 1.3, `the sides are far apart: ${apart.low}`);
  // One side against itself: the interval holds 1, and a wider level holds the narrower one.
  const same = bootstrapInterval([ours, ours], ratioOfMedians);
  assert.ok(same.low < 1 && same.high > 1, `${same.low}-${same.high}`);
  const wide = bootstrapInterval([ours, ours], ratioOfMedians, { level: 0.99 });
  assert.ok(wide.low <= same.low && wide.high >= same.high);
  // Every value equal: no spread at all.
  assert.deepEqual(bootstrapInterval([[2, 2, 2], [1, 1]], ratioOfMedians), { low: 2, high: 2 });
  assert.equal(bootstrapInterval([[], floor], ratioOfMedians), null);
  // One side: a figure of one contender's loads, such as a p95.
  const slowest = bootstrapInterval([ours], (a) => summary(a).max);
  assert.ok(slowest.high <= Math.max(...ours) && slowest.low >= Math.min(...ours));
  assert.equal(bootstrapInterval([ours, floor], () => NaN), null, "no usable value, no interval");
});

test("corpus sizes", () => {
  assert.equal(parseSize("1k"), 1000);
  assert.equal(parseSize("100K"), 100000);
  assert.equal(parseSize("2500"), 2500);
  assert.throws(() => parseSize("lots"));
});

test("load phases find the card frame, the requests and a harness script before the mark", () => {
  const page = "http://127.0.0.1:1/p/";
  const t0 = 1_000_000;
  const ms = (n) => t0 + n * 1000;
  const main = { pid: 1, tid: 2, ph: "X" };
  const task = (at, dur, tdur) => ({ ...main, name: "RunTask", ts: ms(at), dur: dur * 1000, tdur: tdur * 1000 });
  const within = (name, at, dur, tdur, args) => ({ ...main, name, ts: ms(at), dur: dur * 1000, tdur: tdur * 1000, args });
  const events = [
    { pid: 1, tid: 2, ph: "R", name: "navigationStart", ts: t0, args: { data: { isLoadingMainFrame: true, documentLoaderURL: page } } },
    { pid: 1, ph: "I", name: "ResourceSendRequest", ts: ms(1), args: { data: { requestId: "a", url: `${page}part.json?x=1` } } },
    { pid: 1, ph: "I", name: "ResourceFinish", ts: ms(20), args: { data: { requestId: "a" } } },
    task(10, 4, 3),
    within("EvaluateScript", 10.5, 3, 2.5, { data: { url: `${page}loader.js` } }),
    task(15, 2, 1.5),
    within("EvaluateScript", 15.1, 1.8, 1.4, {}),
    task(30, 20, 9),
    within("UpdateLayoutTree", 30.5, 0.4, 0.3),
    within("Layout", 31, 12, 6),
    within("Paint", 44, 3, 2),
    task(5, 1, 1), // nested in nothing, before the others: still a task
    task(52, 3, 1),
    within("TimerFire", 52.1, 2.8, 0.9),
    task(70, 1, 1), // after the mark
  ];
  const phases = loadPhases(events, page, 60);
  assert.deepEqual(phases.done, { "part.json": 20 });
  assert.deepEqual(phases.cardFrame, { start: 30, wall: 20, cpu: 9, stages: { UpdateLayoutTree: 0.3, Layout: 6, Paint: 2 } });
  assert.equal(phases.cpuBefore, 1 + 3 + 1.5);
  assert.equal(phases.scriptBefore, 2.5 + 1.4);
  assert.deepEqual(phases.between, ["timer 3.0/1.0"]);
  assert.equal(phases.foreign, 1);
  assert.equal(loadPhases(events, "http://elsewhere/", 60), null);
});

test("restyle changes only the loader's stylesheet, and refuses what it cannot do", () => {
  const loader = "let a=1;s.replaceSync(`.a{color:red}.b{margin:0}`);let b=`x`;";
  assert.equal(restyle(loader, { swaps: [["color:red", "color:blue"]], append: ".c{}" }), "let a=1;s.replaceSync(`.a{color:blue}.b{margin:0}.c{}`);let b=`x`;");
  assert.equal(restyle(loader, { sheet: ".z{}" }), "let a=1;s.replaceSync(`.z{}`);let b=`x`;");
  assert.throws(() => restyle(loader, { swaps: [["color:green", "x"]] }), /not in the stylesheet/);
  assert.throws(() => restyle(loader, { append: ".d{content:'${x}'}" }), /backquote/);
  assert.throws(() => restyle("no sheet here", {}), /no stylesheet/);
});

test("a cold load waits while a core is busy, and no longer than its limit", { skip: !existsSync("/proc/stat") && "no /proc/stat" }, async () => {
  // One core spinning for 1 s is at least a third of a 2-core machine (half here), far over
  // the 10% that counts as quiet: the wait cannot end before the spinning does.
  const spinner = new Worker("const end = Date.now() + 1000; while (Date.now() < end);", { eval: true });
  const exited = new Promise((ok) => spinner.once("exit", ok));
  await new Promise((ok) => spinner.once("online", ok));
  const { waitedMs, quiet } = await waitForQuietMachine();
  await exited;
  assert.ok(waitedMs >= 900, `waited only ${waitedMs.toFixed(0)} ms while a core was busy`);
  assert.ok(waitedMs < 3000 + 400, `waited ${waitedMs.toFixed(0)} ms, past the 3 s limit`);
  assert.equal(typeof quiet, "boolean");
});
