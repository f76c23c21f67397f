// The shared Chromium flags (scripts/chromium.mjs), as the browser that tests and bench
// launch really runs them.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(() => env?.stop());

/** The browser's own command line, as chrome://version shows it. */
async function commandLine() {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto("chrome://version");
    return await page.locator("#command_line").textContent();
  } finally {
    await context.close();
  }
}

test("the last --disable-features keeps every feature that Playwright's own list disables", async () => {
  // Chromium honours only the last --disable-features: ours comes after Playwright's, so
  // one of Playwright's missing from ours would silently be on again.
  const lists = [...(await commandLine()).matchAll(/--disable-features=(\S+)/g)].map((m) => m[1].split(","));
  assert.ok(lists.length >= 1, "a --disable-features on the command line");
  const honoured = new Set(lists.at(-1));
  const lost = lists.flat().filter((feature) => !honoured.has(feature));
  assert.deepEqual(lost, [], "features an earlier --disable-features lists and the last one does not");
  assert.ok(honoured.has("WebUIOmniboxPopup") && honoured.has("WebUIOmniboxAimPopup"), "ours are in the honoured list");
});

test("a new window loads no omnibox popup pages beside its page", async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto("about:blank");
    const cdp = await env.browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send("Target.getTargets");
    await cdp.detach();
    const popups = targetInfos.filter((t) => t.url.startsWith("chrome://omnibox-popup")).map((t) => t.url);
    assert.deepEqual(popups, []);
  } finally {
    await context.close();
  }
});
