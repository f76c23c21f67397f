// Embedding 2: a page opened from disk (file://) with no server at all: the single-file
// script carries the Wasm and the default index, and a second widget reads an inline index.
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";
import { ROOT, assertClean, cards, openPage, painted, screenshot, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test("file:// page: default index and inline index both render", async () => {
  const page = await openPage(env.browser);
  await page.goto(pathToFileURL(join(ROOT, "www", "offline.html")).href);
  const builtIn = page.locator("#default");
  const inline = page.locator("#inline");
  await painted(builtIn);
  await painted(inline);
  assert.equal(await cards(builtIn).count(), 6, "page-size=6 of the default index");
  assert.equal(await cards(inline).count(), 4, "all four inline articles");
  await inline.getByRole("searchbox").fill("rota");
  await page.waitForTimeout(300);
  assert.equal(await cards(inline).count(), 1, "search works on the inline index");
  assert.match(await cards(inline).first().textContent(), /fairer rota/);
  assert.ok((await cards(builtIn).count()) === 6, "the other widget is untouched");
  await screenshot(page, "offline-desktop-light");
  await assertClean(page);
});
