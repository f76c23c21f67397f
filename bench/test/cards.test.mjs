// The same-cards pages (bench/pages/cards.js) draw what ours draws: built by the bench's own
// code (buildSites) from the sample's index, then opened in Chromium beside ours' page, whose
// browse view must hold the same elements, classes and parts, card by card and in all. The
// bench's "both drawing ours' cards" rows rest on that; a change to ours' markup that the
// renderer does not follow fails here.
//
// Needs `bash scripts/build.sh` first (pkg/topic-cards.js, pkg/prerender.js, build/).
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { docsFromIndex } from "../lib/docs.mjs";
import { launch } from "../lib/measure.mjs";
import { serve } from "../lib/server.mjs";
import { buildSites, ROOT } from "../lib/sites.mjs";

const dir = mkdtempSync(join(tmpdir(), "bench-cards-"));
let browser;
let server;

before(async () => {
  copyFileSync(join(ROOT, "build", "default-index.json"), join(dir, "index.json"));
  copyFileSync(join(ROOT, "build", "default-index.first.json"), join(dir, "index.first.json"));
  const indexFile = join(dir, "index.json");
  const docs = docsFromIndex(JSON.parse(readFileSync(indexFile, "utf8")));
  const status = await buildSites({
    dir,
    indexFile,
    docs,
    widget: { script: join(ROOT, "pkg", "topic-cards.js") },
    contenders: ["ours", "floor-cards"],
    pagefindMax: 0,
    timeoutS: 60,
    log: () => {},
  });
  assert.deepEqual(status, { ours: { ok: true }, "floor-cards": { ok: true } });
  server = await serve(dir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The drawn view of the page at `path`, once its cards are there: per card (keyed by its
 * title link) the `tag.class[part]` of every element in it, in order, and how many elements
 * of each such kind the whole root holds.
 */
async function drawn(path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${server.url}/site/${path}/`);
    await page.waitForFunction(() => (document.querySelector("topic-cards, #app")?.shadowRoot?.querySelectorAll(".card").length ?? 0) >= 12);
    // Ours paints the first view, then the core paints the same view again: let it settle.
    await page.waitForTimeout(1000);
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

test("the floor-cards page draws ours' cards and page, element for element", async () => {
  const ours = await drawn("ours");
  const theirs = await drawn("floor-cards");
  assert.equal(Object.keys(ours.cards).length, 12);
  assert.deepEqual(Object.keys(theirs.cards).sort(), Object.keys(ours.cards).sort(), "the same 12 articles");
  for (const [href, elements] of Object.entries(ours.cards)) assert.deepEqual(theirs.cards[href], elements, `the card of ${href}`);
  // Compared kind by kind, so that a failure names what differs.
  const differ = Object.fromEntries(
    [...new Set([...Object.keys(ours.all), ...Object.keys(theirs.all)])].filter((k) => ours.all[k] !== theirs.all[k]).map((k) => [k, [ours.all[k] ?? 0, theirs.all[k] ?? 0]]),
  );
  assert.deepEqual(differ, {}, "element kinds whose counts differ: [ours, theirs]");
});
