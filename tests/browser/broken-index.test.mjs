// Broken indexes: truncated, other schema versions, wrong format, wrong types, ids out of
// range, empty, not JSON, 50 MB (generated here, not committed), a URL that 404s and one
// that never answers. For each, the widget must show a clear error inside itself (role
// alert, naming the reason), log exactly one console error of its own, and leave the host
// page's script running: the page (tests/browser/pages/broken.js) sets a flag after the
// widget's tc-error and keeps a timer ticking.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, openPage, screenshot, start } from "./harness.mjs";

const OUT = join(ROOT, "test-output", "broken");
const URL_BASE = "/test-output/broken";
let env;
let good;

/** A valid index text with `change` applied to its parsed form. */
const variant = (change) => {
  const index = JSON.parse(good);
  change(index);
  return JSON.stringify(index);
};

/** About 50 MB of valid index: the default articles repeated under new ids. */
function bigIndex() {
  const index = JSON.parse(good);
  delete index.firstView;
  const articles = [];
  let bytes = 0;
  for (let copy = 0; bytes < 50 * 1024 * 1024; copy++) {
    for (const article of index.articles) {
      const clone = { ...article, id: `${article.id}-${copy}`, text: `${article.text} ${"filler ".repeat(400)}` };
      bytes += JSON.stringify(clone).length + 1;
      articles.push(clone);
    }
  }
  index.articles = articles;
  return JSON.stringify(index);
}

before(async () => {
  good = readFileSync(join(ROOT, "build", "default-index.json"), "utf8");
  mkdirSync(OUT, { recursive: true });
  const big = bigIndex();
  assert.ok(big.length >= 50 * 1024 * 1024);
  writeFileSync(join(OUT, "big-truncated.json"), big.slice(0, big.length - 5000));
  writeFileSync(join(OUT, "big-junk.json"), Buffer.alloc(50 * 1024 * 1024, "lorem ipsum "));
  writeFileSync(join(OUT, "truncated.json"), good.slice(0, Math.floor(good.length * 0.6)));
  writeFileSync(join(OUT, "empty.json"), "");
  writeFileSync(join(OUT, "html.json"), "<!doctype html><title>Not here</title><p>Page not found</p>");
  env = await start();
});
after(async () => {
  await env?.stop();
});

// [name, widget options, what the message must say, test flags]
const CASES = [
  ["truncated", () => ({ indexUrl: `${URL_BASE}/truncated.json` }), /cut short|truncated/i],
  ["truncated inline", () => ({ index: good.slice(0, 3000) }), /cut short|truncated/i],
  ["newer schema", () => ({ index: variant((i) => (i.version = 2)) }), /version 2 is newer/],
  ["older schema", () => ({ index: variant((i) => (i.version = 0)) }), /version 0 is older/],
  ["version as text", () => ({ index: variant((i) => (i.version = "1")) }), /version/],
  ["other format", () => ({ index: variant((i) => (i.format = "rss")) }), /not a topic-cards index/],
  ["no format", () => ({ index: '{"articles": []}' }), /not a topic-cards index/],
  ["articles not a list", () => ({ index: variant((i) => (i.articles = "many")) }), /unexpected shape at articles/],
  ["label is a number", () => ({ index: variant((i) => (i.topics[0].label = 42)) }), /unexpected shape at topics\[0\]\.label/],
  ["article id is an object", () => ({ index: variant((i) => (i.articles[3].id = { a: 1 })) }), /shape at (articles|firstView)/],
  ["topic id out of range", () => ({ index: variant((i) => { delete i.firstView; i.articles[0].topics = [9999]; }) }), /9999/],
  ["group id out of range", () => ({ index: variant((i) => (i.topics[0].group = 77)) }), /77/],
  ["empty file", () => ({ indexUrl: `${URL_BASE}/empty.json` }), /empty/],
  ["empty text", () => ({ index: "   " }), /empty/],
  ["JSON null", () => ({ index: "null" }), /not a topic-cards index/],
  ["JSON array", () => ({ index: "[1,2,3]" }), /not a topic-cards index/],
  ["HTML instead of JSON", () => ({ indexUrl: `${URL_BASE}/html.json` }), /not valid JSON/],
  ["50 MB, cut short", () => ({ indexUrl: `${URL_BASE}/big-truncated.json`, timeoutMs: 60000 }), /cut short|truncated/i],
  ["50 MB of junk", () => ({ indexUrl: `${URL_BASE}/big-junk.json`, timeoutMs: 60000 }), /not valid JSON/],
  ["404", () => ({ indexUrl: `${URL_BASE}/no-such-index.json` }), /404/],
  ["never answers", () => ({ indexUrl: `${URL_BASE}/hang.json`, timeoutMs: 1200 }), /hang\.json sent nothing for 1\.2 s/],
];

for (const [name, options, reason, flags = {}] of CASES) {
  test(`broken index: ${name}`, flags, async () => {
    const page = await openPage(env.browser);
    // A route that takes the request and never answers.
    await page.route("**/hang.json", () => {});
    await page.addInitScript((opts) => {
      window.BROKEN_OPTIONS = opts;
    }, options());
    await page.goto(`${env.url}/tests/browser/pages/broken.html`);
    const widget = page.locator("#widget");
    const error = widget.locator('[part~="error"]');
    await error.waitFor({ state: "visible", timeout: 60000 });
    assert.equal(await error.getAttribute("role"), "alert", "the error is announced");
    const text = await error.innerText();
    assert.match(text, reason, `the widget says why: ${text}`);
    assert.equal(await widget.locator('[part~="card"]:visible').count(), 0, "no stale cards beside the error");

    // The host page's script ran to its end, heard the failure, and keeps ticking.
    await page.waitForFunction(() => window.hostRanAfterFailure === true, null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.hostReachedEnd), true);
    assert.match(await page.locator("#host-log").innerText(), /carried on/);
    const ticks = await page.evaluate(() => window.hostTicks);
    await page.waitForFunction((t) => window.hostTicks > t + 2, ticks);

    // Exactly one console error from the widget, and it carries the same reason. (A 404 also
    // gets the browser's own "Failed to load resource" line, which is not the widget's.)
    const own = page.consoleErrors.filter((line) => !/^Failed to load resource/.test(line));
    assert.equal(own.length, 1, `one console error, got: ${JSON.stringify(own)}`);
    assert.match(own[0], /^topic-cards/);
    assert.match(own[0], reason);
    if (name === "truncated" || name === "50 MB, cut short") await screenshot(page, `broken-${name.replace(/\W+/g, "-")}`);
    await assertClean(page, { allowConsoleErrors: true });
    await page.context().close();
  });
}

// A replacement that cannot be read costs only itself: the host hears why (tc-error, one
// console error) and the reader keeps the index, the filters and the cards shown before.
const REPLACEMENTS = [
  ["not JSON", () => ({ index: "{not json" }), /not valid JSON.*the index shown before stays/],
  ["newer schema", () => ({ index: variant((i) => (i.version = 2)) }), /version 2 is newer.*stays/],
  ["404", () => ({ indexUrl: `${URL_BASE}/no-such-index.json` }), /404.*stays/],
  ["cut short", () => ({ indexUrl: `${URL_BASE}/truncated.json` }), /(cut short|truncated).*stays/i],
];

for (const [name, options, reason] of REPLACEMENTS) {
  test(`broken replacement keeps the index shown: ${name}`, async () => {
    const page = await openPage(env.browser);
    await page.addInitScript(() => {
      window.BROKEN_OPTIONS = {};
    });
    await page.goto(`${env.url}/tests/browser/pages/broken.html`);
    await page.evaluate(() => window.handle.ready);
    const widget = page.locator("#widget");
    await page.waitForFunction(() => window.handle.getState()?.total > 0);
    const topic = await widget.locator('input[data-act="facet"][data-kind="t"]').first().getAttribute("data-key");
    await page.evaluate((t) => window.handle.setFilters({ topics: [t] }), topic);
    const before = await page.evaluate(() => window.handle.getState());
    assert.ok(before.total > 0 && before.topics.length === 1, JSON.stringify(before));
    const titles = await widget.locator('[part~="card-title"]').allInnerTexts();
    assert.ok(titles.length > 0);

    await page.evaluate((o) => window.handle.update({ ...o, query: "" }), options());
    await page.waitForFunction(() => window.widgetError !== undefined, null, { timeout: 10000 });
    assert.match(await page.evaluate(() => window.widgetError), reason);
    await page.waitForFunction(() => window.handle.getState()?.total !== null);
    assert.deepEqual(await page.evaluate(() => window.handle.getState()), before, "filters and total as before");
    await widget.locator('[part~="card"]').first().waitFor();
    assert.deepEqual(await widget.locator('[part~="card-title"]').allInnerTexts(), titles, "the same cards");
    assert.equal(await widget.locator('[part~="error"]:visible').count(), 0, "no error box");
    const own = page.consoleErrors.filter((line) => !/^Failed to load resource/.test(line));
    assert.equal(own.length, 1, `one console error, got: ${JSON.stringify(own)}`);

    // It still works: a search runs on the kept index, and a good replacement then takes over.
    await widget.locator('input[type="search"]').fill("zzzznotaword");
    await page.waitForFunction(() => window.handle.getState()?.total === 0);
    await page.evaluate((text) => window.handle.update({ index: text, query: "", topics: [] }), variant((i) => {
      i.articles = i.articles.slice(0, 5);
      delete i.firstView;
    }));
    await page.waitForFunction(() => window.handle.getState()?.total === 5);
    await assertClean(page, { allowConsoleErrors: true });
    await page.context().close();
  });
}
