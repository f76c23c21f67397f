// How the index arrives: the `indexUrl` request starts before the Wasm is instantiated (so
// the download runs beside the code's), a page's own `fetch` option is used for it, and a
// failing or wrong `fetch` option ends in the widget's error state, not in the host page; and with
// a first-view part, the first cards paint before the core and the index are requested.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { watchOurWidget } from "../../bench/lib/inpage.mjs";
import { assertClean, cards, openPage, painted, start } from "./harness.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test("the index request starts before the Wasm is instantiated", async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tests/browser/pages/loading.html`);
  const widget = page.locator("#early");
  await painted(widget);
  const { requestAt, instantiateAt, requests } = await page.evaluate(() => {
    const entries = performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/default-index.json"));
    return { requestAt: entries[0]?.startTime, instantiateAt: window.__instantiateAt, requests: entries.length };
  });
  assert.equal(requests, 1, "the index is requested once");
  assert.ok(instantiateAt !== null, "the page saw the Wasm instantiated");
  assert.ok(requestAt < instantiateAt, `index requested at ${requestAt} ms, Wasm instantiated at ${instantiateAt} ms`);
  assert.equal(await cards(widget).count(), 12);
  await assertClean(page, { allowMissingImages: true });
});

/** Mounts a widget on the plain page with `options` built in the page by `make`. */
async function mountWith(make, page = null) {
  page ??= await openPage(env.browser);
  await page.goto(`${env.url}/tests/browser/pages/plain.html`);
  await page.evaluate(`(() => {
    const host = document.createElement("div");
    host.id = "custom";
    document.body.append(host);
    window.__errors = [];
    host.addEventListener("tc-error", (e) => window.__errors.push(e.detail.message));
    window.__handle = TopicCards.mount(host, (${make})());
  })()`);
  return { page, widget: page.locator("#custom") };
}

test("a page's own fetch option is used for indexUrl and firstViewUrl", async () => {
  const { page, widget } = await mountWith(`() => {
    window.__asked = [];
    const files = {
      "made-up/index.json": "../../../build/default-index.json",
      "made-up/index.first.json": "../../../build/default-index.first.json",
    };
    return {
      indexUrl: "made-up/index.json",
      firstViewUrl: "made-up/index.first.json",
      fetch: (url, init) => {
        window.__asked.push(url);
        return fetch(files[url], init);
      },
    };
  }`);
  await painted(widget);
  await page.waitForFunction(() => window.__asked.length === 2);
  assert.deepEqual(await page.evaluate(() => window.__asked), ["made-up/index.first.json", "made-up/index.json"]);
  assert.equal(await cards(widget).count(), 12);
  await assertClean(page, { allowMissingImages: true });
});

test("a fetch option that fails or throws becomes the widget's error", async () => {
  for (const [make, reason] of [
    [`() => ({ indexUrl: "x.json", fetch: () => Promise.reject(new Error("offline")) })`, /could not be loaded/],
    [`() => ({ indexUrl: "x.json", fetch: () => { throw new Error("boom"); } })`, /fetch option threw/],
    [`() => ({ indexUrl: "x.json", fetch: () => Promise.resolve(new Response("nope", { status: 503 })) })`, /HTTP 503/],
  ]) {
    const { page, widget } = await mountWith(make);
    const alert = widget.getByRole("alert");
    await alert.waitFor({ state: "visible" });
    assert.match(await alert.innerText(), reason);
    assert.equal((await page.evaluate(() => window.__errors)).length, 1);
    await assertClean(page, { allowConsoleErrors: true });
    await page.context().close();
  }
});

test("timeoutMs gives up by itself, even when the fetch option ignores the abort signal, and says the limit", async () => {
  for (const [make, reason] of [
    [`() => ({ indexUrl: "x.json", timeoutMs: 300, fetch: () => new Promise(() => {}) })`, /x\.json sent nothing for 300 ms/],
    [
      `() => ({ indexUrl: "x.json", timeoutMs: 1500, fetch: (url, init) => new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason))) })`,
      /x\.json sent nothing for 1\.5 s/,
    ],
  ]) {
    const { page, widget } = await mountWith(make);
    const alert = widget.getByRole("alert");
    await alert.waitFor({ state: "visible", timeout: 10000 });
    assert.match(await alert.innerText(), reason);
    assert.equal((await page.evaluate(() => window.__errors)).length, 1);
    await assertClean(page, { allowConsoleErrors: true });
    await page.context().close();
  }
});

test("timeoutMs limits silence, not the download; a load that stops after the first view keeps it", async () => {
  // The default index in 12 slices, one every 100 ms: 1.2 s in all, with a 400 ms limit.
  // `stallAfter` slices in, the stream goes quiet; `breakAfter` slices in, it breaks off.
  const streamed = (stallAfter, breakAfter = -1) => `() => ({
    indexUrl: "slow.json",
    timeoutMs: 400,
    fetch: async () => {
      const bytes = new Uint8Array(await (await fetch("../../../build/default-index.json")).arrayBuffer());
      const size = Math.ceil(bytes.length / 12);
      let at = 0;
      let sent = 0;
      const body = new ReadableStream({
        async pull(controller) {
          await new Promise((ok) => setTimeout(ok, 100));
          if (sent === ${stallAfter}) return new Promise(() => {});
          if (sent === ${breakAfter}) return controller.error(new TypeError("connection reset"));
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.subarray(at, (at += size)));
          sent++;
        },
      });
      return new Response(body);
    },
  })`;
  const steady = await mountWith(streamed(-1));
  await steady.page.waitForFunction(() => window.__handle.getState()?.total != null, null, { timeout: 10000 });
  assert.equal(await cards(steady.widget).count(), 12);
  assert.deepEqual(await steady.page.evaluate(() => window.__errors), []);
  await assertClean(steady.page, { allowMissingImages: true });
  await steady.page.context().close();

  // Quiet after its first view was painted, then broken off: either way the cards stay, set
  // aside, and the host hears why.
  for (const [make, why] of [
    [streamed(6), /slow\.json sent nothing for 400 ms/],
    [streamed(-1, 6), /slow\.json could not be loaded/],
  ]) {
    const { page } = await mountWith(make);
    await page.waitForFunction(() => window.__errors.length === 1, null, { timeout: 10000 });
    const kept = await page.evaluate(() => {
      const root = document.querySelector("#custom").shadowRoot;
      return {
        cards: root.querySelectorAll(".card").length,
        error: !root.querySelector('[part~="error"]').hidden,
        status: root.querySelector(".status").textContent,
        inert: root.querySelector(".facets").inert,
        told: window.__errors[0],
      };
    });
    assert.equal(kept.cards, 12);
    assert.equal(kept.error, false);
    assert.equal(kept.inert, true);
    assert.match(kept.status, /could not be loaded/);
    assert.match(kept.told, why);
    await assertClean(page, { allowConsoleErrors: true, allowMissingImages: true });
    await page.context().close();
  }
});

test("a fetch option that is not a function is ignored with a warning", async () => {
  const { page, widget } = await mountWith(`() => {
    window.__warnings = [];
    const warn = console.warn;
    console.warn = (...args) => { window.__warnings.push(args.join(" ")); warn.apply(console, args); };
    return { indexUrl: "../../../build/default-index.json", fetch: "yes" };
  }`);
  await painted(widget);
  assert.equal(await cards(widget).count(), 12);
  const warnings = await page.evaluate(() => window.__warnings);
  assert.ok(warnings.some((w) => /option "fetch" ignored/.test(w)), warnings.join("; "));
  await assertClean(page, { allowMissingImages: true });
});

/**
 * Opens the first-view page with the script tag's core held back until `release()` is
 * called, so the test can look at what the page shows before the core has loaded.
 */
async function withCoreHeld(path = "first-view.html", initScript = null) {
  const page = await openPage(env.browser);
  if (initScript) await page.addInitScript(initScript);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/topic-cards-core.js", async (route) => {
    await held;
    await route.continue();
  });
  // Not "load": the held core script, added before it, delays the load event.
  await page.goto(`${env.url}/tests/browser/pages/${path}`, { waitUntil: "domcontentloaded" });
  return { page, release };
}

test("the first view paints before the core and the index are requested", async () => {
  const { page, release } = await withCoreHeld();
  for (const id of ["#from-url", "#default"]) {
    const widget = page.locator(id);
    await painted(widget);
    assert.equal(await cards(widget).count(), 12, `${id}: twelve cards before the core`);
  }
  const titles = await cards(page.locator("#from-url")).allTextContents();
  release();
  await page.waitForFunction(() => document.querySelector("#from-url").handle?.getState?.() !== undefined);
  // The core took over: same cards, and search works.
  assert.deepEqual(await cards(page.locator("#from-url")).allTextContents(), titles);
  const widget = page.locator("#from-url");
  await widget.locator('input[type="search"]').fill("telehealth");
  await page.waitForFunction(() => document.querySelector("#from-url").handle.getState().query === "telehealth");
  await assertClean(page, { allowMissingImages: true });

  // Alone on a page (the default widget above loads the shared core at once), a widget with
  // a first-view part asks for the core and the index only once the part is in, and once
  // the frame that shows its cards has been produced: they would compete with that frame.
  // The bench's own hook marks when that frame was produced (`__firstCards`).
  const alone = await withCoreHeld("first-view-one.html", watchOurWidget);
  await painted(alone.page.locator("#from-url"));
  alone.release();
  // Resource entries are written when a response has ended.
  await alone.page.waitForFunction(() =>
    ["/default-index.json", "/topic-cards-core.js"].every((suffix) =>
      performance.getEntriesByType("resource").some((e) => e.name.endsWith(suffix)),
    ),
  );
  const timing = await alone.page.evaluate(() => {
    const at = (suffix) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(suffix));
    const part = at("/default-index.first.json");
    return {
      partEnd: part.responseEnd,
      framed: window.__firstCards,
      index: at("/default-index.json").startTime,
      core: at("/topic-cards-core.js").startTime,
    };
  });
  assert.ok(timing.partEnd <= timing.index, `first-view part done at ${timing.partEnd}, index asked at ${timing.index}`);
  assert.ok(timing.partEnd <= timing.core, `first-view part done at ${timing.partEnd}, core asked at ${timing.core}`);
  assert.ok(typeof timing.framed === "number", "the cards' frame was seen");
  assert.ok(timing.framed <= timing.index, `cards' frame produced at ${timing.framed}, index asked at ${timing.index}`);
  assert.ok(timing.framed <= timing.core, `cards' frame produced at ${timing.framed}, core asked at ${timing.core}`);
  await assertClean(alone.page, { allowMissingImages: true });
});

test("text typed before the core has loaded carries over, with the focus", async () => {
  const { page, release } = await withCoreHeld();
  const widget = page.locator("#from-url");
  await painted(widget);
  const box = widget.locator('input[type="search"]');
  await box.click();
  await page.keyboard.type("privacy");
  await page.evaluate(() => {
    window.changes = [];
    document.querySelector("#from-url").addEventListener("tc-change", (event) => window.changes.push(event.detail));
  });
  release();
  await page.waitForFunction(() => document.querySelector("#from-url").handle?.getState?.()?.query === "privacy");
  // The host hears of the typing as of any change, with the count once it is known.
  await page.waitForFunction(() => window.changes.some((c) => c.query === "privacy" && typeof c.total === "number"));
  assert.equal(await box.inputValue(), "privacy");
  const focused = await page.evaluate(() => {
    const root = document.querySelector("#from-url").shadowRoot;
    return root.activeElement?.matches('input[type="search"]') ?? false;
  });
  assert.ok(focused, "the search box keeps the focus");
  await page.keyboard.type(" data");
  await page.waitForFunction(() => document.querySelector("#from-url").handle.getState().query === "privacy data");
  await assertClean(page, { allowMissingImages: true });
});

test("facet values ticked and the sort chosen before the core has loaded carry over", async () => {
  const { page, release } = await withCoreHeld();
  const widget = page.locator("#from-url");
  await painted(widget);
  // Two values, of whichever groups come first, and the other sort.
  const boxes = widget.locator('input[data-act="facet"]:not(:disabled)');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const ticked = await boxes.evaluateAll((inputs) => inputs.filter((i) => i.checked).map((i) => i.dataset.key));
  assert.equal(ticked.length, 2);
  await widget.locator('select[data-act="sort"]').selectOption("newest");
  await page.evaluate(() => {
    window.changes = [];
    document.querySelector("#from-url").addEventListener("tc-change", (event) => window.changes.push(event.detail));
  });
  release();
  await page.waitForFunction(() => document.querySelector("#from-url").handle?.getState?.() !== undefined);
  await page.waitForFunction(() => {
    const { topics, types, brands, sort } = document.querySelector("#from-url").handle.getState();
    return topics.length + types.length + brands.length === 2 && sort === "newest";
  });
  const state = await page.evaluate(() => document.querySelector("#from-url").handle.getState());
  assert.deepEqual([...state.topics, ...state.types, ...state.brands].sort(), [...ticked].sort(), "the ticked values, as the core names them");
  // The boxes stay ticked, the select keeps the sort, and the host hears of it with the count.
  assert.deepEqual(await boxes.evaluateAll((inputs) => inputs.filter((i) => i.checked).map((i) => i.dataset.key).sort()), [...ticked].sort());
  assert.equal(await widget.locator('select[data-act="sort"]').inputValue(), "newest");
  await page.waitForFunction(() =>
    window.changes.some((c) => c.topics.length + c.types.length + c.brands.length === 2 && c.sort === "newest" && typeof c.total === "number"),
  );
  await assertClean(page, { allowMissingImages: true });
});

test("a first-view part that cannot be had costs nothing but the early paint", async () => {
  const { page, widget } = await mountWith(`() => ({
    indexUrl: "../../../build/default-index.json",
    firstViewUrl: "../../../build/no-such-part.json",
  })`);
  await painted(widget);
  assert.equal(await cards(widget).count(), 12);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  // The browser's own note on the 404 is the only console error.
  assert.ok(page.consoleErrors.every((t) => /404/.test(t)), page.consoleErrors.join("; "));
  await assertClean(page, { allowConsoleErrors: true });
});

test("a first-view part that never comes holds the widget up only a few seconds", async () => {
  // A page's fetch that never settles for it, and a server that never answers it.
  for (const make of [
    `() => ({
      indexUrl: "../../../build/default-index.json",
      firstViewUrl: "never.first.json",
      fetch: (url, init) => (url === "never.first.json" ? new Promise(() => {}) : fetch(url, init)),
    })`,
    `() => ({ indexUrl: "../../../build/default-index.json", firstViewUrl: "../../../build/hang.first.json" })`,
  ]) {
    const page = await openPage(env.browser);
    await page.route("**/hang.first.json", () => {});
    const { widget } = await mountWith(make, page);
    await painted(widget);
    assert.equal(await cards(widget).count(), 12);
    assert.deepEqual(await page.evaluate(() => window.__errors), []);
    await assertClean(page, { allowMissingImages: true });
    await page.context().close();
  }
});

test("a core file that cannot be loaded leaves the first view, its controls set aside", async () => {
  const page = await openPage(env.browser);
  await page.route("**/topic-cards-core.js", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${env.url}/tests/browser/pages/first-view.html`);
  const widget = page.locator("#from-url");
  await painted(widget);
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector("#from-url").shadowRoot.querySelector(".status")?.textContent ?? ""));
  // The cards and their links stay (they work without the core); what needs the core is
  // inert, and nothing of the loader's internals is shown to the reader.
  const shown = await page.evaluate(() => {
    const root = document.querySelector("#from-url").shadowRoot;
    return {
      cards: root.querySelectorAll(".card").length,
      links: [...root.querySelectorAll(".card .title a")].every((a) => a.href.length > 0),
      inert: [".bar", ".facets"].map((s) => root.querySelector(s).inert),
      alert: root.querySelector('[role="alert"]:not([hidden])')?.textContent ?? null,
    };
  });
  assert.deepEqual(shown, { cards: 12, links: true, inert: [true, true], alert: null });
  assert.ok(page.consoleErrors.some((t) => /topic-cards-core\.js could not be loaded/.test(t)), page.consoleErrors.join("; "));
  await assertClean(page, { allowConsoleErrors: true });
});

test("a widget destroyed before its core came leaves nothing behind", async () => {
  const { page, release } = await withCoreHeld();
  const widget = page.locator("#from-url");
  await painted(widget);
  const left = await page.evaluate(() => {
    const host = document.querySelector("#from-url");
    const root = host.shadowRoot;
    host.handle.destroy();
    return { nodes: root.childNodes.length, sheets: root.adoptedStyleSheets.length };
  });
  assert.deepEqual(left, { nodes: 0, sheets: 0 });
  release();
  // The other widget still gets the core; the destroyed one stays empty.
  await page.waitForFunction(() => document.querySelector("#default").handle?.getState?.() !== undefined);
  assert.equal(await page.evaluate(() => document.querySelector("#from-url").shadowRoot.childNodes.length), 0);
  await assertClean(page, { allowMissingImages: true });
});

test("without a first-view part, the first view paints from the index's first bytes", async () => {
  const { page, release } = await withCoreHeld("loading.html");
  const widget = page.locator("#early");
  await painted(widget);
  const titles = await cards(widget).allTextContents();
  assert.equal(titles.length, 12, "twelve cards before the core");
  release();
  await page.waitForFunction(() => document.querySelector("#early").handle?.getState?.() !== undefined);
  // The core read the whole index, the bytes the loader had read included.
  await page.waitForFunction(() => document.querySelector("#early").handle.getState().total === 60);
  assert.deepEqual(await cards(widget).allTextContents(), titles);
  await widget.locator('input[type="search"]').fill("telehealth");
  await page.waitForFunction(() => document.querySelector("#early").handle.getState().query === "telehealth");
  const requests = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/default-index.json")).length);
  assert.equal(requests, 1, "the index is requested once");
  await assertClean(page, { allowMissingImages: true });
});

test("in US English, neither the first view nor the core makes an Intl format; other locales do", async () => {
  // The first Intl format of a page loads locale data, tens of milliseconds before the first
  // cards could paint (js/painter.js). Counted by wrapping the two constructors.
  for (let [locale, expectIntl, datePattern] of [
    ["", false, /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/],
    ["en-US", false, /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/],
    ["de", true, /^\d{2}\.\d{2}\.\d{4}$/],
  ]) {
    const page = await openPage(env.browser);
    await page.addInitScript(() => {
      window.__intl = 0;
      for (const name of ["DateTimeFormat", "NumberFormat"]) {
        const Real = Intl[name];
        Intl[name] = new Proxy(Real, {
          construct(target, args) {
            window.__intl++;
            return Reflect.construct(target, args);
          },
          apply(target, self, args) {
            window.__intl++;
            return Reflect.apply(target, self, args);
          },
        });
      }
    });
    await page.goto(`${env.url}/tests/browser/pages/plain.html`);
    await page.evaluate((tag) => {
      const host = document.createElement("div");
      host.id = "formats";
      document.body.append(host);
      host.addEventListener("tc-ready", () => (window.__ready = true));
      TopicCards.mount(host, {
        indexUrl: "../../../build/default-index.json",
        firstViewUrl: "../../../build/default-index.first.json",
        ...(tag ? { locale: tag } : {}),
      });
    }, locale);
    await page.waitForFunction(() => window.__ready);
    const widget = page.locator("#formats");
    // textContent, not innerText: every card's date, in view or not (innerText reports what
    // is rendered).
    const dates = await widget.locator(".card time").allTextContents();
    assert.ok(dates.length > 0, "cards show dates");
    for (const date of dates) assert.match(date, datePattern, `${locale || "(browser's)"}: ${date}`);
    const made = await page.evaluate(() => window.__intl);
    // No locale given: the browser's language decides (headless Chromium's is en-US).
    if (!locale && !/^en(-us)?$/i.test(await page.evaluate(() => navigator.language))) expectIntl = true;
    if (expectIntl) assert.ok(made > 0, `${locale}: Intl formats made`);
    else assert.equal(made, 0, `${locale || "(browser's)"}: no Intl format made`);
    await assertClean(page, { allowMissingImages: true });
  }
});

test("a preloaded first-view part (the README's embed) is requested once and used", async () => {
  const page = await openPage(env.browser);
  const warnings = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto(`${env.url}/tests/browser/pages/first-view-preload.html`);
  const widget = page.locator("#from-url");
  await painted(widget);
  assert.equal(await cards(widget).count(), 12);
  // Chromium warns about a preload left unused a few seconds after the load event.
  await page.waitForFunction(() => document.readyState === "complete");
  await page.waitForTimeout(3500);
  const parts = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/default-index.first.json")).length,
  );
  assert.equal(parts, 1, "the widget's request took the preloaded response");
  assert.deepEqual(warnings.filter((text) => /preload/i.test(text)), []);
  await assertClean(page, { allowMissingImages: true });
});
