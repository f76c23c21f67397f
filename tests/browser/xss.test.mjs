// XSS: over a hundred hostile strings (tests/fixtures/xss/payloads.mjs) in every field of an
// index, rendered in Chromium two ways: through the CLI indexer (tests/fixtures/xss/articles,
// indexed in before()), and as a JS object handed straight to mount(), which skips the
// indexer's HTML stripping and URL filtering. The page has no CSP, so nothing but the
// widget's own handling stands between the payloads and the page. The tests fail on any sign
// of execution (a dialog, a `__pwned*` global, a request to a `beacon` path or off the
// machine) and on any unsafe markup in the shadow roots (an element the widget never makes,
// an `on*` attribute, a URL attribute whose scheme is not http(s)).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { TEXT, URLS } from "../fixtures/xss/payloads.mjs";
import { hostileIndex } from "../fixtures/xss/object-index.mjs";
import { ROOT, assertClean, cards, openPage, painted, screenshot, start } from "./harness.mjs";

const OUT = join(ROOT, "test-output", "xss");
let env;
let indexed;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  execFileSync(
    join(ROOT, "target", "release", "topic-cards"),
    ["index", join(ROOT, "tests/fixtures/xss/articles"), "--out", join(OUT, "index.json"), "--report", join(OUT, "report.json")],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
  indexed = JSON.parse(readFileSync(join(OUT, "index.json"), "utf8"));
  env = await start();
});
after(async () => {
  await env?.stop();
});

/**
 * Opens the fixture page and records what a payload would do if it ran. `expected` lists
 * absolute image URLs that the index itself names (the indexer reads `https:host/x` as
 * `https://host/x`): loading those is the widget doing its job, so they are aborted, not
 * counted.
 */
async function openXss(expected = []) {
  const page = await openPage(env.browser);
  page.on("request", (request) => {
    if (/beacon/i.test(request.url()) && !expected.includes(request.url())) {
      page.problems.push(`payload request: ${request.url()}`);
    }
  });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    if (!expected.includes(route.request().url())) page.problems.push(`unexpected request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${env.url}/tests/browser/pages/xss.html`);
  return page;
}

/**
 * Walks every shadow root in the page and returns what must never be there: elements the
 * widget does not make, `on*` attributes, URL attributes with another scheme than http(s).
 * Also counts the links, so a test can tell "unsafe links dropped" from "no links at all".
 */
function audit() {
  const allowed = new Set(
    "div p span a img ul li button input select option label h2 h3 article aside section time details summary fieldset legend".split(" "),
  );
  const urlAttrs = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "ping", "poster", "data", "background"]);
  const offences = [];
  let links = 0;
  const visit = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (!allowed.has(el.localName)) offences.push(`element <${el.localName}>`);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on")) offences.push(`handler ${name}="${attr.value}" on <${el.localName}>`);
        if (name === "style") offences.push(`style attribute on <${el.localName}>`);
        if (!urlAttrs.has(name)) continue;
        const scheme = /^[\u0000-\u0020]*([a-z][a-z0-9+.-]*):/i.exec(attr.value);
        let resolved = "invalid:";
        try {
          resolved = new URL(attr.value, document.baseURI).protocol;
        } catch (_) {
          // An unparsable URL is an offence below.
        }
        if ((scheme && !/^https?$/i.test(scheme[1])) || !/^https?:$/.test(resolved)) {
          offences.push(`${name}=${JSON.stringify(attr.value)} on <${el.localName}>`);
        }
        if (el.localName === "a" && name === "href") links++;
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  for (const host of document.querySelectorAll("*")) if (host.shadowRoot) visit(host.shadowRoot);
  // The light DOM must be as the page wrote it: one script, no frames or images.
  if (document.scripts.length !== 1) offences.push(`${document.scripts.length} scripts in the document`);
  for (const el of document.querySelectorAll("iframe, object, embed, img, svg, style, form, base, meta[http-equiv]")) {
    offences.push(`light DOM <${el.localName}>`);
  }
  // Very long words must wrap: nothing may stick out past its widget's right edge.
  for (const host of document.querySelectorAll("#cli, #object")) {
    if (!host.shadowRoot) continue;
    const right = host.getBoundingClientRect().right;
    for (const el of host.shadowRoot.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width > 1 && box.right > right + 1) {
        offences.push(`<${el.localName} class="${el.className}"> sticks out ${Math.round(box.right - right)}px`);
      }
    }
    // Nor may text overflow its region (a facet group, a card, the offering panel). A few px
    // are the facet title's rotated arrow (transforms count as scrollable overflow) and
    // occur with any index; an unwrapped long word is hundreds.
    for (const region of host.shadowRoot.querySelectorAll(".facet, .card, .panel, .offering")) {
      if (region.scrollWidth > region.clientWidth + 10) {
        offences.push(`.${region.className} overflows by ${region.scrollWidth - region.clientWidth}px`);
      }
    }
  }
  const globals = Object.keys(window).filter((k) => k.startsWith("__pwned"));
  return { offences, links, globals };
}

/** Mounts the object index into #object and waits for all its cards. */
async function mountObject(page, index) {
  await page.waitForFunction(() => window.TopicCards);
  await page.evaluate((index) => {
    window.objectHandle = window.TopicCards.mount(document.getElementById("object"), { index, pageSize: 200 });
  }, index);
  const widget = page.locator("#object");
  await painted(widget);
  return widget;
}

/** Does what a reader would: hover, tab through, search payloads, tick a facet, click a chip. */
async function poke(page, widget) {
  for (const card of (await cards(widget).all()).slice(0, 12)) await card.hover();
  for (let i = 0; i < 30; i++) await page.keyboard.press("Tab");
  const search = widget.getByRole("searchbox");
  for (const text of ["<img src=x onerror=alert(1)>", TEXT[0], "javascript:alert(1)", "&lt;script&gt;"]) {
    await search.fill(text);
    await page.waitForTimeout(120);
  }
  await search.fill("");
  await widget.getByRole("checkbox").nth(3).check();
  await page.waitForTimeout(120);
  await widget.locator('[part~="chip"]').first().click();
  await page.waitForTimeout(120);
  const clear = widget.getByRole("button", { name: /clear all/i }).filter({ visible: true });
  if (await clear.count()) await clear.first().click();
  await page.waitForTimeout(200);
}

/** Console errors may only be the browser's own notes on images that 404. */
function onlyImageErrors(page) {
  const other = page.consoleErrors.filter((text) => !/Failed to load resource/.test(text));
  assert.deepEqual(other, [], "no console errors but missing images");
}

test("the payload corpus is big and every article is indexed", () => {
  assert.ok(TEXT.length + URLS.length >= 100, `${TEXT.length} text + ${URLS.length} URL payloads`);
  const report = JSON.parse(readFileSync(join(OUT, "report.json"), "utf8"));
  assert.equal(report.indexed, TEXT.length, "one indexed article per text payload");
  assert.equal(indexed.articles.length, TEXT.length);
  // The indexer keeps only http(s) and relative URLs.
  for (const a of indexed.articles) {
    for (const url of [a.url, a.image?.src].filter(Boolean)) assert.doesNotMatch(url, /^\s*(javascript|data|vbscript):/i);
  }
});

test("indexed payloads render as text, run nothing, and leave no unsafe link", async () => {
  const images = indexed.articles.map((a) => a.image?.src).filter((src) => /^https?:\/\//.test(src ?? ""));
  const page = await openXss(images);
  const widget = page.locator("#cli");
  await painted(widget);
  await page.waitForFunction(() => document.querySelector("#cli").shadowRoot.querySelectorAll('[part~="card"]').length >= 100);
  assert.equal(await cards(widget).count(), TEXT.length, "every article is a card");
  await poke(page, widget);
  await page.waitForTimeout(300);
  const { offences, links, globals } = await page.evaluate(audit);
  assert.deepEqual(offences, []);
  assert.deepEqual(globals, [], "no payload set a global");
  assert.ok(links >= 20, `the safe links are still links (${links})`);
  await screenshot(page, "xss-indexed");
  page.problems = page.problems.filter((p) => !images.some((url) => p === `request left the machine: ${url}`));
  await assertClean(page, { allowConsoleErrors: true });
  onlyImageErrors(page);
});

test("payloads fed as a JS object (no indexer) are shown as text and their URLs dropped", async () => {
  const page = await openXss();
  const index = hostileIndex();
  const widget = await mountObject(page, index);
  await page.waitForFunction(
    (n) => document.querySelector("#object").shadowRoot.querySelectorAll('[part~="card"]').length === n,
    index.articles.length,
  );
  // The raw markup is visible as characters, which proves it went in as text.
  const shown = await widget.locator('[part~="grid"]').textContent();
  for (const payload of ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "Invoice\u202Etxt.exe"]) {
    assert.ok(shown.includes(payload), `shown as text: ${payload}`);
  }
  await poke(page, widget);
  await page.waitForTimeout(300);
  const { offences, links, globals } = await page.evaluate(audit);
  assert.deepEqual(offences, []);
  assert.deepEqual(globals, [], "no payload set a global");
  // Safe article links (every fourth article) and the two safe offerings remain links.
  const safeLinks = index.articles.filter((_, i) => i % 4 === 3).length;
  assert.ok(links >= safeLinks, `safe links kept (${links} >= ${safeLinks})`);
  // Every unsafe URL in the index is absent from every attribute in the shadow root.
  const attrs = await page.evaluate(() =>
    [...document.querySelector("#object").shadowRoot.querySelectorAll("[href], [src]")].map(
      (el) => el.getAttribute("href") ?? el.getAttribute("src"),
    ),
  );
  for (const url of URLS) {
    // Only URLs that name another scheme or another host; the rest are harmless paths.
    if (!/^[^/?#]*:|^[\s\u0000-\u001f]*[/\\]{2}|^\/\\/.test(url)) continue;
    assert.ok(!attrs.includes(url.trim()), `unsafe URL not used: ${JSON.stringify(url)}`);
  }
  await screenshot(page, "xss-object");
  await assertClean(page, { allowConsoleErrors: true });
  onlyImageErrors(page);
});

test("clicking every card link and offering link of the hostile index runs nothing", async () => {
  const page = await openXss();
  const widget = await mountObject(page, hostileIndex());
  // Stop real navigation but let the click happen as a person's would.
  await page.evaluate(() => {
    document.getElementById("object").addEventListener("click", (event) => event.preventDefault());
  });
  const links = await widget.locator("a[href]").all();
  assert.ok(links.length > 0);
  for (const link of links.slice(0, 40)) await link.click({ modifiers: [] });
  const { offences, globals } = await page.evaluate(audit);
  assert.deepEqual(offences, []);
  assert.deepEqual(globals, []);
  assert.equal(new URL(page.url()).pathname, "/tests/browser/pages/xss.html", "still on the page");
  await assertClean(page, { allowConsoleErrors: true });
  onlyImageErrors(page);
});

test("the audit itself catches unsafe markup (so a pass means something)", async () => {
  const page = await openXss();
  const widget = await mountObject(page, hostileIndex());
  assert.ok((await cards(widget).count()) > 0);
  await page.evaluate(() => {
    const root = document.querySelector("#object").shadowRoot;
    const a = document.createElement("a");
    a.setAttribute("href", " javascript:void 0");
    const img = document.createElement("img");
    img.setAttribute("onerror", "void 0");
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    root.append(a, img, svg);
    window.__pwned_probe = 1;
  });
  const { offences, globals } = await page.evaluate(audit);
  assert.equal(offences.length, 3, offences.join("\n"));
  assert.deepEqual(globals, ["__pwned_probe"]);
});
