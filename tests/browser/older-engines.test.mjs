// Browsers the README supports that lack ES2024's String.prototype.toWellFormed and
// isWellFormed (Chrome 103-110, Firefox 113-118): the page deletes both before the widget's
// script runs, and the widget must still paint, search, filter and hand the core text with
// lone surrogates as wasm-bindgen does (U+FFFD in their place).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertClean, cards, openPage, painted, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test("without String.prototype.toWellFormed and isWellFormed the widget works", async () => {
  const page = await openPage(env.browser);
  await page.addInitScript(() => {
    delete String.prototype.toWellFormed;
    delete String.prototype.isWellFormed;
  });
  await page.goto(`${env.url}/tests/browser/pages/first-view.html`);
  assert.equal(await page.evaluate(() => "toWellFormed" in String.prototype || "isWellFormed" in String.prototype), false);
  const fromUrl = page.locator("#from-url");
  const sample = page.locator("#default");
  for (const widget of [fromUrl, sample]) {
    await painted(widget);
    assert.equal(await cards(widget).count(), 12);
  }
  await page.waitForFunction(() => ["#from-url", "#default"].every((id) => document.querySelector(id).handle?.getState?.()?.total > 0));

  await fromUrl.locator('input[type="search"]').fill("telehealth");
  await page.waitForFunction(() => document.querySelector("#from-url").handle.getState().query === "telehealth");
  await sample.getByRole("checkbox", { name: /Cybersecurity/ }).check();
  await page.waitForFunction(() => document.querySelector("#default").handle.getState().topics.length === 1);

  // A lone surrogate reaches the core as U+FFFD, the way wasm-bindgen passes it.
  const query = await page.evaluate(() => {
    const { handle } = document.querySelector("#from-url");
    handle.setFilters({ query: "tele\uD800health" });
    return handle.getState().query;
  });
  assert.equal(query, "tele\uFFFDhealth");
  // And the painter mends the page's UI strings the same way.
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "strings";
    document.body.append(host);
    TopicCards.mount(host, { strings: { resultsMany: "{n} Treffer \uDC00" } });
  });
  await page.waitForFunction(() => document.querySelector("#strings").shadowRoot?.querySelector('[part~="status"]')?.textContent.includes("Treffer \uFFFD"));
  await assertClean(page, { allowMissingImages: true });
});
