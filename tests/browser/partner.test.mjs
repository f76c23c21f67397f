// Embedding 1: a partner's page with one <script src> (www/partner.html), served over HTTP
// under the strict CSP. Covers the script tag, the custom element, the data attribute, facet
// clicks, search, keyboard use, hash state, and two widgets on one page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertClean, cards, openPage, painted, screenshot, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

async function openPartner(options) {
  const page = await openPage(env.browser, options);
  await page.goto(`${env.url}/www/partner.html`);
  const news = page.locator("#news");
  const tele = page.locator("[data-topic-cards]");
  await painted(news);
  await painted(tele);
  return { page, news, tele };
}

const countText = (widget) => widget.locator('[part~="status"]').innerText();
const numberIn = (text) => Number(text.replace(/[^\d]/g, " ").trim().split(/\s+/)[0]);

test("the script tag mounts the custom element and the data-attribute element", async () => {
  const { page, news, tele } = await openPartner();
  assert.equal(await cards(news).count(), 12, "a full first page of cards");
  assert.equal(await cards(tele).count(), 3, "page-size=3 is honoured");
  // The preset topic filters the second widget: each of its cards carries that topic.
  // textContent, not innerText: what each card holds, in view or not (innerText reports what
  // is rendered).
  for (const card of await cards(tele).all()) {
    assert.match(await card.textContent(), /Telemedicine/);
  }
  assert.equal(await tele.locator('[part~="panel"]:visible').count(), 0, 'offerings="false" hides the panel');
  assert.ok((await news.locator('[part~="panel"] a').count()) > 0, "the panel lists offerings");
  await assertClean(page);
});

test("a facet click updates cards, counts and offerings", async () => {
  const { page, news } = await openPartner();
  const before = numberIn(await countText(news));
  const panelBefore = await news.locator('[part~="panel"]').innerText();
  const box = news.getByRole("checkbox", { name: /Cybersecurity/ });
  const facetCount = numberIn(await box.locator("xpath=..").innerText());
  await box.check();
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector("#news").shadowRoot.querySelector('[part~="status"]');
      return el && !el.textContent.includes(String(n));
    },
    before,
  );
  const after = numberIn(await countText(news));
  assert.equal(after, facetCount, "the result count equals the count shown beside the facet");
  assert.ok(after < before, "filtering narrows the results");
  for (const card of await cards(news).all()) assert.match(await card.textContent(), /Cybersecurity/);
  assert.notEqual(await news.locator('[part~="panel"]').innerText(), panelBefore, "the panel follows the results");
  // A chip for the active filter, and clearing it brings everything back.
  await news.getByRole("button", { name: /clear all/i }).click();
  await page.waitForFunction(
    (n) => document.querySelector("#news").shadowRoot.querySelector('[part~="status"]').textContent.includes(String(n)),
    before,
  );
  await assertClean(page);
});

test("search narrows the results and tolerates a typo", async () => {
  const { page, news } = await openPartner();
  const total = numberIn(await countText(news));
  const search = news.getByRole("searchbox");
  await search.fill("telehealth");
  await page.waitForTimeout(300);
  const exact = numberIn(await countText(news));
  assert.ok(exact > 0 && exact < total, `telehealth finds some but not all (${exact} of ${total})`);
  await search.fill("telehelth");
  await page.waitForTimeout(300);
  assert.ok(numberIn(await countText(news)) > 0, "one typo still finds articles");
  await search.fill("zzzqqq");
  await page.waitForTimeout(300);
  assert.equal(await news.locator('[part~="empty"]:visible').count(), 1, "an empty result says so");
  await assertClean(page);
});

test("keyboard alone reaches and operates search, facets and sort", async () => {
  const { page, news } = await openPartner();
  await news.getByRole("searchbox").focus();
  await page.keyboard.type("care");
  await page.waitForTimeout(300);
  const withQuery = numberIn(await countText(news));
  // Tab forward until a facet checkbox has focus, then toggle it with Space.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => {
      const active = document.querySelector("#news").shadowRoot.activeElement;
      return !!active && active.type === "checkbox";
    });
  }
  assert.ok(reached, "a facet checkbox is reachable by Tab");
  await page.keyboard.press("Space");
  await page.waitForTimeout(300);
  const checked = await page.evaluate(() => document.querySelector("#news").shadowRoot.activeElement?.checked);
  assert.equal(checked, true, "Space ticks the focused checkbox and focus stays on it");
  assert.ok(numberIn(await countText(news)) <= withQuery);
  await assertClean(page);
});

test("filters round-trip through the URL hash, namespaced per widget", async () => {
  const { page, news, tele } = await openPartner();
  const teleCount = await countText(tele);
  await news.getByRole("searchbox").fill("data");
  await news.getByRole("checkbox", { name: /Telemedicine/ }).check();
  await page.waitForTimeout(300);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /news\./, "the hash carries the widget's namespace");
  const filtered = await countText(news);
  assert.equal(await countText(tele), teleCount, "the other widget is unaffected");

  const again = await openPage(env.browser);
  await again.goto(`${env.url}/www/partner.html${hash}`);
  const restored = again.locator("#news");
  await painted(restored);
  await again.waitForTimeout(300);
  assert.equal(await restored.getByRole("searchbox").inputValue(), "data");
  assert.equal(await restored.getByRole("checkbox", { name: /Telemedicine/ }).isChecked(), true);
  assert.equal(await countText(restored), filtered);
  await assertClean(page);
  await assertClean(again);
});

test("changing one attribute of <topic-cards> applies that attribute only, keeping what the reader chose", async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tests/browser/pages/plain.html`);
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<topic-cards id="attrs" topics="Telemedicine"></topic-cards>'));
  const widget = page.locator("#attrs");
  const state = () => page.evaluate(() => document.querySelector("#attrs").handle.getState());
  await page.waitForFunction(() => document.querySelector("#attrs").handle?.getState?.()?.total > 0);
  // The reader's own choices: a search and one more facet value.
  await widget.getByRole("searchbox").fill("care");
  await widget.locator('input[type="checkbox"]:not(:checked):not(:disabled)').first().check();
  await page.waitForFunction(() => {
    const { query, topics, types, brands } = document.querySelector("#attrs").handle.getState();
    return query === "care" && topics.length + types.length + brands.length === 2;
  });
  const chosen = await state();
  const setAttribute = (name, value) => page.evaluate(([n, v]) => document.querySelector("#attrs").setAttribute(n, v), [name, value]);

  await setAttribute("theme", "dark");
  await page.waitForFunction(() => document.querySelector("#attrs").shadowRoot.querySelector("[data-theme]").dataset.theme === "dark");
  await setAttribute("page-size", "3");
  await page.waitForFunction(() => document.querySelector("#attrs").shadowRoot.querySelectorAll('[part~="card"]').length <= 3);
  assert.deepEqual(await state(), chosen, "theme and page-size leave the filters as the reader set them");

  // A filter attribute applies itself, and only itself.
  await setAttribute("query", "rural");
  await page.waitForFunction(() => document.querySelector("#attrs").handle.getState().query === "rural");
  assert.deepEqual(await state(), { ...chosen, query: "rural", total: (await state()).total });

  // Taken away, an attribute's option goes back to its default.
  const removeAttribute = (name) => page.evaluate((n) => document.querySelector("#attrs").removeAttribute(n), name);
  await removeAttribute("theme");
  await page.waitForFunction(() => document.querySelector("#attrs").shadowRoot.querySelector("[data-theme]").dataset.theme === "auto");
  await removeAttribute("query");
  await page.waitForFunction(() => document.querySelector("#attrs").handle.getState().query === "");
  await removeAttribute("page-size");
  await page.waitForFunction(() => {
    const el = document.querySelector("#attrs");
    return el.shadowRoot.querySelectorAll('[part~="card"]').length === Math.min(12, el.handle.getState().total);
  });
  assert.ok((await state()).total > 3, "more than page-size 3 to show");
  const onDefault = await state();
  assert.deepEqual(onDefault, { ...chosen, query: "", total: onDefault.total }, "the reader's facets stay");

  // An inline index named by index-ref, then, without it, the default index again.
  const all = await page.evaluate(async () => {
    const index = await (await fetch("/build/default-index.json")).json();
    const count = index.articles.length;
    index.articles = index.articles.slice(0, 9);
    delete index.firstView;
    const script = Object.assign(document.createElement("script"), { type: "application/json", id: "nine", textContent: JSON.stringify(index) });
    document.body.append(script);
    const el = document.querySelector("#attrs");
    el.handle.setFilters({});
    el.setAttribute("index-ref", "nine");
    return count;
  });
  await page.waitForFunction(() => document.querySelector("#attrs").handle.getState().total === 9);
  await removeAttribute("index-ref");
  await page.waitForFunction((n) => document.querySelector("#attrs").handle.getState().total === n, all);
  await assertClean(page, { allowMissingImages: true });
});

test("screenshots: desktop and phone, light and dark", async () => {
  for (const [width, label] of [
    [1280, "desktop"],
    [375, "phone"],
  ]) {
    for (const colorScheme of ["light", "dark"]) {
      const { page } = await openPartner({ width, height: 900, colorScheme });
      await page.waitForTimeout(200);
      await screenshot(page, `partner-${label}-${colorScheme}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (overflow ${overflow}px)`);
      await assertClean(page);
    }
  }
});
