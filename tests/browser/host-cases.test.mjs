// What host pages do around a widget, on the script tag's page: move it, give it options by
// mistake, put two hash-synced widgets side by side, set the page right to left; and what
// the widget must do in each: keep the reader's state and focus, say what is wrong, read in
// the right direction. (A core that cannot load: loading.test.mjs.)
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

/** The plain host page, its console warnings collected in `page.warnings`. */
async function openPlain(options) {
  const page = await openPage(env.browser, options);
  page.warnings = [];
  page.on("console", (message) => {
    if (message.type() === "warning") page.warnings.push(message.text());
  });
  await page.goto(`${env.url}/tests/browser/pages/plain.html`);
  return page;
}

/** Waits until `#first` can search (its tc-ready has come). */
async function searchable(page) {
  await page.waitForFunction(() => document.querySelector("#first")?.handle?.getState()?.total != null, null, { timeout: 20000 });
  await page.evaluate(
    () =>
      new Promise((ok) => {
        const el = document.querySelector("#first");
        // Ready once a search no longer says it is being prepared.
        const check = () => (el.shadowRoot.querySelector(".tc[data-pending]") ? setTimeout(check, 20) : ok());
        check();
      }),
  );
}

/** Resolves once `lines` (a page's console lines, filled as they arrive) has one matching
 * `pattern`; fails after 5 s with what was logged. */
async function logged(lines, pattern) {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (lines.some((line) => pattern.test(line))) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.fail(`nothing logged matches ${pattern}:\n${lines.join("\n")}`);
}

async function typeQuery(page, text) {
  const box = page.locator("#first").locator('input[type="search"]');
  await box.fill(text);
  await page.waitForFunction((q) => document.querySelector("#first").handle.getState().query === q, text);
}

test("moving the element keeps the reader's search and filters", async () => {
  const page = await openPlain();
  const widget = page.locator("#first");
  await painted(widget);
  await searchable(page);
  await typeQuery(page, "telehealth");
  const before = await page.evaluate(() => document.querySelector("#first").handle.getState());
  assert.ok(before.total > 0 && before.total < 60, JSON.stringify(before));
  const same = await page.evaluate(async () => {
    const el = document.querySelector("#first");
    const handle = el.handle;
    const aside = document.createElement("aside");
    document.body.append(aside);
    aside.append(el); // a layout moving the widget to a sidebar
    await new Promise((ok) => setTimeout(ok, 50));
    return el.handle === handle && el.isConnected;
  });
  assert.ok(same, "the element kept its widget");
  assert.deepEqual(await page.evaluate(() => document.querySelector("#first").handle.getState()), before);
  assert.equal(await widget.locator('input[type="search"]').inputValue(), "telehealth");
  // Taken out of the page for good, it is gone.
  const gone = await page.evaluate(async () => {
    const el = document.querySelector("#first");
    el.remove();
    await new Promise((ok) => setTimeout(ok, 50));
    return el.handle === null && el.shadowRoot.childElementCount === 0;
  });
  assert.ok(gone, "a removed element lets its widget go");
  await assertClean(page, { allowMissingImages: true });
});

test("article text runs in its own direction, the widget's words in its locale's", async () => {
  const page = await openPlain();
  const widget = page.locator("#first");
  await painted(widget);
  const read = () =>
    page.evaluate(() => {
      const root = document.querySelector("#first").shadowRoot;
      return {
        dir: root.querySelector(".tc").getAttribute("dir"),
        searchDir: root.querySelector(".search").getAttribute("dir"),
        title: getComputedStyle(root.querySelector(".title")).unicodeBidi,
        facet: getComputedStyle(root.querySelector(".value .name")).unicodeBidi,
      };
    });
  assert.deepEqual(await read(), { dir: "ltr", searchDir: "auto", title: "plaintext", facet: "plaintext" });
  // An English widget on a right-to-left page stays left to right: "60 articles", not "articles 60".
  await page.evaluate(() => document.documentElement.setAttribute("dir", "rtl"));
  assert.equal((await read()).dir, "ltr");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#first").shadowRoot.querySelector(".status")).direction), "ltr");
  await page.evaluate(() => document.querySelector("#first").setAttribute("locale", "ar-EG"));
  await page.waitForFunction(() => document.querySelector("#first").shadowRoot.querySelector(".tc").getAttribute("dir") === "rtl");
  await assertClean(page, { allowMissingImages: true });
});

test("focus goes to the status line when its card leaves with its article", async () => {
  const page = await openPlain();
  const widget = page.locator("#first");
  await painted(widget);
  await searchable(page);
  await cards(widget).nth(2).locator("a").first().focus();
  await page.evaluate(() => document.querySelector("#first").handle.setFilters({ query: "qqqqzzzz" }));
  const focused = await page.evaluate(() => {
    const root = document.querySelector("#first").shadowRoot;
    return { cls: root.activeElement?.className ?? null, page: document.activeElement?.tagName };
  });
  assert.deepEqual(focused, { cls: "status", page: "TOPIC-CARDS" });
  await assertClean(page, { allowMissingImages: true });
});

test("wrong options say what is wrong and cost only themselves", async () => {
  const page = await openPlain();
  await painted(page.locator("#first"));
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "second";
    document.body.append(host);
    window.__second = window.TopicCards.mount(host, { pageSize: 3, strings: { resultsMany: "{n} items", searchPlaceholder: 5 } });
    window.TopicCards.mount("#first", {});
  });
  const second = page.locator("#second");
  await painted(second);
  await page.waitForFunction(() => window.__second.getState()?.total != null);
  assert.match(await second.locator('[part~="status"]').textContent(), /items/);
  await page.evaluate(() => window.__second.setFilters({ dateFrom: "2020-13-45", dateTo: "2025" }));
  const state = await page.evaluate(() => window.__second.getState());
  assert.equal(state.dateFrom, undefined);
  assert.equal(state.dateTo, "2025");
  await page.evaluate(() => document.querySelector("#first").setAttribute("page-size", "lots"));
  await logged(page.warnings, /strings\.searchPlaceholder must be text/);
  await logged(page.warnings, /"dateFrom" ignored: expected a date/);
  await logged(page.warnings, /"pageSize" ignored/);
  await logged(page.consoleErrors, /mount\(\) needs an element, not string/);
  await assertClean(page, { allowConsoleErrors: true, allowMissingImages: true });
});

test("two hash-synced widgets under one name are warned about", async () => {
  const page = await openPlain();
  await painted(page.locator("#first"));
  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) {
      const el = document.createElement("topic-cards");
      el.setAttribute("hash-sync", "");
      el.setAttribute("page-size", "2");
      document.body.append(el);
    }
  });
  await page.waitForFunction(() => [...document.querySelectorAll("topic-cards:not([id])")].every((el) => el.handle?.getState()?.total != null));
  await logged(page.warnings, /two widgets keep their filters in the URL hash as "tc"/);
  assert.equal(page.warnings.filter((w) => /two widgets keep/.test(w)).length, 1, page.warnings.join("\n"));
  await assertClean(page, { allowMissingImages: true });
});

test("the default index's pictures come from beside the script; baseUrl places an index's own", async () => {
  const page = await openPlain();
  const widget = page.locator("#first");
  await painted(widget);
  const pictures = () =>
    page.evaluate(async (selector) => {
      const imgs = [...document.querySelector(selector).shadowRoot.querySelectorAll(".card img")];
      await Promise.all(imgs.map((img) => img.decode().catch(() => {})));
      return imgs.map((img) => ({ src: img.getAttribute("src"), loaded: img.complete && img.naturalWidth > 0 }));
    }, "#first");
  const shown = await pictures();
  assert.ok(shown.length > 0, "the sample index has pictures");
  for (const { src, loaded } of shown) {
    assert.ok(src.startsWith(`${env.url}/pkg/images/`), src);
    assert.ok(loaded, `${src} did not load`);
  }
  // An index given inline, its pictures placed by baseUrl (here the sample content's folder).
  await page.evaluate(async (base) => {
    const host = document.createElement("div");
    host.id = "placed";
    document.body.append(host);
    const index = await (await fetch("../../../build/default-index.json")).text();
    window.__placed = window.TopicCards.mount(host, { index, pageSize: 4, baseUrl: base });
  }, `${env.url}/content/`);
  await painted(page.locator("#placed"));
  const placed = await page.evaluate(() => [...document.querySelector("#placed").shadowRoot.querySelectorAll(".card img")].map((img) => img.getAttribute("src")));
  assert.ok(placed.length > 0 && placed.every((src) => src.startsWith(`${env.url}/content/images/`)), placed.join(", "));
  await assertClean(page);
});
