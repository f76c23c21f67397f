// The same-cards pages (bench/pages/cards.js) draw what ours draws: built by the bench's own
// code (buildSites) from the sample's index, then opened in Chromium beside ours' page, whose
// view must hold the same elements, classes and parts, card by card and in all: the browse
// view (floor-cards) and the bench's facet query (flexsearch-cards, driven as the bench
// drives it; a facet alone gives every engine the same articles). The bench's "both drawing
// ours' cards" rows rest on that; a change to ours' markup that the renderer does not follow
// fails here.
//
// Needs `bash scripts/build.sh` first (pkg/topic-cards.js, pkg/prerender.js, build/).
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { benchQueries, docsFromIndex } from "../lib/docs.mjs";
import { oursStep } from "../lib/inpage.mjs";
import { launch } from "../lib/measure.mjs";
import { serve } from "../lib/server.mjs";
import { buildSites, ROOT } from "../lib/sites.mjs";

const dir = mkdtempSync(join(tmpdir(), "bench-cards-"));
let browser;
let server;
let facet;

before(async () => {
  copyFileSync(join(ROOT, "build", "default-index.json"), join(dir, "index.json"));
  copyFileSync(join(ROOT, "build", "default-index.first.json"), join(dir, "index.first.json"));
  const indexFile = join(dir, "index.json");
  const index = JSON.parse(readFileSync(indexFile, "utf8"));
  const docs = docsFromIndex(index);
  facet = benchQueries(index, docs).find((q) => q.name === "facet").topic;
  const status = await buildSites({
    dir,
    indexFile,
    docs,
    widget: { script: join(ROOT, "pkg", "topic-cards.js") },
    contenders: ["ours", "floor-cards", "flexsearch-cards"],
    pagefindMax: 0,
    timeoutS: 60,
    log: () => {},
  });
  assert.deepEqual(Object.fromEntries(Object.entries(status).map(([name, s]) => [name, s.ok])), { ours: true, "floor-cards": true, "flexsearch-cards": true });
  server = await serve(dir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The drawn view of the page at `path`, once its cards are there and `act(page)` has run:
 * per card (keyed by its title link) the `tag.class[part]` of every element in it, in order,
 * and how many elements of each such kind the whole root holds.
 */
async function drawn(path, act = async () => {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${server.url}/site/${path}/`);
    await page.waitForFunction(() => (document.querySelector("topic-cards, #app")?.shadowRoot?.querySelectorAll(".card").length ?? 0) >= 12);
    // Ours paints the first view, then the core paints the same view again: let it settle.
    await page.waitForTimeout(1000);
    await act(page);
    return await page.evaluate(() => {
      const root = document.querySelector("topic-cards, #app").shadowRoot;
      const kind = (el) => `${el.localName}.${[...el.classList].sort().join(".")}[${el.getAttribute("part") ?? ""}]`;
      const cards = {};
      for (const card of root.querySelectorAll(".card")) {
        cards[card.querySelector(".title a")?.getAttribute("href") ?? "?"] = [card, ...card.querySelectorAll("*")].map(kind);
      }
      const all = {};
      for (const el of root.querySelectorAll("*")) all[kind(el)] = (all[kind(el)] ?? 0) + 1;
      return { cards, all };
    });
  } finally {
    await page.close();
  }
}

/** Ours and a same-cards page agree card by card, and on every kind of element in all. */
function assertSame(ours, theirs) {
  assert.equal(Object.keys(ours.cards).length, 12);
  assert.deepEqual(Object.keys(theirs.cards).sort(), Object.keys(ours.cards).sort(), "the same 12 articles");
  for (const [href, elements] of Object.entries(ours.cards)) assert.deepEqual(theirs.cards[href], elements, `the card of ${href}`);
  // Compared kind by kind, so that a failure names what differs.
  const differ = Object.fromEntries(
    [...new Set([...Object.keys(ours.all), ...Object.keys(theirs.all)])].filter((k) => ours.all[k] !== theirs.all[k]).map((k) => [k, [ours.all[k] ?? 0, theirs.all[k] ?? 0]]),
  );
  assert.deepEqual(differ, {}, "element kinds whose counts differ: [ours, theirs]");
}

test("the floor-cards page draws ours' browse view, element for element", async () => {
  assertSame(await drawn("ours"), await drawn("floor-cards"));
});

test("the flexsearch-cards page draws ours' view of the bench's facet query, element for element", async () => {
  const ours = await drawn("ours", async (page) => assert.equal((await page.evaluate(oursStep, { topic: facet })).error, undefined));
  const theirs = await drawn("flexsearch-cards", (page) => page.evaluate((name) => window.__bench.run({ q: "", topic: name }), facet.name));
  assertSame(ours, theirs);
  assert.ok(ours.all["button.chip.removable[chip active-chip]"] === 1, "the facet's active-filter chip is drawn");
});
