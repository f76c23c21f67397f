// Hostile hosts: a page with `* { all: unset }`, a reset from npm (modern-normalize) and loud
// !important text styles on every element; globals that other scripts leave behind
// (`wasm_bindgen = 42`, an AMD `define`, enumerable prototype additions, a fetch wrapper, an
// element whose id makes a `window.TopicCards` global); and a `<base href>` pointing to
// another site. Then 50 widgets on one page, and 1,000 mount/destroy cycles measured through
// the DevTools protocol (DOM nodes, JS event listeners, listeners on window/document, Wasm
// memory).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, cards, openPage, painted, screenshot, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** Opens a host page; requests to elsewhere.example (the <base>) are answered 404 here. */
async function open(name, options) {
  const page = await openPage(env.browser, options);
  page.elsewhere = [];
  await page.route(/^https:\/\/elsewhere\.example\//, (route) => {
    page.elsewhere.push(route.request().url());
    return route.fulfill({ status: 404, body: "" });
  });
  await page.goto(`${env.url}/tests/browser/pages/${name}.html`);
  return page;
}

/** Requests to the <base> site are the host's own choice, not the widget leaking. */
function withoutElsewhere(page) {
  page.problems = page.problems.filter((p) => !/^request left the machine: https:\/\/elsewhere\.example\//.test(p));
  page.consoleErrors = page.consoleErrors.filter((t) => !/^Failed to load resource/.test(t));
}

const STYLE_PROPS = [
  "font-family", "font-size", "font-style", "font-weight", "line-height", "color", "letter-spacing",
  "word-spacing", "text-transform", "text-shadow", "text-indent", "white-space", "cursor",
  "margin-top", "padding-top", "border-top-width", "border-top-style", "box-sizing", "display",
  "background-color", "text-decoration-line",
];

/** Computed styles of representative nodes inside the first widget's shadow root. */
function innerStyles(props) {
  const root = document.querySelector("#first").shadowRoot;
  const pick = {
    root: ".tc",
    card: '[part~="card"]',
    title: '[part~="card-title"] a',
    summary: ".summary",
    search: '[part~="search"]',
    chip: '[part~="chip"]',
    status: '[part~="status"]',
    checkbox: 'input[type="checkbox"]',
  };
  const out = {};
  for (const [name, selector] of Object.entries(pick)) {
    const el = root.querySelector(selector);
    if (!el) {
      out[name] = "missing";
      continue;
    }
    const style = getComputedStyle(el);
    out[name] = Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
  }
  return out;
}

test("aggressive host CSS, conflicting globals and a foreign <base> change nothing inside", async () => {
  const plain = await open("plain");
  await painted(plain.locator("#first"));
  const expected = await plain.evaluate(innerStyles, STYLE_PROPS);

  const page = await open("hostile");
  const widget = page.locator("#first");
  await painted(widget);
  assert.equal(await cards(widget).count(), 6);
  // The widget's own look survives the host's CSS, property by property.
  assert.deepEqual(await page.evaluate(innerStyles, STYLE_PROPS), expected);
  // The host's globals are as the host left them, and ours is ours.
  const globals = await page.evaluate(() => ({
    wasmBindgen: window.wasm_bindgen,
    define: typeof window.define,
    api: typeof window.TopicCards.mount,
    element: document.getElementById("TopicCards").localName,
    hostOk: window.hostOk,
    prototypeHelper: window.hostSawItsOwnPrototypeHelper,
  }));
  assert.deepEqual(globals, {
    wasmBindgen: 42,
    define: "function",
    api: "function",
    element: "div",
    hostOk: true,
    prototypeHelper: true,
  });
  // Search and facets work; the default index's pictures come from beside the script (its
  // baseUrl), which the foreign <base> does not move.
  await widget.getByRole("searchbox").fill("telehealth");
  await page.waitForTimeout(300);
  assert.ok((await cards(widget).count()) > 0);
  await widget.getByRole("searchbox").fill("");
  await widget.getByRole("checkbox").first().check();
  await page.waitForTimeout(300);
  assert.ok((await cards(widget).count()) > 0);
  assert.ok(page.elsewhere.every((url) => !/\/images\//.test(url)), page.elsewhere.join(" "));
  const visibleImages = await widget.locator("img:visible").count();
  assert.ok(visibleImages > 0, "the sample pictures load from the script's folder");
  await screenshot(page, "hostile-host");
  withoutElsewhere(page);
  await assertClean(page);
  // The plain page sits in tests/browser/pages/, where the sample images are not: 404s.
  await assertClean(plain, { allowConsoleErrors: true });
});

test("50 widgets on one page all paint, each in its own shadow root", async () => {
  const page = await open("hostile", { width: 1280, height: 900 });
  await painted(page.locator("#first"));
  const started = Date.now();
  await page.evaluate(() => {
    const main = document.getElementById("widgets");
    for (let i = 0; i < 49; i++) {
      const el = document.createElement("topic-cards");
      el.id = `w${i}`;
      el.setAttribute("page-size", "3");
      el.setAttribute("query", ["care", "data", "rural", "clinic", ""][i % 5]);
      main.append(el);
    }
  });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("topic-cards")].every(
        (el) => el.shadowRoot && el.shadowRoot.querySelector('[part~="status"]')?.textContent.match(/\d/),
      ),
    null,
    { timeout: 60000 },
  );
  const ms = Date.now() - started;
  const summary = await page.evaluate(() => {
    const els = [...document.querySelectorAll("topic-cards")];
    return {
      widgets: els.length,
      roots: new Set(els.map((el) => el.shadowRoot)).size,
      withCards: els.filter((el) => el.shadowRoot.querySelectorAll('[part~="card"]').length > 0).length,
    };
  });
  assert.deepEqual(summary, { widgets: 50, roots: 50, withCards: 50 });
  // One widget's filter leaves the 49 others alone.
  const before = await page.evaluate(() => document.querySelector("#w0").shadowRoot.querySelector('[part~="status"]').textContent);
  await page.locator("#first").getByRole("searchbox").fill("zzzz-nothing");
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector("#w0").shadowRoot.querySelector('[part~="status"]').textContent), before);
  console.log(`# 49 more widgets painted in ${ms} ms`);
  withoutElsewhere(page);
  await assertClean(page);
});

/** DevTools counters after a full garbage collection. */
async function measure(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
  const listenersOn = async (expression) => {
    const { result } = await cdp.send("Runtime.evaluate", { expression });
    const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    return listeners.length;
  };
  // Every WebAssembly.Memory in the page, found through its prototype (the single-file
  // script keeps its own in a closure).
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result: sizes } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId,
    functionDeclaration: "function () { return this.map((m) => m.buffer.byteLength); }",
    returnByValue: true,
  });
  return {
    nodes,
    jsEventListeners,
    windowListeners: await listenersOn("window"),
    documentListeners: await listenersOn("document"),
    wasmBytes: sizes.value.reduce((a, b) => a + b, 0),
  };
}

test("1,000 mount/destroy cycles leave no nodes, listeners or Wasm memory behind", async () => {
  const page = await open("hostile");
  await painted(page.locator("#first"));
  const cdp = await page.context().newCDPSession(page);
  // A small inline index without images, so the cycles measure the widget, not the network.
  const index = JSON.parse(readFileSync(join(ROOT, "build", "default-index.json"), "utf8"));
  for (const a of index.articles) delete a.image;
  if (index.firstView) for (const a of index.firstView.articles) delete a.image;
  await page.evaluate((text) => {
    // Shared by the <topic-cards> elements below through index-ref (data, not script).
    const data = document.createElement("script");
    data.type = "application/json";
    data.id = "cycle-index";
    data.textContent = text;
    document.body.append(data);
    /**
     * One cycle: mount (even: the JS API; odd: a <topic-cards> element added and removed),
     * wait for the full index, use it, destroy.
     */
    window.cycle = async (i) => {
      const main = document.getElementById("widgets");
      if (i % 2) {
        const el = document.createElement("topic-cards");
        el.setAttribute("index-ref", "cycle-index");
        el.setAttribute("page-size", "4");
        if (i % 3 === 0) el.setAttribute("hash-sync", `e${i % 5}`);
        const ready = new Promise((ok) => el.addEventListener("tc-ready", ok, { once: true }));
        main.append(el);
        await ready;
        el.setAttribute("query", "care");
        el.remove(); // disconnectedCallback destroys the widget
        return;
      }
      const host = document.createElement(i % 4 ? "div" : "section");
      main.append(host);
      const ready = new Promise((ok) => host.addEventListener("tc-ready", ok, { once: true }));
      const handle = window.TopicCards.mount(host, { index: text, pageSize: 4, hashSync: i % 3 === 0 ? `c${i % 7}` : false });
      await ready;
      handle.setFilters({ query: i % 4 ? "care" : "", topics: [] });
      handle.destroy();
      host.remove();
    };
    window.cycles = async (n, from) => {
      for (let i = from; i < from + n; i++) await window.cycle(i);
    };
  }, JSON.stringify(index));
  await page.evaluate(() => window.cycles(50, 0)); // warm-up: allocator and caches settle
  const base = await measure(page, cdp);
  const started = Date.now();
  await page.evaluate(() => window.cycles(1000, 50));
  const seconds = (Date.now() - started) / 1000;
  const end = await measure(page, cdp);
  console.log(`# 1000 cycles in ${seconds.toFixed(1)} s; before ${JSON.stringify(base)}; after ${JSON.stringify(end)}`);
  assert.ok(Math.abs(end.nodes - base.nodes) <= 50, `DOM nodes ${base.nodes} -> ${end.nodes}`);
  assert.ok(Math.abs(end.jsEventListeners - base.jsEventListeners) <= 4, `listeners ${base.jsEventListeners} -> ${end.jsEventListeners}`);
  assert.equal(end.windowListeners, base.windowListeners, "no listener left on window (hash sync)");
  assert.equal(end.documentListeners, base.documentListeners, "no listener left on document");
  assert.ok(end.wasmBytes - base.wasmBytes < 1024 * 1024, `Wasm memory ${base.wasmBytes} -> ${end.wasmBytes}`);
  // And the widget that was there all along still works.
  await page.locator("#first").getByRole("searchbox").fill("telehealth");
  await page.waitForTimeout(300);
  assert.ok((await cards(page.locator("#first")).count()) > 0);
  withoutElsewhere(page);
  await assertClean(page);
});
