// CSP: the demo pages (partner page, offline page over HTTP, the Vite-built app) under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// sent as an HTTP header (the pages also carry it in a meta tag, so both are in force), with
// every control exercised in light and dark. Any `securitypolicyviolation` event fails the
// test. A canary page that breaks the policy on purpose proves the violations are seen.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { ROOT, assertClean, cards, openPage, painted, screenshot, start } from "./harness.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const PAGES = [
  ["partner", "/www/partner.html", ["#news", "[data-topic-cards]"]],
  ["offline-over-http", "/www/offline.html", ["#default", "#inline"]],
  ["vite-app", "/www/vite-app/dist/index.html", ["#cards"]],
];

let env;
let strict;
before(async () => {
  const bin = (name) => join(ROOT, "node_modules", ".bin", name);
  execFileSync(bin("vite"), ["build", "--config", join(ROOT, "www/vite-app/vite.config.js")], { cwd: ROOT, stdio: "ignore" });
  env = await start();
  strict = await serve(ROOT, 0, { headers: { "Content-Security-Policy": CSP } });
});
after(async () => {
  await env?.stop();
  await new Promise((ok) => (strict ? strict.server.close(ok) : ok()));
});

const violations = (page) => page.evaluate(() => window.__cspViolations);

/** Uses every control once: search, sort, a facet, a chip, show more, clear, the filter toggle. */
async function exercise(page, widget) {
  // On a narrow screen the facets sit behind the filter toggle.
  const toggle = widget.locator('[data-act="toggle-filters"]').filter({ visible: true });
  if (await toggle.count()) await toggle.first().click();
  const search = widget.getByRole("searchbox");
  await search.fill("care");
  await page.waitForTimeout(150);
  await search.fill("");
  await widget.getByRole("combobox").selectOption({ index: 1 });
  await widget.getByRole("checkbox").first().check();
  await page.waitForTimeout(150);
  await widget.getByRole("button", { name: /clear all/i }).filter({ visible: true }).first().click();
  const chip = widget.locator('[part~="chip"]').first();
  if (await chip.count()) await chip.click();
  const more = widget.locator('[part~="more"]').filter({ visible: true });
  if (await more.count()) await more.first().click();
  await page.waitForTimeout(200);
}

for (const [name, path, selectors] of PAGES) {
  for (const colorScheme of ["light", "dark"]) {
    test(`${name} (${colorScheme}) runs under the strict CSP header with no violation`, async () => {
      // Narrow in dark so the filter toggle (a narrow-screen control) is used too.
      const page = await openPage(env.browser, { colorScheme, width: colorScheme === "dark" ? 420 : 1280 });
      const response = await page.goto(strict.url + path);
      assert.equal(response.headers()["content-security-policy"], CSP, "the policy came as a header");
      for (const selector of selectors) {
        const widget = page.locator(selector);
        await painted(widget);
        assert.ok((await cards(widget).count()) > 0, `${selector} shows cards`);
      }
      await exercise(page, page.locator(selectors[0]));
      await screenshot(page, `csp-${name}-${colorScheme}`);
      assert.deepEqual(await violations(page), [], "no securitypolicyviolation events");
      await assertClean(page);
    });
  }
}

test("the canary page's inline script and styles are blocked and reported", async () => {
  const page = await openPage(env.browser);
  await page.goto(strict.url + "/tests/browser/pages/csp-canary.html");
  await page.waitForTimeout(200);
  const seen = await violations(page);
  assert.ok(seen.length >= 2, `violations are seen (${seen.join("; ")})`);
  assert.equal(await page.evaluate(() => window.inlineRan), undefined, "the inline script did not run");
});
