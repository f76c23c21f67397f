// The loader's early first view (js/first-view.js: the view made from the index prefix alone)
// against the core's. IDENTITY: for several indexes and option sets, the early paint goes into
// one shadow root and the core (pkg/core.js, through a painter of its own) paints its first
// view into another; the two serialised roots (elements, sorted attributes, field state,
// text, order) and their adopted CSS must be equal, so the view the core makes from the
// prefix is the loader's and its takeover cannot be seen. Then what the painter declines (root left empty) and hostile prefixes
// (never a throw, text stays text, unsafe URLs never become links).
//
// Needs `bash scripts/build.sh` first (pkg/core.js and its Wasm, build/default-index.json,
// build/ui-assets.js, target/release/topic-cards).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, besideCrate, openPage, start } from "./harness.mjs";

const OUT = join(ROOT, "test-output", "first-view");
const CLI = join(ROOT, "target", "release", "topic-cards");
const SEEDS = besideCrate("../shared/seeds");
const DIGITALGOV = besideCrate("../shared/corpora/digitalgov-news");

let env;
let page;
const indexes = {};
/** Image URLs the page asked for (answered with STAND_IN; some are off the machine). */
const images = new Set();
const STAND_IN = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>';

/** Indexes `dir` with the CLI into test-output/first-view/NAME.json and returns its text. */
function indexFolder(name, dir) {
  const out = join(OUT, `${name}.json`);
  execFileSync(CLI, ["index", dir, "--out", out, "--report", join(OUT, `${name}-report.json`)], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return readFileSync(out, "utf8");
}

/**
 * The sample index with what real indexes can lack or carry: missing dates, images, brands,
 * offerings and summaries, an image without its size, inferred topics, unsafe and relative
 * URLs, script-looking text, a brand with no letter, a topic no article has (a disabled
 * facet value), and dates that are not y-m-d.
 */
function gappy(text) {
  const index = JSON.parse(text);
  const view = index.firstView;
  const [a, b, c, d, e, f] = view.articles;
  delete a.date;
  delete a.image;
  delete b.brand;
  delete b.offerings;
  b.summary = "";
  if (c.image) delete c.image.width;
  c.inferred = true;
  c.url = "javascript:alert(1)";
  d.title = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  d.summary = "</p><b>bold?</b> & \u{1F600} text";
  d.url = "  /news/relative?x=1#top  ";
  if (d.image) d.image.src = "data:image/svg+xml,<svg onload=alert(1)>";
  e.date = "2023-13-40";
  f.date = "not a date";
  delete f.topics;
  index.brands.push({ name: "www.---", count: 0 });
  e.brand = index.brands.length - 1;
  // A brand that begins outside ASCII: its initial comes from the Unicode classes.
  index.brands.push({ name: "«ñandú» care", count: 0 });
  f.brand = index.brands.length - 1;
  index.topics.push({ group: 0, label: "Zero things", slug: "zero-things", count: 0 });
  // Ties broken by label with ASCII capitals lowercased ("alpha" before "Zeta"; "Éz" before
  // "èa", which full lower-casing would put after it), in code point order (not UTF-16
  // order: the astral letter sorts after the fullwidth one).
  index.groups.push({ label: "Ünïcode" });
  // Six values: all shown, so their order is seen.
  const labels = ["\u{1D400} math", "\uFF21 wide", "èa", "Éz", "Zeta", "alpha"];
  for (const [i, label] of labels.entries()) {
    index.topics.push({ group: index.groups.length - 1, label, slug: `u-${i}`, count: 3 });
  }
  if (view.offerings.length) {
    view.offerings[0].url = "javascript:alert(3)";
    view.offerings[0].label = "<b>offer</b>";
  }
  return JSON.stringify(index);
}

/** The sample index with no articles at all: the empty state. */
function empty(text) {
  const index = JSON.parse(text);
  Object.assign(index.firstView, { total: 0, articles: [], offerings: [], panel: [] });
  return JSON.stringify({ ...index, offerings: [], articles: [] });
}

before(async () => {
  mkdirSync(OUT, { recursive: true });
  const sample = readFileSync(join(ROOT, "build", "default-index.json"), "utf8");
  indexes.sample = sample;
  if (SEEDS) indexes.seeds = indexFolder("seeds", SEEDS);
  const synth = join(OUT, "synth");
  rmSync(synth, { recursive: true, force: true });
  execFileSync(CLI, ["synth", "--count", "60", "--out", synth, "--seed", "7"], { cwd: ROOT, stdio: "ignore" });
  indexes.synth = indexFolder("synth", synth);
  indexes.gappy = gappy(sample);
  indexes.empty = empty(sample);
  if (DIGITALGOV) indexes.digitalgov = indexFolder("digitalgov", DIGITALGOV);
  env = await start();
  page = await openPage(env.browser);
  // Every image the indexes name is answered with one small picture from here: a failed
  // image makes the core drop its media box's data-has-image while the painter's copy keeps
  // it, which is the core's own later change, not a difference in first paint.
  await page.route(
    (url) => /\.(svg|png|jpe?g|gif|webp|avif)([?#]|$)/i.test(url.pathname) || !/^(127\.0\.0\.1|localhost)$/.test(url.hostname),
    (route) => {
      if (route.request().resourceType() !== "image") return route.abort();
      images.add(route.request().url());
      return route.fulfill({ contentType: "image/svg+xml", body: STAND_IN });
    },
  );
  await page.goto(`${env.url}/tests/browser/pages/first-view-identity.html`);
  await page.waitForFunction(() => window.firstView?.ready);
});
after(async () => {
  await env?.stop();
});

const OPTION_SETS = {
  defaults: {},
  strings: {
    strings: {
      searchLabel: "Suche",
      resultsMany: "{n} Treffer <b>",
      shownOf: "{shown}/{total} ({shown})",
      showMoreValues: "+{n}",
      filterBy: "Nur {label}",
      inferred: "geraten",
      offeringArticlesMany: "{n} Berichte",
      offeringsTitle: "Angebote",
      typeGroup: "Art",
      sortNewest: "",
    },
  },
  de: { locale: "de" },
  ar: { locale: "ar" },
  // US English is formatted without Intl (js/paint/settings.js); British English is not.
  enUS: { locale: "EN-us" },
  enGB: { locale: "en-GB" },
  badLocale: { locale: "no such locale!" },
  dark: { theme: "dark" },
  page3: { pageSize: 3 },
  page12: { pageSize: 12 },
  // More cards than the first view holds: the core shows it pending (loading).
  page30: { pageSize: 30.7 },
  noOfferings: { offerings: false },
  blank: { linkTarget: "_blank" },
  top: { linkTarget: "_top", hashSync: true, query: "  ", topics: [], sort: "Relevance" },
};

/**
 * Where two serialised roots first differ (a readable path, ours then the core's), or null.
 * The full trees are too long to read in a failed deepEqual.
 */
function difference(ours, theirs, path = "root") {
  if (Object.is(ours, theirs)) return null;
  if (typeof ours !== "object" || typeof theirs !== "object" || ours === null || theirs === null) {
    return `${path}: ${JSON.stringify(ours)?.slice(0, 300)} vs core ${JSON.stringify(theirs)?.slice(0, 300)}`;
  }
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  for (const key of keys) {
    const label = ours.tag ? `${path}>${ours.tag}${ours.attrs?.find(([k]) => k === "class")?.[1]?.replace(/^|\s+/g, ".") ?? ""}` : path;
    const found = difference(ours[key], theirs[key], `${label}.${key}`);
    if (found) return found;
  }
  return null;
}

const paint = (text, options, extra) => page.evaluate(([t, o, x]) => window.firstView.painter(t, o, { ...x, text: true }), [text, options, extra]);
const paintObject = (prefix, options) => page.evaluate(([p, o]) => window.firstView.painter(p, o), [prefix, options]);
const corePaint = (text, options, extra) => page.evaluate(([t, o, x]) => window.firstView.core(t, o, x), [text, options, extra]);

test("US English dates and counts made without Intl are Intl's, and other locales are Intl", async () => {
  // No locale given: the browser's language decides (navigator.language, as the core reads it).
  const browser = await page.evaluate(() => navigator.language);
  for (const [locale, intl] of [["en-US", "en-US"], ["en", "en-US"], ["EN-us", "en-US"], [undefined, browser], ["en-GB", "en-GB"], ["de", "de"]]) {
    assert.deepEqual(await page.evaluate(([l, i]) => window.firstView.formatDifferences(l, i), [locale, intl]), [], `${locale}`);
  }
});

for (const name of ["sample", "seeds", "synth", "gappy", "empty", "digitalgov"]) {
  test(`identity: ${name} index, every option set`, async (t) => {
    if (!indexes[name]) return t.skip("corpus not present");
    for (const [set, options] of Object.entries(OPTION_SETS)) {
      const ours = await paint(indexes[name], options);
      const theirs = await corePaint(indexes[name], options);
      assert.equal(theirs.ok, true, `${name}/${set}: the core did not reach its first paint`);
      assert.equal(ours.threw, null, `${name}/${set}: the painter threw`);
      assert.equal(ours.ok, true, `${name}/${set}: the painter declined`);
      assert.ok(theirs.tree.children.length > 0 && theirs.tree.css[0]?.length > 20, `${name}/${set}: the core painted nothing`);
      const drift = difference(ours.tree, theirs.tree);
      assert.equal(drift, null, `${name}/${set}: the painter's DOM or CSS differs from the core's`);
      assert.deepEqual(ours.tree, theirs.tree);
    }
  });
}

test("identity at takeover: the core given the first-view part (firstView option) paints the same DOM within mount", async () => {
  for (const name of ["sample", "gappy"]) {
    for (const set of ["defaults", "de", "page30", "blank"]) {
      const options = OPTION_SETS[set];
      const ours = await paint(indexes[name], options);
      const theirs = await corePaint(indexes[name], options, { given: true });
      assert.equal(ours.ok, true);
      assert.equal(difference(ours.tree, theirs.atMount), null, `${name}/${set}: differs from the core's paint within mount`);
      assert.equal(difference(ours.tree, theirs.tree), null, `${name}/${set}: differs from the core's first view`);
    }
  }
});

test("the identity check sees content: cards, facets and the panel are there to compare", async () => {
  const { tree } = await paint(indexes.sample, {});
  const text = JSON.stringify(tree);
  for (const needle of ['"article"', '"card"', '"facet"', '"offering"', '"tc-search"', "data-initial"]) {
    assert.ok(text.includes(needle), `no ${needle} in the painted tree`);
  }
});

test("declines what it cannot draw as the core would, leaving the root empty", async () => {
  const sample = JSON.parse(indexes.sample);
  const prefix = (({ format, version, groups, topics, types, brands, firstView }) => ({ format, version, groups, topics, types, brands, firstView }))(sample);
  const cases = [
    ["a query", prefix, { query: "care" }],
    ["topics", prefix, { topics: [sample.topics[0].slug] }],
    ["sort newest", prefix, { sort: " NEWEST " }],
    ["a wrong version", { ...prefix, version: 2 }, {}],
    ["a wrong format", { ...prefix, format: "other" }, {}],
    ["no firstView", { ...prefix, firstView: undefined }, {}],
    [
      "an out-of-range topic id",
      { ...prefix, firstView: { ...prefix.firstView, articles: [{ ...prefix.firstView.articles[0], topics: [prefix.topics.length] }] } },
      {},
    ],
    ["an out-of-range group id", { ...prefix, topics: [{ ...prefix.topics[0], group: 99 }] }, {}],
    ["a panel offering not in the first view", { ...prefix, firstView: { ...prefix.firstView, panel: [999999] } }, {}],
    ["a count that is not a u32", { ...prefix, types: [{ name: "x", count: -1 }] }, {}],
    ["a title that is not a string", { ...prefix, firstView: { ...prefix.firstView, articles: [{ id: "a", title: 7 }] } }, {}],
    ["a null summary", { ...prefix, firstView: { ...prefix.firstView, articles: [{ id: "a", title: "t", summary: null }] } }, {}],
    ["a non-object (null)", null, {}],
    ["a non-object (string)", "{}", {}],
    ["a non-object (array)", [prefix], {}],
  ];
  for (const [what, p, options] of cases) {
    const { ok, threw, tree } = await paintObject(p, options);
    assert.equal(threw, null, `${what}: threw`);
    assert.equal(ok, false, `${what}: painted`);
    assert.deepEqual(tree, { children: [], css: [], active: null }, `${what}: the root was touched`);
  }
});

test("declines when the hash holds this widget's filters (hashSync)", async () => {
  const declined = await page.evaluate(([text]) => {
    location.hash = "other.q=x&news.t=telemedicine";
    const prefix = JSON.parse(text);
    const results = {
      named: window.firstView.painter(prefix, { hashSync: "news" }).ok,
      byHostId: window.firstView.painter(prefix, { hashSync: true }, { hostId: "news" }).ok,
      otherSpace: window.firstView.painter(prefix, { hashSync: "other2" }).ok,
      off: window.firstView.painter(prefix, { hashSync: false }).ok,
    };
    location.hash = "";
    return results;
  }, [indexes.sample]);
  assert.deepEqual(declined, { named: false, byHostId: false, otherSpace: true, off: true });
});

test("a page's additions to built-in prototypes change nothing painted", async () => {
  const [clean, polluted] = await page.evaluate(([text]) => {
    const clean = window.firstView.painter(text, { theme: "dark" }, { text: true });
    Object.prototype.polluted = "from a careless library";
    Array.prototype.foo = function foo() {};
    try {
      return [clean, window.firstView.painter(text, { theme: "dark" }, { text: true })];
    } finally {
      delete Object.prototype.polluted;
      delete Array.prototype.foo;
    }
  }, [indexes.gappy]);
  assert.equal(polluted.ok, true);
  assert.equal(difference(polluted.tree, clean.tree), null);
});

test("a prefix the core refuses is one the painter declines", async () => {
  // The core skips a bad first view and stays in its loading state.
  const bad = JSON.parse(indexes.sample);
  bad.firstView.articles[0].brand = bad.brands.length;
  const text = JSON.stringify(bad);
  const theirs = await corePaint(text, {});
  assert.equal(theirs.ok, true);
  assert.equal(JSON.stringify(theirs.tree).includes('"card"'), false, "the core painted cards from a bad prefix");
  const ours = await paint(text, {});
  assert.equal(ours.ok, false);
});

test("hostile prefixes and options never throw; script-looking text stays text", async () => {
  const results = await page.evaluate(([text]) => {
    const base = JSON.parse(text);
    const hostile = [];
    const throwing = { ...base };
    Object.defineProperty(throwing, "topics", { get: () => { throw new Error("boom"); }, enumerable: true });
    hostile.push(throwing);
    hostile.push(new Proxy({}, { get: () => { throw new Error("proxy"); }, ownKeys: () => { throw new Error("keys"); } }));
    const cyclic = JSON.parse(text);
    cyclic.firstView.articles[0].image = cyclic;
    hostile.push(cyclic);
    const huge = JSON.parse(text);
    huge.firstView.total = 1e300;
    hostile.push(huge);
    const lone = JSON.parse(text);
    lone.firstView.articles[0].title = "\ud800 lone";
    hostile.push(lone);
    const dup = JSON.parse(text);
    if (dup.firstView.offerings.length) dup.firstView.offerings.push({ ...dup.firstView.offerings[0] });
    hostile.push(dup);
    hostile.push(undefined, 0, true, Symbol("x"), () => {}, new Date(), { format: "topic-cards-index", version: 1 });
    const out = hostile.map((p) => window.firstView.painter(p, {}));
    const badOptions = [
      new Proxy({}, { get: () => { throw new Error("options"); } }),
      { strings: new Proxy({}, { ownKeys: () => { throw new Error("keys"); } }) },
      { locale: {}, theme: 7, pageSize: "9", strings: [1], offerings: "no", linkTarget: 5 },
    ];
    for (const options of badOptions) out.push(window.firstView.painter(base, options));
    return out.map(({ ok, threw }) => ({ ok, threw }));
  }, [indexes.sample]);
  for (const [i, { ok, threw }] of results.entries()) {
    assert.equal(threw, null, `case ${i} threw`);
    assert.equal(typeof ok, "boolean", `case ${i}`);
  }
  // The lone surrogate (serde_json refuses it) and the duplicated offering position decline.
  assert.deepEqual(results.slice(0, 6).map((r) => r.ok), [false, false, false, false, false, false]);
  // Odd option values are read as the core reads them (ignored), not refused.
  assert.equal(results.at(-1).ok, true);

  const { ok, tree } = await paint(indexes.gappy, {});
  assert.equal(ok, true);
  const nodes = [];
  const walk = (n) => {
    nodes.push(n);
    (n.children || []).forEach(walk);
  };
  tree.children.forEach(walk);
  assert.equal(nodes.some((n) => n.tag === "script" || n.tag === "b"), false, "markup from the index became elements");
  assert.ok(nodes.some((n) => n.text?.includes("<script>alert(2)</script>")), "the script-looking title is not shown as text");
  for (const n of nodes) {
    for (const [name, value] of n.attrs || []) {
      assert.ok(!/^on/i.test(name), `handler attribute ${name}`);
      if (name === "href" || name === "src") assert.ok(!/^\s*(javascript|data):/i.test(value), `${name}=${value}`);
    }
  }
  assert.ok(nodes.some((n) => n.tag === "span" && n.attrs.some(([k, v]) => k === "class" && v === "offering-link")), "the unsafe offering is not plain text");
});

test("the page saw no CSP violation or error", async () => {
  // The indexes' own image URLs are expected requests (answered locally, see before()).
  page.problems = page.problems.filter((p) => !images.has(p.replace(/^request left the machine: /, "")));
  await assertClean(page);
});
