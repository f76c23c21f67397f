// The painter (js/painter.js) driven directly, as the core drives it: views built from the
// sample index (tests/browser/pages/painter.js builds them as the core does) painted and
// repainted into real shadow roots. First: the view the core builds for the browse state is
// the prefix's own (viewFromPrefix), and painting it is what the loader's early paint draws
// (tests/browser/first-view.test.mjs holds that to the core itself). Then the updates: cards refilled in place with exactly the
// new content, a focused card kept with its article and its focus, facet order and "Show
// more", active chips, panel items reused, status texts, nothing written when nothing
// changed; and the events: every act with its arguments and the focus move after it, the host
// events, a broken image, new strings.
//
// Needs build/default-index.json and build/ui-assets.js (bash scripts/build.sh); no Wasm.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertClean, openPage, start } from "./harness.mjs";

const STAND_IN = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>';

let env;
let page;

before(async () => {
  env = await start();
  page = await openPage(env.browser);
  // Every picture is answered with one small image from here, except those named
  // `missing`, which fail (the broken-image test).
  await page.route(/\.(svg|png|jpe?g|gif|webp|avif)([?#]|$)/i, (route) =>
    /missing/.test(route.request().url()) ? route.fulfill({ status: 404, body: "" }) : route.fulfill({ contentType: "image/svg+xml", body: STAND_IN }),
  );
  await page.goto(`${env.url}/tests/browser/pages/painter.html`);
  await page.waitForFunction(() => window.painterPage?.ready);
});
after(async () => {
  await env?.stop();
});

/** Runs `f(painterPage, arg)` in the page. */
const inPage = (f, arg) => page.evaluate(([source, a]) => new Function("P", "arg", `return (${source})(P, arg)`)(window.painterPage, a), [String(f), arg]);

test("the core's browse view is the prefix's, and painting it is the early paint, node for node", async () => {
  const optionSets = [{}, { locale: "de", theme: "dark" }, { pageSize: 3, linkTarget: "_blank" }, { offerings: false, strings: { resultsMany: "{n} Treffer", filterBy: "Nur {label}" } }];
  for (const options of optionSets) {
    const [ours, firstView, sameView] = await inPage(async (P, options) => {
      const pageSize = options.pageSize ?? 12;
      const ours = P.newRoot();
      P.createPainter(ours, options).paint(P.viewOf({}, { pageSize }));
      const firstView = P.newRoot();
      const painted = P.paintFirstView(firstView, P.prefix, options);
      const fromPrefix = P.viewFromPrefix(P.prefix, pageSize);
      return [P.serialize(ours), P.serialize(firstView), [P.viewOf({}, { pageSize }), fromPrefix, typeof painted.paint]];
    }, options);
    assert.ok(JSON.stringify(ours).includes('"card"') && ours.css[0].length > 20, "the painter painted nothing");
    assert.deepEqual(firstView, ours, `paintFirstView vs the painter, options ${JSON.stringify(options)}`);
    const [coreView, fromPrefix, returned] = sameView;
    // The prefix names every offering of its first view's articles, the core only those shown.
    const shown = new Set(coreView.offerings.map(([id]) => id));
    const named = { ...fromPrefix, offerings: fromPrefix.offerings.filter(([id]) => shown.has(id)) };
    assert.deepEqual(named, coreView, "viewFromPrefix is not the view the core builds for the browse state");
    assert.equal(returned, "function", "paintFirstView returned no painter");
  }
});

test("a repaint with other cards refills the card nodes in place, with exactly the new content", async () => {
  const result = await inPage((P) => {
    // Articles 12..23 of the sample, with what a card must get exactly right.
    const data = structuredClone(P.index);
    const later = data.articles.slice(12, 24);
    later[0].url = "javascript:alert(1)";
    later[1].image = null;
    later[2].inferred = true;
    later[3].offerings = [0, 3];
    later[4].summary = "";
    later[5].date = null;
    later[6].brand = null;
    later[7].image = { src: "images/other.svg", alt: "other", width: null, height: null };
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    painter.paint(P.viewOf({}, { data }));
    const grid = root.querySelector(".grid");
    const before = [...grid.children];
    const imgsBefore = before.map((card) => card.querySelector("img"));
    data.articles = [...later, ...data.articles.slice(0, 12)];
    const view = P.viewOf({}, { data });
    painter.paint(view);
    const afterNodes = [...grid.children];
    // The same view painted from scratch: what each refilled card must show.
    const fresh = P.newRoot();
    P.createPainter(fresh, {}).paint(view);
    const card = (n) => afterNodes[n];
    return {
      sameNodes: afterNodes.length === before.length && afterNodes.every((node, at) => node === before[at]),
      refilled: P.serialize(grid),
      fresh: P.serialize(fresh.querySelector(".grid")),
      ids: afterNodes.map((node) => node.querySelector("h3 [data-id]")?.getAttribute("data-id") ?? null),
      wantIds: later.map((a) => (a.url?.startsWith("javascript") ? null : a.id)),
      unsafeTitle: [card(0).querySelector("h3").childElementCount, card(0).querySelector("h3").textContent, later[0].title],
      noImage: [card(1).querySelector("img"), card(1).querySelector(".media").hasAttribute("data-has-image")],
      inferred: [...card(2).querySelectorAll(".chip")].map((c) => [c.className, c.title]),
      offers: [...card(3).querySelectorAll(".offers a")].map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("data-id")]),
      wantOffers: [0, 3].map((id) => [data.offerings[id].label, data.offerings[id].url, String(id)]),
      newImg: afterNodes.map((node, at) => node.querySelector("img") !== null && node.querySelector("img") === imgsBefore[at]).some(Boolean),
      image7: [card(7).querySelector("img").getAttribute("src"), card(7).querySelector("img").getAttribute("width")],
    };
  });
  assert.equal(result.sameNodes, true, "the card nodes were not reused in place");
  assert.deepEqual(result.refilled, result.fresh, "a refilled card differs from the same card painted fresh");
  assert.deepEqual(result.ids, result.wantIds);
  assert.deepEqual(result.unsafeTitle, [0, result.unsafeTitle[2], result.unsafeTitle[2]], "a javascript: URL became a link");
  assert.deepEqual(result.noImage, [null, false]);
  assert.ok(result.inferred.length > 0 && result.inferred.every(([cls, title]) => cls === "chip inferred" && title.endsWith(" (Inferred from the text)")), JSON.stringify(result.inferred));
  assert.deepEqual(result.offers, result.wantOffers);
  assert.equal(result.newImg, false, "a new article kept the old article's <img>");
  assert.deepEqual(result.image7, ["images/other.svg", "640"]);
});

test("a repaint of what is shown writes nothing; a changed card is written and nothing else", async () => {
  const [same, changed] = await inPage((P) => {
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    const data = structuredClone(P.index);
    painter.paint(P.viewOf({}, { data }));
    const records = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    painter.paint(P.viewOf({}, { data }));
    const same = observer.takeRecords().length;
    data.articles[2].title = "A new title";
    painter.paint(P.viewOf({}, { data }));
    const third = root.querySelectorAll(".card")[2];
    const changed = observer.takeRecords().map((r) => [r.type, third.contains(r.target), r.target.nodeValue ?? null]);
    observer.disconnect();
    return [same, changed];
  });
  assert.equal(same, 0, "an unchanged view was written again");
  assert.deepEqual(changed, [["characterData", true, "A new title"]]);
});

test("a focused card link keeps its article and its focus", async () => {
  const result = await inPage((P) => {
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    const data = structuredClone(P.index);
    painter.paint(P.viewOf({}, { data }));
    const link = root.querySelectorAll(".card h3 a")[3];
    const id = link.getAttribute("data-id");
    link.focus();
    const focusedBefore = root.activeElement === link;
    // Its article moves first (its node is moved, and a move blurs), the others are new.
    const article = data.articles.find((a) => a.id === id);
    data.articles = [article, ...P.index.articles.slice(20, 31)];
    painter.paint(P.viewOf({}, { data }));
    const cards = [...root.querySelectorAll(".card")];
    const moved = { first: cards[0].contains(link), focused: root.activeElement === link, id: link.getAttribute("data-id") };
    // Its article leaves, newcomers come: its node is not refilled with one of them.
    data.articles = [...P.index.articles.slice(20, 31), ...P.index.articles.slice(40, 45)];
    painter.paint(P.viewOf({}, { data }));
    const gone = { inGrid: root.querySelector(".grid").contains(link), id: link.getAttribute("data-id") };
    return { id, focusedBefore, moved, gone };
  });
  assert.equal(result.focusedBefore, true);
  assert.deepEqual(result.moved, { first: true, focused: true, id: result.id });
  assert.deepEqual(result.gone, { inGrid: false, id: result.id });
});

/** The sample with a Symplur group of eleven values: ties, a zero, ASCII and other capitals. */
const BIG_GROUP = [
  ["Zeta", 3],
  ["alpha", 3],
  ["Beta", 7],
  ["gamma", 0],
  ["Delta", 3],
  ["epsilon", 1],
  ["Éta", 3],
  ["theta", 2],
];

test("facet rows: ordered by count then label, six shown, expand shows all, checked values shown and checked", async () => {
  const result = await inPage((P, values) => {
    const data = structuredClone(P.index);
    const group = 2;
    // Each new value is on `count` articles of its own (the first ones), so the core's
    // counts give it that count.
    values.forEach(([label, count], n) => {
      const at = data.topics.push({ group, label, slug: `big-${n}`, url: null, count }) - 1;
      for (let i = 0; i < count; i++) data.articles[i].topics = [...(data.articles[i].topics ?? []), at];
    });
    const core = P.withCore({}, { data });
    const { root } = core;
    const details = [...root.querySelectorAll("details.facet")][group];
    const rows = () =>
      [...details.querySelectorAll("ul.values > li")].map((li) => ({
        label: li.querySelector(".name").textContent,
        count: li.querySelector(".count").textContent,
        hidden: li.hidden,
        checked: li.querySelector("input").checked,
        disabled: li.querySelector("input").disabled,
      }));
    const more = details.querySelector(".more-values");
    const first = { rows: rows().filter((r) => !r.hidden), more: [more.textContent, more.getAttribute("aria-expanded"), more.hidden] };
    more.click();
    const expanded = { rows: rows(), more: [more.textContent, more.getAttribute("aria-expanded")], acts: core.acts.length };
    more.click();
    // A value past the first six, chosen (its key in another case): shown and checked.
    const gamma = data.topics.findIndex((t) => t.label === "gamma");
    core.state.topics = [data.topics[gamma].slug.toUpperCase()];
    core.paint();
    const checked = rows().filter((r) => !r.hidden);
    return { first, expanded, checked };
  }, BIG_GROUP);
  // By count (most first), then label with ASCII capitals lower-cased ("Éta" after the
  // ASCII letters), then build order; the sample's own Symplur values are in the list too.
  const order = result.expanded.rows.map((r) => `${r.label}:${r.count}`);
  const counts = result.expanded.rows.map((r) => Number(r.count));
  assert.deepEqual(counts, counts.toSorted((a, b) => b - a), `not by count: ${order}`);
  assert.deepEqual(
    order.filter((o) => o.endsWith(":3")),
    ["alpha:3", "Delta:3", "Zeta:3", "Éta:3"],
  );
  assert.equal(result.first.rows.length, 6);
  assert.deepEqual(result.first.rows.map((r) => r.label), result.expanded.rows.slice(0, 6).map((r) => r.label));
  const total = result.expanded.rows.length;
  assert.deepEqual(result.first.more, [`Show ${total - 6} more`, "false", false]);
  assert.equal(result.expanded.rows.every((r) => !r.hidden), true, "expand left rows hidden");
  assert.deepEqual(result.expanded.more, ["Show fewer", "true"]);
  assert.equal(result.expanded.acts, 0, "expand went to the core");
  assert.deepEqual(result.expanded.rows.find((r) => r.label === "gamma"), { label: "gamma", count: "0", hidden: false, checked: false, disabled: true });
  // Chosen: seven shown, gamma among them, checked and enabled.
  assert.equal(result.checked.length, 7);
  assert.deepEqual(
    result.checked.filter((r) => r.checked).map((r) => [r.label, r.disabled]),
    [["gamma", false]],
  );
});

test("active chips for the query, topics, types, brands and dates; rebuilt only when they change", async () => {
  const result = await inPage((P) => {
    const { index } = P;
    const state = {
      query: "  care ",
      topics: [index.topics[7].slug, "no-such-topic"],
      types: [index.types[0].name],
      brands: [index.brands[1].name],
      dateFrom: "2024-01-01",
      dateTo: "2024-12-31",
    };
    const core = P.withCore({}, { state });
    const { root } = core;
    const chips = () =>
      [...root.querySelectorAll(".chip-list button")].map((b) => [b.className, b.getAttribute("data-kind"), b.getAttribute("data-key"), b.getAttribute("aria-label"), b.firstChild.textContent]);
    const first = chips();
    const node = root.querySelector(".chip-list button");
    core.paint();
    const kept = root.querySelector(".chip-list button") === node;
    return { first, kept, hidden: root.querySelector(".active").hidden, toggle: root.querySelector(".filters-toggle").textContent, topicLabel: index.topics[7].label, state };
  });
  const { state, topicLabel } = result;
  assert.deepEqual(result.first, [
    ["chip removable", "q", "", "Remove filter: Search: care", "Search: care"],
    ["chip removable", "t", state.topics[0], `Remove filter: ${topicLabel}`, topicLabel],
    ["chip removable", "t", "no-such-topic", "Remove filter: no-such-topic", "no-such-topic"],
    ["chip removable", "y", state.types[0], `Remove filter: ${state.types[0]}`, state.types[0]],
    ["chip removable", "b", state.brands[0], `Remove filter: ${state.brands[0]}`, state.brands[0]],
    // Dates as the cards write them (the widget's locale: US English here).
    ["chip removable", "from", "", "Remove filter: From Jan 1, 2024", "From Jan 1, 2024"],
    ["chip removable", "to", "", "Remove filter: Until Dec 31, 2024", "Until Dec 31, 2024"],
  ]);
  assert.equal(result.kept, true, "unchanged chips were made again");
  assert.equal(result.hidden, false);
  assert.equal(result.toggle, "Filters (7)");
});

test("panel items are reused by offering id, and the rest refilled", async () => {
  const result = await inPage((P) => {
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    const view = P.viewOf({});
    painter.paint(view);
    const items = () => [...root.querySelectorAll(".panel-list > li")];
    const before = items();
    const ids = view.panel.map(([id]) => id);
    // The second offering leaves, the third moves first, a newcomer with no categories
    // and an unsafe URL comes in last.
    const newcomer = P.index.offerings.findIndex((o, id) => !ids.includes(id));
    const offerings = new Map(view.offerings);
    offerings.set(newcomer, { label: "<b>New</b>", url: "javascript:alert(1)", topics: [], offeringId: 77 });
    const panel = [[ids[2], 9], [ids[0], 1], ...ids.slice(3).map((id) => [id, 2]), [newcomer, 4]];
    painter.paint({ ...view, panel, offerings: [...offerings] });
    const after = items();
    const last = after.at(-1);
    return {
      reusedById: after[0] === before[2] && after[1] === before[0],
      refilledInPlace: last === before[1],
      sameSet: after.length === before.length && after.every((n) => before.includes(n)),
      last: [last.firstElementChild.localName, last.firstElementChild.textContent, last.querySelector(".categories"), last.querySelector(".count").textContent],
      counts: after.map((n) => n.querySelector(".count").textContent),
    };
  });
  assert.equal(result.reusedById, true, "an offering still listed did not keep its node");
  assert.equal(result.refilledInPlace, true, "the newcomer did not take the leaver's node");
  assert.equal(result.sameSet, true);
  assert.deepEqual(result.last, ["span", "<b>New</b>", null, "4 articles"]);
  assert.equal(result.counts[0], "9 articles");
  assert.equal(result.counts[1], "1 article");
});

test("status texts, empty state, more row, loading and error", async () => {
  const result = await inPage((P) => {
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    const top = () => root.querySelector(".tc");
    const read = () => ({
      status: root.querySelector(".status").textContent,
      pending: top().hasAttribute("data-pending"),
      empty: !root.querySelector(".empty").hidden,
      clear: !root.querySelector(".empty button").hidden,
      more: root.querySelector(".more-row").hidden ? null : root.querySelector(".more-note").textContent,
      error: !root.querySelector(".error").hidden,
      main: !root.querySelector(".main").hidden,
    });
    const out = {};
    painter.loading();
    out.loading = read();
    painter.paint(P.viewOf({ query: "nurses" }, { pending: true }));
    out.searchLoading = read();
    painter.paint(P.viewOf({}, { pending: true }));
    out.pending = read();
    painter.paint(P.viewOf({}));
    out.browse = read();
    painter.paint(P.viewOf({ query: "zzz no such words" }));
    out.none = read();
    painter.paint({ ...P.viewOf({}), cards: [], total: 0 });
    out.noneNoFilters = read();
    painter.paint(P.viewOf({ query: P.index.articles[0].title }));
    out.one = read();
    painter.error("The index is not JSON.");
    out.error = { ...read(), title: root.querySelector(".error-title").textContent, message: root.querySelector(".error-message").textContent };
    painter.paint(P.viewOf({}, { pages: 5 }));
    out.all = read();
    return out;
  });
  const base = { pending: false, empty: false, clear: false, more: null, error: false, main: true };
  assert.deepEqual(result.loading, { ...base, status: "Loading articles…", pending: true });
  // The empty state's Clear button is flagged by the filters alone (its box may be hidden).
  assert.deepEqual(result.searchLoading, { ...base, status: "Preparing search…", pending: true, clear: true });
  assert.deepEqual(result.pending, { ...base, status: "Loading articles…", pending: true });
  assert.deepEqual(result.browse, { ...base, status: "60 articles", more: "Showing 12 of 60" });
  assert.deepEqual(result.none, { ...base, status: "No articles match. Try removing a filter.", empty: true, clear: true });
  assert.deepEqual(result.noneNoFilters, { ...base, status: "No articles match. Try removing a filter.", empty: true });
  assert.deepEqual(result.one, { ...base, status: "1 article", clear: true });
  assert.deepEqual(result.error, { ...base, status: "1 article", clear: true, error: true, main: false, title: "Articles could not be loaded", message: "The index is not JSON." });
  assert.deepEqual(result.all, { ...base, status: "60 articles" });
});

/** Sets up a painter with its stand-in core in the page, for Playwright to drive. */
async function coreWidget(state = {}) {
  await inPage((P, state) => {
    document.getElementById("hosts").replaceChildren();
    window.core = P.withCore({}, { state });
    window.core.root.host.id = "widget";
  }, state);
  return page.locator("#widget");
}
const acts = () => page.evaluate(() => window.core.acts.splice(0));
const focused = () => page.evaluate(() => {
  const active = window.core.root.activeElement;
  return active && [active.localName, active.className, active.getAttribute("data-key") ?? active.getAttribute("data-id")];
});

test("acts reach onAct with their arguments; focus moves after remove, clear and more", async () => {
  const widget = await coreWidget();
  const { index } = await inPage((P) => ({ index: { topics: P.index.topics, types: P.index.types, brands: P.index.brands } }));

  await widget.locator(".search").pressSequentially("ai");
  assert.deepEqual(await acts(), [["search", "a"], ["search", "ai"]]);
  await widget.locator(".search").fill("");
  await acts();

  const slug = index.topics[7].slug;
  await widget.locator(`input[data-key="${slug}"]`).check();
  assert.deepEqual(await acts(), [["facet", "t", slug, true]]);
  await widget.locator(`input[data-key="${slug}"]`).uncheck();
  assert.deepEqual(await acts(), [["facet", "t", slug, false]]);
  const brand = index.brands[0].name;
  await widget.locator(`input[data-kind="b"][data-key="${brand}"]`).check();
  assert.deepEqual(await acts(), [["facet", "b", brand, true]]);

  await widget.locator(".sort").selectOption("newest");
  assert.deepEqual(await acts(), [["sort", "newest"]]);

  const chip = widget.locator(".card .chip").first();
  const chipKey = await chip.getAttribute("data-key");
  await chip.click();
  assert.deepEqual(await acts(), [["topic", chipKey]]);

  // Chips now: the topic, then the brand. Removing the first focuses the one that took its place.
  await widget.locator(".chip-list button").first().click();
  assert.deepEqual(await acts(), [["remove", "t", chipKey]]);
  assert.deepEqual(await focused(), ["button", "chip removable", brand]);
  await widget.locator(".chip-list button").first().click();
  assert.deepEqual(await acts(), [["remove", "b", brand]]);
  assert.deepEqual(await focused(), ["input", "search", null]);

  await widget.locator(`input[data-key="${slug}"]`).check();
  await acts();
  await widget.locator(".active .clear").click();
  assert.deepEqual(await acts(), [["clear"]]);
  assert.deepEqual(await focused(), ["input", "search", null]);

  await widget.locator(".more").click();
  assert.deepEqual(await acts(), [["more"]]);
  const thirteenth = await page.evaluate(() => window.core.root.querySelectorAll(".card")[12].querySelector("a, button").getAttribute("data-id"));
  assert.deepEqual(await focused(), ["a", "", thirteenth]);

  // Painter-local: no act.
  // (Shown on phones only: clicked as a script would.)
  await widget.locator(".filters-toggle").dispatchEvent("click");
  const toggled = await page.evaluate(() => [window.core.root.querySelector(".facets").hasAttribute("data-collapsed"), window.core.root.querySelector(".filters-toggle").getAttribute("aria-expanded")]);
  assert.deepEqual(toggled, [false, "true"]);
  assert.deepEqual(await acts(), []);
});

test("an act whose handler throws does not throw into the page", async () => {
  const widget = await coreWidget();
  await page.evaluate(() => {
    window.core.painter.onAct = () => {
      throw new Error("core failed");
    };
  });
  page.consoleErrors = [];
  await widget.locator(".sort").selectOption("newest");
  assert.ok(page.consoleErrors.some((e) => e.includes("core failed")), "the error was not reported");
  assert.deepEqual(page.problems, []);
  page.consoleErrors = [];
});

test("card and offering clicks reach the host with their detail, navigation not prevented", async () => {
  const widget = await coreWidget();
  await page.evaluate(() => {
    window.heard = [];
    const host = window.core.root.host;
    for (const name of ["tc-card-click", "tc-offering-click"]) host.addEventListener(name, (e) => window.heard.push([name, e.detail, e.bubbles, e.composed]));
    // The page stays put: the test prevents navigation here, after noting whether the painter did.
    document.addEventListener("click", (e) => {
      window.heard.push(["prevented", e.defaultPrevented]);
      e.preventDefault();
    });
  });
  const link = widget.locator(".card h3 a").first();
  const [id, href, title] = [await link.getAttribute("data-id"), await link.getAttribute("href"), await link.textContent()];
  await link.click();
  const offering = widget.locator(".panel a.offering-link").first();
  const [label, url, at] = [await offering.textContent(), await offering.getAttribute("href"), Number(await offering.getAttribute("data-id"))];
  await offering.click();
  const { heard, offeringId } = await page.evaluate((at) => ({ heard: window.heard, offeringId: window.painterPage.index.offerings[at].offeringId }), at);
  assert.equal(typeof offeringId, "number");
  assert.deepEqual(heard, [
    ["tc-card-click", { id, url: href, title }, true, true],
    ["prevented", false],
    ["tc-offering-click", { label, url, offeringId }, true, true],
    ["prevented", false],
  ]);
  assert.deepEqual(await acts(), []);
});

test("a broken image is removed with its media box's data-has-image, and stays away", async () => {
  const result = await inPage(async (P) => {
    const data = structuredClone(P.index);
    data.articles[0].image = { src: "images/missing.svg", alt: "", width: 640, height: 360 };
    // Alone on the page: a lazy image below the fold would never load.
    document.getElementById("hosts").replaceChildren();
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    painter.paint(P.viewOf({}, { data }));
    const media = root.querySelector(".card .media");
    const before = [media.hasAttribute("data-has-image"), media.querySelector("img") !== null];
    for (let i = 0; i < 100 && media.querySelector("img"); i++) await new Promise((r) => setTimeout(r, 50));
    const after = [media.hasAttribute("data-has-image"), media.querySelector("img") !== null];
    // The same article painted again: no new attempt.
    painter.paint(P.viewOf({ sort: "relevance" }, { data }));
    const again = [media.hasAttribute("data-has-image"), media.querySelector("img") !== null];
    const others = [root.querySelectorAll(".card img").length, P.viewOf({}, { data }).cards.filter((c) => c.image).length - 1];
    return { before, after, again, others };
  });
  assert.deepEqual(result.before, [true, true]);
  assert.deepEqual(result.after, [false, false]);
  assert.deepEqual(result.again, [false, false]);
  assert.equal(result.others[0], result.others[1], "other images were lost");
});

test("a loaded picture that comes back takes its old node, described anew for its article", async () => {
  const result = await inPage(async (P) => {
    const data = structuredClone(P.index);
    // Alone on the page, so the lazy pictures load.
    document.getElementById("hosts").replaceChildren();
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    const first = P.viewOf({}, { data });
    painter.paint(first);
    const imgs = () => [...root.querySelectorAll(".card img")];
    const loaded = imgs();
    for (let i = 0; i < 100 && !loaded.every((img) => img.complete && img.naturalWidth > 0); i++) await new Promise((r) => setTimeout(r, 50));
    // Other articles (a card whose article has one of the same pictures takes its node),
    // then the first ones back; the first article's picture now described as another
    // article's would be (same URL, other text and size).
    const others = structuredClone(data);
    others.articles = [...data.articles.slice(12), ...data.articles.slice(0, 12)];
    painter.paint(P.viewOf({}, { data: others }));
    const second = imgs();
    for (let i = 0; i < 100 && !second.every((img) => img.complete && img.naturalWidth > 0); i++) await new Promise((r) => setTimeout(r, 50));
    const known = new Set([...loaded, ...second]);
    const back = structuredClone(data);
    const firstWithImage = back.articles.findIndex((a, at) => at < 12 && a.image);
    back.articles[firstWithImage].image = { ...back.articles[firstWithImage].image, alt: "described anew", width: null, height: 500 };
    const backView = P.viewOf({}, { data: back });
    painter.paint(backView);
    const fresh = P.newRoot();
    P.createPainter(fresh, {}).paint(backView);
    return {
      loaded: loaded.length,
      allLoaded: loaded.every((img) => img.complete && img.naturalWidth > 0),
      reused: imgs().filter((img) => known.has(img)).length,
      shown: imgs().length,
      same: P.serialize(root.querySelector(".grid")),
      fresh: P.serialize(fresh.querySelector(".grid")),
    };
  });
  assert.ok(result.loaded > 3 && result.allLoaded, `pictures did not load: ${JSON.stringify(result).slice(0, 200)}`);
  assert.equal(result.reused, result.shown, "a picture that came back got a new <img> (fetched and decoded again)");
  assert.deepEqual(result.same, result.fresh, "a reused picture differs from the same card painted fresh (alt, size, attributes)");
});

test("setOptions: new strings redraw every text; a new theme is only an attribute", async () => {
  const result = await inPage((P) => {
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    painter.paint(P.viewOf({ query: "care" }));
    root.querySelector(".search").value = "care more";
    const top = painter.top;
    painter.setOptions({ theme: "dark" });
    const themed = { same: painter.top === top, theme: top.getAttribute("data-theme") };
    const strings = { searchLabel: "Suche", resultsMany: "{n} Treffer", showMore: "Mehr", filterBy: "Nur {label}", searchChip: "Suche: {query}", filters: "Filter", filtersActive: "Filter ({n})" };
    painter.setOptions({ theme: "dark", strings, locale: "de" });
    const ours = P.serialize(root);
    const fresh = P.newRoot();
    const other = P.createPainter(fresh, { theme: "dark", strings, locale: "de" });
    other.paint(P.viewOf({ query: "care" }));
    fresh.querySelector(".search").value = "care more";
    return {
      themed,
      rebuilt: painter.top !== top && !top.isConnected,
      texts: [root.querySelector("label.visually-hidden").textContent, root.querySelector(".status").textContent, root.querySelector(".more").textContent],
      query: root.querySelector(".search").value,
      same: JSON.stringify(ours) === JSON.stringify(P.serialize(fresh)),
    };
  });
  assert.deepEqual(result.themed, { same: true, theme: "dark" });
  assert.equal(result.rebuilt, true);
  assert.deepEqual(result.texts, ["Suche", result.texts[1], "Mehr"]);
  assert.match(result.texts[1], /^\d+ Treffer$/);
  assert.equal(result.query, "care more", "the typed text was lost");
  assert.equal(result.same, true, "the redrawn nodes differ from a painter made with those options");
});

test("options are a patch; a key whose getter throws costs only that key", async () => {
  const result = await inPage((P) => {
    const hostile = (values, bad) => {
      const o = { ...values };
      for (const key of bad) Object.defineProperty(o, key, { enumerable: true, get: () => { throw new Error(`no ${key}`); } });
      return o;
    };
    const root = P.newRoot();
    // Made with a throwing `strings` and `locale`: the defaults, and the theme given.
    const painter = P.createPainter(root, hostile({ theme: "dark" }, ["strings", "locale"]));
    painter.paint(P.viewOf({}));
    const made = { theme: painter.top.getAttribute("data-theme"), more: root.querySelector(".more").textContent };
    // A patch: the theme it does not name stays; a throwing key keeps its value.
    painter.setOptions(hostile({ strings: { showMore: "Mehr" } }, ["theme"]));
    painter.setOptions({ linkTarget: "_blank" });
    return {
      made,
      patched: { theme: painter.top.getAttribute("data-theme"), more: root.querySelector(".more").textContent },
      target: root.querySelector(".card .title a").getAttribute("target"),
    };
  });
  assert.deepEqual(result.made, { theme: "dark", more: "Show more" });
  assert.deepEqual(result.patched, { theme: "dark", more: "Mehr" }, "a patch reset what it did not name");
  assert.equal(result.target, "_blank");
});

test("destroy removes the nodes, the listeners and the stylesheet", async () => {
  const result = await inPage((P) => {
    const root = P.newRoot();
    const painter = P.createPainter(root, {});
    const calls = [];
    painter.onAct = (...args) => calls.push(args);
    painter.paint(P.viewOf({}));
    const sort = root.querySelector(".sort");
    painter.destroy();
    root.append(sort);
    sort.dispatchEvent(new Event("change", { bubbles: true }));
    return { children: root.childNodes.length - 1, sheets: root.adoptedStyleSheets.length, calls: calls.length };
  });
  assert.deepEqual(result, { children: 0, sheets: 0, calls: 0 });
});

test("the page saw no CSP violation or error", async () => {
  await assertClean(page, { allowMissingImages: true });
});
