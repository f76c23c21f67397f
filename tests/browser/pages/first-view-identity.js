// The first-view identity page: paints the first view from the index prefix alone (js/first-view.js,
// as the loader does before the core has loaded) into one host, and lets the core paint its
// first view into another through a fresh painter, and serialises both shadow roots for the
// test (tests/browser/first-view.test.mjs) to compare: the view the core makes from the
// prefix must be the one the loader makes. The core is pkg/core.js with the controller
// (js/controller.js), not through api.js, whose handle would paint the early view first. It also parses js/prerender.js's
// markup for tests/browser/prerender.test.mjs.
import { formatsFor, paintFirstView } from "../../../js/first-view.js";
import { createPainter } from "../../../js/painter.js";
import { mountWidget } from "../../../js/controller.js";
import init, { Core } from "../../../pkg/core.js";

await init({ module_or_path: new URL("../../../pkg/core_bg.wasm", import.meta.url) });

const hosts = document.getElementById("hosts");

function newHost(id) {
  const host = document.createElement("div");
  if (id) host.id = id;
  hosts.append(host);
  return host;
}

/**
 * A shadow root as plain data: each node's tag, attributes sorted by name, the state that
 * is not an attribute (a field's value, checked, the selected option), text, children in
 * order; and the text of every adopted stylesheet's rules.
 */
function serialize(root) {
  const node = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return { text: n.data };
    if (n.nodeType !== Node.ELEMENT_NODE) return { other: n.nodeType };
    const out = {
      tag: n.localName,
      attrs: [...n.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    };
    if (n.localName === "input") Object.assign(out, { value: n.value, checked: n.checked, disabled: n.disabled });
    if (n.localName === "select") out.value = n.value;
    if (n.localName === "details") out.open = n.open;
    out.children = [...n.childNodes].map(node);
    return out;
  };
  return {
    children: [...root.childNodes].map(node),
    css: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText)),
    active: root.activeElement ? root.activeElement.localName : null,
  };
}

/**
 * Parses js/prerender.js's markup as a page's parser does (a declarative shadow root) and
 * serialises that root as `serialize` does, with its `<style>`'s rules as the CSS (the
 * painter's root adopts the same text) and its other children as the nodes.
 */
function prerendered(html) {
  // The parser attaches a declarative root to the template's parent element, so the markup
  // goes inside a host element of its own, as a page has it inside `<topic-cards>`.
  const holder = newHost("");
  holder.setHTMLUnsafe(`<div>${html}</div>`);
  const root = holder.firstElementChild.shadowRoot;
  if (!root) {
    holder.remove();
    return { ok: false, tree: null };
  }
  const style = root.querySelector("style[data-prerendered]");
  const tree = serialize(root);
  tree.children = tree.children.filter((child) => child.tag !== "style");
  // This page's CSP blocks inline styles (style.sheet is null): read the rules from its text.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(style ? style.textContent : "");
  tree.css = style ? [[...sheet.cssRules].map((r) => r.cssText)] : [];
  holder.remove();
  return { ok: true, tree };
}

/** The members of the index that make its first-view prefix, as the loader hands them. */
function prefixOf(text) {
  const { format, version, groups, topics, types, brands, firstView } = JSON.parse(text);
  return { format, version, groups, topics, types, brands, firstView };
}

/** Paints with the JS painter; `prefix` is an object (or anything hostile) or index text. */
function painter(prefix, options, { text = false, hostId = "" } = {}) {
  const root = newHost(hostId).attachShadow({ mode: "open" });
  let ok;
  let threw = null;
  try {
    // The painter it painted with, or false.
    ok = paintFirstView(root, text ? prefixOf(prefix) : prefix, options) !== false;
  } catch (e) {
    threw = String(e);
  }
  const tree = serialize(root);
  root.host.remove();
  return { ok, threw, tree };
}

/**
 * Lets the core paint its first view from `text` and stop there: the index arrives as one
 * chunk of a stream that never ends, so the core paints the prefix and then waits for more
 * bytes. Its second read says the first paint is done (the prefix is painted before the
 * chunk is decoded and the next one asked for). With `given`, the core also gets the
 * first-view part as its `firstView` option, as the JS handle passes it at takeover: it
 * paints that within mount, and the root is read right then too (`atMount`).
 */
async function core(text, options, { hostId = "", given = false } = {}) {
  const host = newHost(hostId);
  const bytes = new TextEncoder().encode(text);
  let reads = 0;
  let painted;
  const done = new Promise((resolve) => (painted = resolve));
  const stream = () =>
    new ReadableStream(
      {
        pull(controller) {
          if (reads++ === 0) return controller.enqueue(bytes);
          painted(true);
          return new Promise(() => {});
        },
      },
      { highWaterMark: 0 },
    );
  const firstView = given ? { firstView: JSON.stringify(prefixOf(text)) } : {};
  // A painter of its own, as the JS handle makes one when it painted nothing early.
  const painter = createPainter(host.attachShadow({ mode: "open" }), options);
  const widget = mountWidget(() => new Core(), host, { ...options, ...firstView, painter, indexUrl: "/first-view.json", fetch: async () => new Response(stream()) });
  const atMount = given ? serialize(host.shadowRoot) : null;
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 20000));
  const ok = await Promise.race([done, timeout]);
  const tree = serialize(host.shadowRoot);
  widget.destroy();
  host.remove();
  return { ok, tree, atMount };
}

/**
 * Where the painter's formats for `locale` differ from Intl's for `intlLocale`, over every day
 * of four years, JS Date's own edges (a day past the month's end, two-digit years, the last
 * valid year and one past it) and counts up to two billion: a list of [input, ours, Intl].
 */
function formatDifferences(locale, intlLocale) {
  const [dates, numbers] = formatsFor(locale);
  const intlDates = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium" });
  const intlNumbers = new Intl.NumberFormat(intlLocale);
  const run = (f) => {
    try {
      return f();
    } catch (e) {
      return `throws ${e.name}`;
    }
  };
  const out = [];
  const ymd = [];
  for (const y of [1999, 2000, 2024, 2025]) for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) ymd.push([y, m, d]);
  for (const y of [0, 5, 99, 100, 999, 1000, 9999, 10000, 275760, 275761]) ymd.push([y, 1, 1], [y, 9, 13], [y, 12, 31]);
  for (const [y, m, d] of ymd) {
    const ours = run(() => dates.format(new Date(y, m - 1, d)));
    const theirs = run(() => intlDates.format(new Date(y, m - 1, d)));
    if (ours !== theirs) out.push([`${y}-${m}-${d}`, ours, theirs]);
  }
  for (let n = 0; n < 2e9; n = n < 2000 ? n + 1 : n * 3 + 7) {
    const ours = numbers.format(n);
    const theirs = intlNumbers.format(n);
    if (ours !== theirs) out.push([n, ours, theirs]);
  }
  return out;
}

window.firstView = { painter, core, prerendered, formatDifferences, ready: true };
