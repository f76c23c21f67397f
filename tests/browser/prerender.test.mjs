// The first view as HTML (js/prerender.js, pkg/prerender.js). IDENTITY: its markup, parsed as a
// page's parser parses it (a declarative shadow root), holds the painter's nodes and CSS, for
// several indexes and option sets; first-view.test.mjs holds the painter to the core, so the
// core's takeover of a prerendered view cannot be seen either. Then real pages: with scripts
// off, the cards and their links are there; with the script, the view is on screen before the
// script has arrived, the core takes it over, and search works, under a Content-Security-Policy
// that allows the `<style>` by the hash the tool prints.
//
// Needs `bash scripts/build.sh` first (pkg/prerender.js, pkg/topic-cards.js, build/).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, cards, openPage, screenshot, start } from "./harness.mjs";

const OUT = join(ROOT, "test-output", "prerender");
const TOOL = join(ROOT, "pkg", "prerender.js");
const FIRST_VIEW = join(ROOT, "build", "default-index.first.json");
const STAND_IN = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>';

let env;
let identityPage;
const { prerender, styleSource } = await import(TOOL);

/**
 * The sample's first view with what markup must carry exactly: markup-looking text, quotes
 * and ampersands in attributes, carriage returns (which a parser would turn into line feeds
 * if written raw), a non-breaking space, an unsafe link, an emoji.
 */
function awkward(text) {
  const index = JSON.parse(text);
  const [a, b, c] = index.firstView.articles;
  a.title = '<script>alert(1)</script> "quoted" & <b>bold</b>';
  a.summary = "line one\r\nline two\rthree\u00a0four \u{1F600}";
  b.url = 'https://example.org/a?b=1&c="2"';
  b.title = "</template><p>escaped?</p>";
  c.url = "javascript:alert(2)";
  index.brands[0].name = "Brand & <Co>\r";
  return JSON.stringify(index);
}

const INDEXES = {};
const OPTION_SETS = {
  defaults: {},
  dark: { theme: "dark" },
  page3: { pageSize: 3 },
  noOfferings: { offerings: false },
  blank: { linkTarget: "_blank" },
  outline: { headingLevel: 3, label: "Telehealth <news>" },
  strings: { strings: { searchLabel: "Suche <b>", resultsMany: "{n} Treffer & mehr" } },
};

before(async () => {
  mkdirSync(OUT, { recursive: true });
  INDEXES.sample = readFileSync(FIRST_VIEW, "utf8");
  INDEXES.awkward = awkward(INDEXES.sample);
  env = await start();
  // Pictures and links placed by baseUrl (the served sample content's folder).
  OPTION_SETS.based = { baseUrl: `${env.url}/content/` };
  identityPage = await openPage(env.browser);
  await identityPage.route(/\.(svg|png|jpe?g|gif|webp|avif)([?#]|$)/i, (route) => route.fulfill({ contentType: "image/svg+xml", body: STAND_IN }));
  await identityPage.goto(`${env.url}/tests/browser/pages/first-view-identity.html`);
  await identityPage.waitForFunction(() => window.firstView?.ready);
});
after(async () => {
  await env?.stop();
});

for (const name of ["sample", "awkward"]) {
  test(`identity: the prerendered ${name} view is the painter's, every option set`, async () => {
    for (const [set, options] of Object.entries(OPTION_SETS)) {
      // The tool writes US English unless told otherwise; the painter is told the same.
      const withLocale = { locale: "en-US", ...options };
      const html = prerender(INDEXES[name], options);
      const ours = await identityPage.evaluate((h) => window.firstView.prerendered(h), html);
      const painter = await identityPage.evaluate(([t, o]) => window.firstView.painter(JSON.parse(t), o), [INDEXES[name], withLocale]);
      assert.equal(painter.ok, true, `${name}/${set}: the painter declined`);
      assert.equal(ours.ok, true, `${name}/${set}: no shadow root parsed from the markup`);
      assert.ok(JSON.stringify(ours.tree).includes('"card"'), `${name}/${set}: no cards in the markup`);
      assert.deepEqual(ours.tree, painter.tree, `${name}/${set}: the prerendered DOM or CSS differs from the painter's`);
    }
  });
}

test("declines what the painter declines, saying which cause applies", () => {
  for (const options of [{ query: "tele" }, { topics: ["telemedicine"] }, { sort: "newest" }]) {
    assert.throws(() => prerender(INDEXES.sample, options), /cannot be prerendered: the options ask for a search, filters or the newest sort/, JSON.stringify(options));
  }
  const sample = JSON.parse(INDEXES.sample);
  const withSample = (change) => JSON.stringify(change(structuredClone(sample)));
  for (const [text, reason] of [
    ["not json", /the index is not JSON/],
    ["[1]", /not a JSON object/],
    ['{"format":"something else"}', /its "format" is "something else", not "topic-cards-index"/],
    [withSample((i) => ({ ...i, version: 2 })), /its "version" is 2; the widget reads version 1/],
    [withSample(({ firstView, ...rest }) => rest), /no "firstView" member/],
    [withSample((i) => ({ ...i, brands: [{ name: "a" }] })), /its "brands" member is not in the shape/],
    [withSample((i) => ((i.firstView.articles[0].brand = 999), i)), /an id in it points outside its list/],
  ]) {
    assert.throws(() => prerender(text), reason, text.slice(0, 60));
  }
});

/** The tool run as a command (`node pkg/prerender.js ARGS`): its status, stdout and stderr. */
const runTool = (args) => spawnSync(process.execPath, [TOOL, ...args], { encoding: "utf8" });

test("the command refuses a bad flag or value with its usage (status 2), and an index with the reason (status 1)", () => {
  for (const [args, said] of [
    [["--page-size", "abc"], /--page-size must be a whole number from 1 to 1000, not "abc"/],
    [["--page-size", "0"], /--page-size must be/],
    [["--page-size", "2.5"], /--page-size must be/],
    [["--page-size", "1001"], /--page-size must be/],
    [["--theme", "purple"], /--theme must be "auto", "light" or "dark", not "purple"/],
    [["--locale", "en_US!"], /--locale must be a BCP 47 language tag/],
    [["--no-such-flag"], /unknown argument --no-such-flag/],
    [["--id"], /--id needs a value/],
    [["--base-url", "images/"], /--base-url must be an absolute http\(s\) or file URL, not "images\/"/],
    [["--heading-level", "7"], /--heading-level must be a whole number from 1 to 6, not "7"/],
  ]) {
    const run = runTool([FIRST_VIEW, ...args]);
    assert.equal(run.status, 2, args.join(" "));
    assert.match(run.stderr, said);
    assert.match(run.stderr, /^usage: topic-cards-prerender INDEX\.first\.json/m);
    assert.equal(run.stdout, "", "no markup");
  }
  const none = runTool([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no index file given\nusage:/);

  const file = join(OUT, "wrong-format.json");
  writeFileSync(file, '{"format":"x"}');
  const refused = runTool([file]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /cannot be prerendered: its "format" is "x", not "topic-cards-index"/);
  assert.equal(refused.stdout, "");
});

test("works where String.prototype.isWellFormed and toWellFormed are missing (as before Node 20)", () => {
  const names = ["isWellFormed", "toWellFormed"];
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(String.prototype, name)]);
  const expected = prerender(INDEXES.awkward, { strings: { searchLabel: "Suche \uD800" } });
  assert.ok(expected.includes("Suche \uFFFD"), "the lone surrogate is written as U+FFFD");
  for (const name of names) delete String.prototype[name];
  try {
    assert.equal(prerender(INDEXES.awkward, { strings: { searchLabel: "Suche \uD800" } }), expected);
    // A lone surrogate in the index is still refused, as serde_json refuses it.
    assert.throws(() => prerender(INDEXES.sample.replace('"title":"', '"title":"\\uDC00')), /cannot be prerendered/);
  } finally {
    for (const [name, descriptor] of saved) Object.defineProperty(String.prototype, name, descriptor);
  }
});

/**
 * The tool as npm installs it for a consumer: the package in node_modules and the command a
 * relative symlink to its file in node_modules/.bin. Run through the link, as `npx` and
 * package scripts run it; returns the run's status, stdout and stderr.
 */
function runInstalledCommand(args) {
  const modules = join(OUT, "installed", "node_modules");
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(join(modules, ".bin"), { recursive: true });
  symlinkSync(join(ROOT, "pkg"), join(modules, "topic-cards"), "dir");
  const command = join(modules, ".bin", "topic-cards-prerender");
  symlinkSync("../topic-cards/prerender.js", command);
  return spawnSync(process.execPath, [command, ...args], { encoding: "utf8" });
}

test("the command npm installs (a symlink in node_modules/.bin) prints the markup and the CSP source", async () => {
  const run = runInstalledCommand([FIRST_VIEW, "--page-size", "3"]);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.startsWith('<template shadowrootmode="open">'), run.stdout.slice(0, 80));
  assert.equal(run.stdout.match(/part="card"/g)?.length, 3, "three cards");
  assert.ok(run.stderr.includes(await styleSource()), run.stderr);
});

/** The sample's images are relative (images/...): answer them from content/images. */
function sampleImages(page) {
  return page.route("**/test-output/prerender/images/*", (route) =>
    route.fulfill({ path: join(ROOT, "content", "images", new URL(route.request().url()).pathname.split("/").pop()) }),
  );
}

/** A page from the repo's root with the prerendered view inside its element. */
function writePage(name, { head = "", element = "", script = "" }) {
  const snippet = execFileSync("node", [TOOL, FIRST_VIEW, "--page-size", "12"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">${head}
<title>Prerendered first view</title></head>
<body><topic-cards ${element}>${snippet}</topic-cards>${script}</body></html>`;
  writeFileSync(join(OUT, name), html);
  return `${env.url}/test-output/prerender/${name}`;
}

test("with scripts off, the page shows the cards, their links and the facets", async () => {
  const url = writePage("no-script.html", {});
  for (const [width, scheme] of [[1280, "light"], [375, "dark"]]) {
    const page = await openPage(env.browser, { width, height: 900, colorScheme: scheme, javaScriptEnabled: false });
    await sampleImages(page);
    await page.goto(url);
    const widget = page.locator("topic-cards");
    assert.equal(await cards(widget).count(), 12);
    await cards(widget).first().waitFor();
    const hrefs = await widget.locator('[part~="card-title"] a').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length >= 10 && hrefs.every((href) => /^https?:|^\//.test(href)), `card links: ${hrefs}`);
    assert.ok((await widget.locator('input[type="checkbox"]').count()) > 10, "facet checkboxes");
    assert.equal(await widget.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".card")).borderRadius), "12px", "styled");
    await screenshot(page, `prerender-no-script-${width}-${scheme}`);
    await page.context().close();
  }
});

test("with the script: painted before it arrives, taken over by the core, searchable, under a strict CSP", async () => {
  const style = await styleSource();
  const url = writePage("script.html", {
    head: `\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${style}; img-src 'self' data:">`,
    element: 'index-url="../../build/default-index.json" first-view-url="../../build/default-index.first.json" page-size="12"',
    script: '<script src="../../pkg/topic-cards.js"></script>',
  });
  const page = await openPage(env.browser);
  await sampleImages(page);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/pkg/topic-cards.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "commit" });
  const widget = page.locator("topic-cards");
  // The script is held back: what shows is the page's own HTML.
  await cards(widget).first().waitFor({ timeout: 10000 });
  assert.equal(await cards(widget).count(), 12);
  const before = await widget.evaluate((el) => el.shadowRoot.querySelector('[part~="status"]').textContent);
  // Every swap of the root's children from here on: the core's takeover should be the only
  // one (the early painter leaves a prerendered view alone), and it replaces the page's nodes.
  await widget.evaluate((el) => {
    window.__swaps = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.removedNodes.length) window.__swaps.push([...r.removedNodes].map((n) => n.localName));
    }).observe(el.shadowRoot, { childList: true });
  });
  release();
  // The core's takeover swaps the style element for the adopted stylesheet.
  await page.waitForFunction(() => {
    const root = document.querySelector("topic-cards").shadowRoot;
    return !root.querySelector("style") && root.adoptedStyleSheets.length === 1 && root.querySelector('[part~="card"]');
  }, null, { timeout: 15000 });
  await widget.locator('input[type="search"]').fill("telehealth");
  await page.waitForFunction(
    (was) => {
      const status = document.querySelector("topic-cards").shadowRoot.querySelector('[part~="status"]').textContent;
      return status !== was && /\d/.test(status);
    },
    before,
    { timeout: 15000 },
  );
  assert.ok((await cards(widget).count()) > 0, "search found cards");
  assert.deepEqual(await page.evaluate(() => window.__swaps), [["style", "div"]], "one swap, the core's, of the page's own nodes");
  await assertClean(page);
  await page.context().close();
});
