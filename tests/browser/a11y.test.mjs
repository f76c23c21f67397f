// Accessibility: axe-core (from npm) over every widget state (initial, filtered, expanded
// facets, empty result, error, dark, narrow with the filter panel open) at WCAG 2.1 AA, which
// must find nothing; and a keyboard-only walk that reaches and operates every control
// (search, sort, facet checkboxes, "Show N more", active-filter chips, clear all, "Show
// more", card links, topic chips, offering links), checking where focus lands after each
// change of results.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, cards, openPage, painted, screenshot, start } from "./harness.mjs";

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
let env;
before(async () => {
  mkdirSync(join(ROOT, "test-output", "broken"), { recursive: true });
  const good = readFileSync(join(ROOT, "build", "default-index.json"), "utf8");
  writeFileSync(join(ROOT, "test-output", "broken", "a11y-truncated.json"), good.slice(0, good.length / 2));
  // A larger index than the sample one, so facet groups overflow into "Show N more".
  const out = join(ROOT, "test-output", "a11y");
  const cli = join(ROOT, "target", "release", "topic-cards");
  rmSync(out, { recursive: true, force: true });
  execFileSync(cli, ["synth", "--count", "200", "--out", join(out, "corpus")], { stdio: "ignore" });
  execFileSync(cli, ["index", join(out, "corpus"), "--out", join(out, "index.json")], { stdio: "ignore" });
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** Runs axe on the given widget hosts (their shadow trees included); returns violations. */
async function axe(page, selectors) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to axe itself.
  await page.evaluate(AXE);
  const result = await page.evaluate(
    ([include, tags]) => window.axe.run({ include: include.map((s) => [s]) }, { runOnly: { type: "tag", values: tags } }),
    [selectors, TAGS],
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
}

async function openPartner(options) {
  const page = await openPage(env.browser, options);
  await page.goto(`${env.url}/www/partner.html`);
  await painted(page.locator("#news"));
  await painted(page.locator("[data-topic-cards]"));
  await page.waitForTimeout(200);
  return page;
}

/** The page with the larger synthetic index (its relative image URLs 404 there). */
async function openLarge(options) {
  const page = await openPage(env.browser, options);
  await page.goto(`${env.url}/tests/browser/pages/a11y.html`);
  await painted(page.locator("#news"));
  await page.waitForTimeout(200);
  return page;
}

/** Like assertClean, but the browser's notes on missing images are expected. */
const assertCleanButImages = (page) => assertClean(page, { allowMissingImages: true });

const waitQuiet = (page) => page.waitForTimeout(300);

const STATES = [
  ["initial", {}, async () => {}],
  ["dark", { colorScheme: "dark" }, async () => {}],
  ["larger index", { large: true }, async () => {}],
  [
    "filtered",
    {},
    async (page, news) => {
      await news.getByRole("searchbox").fill("care");
      await news.getByRole("checkbox").first().check();
      await waitQuiet(page);
    },
  ],
  [
    "larger index, facets expanded, dark",
    { colorScheme: "dark", large: true },
    async (page, news) => {
      await news.locator('[data-act="expand"]:visible').first().click();
      await news.getByRole("checkbox").first().check();
      await waitQuiet(page);
    },
  ],
  [
    "empty result",
    {},
    async (page, news) => {
      await news.getByRole("searchbox").fill("zzzqqq");
      await waitQuiet(page);
      assert.equal(await news.locator('[part~="empty"]:visible').count(), 1);
    },
  ],
  [
    "narrow, filters open",
    { width: 375, height: 800 },
    async (page, news) => {
      await news.locator('[data-act="toggle-filters"]').click();
      await waitQuiet(page);
    },
  ],
];

for (const [name, { large, ...options }, act] of STATES) {
  test(`axe: no WCAG 2.1 AA violations, ${name}`, async () => {
    const page = large ? await openLarge(options) : await openPartner(options);
    const news = page.locator("#news");
    await act(page, news);
    const violations = await axe(page, large ? ["#news"] : ["#news", "[data-topic-cards]"]);
    await screenshot(page, `a11y-${name.replace(/\W+/g, "-")}`);
    assert.deepEqual(violations, []);
    await assertCleanButImages(page);
  });
}

test("axe: no violations in the error state", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await openPage(env.browser, { colorScheme });
    await page.addInitScript(() => {
      window.BROKEN_OPTIONS = { indexUrl: "/test-output/broken/a11y-truncated.json" };
    });
    await page.goto(`${env.url}/tests/browser/pages/broken.html`);
    await page.locator('#widget [part~="error"]').waitFor({ state: "visible" });
    await screenshot(page, `a11y-error-${colorScheme}`);
    assert.deepEqual(await axe(page, ["#widget"]), []);
  }
});

test("two widgets on one page: labels tell their landmarks apart, heading-level fits the outline", async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tests/browser/pages/plain.html`);
  await page.evaluate(() => {
    document.querySelector("#first")?.remove();
    document.body.insertAdjacentHTML(
      "beforeend",
      '<h1>Page</h1><topic-cards id="one"></topic-cards><section><h2>More</h2><topic-cards id="two"></topic-cards></section>',
    );
  });
  await painted(page.locator("#one"));
  await painted(page.locator("#two"));
  await page.waitForFunction(() => ["#one", "#two"].every((id) => document.querySelector(id).handle?.getState()?.total > 0));
  const rules = async () => {
    await page.evaluate(AXE);
    const result = await page.evaluate(() => window.axe.run({ include: [["#one"], ["#two"]] }, { runOnly: { type: "rule", values: ["landmark-unique", "heading-order"] } }));
    return result.violations.map((v) => v.id).sort();
  };
  // Unnamed, the two widgets' search and filter landmarks have one name each; under the h1,
  // the first widget's card titles (h3 by default) skip a level.
  assert.deepEqual(await rules(), ["heading-order", "landmark-unique"]);

  await page.evaluate(() => {
    const [one, two] = [document.querySelector("#one"), document.querySelector("#two")];
    one.setAttribute("label", "Health technology news");
    one.setAttribute("heading-level", "2");
    two.setAttribute("label", "More news");
  });
  await page.waitForFunction(() => document.querySelector("#one").shadowRoot.querySelector('h2[part~="card-title"]'));
  assert.deepEqual(await rules(), []);
  const names = await page.evaluate(() =>
    ["#one", "#two"].map((id) => [...document.querySelector(id).shadowRoot.querySelectorAll('[role="search"], aside')].map((n) => n.getAttribute("aria-label"))),
  );
  assert.deepEqual(names, [
    ["Health technology news", "Filters – Health technology news", "Related offerings – Health technology news"],
    ["More news", "Filters – More news", "Related offerings – More news"],
  ]);
  await assertCleanButImages(page);
});

/** The widget's focused element, described by its data-act (or tag). */
const focused = (page) =>
  page.evaluate(() => {
    const active = document.querySelector("#news").shadowRoot.activeElement;
    if (!active) return null;
    return { act: active.getAttribute("data-act") || active.localName, text: active.textContent.trim().slice(0, 60), checked: active.checked };
  });

/** Presses Tab (or Shift+Tab) until the focused control has `act`; fails after `limit`. */
async function tabTo(page, act, { back = false, limit = 400 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (now?.act === act) return now;
  }
  assert.fail(`Tab never reached a control with data-act="${act}"`);
}

const status = (page) => page.locator("#news").locator('[part~="status"]').innerText();

test("keyboard alone reaches and operates every control, and focus stays sensible", async () => {
  const page = await openLarge();
  const news = page.locator("#news");
  // Stop navigation away, but record the widget's click events.
  await page.evaluate(() => {
    window.clicks = [];
    const host = document.querySelector("#news");
    host.addEventListener("click", (event) => {
      // Only links: cancelling a checkbox's click would also cancel its toggle.
      if (event.composedPath()[0].closest?.("a")) event.preventDefault();
    });
    host.addEventListener("tc-card-click", (e) => window.clicks.push(["card", e.detail.id]));
    host.addEventListener("tc-offering-click", (e) => window.clicks.push(["offering", e.detail.label]));
  });
  await page.locator("h1").click(); // start from the host page's content, like a reader
  const total = await status(page);

  // Search: typing filters and focus stays in the box.
  await tabTo(page, "search");
  await page.keyboard.type("care");
  await waitQuiet(page);
  assert.notEqual(await status(page), total);
  assert.equal((await focused(page)).act, "search", "focus stays in the search box");

  // Sort: arrow keys change it.
  await tabTo(page, "sort");
  const sortBefore = await news.locator('[data-act="sort"]').inputValue();
  await page.keyboard.press("ArrowDown");
  await waitQuiet(page);
  assert.notEqual(await news.locator('[data-act="sort"]').inputValue(), sortBefore, "ArrowDown changes the sort");
  assert.equal((await focused(page)).act, "sort");

  // A facet checkbox: Space ticks it and focus stays on it while the results change.
  const facet = await tabTo(page, "facet");
  await page.keyboard.press("Space");
  await waitQuiet(page);
  const afterFacet = await focused(page);
  assert.equal(afterFacet.act, "facet");
  assert.equal(afterFacet.checked, true, "Space ticks the checkbox");
  assert.equal(afterFacet.text, facet.text, "the same checkbox keeps focus");

  // "Show N more" in a facet group: Enter reveals more values, focus stays on the button.
  await tabTo(page, "expand");
  const boxesBefore = await news.locator('[data-act="facet"]:visible').count();
  await page.keyboard.press("Enter");
  await waitQuiet(page);
  assert.ok((await news.locator('[data-act="facet"]:visible').count()) > boxesBefore, "more facet values show");
  assert.equal((await focused(page)).act, "expand", "focus stays on the toggle");

  // Active-filter chips (before the facets in tab order): Enter removes one, and focus moves
  // to the next chip or, when none is left, to the search box.
  const chipsBefore = await news.locator('[data-act="remove"]').count();
  assert.ok(chipsBefore >= 2, "a chip for the query and one for the facet");
  await tabTo(page, "remove", { back: true });
  await page.keyboard.press("Enter");
  await waitQuiet(page);
  assert.equal(await news.locator('[data-act="remove"]').count(), chipsBefore - 1, "one filter removed");
  assert.ok(["remove", "search"].includes((await focused(page)).act), "focus moved to a neighbour chip or search");

  // Clear all: Enter clears every filter and focus goes to the search box.
  await tabTo(page, "clear");
  await page.keyboard.press("Enter");
  await waitQuiet(page);
  assert.equal(await status(page), total, "everything is back");
  assert.equal((await focused(page)).act, "search");

  // A topic chip on a card adds that filter.
  await tabTo(page, "topic");
  await page.keyboard.press("Enter");
  await waitQuiet(page);
  assert.equal(await news.locator('[data-act="remove"]').count(), 1, "the card's topic became a filter");
  await tabTo(page, "remove", { back: true });
  await page.keyboard.press("Enter");
  await waitQuiet(page);

  // "Show more" cards: Enter adds a page and focus moves to the first new card.
  const shown = await cards(news).count();
  await tabTo(page, "more");
  await page.keyboard.press("Enter");
  await waitQuiet(page);
  assert.ok((await cards(news).count()) > shown, "more cards");
  const landed = await page.evaluate((n) => {
    const root = document.querySelector("#news").shadowRoot;
    const card = root.querySelectorAll('[part~="card"]')[n];
    return card.contains(root.activeElement);
  }, shown);
  assert.ok(landed, "focus is on the first new card");

  // A card link and an offering link: Enter activates them.
  await tabTo(page, "card");
  await page.keyboard.press("Enter");
  await tabTo(page, "offering");
  await page.keyboard.press("Enter");
  const clicks = await page.evaluate(() => window.clicks.map((c) => c[0]));
  assert.deepEqual(clicks, ["card", "offering"]);
  await assertCleanButImages(page);
});
