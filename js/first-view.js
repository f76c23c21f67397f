// The first paint without the Wasm: draws the browse view from the index's first-view
// prefix (members `format`..`firstView`, see src/model.rs) node for node as the core's first
// paint does (src/web/render/*.rs after `paint_first` in src/web/load.rs), so the core can
// take over later by swapping the shadow root's children with no visible change.
//
// Where it cannot be sure to draw exactly what the core would, it declines (returns false
// and leaves the root alone): filters or a search asked for, a non-default sort, filter
// state in the hash, or a prefix the core's decoder would refuse. Index content is
// untrusted: text goes in only through textContent, URLs only through the core's safe-URL
// rule (src/safe_url.rs), never markup, never a style attribute.
//
// The stylesheet and the default strings come from the Rust sources (src/ui_assets.rs),
// written into build/ui-assets.js by scripts/build.sh; none are copied here.
import { CSS, STRINGS } from "../build/ui-assets.js";

/** Facet values shown per group before "Show N more" (facets.rs `TOP`). */
const TOP = 6;
/** The most cards a first view may hold before the decoder refuses it (decode.rs). */
const MAX_CARDS = 12 * 64;
/** Rust's `str::trim` set (Unicode White_Space), which is not JS's `trim` set. */
const SPACE = "[\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]*";
const BLANK = new RegExp(`^${SPACE}$`);
const NEWEST = new RegExp(`^${SPACE}newest${SPACE}$`, "i");

/** Date and number formats by locale tag ("" for the browser's), made once. */
const formats = new Map();

/** Medium-style month names, as `Intl.DateTimeFormat("en-US", { dateStyle: "medium" })` has them. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * US English dates and counts made here, without Intl: src/us_english.rs says why (the first
 * Intl format of a page costs tens of milliseconds) and which tests hold both to Intl. Same
 * interface as the Intl formats: `format(date)` throws on an invalid date as Intl does.
 */
const US_ENGLISH = [
  {
    format(date) {
      if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
      return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
    },
  },
  { format: (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ",") },
];

/** `us_english::is_us_english`: `en` or `en-US`, in any case. */
const isUsEnglish = (tag) => /^en(-us)?$/i.test(tag);

/** `Formats::for_tag`: the formats for a tag, or undefined when Intl refuses it. */
const formatsForTag = (tag) =>
  isUsEnglish(tag) ? US_ENGLISH : attempt(() => [new Intl.DateTimeFormat(tag, { dateStyle: "medium" }), new Intl.NumberFormat(tag)]);

/** `Formats::browser`: navigator.language's, else Intl's own default (else none: `[]`). */
function browserFormats() {
  const tag = typeof navigator === "object" && navigator ? navigator.language : undefined;
  return (
    (typeof tag === "string" && tag !== "" && formatsForTag(tag)) ||
    attempt(() => [new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }), new Intl.NumberFormat(undefined)], [])
  );
}

/**
 * The date and number formats for `locale` (a tag, or undefined for the browser's), as
 * src/web/i18n.rs makes them: a bad tag falls back to the browser's language. Making the
 * first Intl formats of a page loads the locale data, which takes tens of milliseconds: the
 * loader calls this while the first-view request is in flight, so the paint does not wait
 * for it (and for US English there is no Intl to wait for).
 */
export function formatsFor(locale) {
  const key = locale ?? "";
  let made = formats.get(key);
  if (!made) {
    made = (locale !== undefined && formatsForTag(locale)) || browserFormats();
    formats.set(key, made);
  }
  return made;
}

/** One stylesheet shared by every root. */
let sheet;

/**
 * Gives `root` the widget's stylesheet: one constructable CSSStyleSheet shared by every
 * widget, no `<style>` element and no style attribute, so it works under a `style-src 'self'`
 * Content Security Policy. The core has no copy of the CSS: the JS adopts it for both.
 */
export function adoptStyles(root) {
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
}

/**
 * Paints the browse view into `root` (a ShadowRoot) from `prefix` (the parsed JSON object
 * of the index prefix: format, version, groups, topics, types, brands, firstView) with the
 * page's `options` (the same object the core's mount gets). Returns true when it painted;
 * false (root untouched) when it cannot draw exactly what the core would. Never throws.
 */
export function paintFirstView(root, prefix, options) {
  try {
    if (!(root instanceof ShadowRoot)) return false;
    const top = firstViewNodes(root.ownerDocument, root.host.id, location.hash, prefix, options);
    if (!top) return false;
    adoptStyles(root);
    root.replaceChildren(top);
    return true;
  } catch (_) {
    return false;
  }
}

/**
 * The first view's nodes, detached, made with `doc` (a Document, or anything with its
 * `createElement`, as js/prerender.js passes), for a host whose id is `hostId` on a page whose
 * location hash is `hash`; null when the prefix is one the core refuses or the options ask
 * for what the painter declines. May throw (on a hostile prefix); paintFirstView catches.
 */
export function firstViewNodes(doc, hostId, hash, prefix, options) {
  return valid(prefix) ? draw(doc, hostId, hash, prefix, options) : null;
}

// ---- The prefix, checked as the core's decoder checks it (serde shapes, then ids). ----

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
// serde_json refuses lone surrogates, JSON.parse keeps them.
const str = (v) => typeof v === "string" && v.isWellFormed();
// serde reads `-0` as a float, never as an unsigned integer; beyond 2^53 a parsed number
// is no longer the one written (a u64 `offeringId`): decline.
const natural = (v) => Number.isSafeInteger(v) && v >= 0 && !Object.is(v, -0);
const u32 = (v) => natural(v) && v <= 0xffffffff;
const list = (each) => (v) => Array.isArray(v) && v.every(each);
/** `Option<T>`: absent or null. */
const opt = (each) => (v) => v == null || each(v);
/** `#[serde(default)]` on a non-Option: absent, never null. */
const dflt = (each) => (v) => v === undefined || each(v);
const ids = list(u32);
const shape = (fields) => (v) => isObject(v) && Object.entries(fields).every(([k, f]) => f(v[k]));

const facet = shape({ name: str, count: u32 });
const placed = shape({
  at: u32,
  offeringId: opt(natural),
  label: str,
  url: opt(str),
  topics: dflt(ids),
  count: u32,
});
const article = shape({
  id: str,
  title: str,
  summary: dflt(str),
  date: opt(str),
  url: opt(str),
  brand: opt(u32),
  image: opt(shape({ src: str, alt: dflt(str), width: opt(u32), height: opt(u32) })),
  authors: dflt(list(str)),
  type: opt(u32),
  topics: dflt(ids),
  inferred: dflt((v) => typeof v === "boolean"),
  offerings: dflt(ids),
  text: dflt(str),
});
const prefixShape = shape({
  format: (v) => v === "topic-cards-index",
  version: (v) => v === 1,
  groups: list(shape({ label: str })),
  topics: list(shape({ group: u32, label: str, slug: str, url: opt(str), count: u32 })),
  types: list(facet),
  brands: list(facet),
  firstView: shape({ total: u32, articles: list(article), offerings: list(placed), panel: ids }),
});

function valid(p) {
  if (!prefixShape(p)) return false;
  const { firstView: v, topics } = p;
  const at = v.offerings.map((o) => o.at);
  const known = (id) => at.includes(id);
  // Every id of a list (absent: none; an absent id passes) inside a table of `len`.
  const within = (ids, len) => (ids ?? []).every((id) => id == null || id < len);
  return (
    topics.every((t) => t.group < p.groups.length) &&
    v.articles.length <= MAX_CARDS &&
    // Two offerings at one position: which one the core's binary search finds is its own.
    new Set(at).size === at.length &&
    v.offerings.every((o) => within(o.topics, topics.length)) &&
    v.panel.every(known) &&
    v.articles.every(
      (a) =>
        within([a.brand], p.brands.length) &&
        within([a.type], p.types.length) &&
        within(a.topics, topics.length) &&
        (a.offerings ?? []).every(known),
    )
  );
}

// ---- Option values as the core reads them. ----

/** What wasm-bindgen hands Rust for a JS string (lone surrogates become U+FFFD). */
const wf = (s) => s.toWellFormed();

/** `f()`, or `fallback` when it throws (a bad locale tag, an unformattable date). */
function attempt(f, fallback) {
  try {
    return f();
  } catch (_) {
    return fallback;
  }
}

/** `options.strings` as `HashMap<String, String>::from_js` reads it (anything else: none). */
function overridesOf(value) {
  const entries = isObject(value) ? Object.entries(value) : [];
  return new Map(entries.every(([, v]) => typeof v === "string") ? entries.map(([k, v]) => [k, wf(v)]) : []);
}

// ---- Links: src/safe_url.rs. ----

function safeUrl(raw) {
  const url = raw.replace(/^[\0- ]+|[\0- ]+$/g, "");
  if (!url || /[\0-\x1f\x7f-\x9f]/.test(url)) return null;
  const slashed = url.replace(/\\/g, "/");
  // A scheme ends at the first `:` before any `/`, `?` or `#`; without one, relative.
  const scheme = /^([^/?#:]*):/.exec(slashed);
  if (slashed.startsWith("//")) return null;
  if (!scheme) return url;
  return /^https?$/i.test(scheme[1]) && slashed.startsWith("//", scheme[0].length) ? url : null;
}

// ---- Drawing. ----

/** Rust's `str::cmp` (code point order), which UTF-16 `<` is not above U+FFFF. */
function compare(a, b) {
  // Surrogates (D800-DFFF) move above E000-FFFF: then unit order is code point order.
  const key = (c) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
  for (let i = 0; i < a.length && i < b.length; i++) {
    const d = key(a.charCodeAt(i)) - key(b.charCodeAt(i));
    if (d) return d;
  }
  return a.length - b.length;
}

/** The brand initial (cards.rs `media_for`): first alphanumeric after any `www.`, ASCII-uppercased. */
function initialOf(name) {
  const rest = name.replace(/^(www\.)+/, "");
  // Most names begin in ASCII, where the alphanumerics are exactly [A-Za-z0-9]: decided
  // without the Unicode classes, whose first use in a page builds their tables (about 3 ms
  // on the first card, in a profile of the bench's cold loads).
  for (const ch of rest) {
    if (ch > "\x7f") break;
    if (/[A-Za-z0-9]/.test(ch)) return ch.toUpperCase();
  }
  const c = rest.match(/[\p{Alphabetic}\p{N}]/u);
  return c ? c[0].replace(/[a-z]/, (x) => x.toUpperCase()) : "";
}

/** Builds the widget's nodes (detached); null when the options ask for what it declines. */
function draw(doc, hostId, locationHash, prefix, options) {
  const o = isObject(options) ? options : {};
  // Filters, a search or a sort: the core shows the pending state, not the browse view.
  const query = typeof o.query === "string" ? o.query : "";
  const topics = o.topics;
  if (!BLANK.test(query)) return null;
  if (topics !== undefined && !(Array.isArray(topics) && topics.every((t) => typeof t === "string" && BLANK.test(t)))) return null;
  if (typeof o.sort === "string" && NEWEST.test(o.sort)) return null;
  // Filter state in the hash would replace the options' (hash_sync.rs `read`).
  const hash = o.hashSync;
  const spaces = hash === true ? [hostId, "tc"] : typeof hash === "string" ? [hash] : [];
  // Some `&`-separated part starts with `ns.`.
  const parts = "&" + locationHash.slice(1);
  if (spaces.some((ns) => ns && parts.includes(`&${ns}.`))) return null;

  const pageSize = typeof o.pageSize === "number" && o.pageSize >= 1 && o.pageSize <= 1000 ? Math.trunc(o.pageSize) : 12;
  const theme = o.theme === "light" || o.theme === "dark" ? o.theme : "auto";
  const target = typeof o.linkTarget === "string" && o.linkTarget !== "" ? wf(o.linkTarget) : null;
  // (A tag with a lone surrogate is invalid either way: no need to mend it as Rust gets it.)
  const locale = typeof o.locale === "string" && o.locale !== "" ? o.locale : undefined;
  // Text as src/web/i18n.rs makes it. A bad locale tag falls back to the browser's
  // language for both formats.
  const overrides = overridesOf(o.strings);
  const [dates, numbers] = formatsFor(locale);
  const get = (key) => overrides.get(key) ?? STRINGS[key] ?? key;
  // `str::replace` for each placeholder in turn (split/join: no `$` patterns).
  const fill = (key, values) => values.reduce((text, [name, value]) => text.split(`{${name}}`).join(value), get(key));
  const number = (n) => attempt(() => numbers.format(n), String(n));
  const count = (stem, n) => (n === 1 ? get(stem + "One") : fill(stem + "Many", [["n", number(n)]]));
  /** `Strings::date`: the parts that parse as u32, formatted when they are y-m-d. */
  const date = (iso) => {
    const [y, m, d, extra] = iso
      .split("-")
      .filter((part) => /^\+?[0-9]+$/.test(part) && +part <= 0xffffffff)
      .map(Number);
    const ymd = d !== undefined && extra === undefined && m >= 1 && m <= 12 && d >= 1 && d <= 31;
    return ymd ? attempt(() => dates.format(new Date(y, m - 1, d)), iso) : iso;
  };

  /** `<tag class=cls ...attrs>text</tag>`, appended to `parent` when given. */
  const add = (parent, tag, cls, attrs = 0, text) => {
    const node = doc.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    // Own members only: a page may have added enumerable ones to Object.prototype.
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (parent) parent.append(node);
    return node;
  };
  const button = (attrs) => ({ type: "button", ...attrs });
  /** `linkTarget` (render/mod.rs `Ctx::target`): a new browsing context gets no opener. */
  const aim = (attrs) =>
    target === null
      ? attrs
      : { ...attrs, target, ...(target !== "_self" && target !== "_parent" && target !== "_top" && { rel: "noopener noreferrer" }) };
  const view = prefix.firstView;
  const byAt = new Map(view.offerings.map((p) => [p.at, p]));
  /** An offering's label (offerings.rs `label_node`): a link when its URL is safe. */
  const label = (parent, id, offering) => {
    const url = offering.url == null ? null : safeUrl(offering.url);
    if (url === null) return add(parent, "span", "offering-link", 0, offering.label);
    add(parent, "a", "offering-link", aim({ href: url, "data-act": "offering", "data-id": id }), offering.label);
  };

  const cards = view.articles.slice(0, pageSize);
  const total = view.total;
  const pending = pageSize > view.articles.length && view.articles.length < total;
  const more = !pending && cards.length < total;
  const panel = o.offerings !== false ? view.panel : [];

  // Ui::build, then the first paint's changes to it.
  const top = add(null, "div", "tc", {
    part: "root",
    "data-theme": theme,
    ...(pending && { "data-pending": "" }),
    ...(panel.length && { "data-panel": "" }),
  });
  const error = add(top, "div", "error", { role: "alert", part: "error", hidden: "" });
  add(error, "p", "error-title");
  add(error, "p", "error-message");
  const main = add(top, "div", "main");
  const bar = add(main, "div", "bar");
  const searchBox = add(bar, "div", "search-box", { role: "search" });
  add(searchBox, "label", "visually-hidden", { for: "tc-search" }, get("searchLabel"));
  const search = add(searchBox, "input", "search", {
    type: "search",
    id: "tc-search",
    placeholder: get("searchPlaceholder"),
    autocomplete: "off",
    part: "search",
    "data-act": "search",
    enterkeyhint: "search",
  });
  if (query) search.value = query;
  const sortBox = add(bar, "label", "sort-box");
  add(sortBox, "span", "sort-label", 0, get("sortLabel"));
  const sort = add(sortBox, "select", "sort", { part: "sort", "data-act": "sort" });
  add(sort, "option", "", { value: "relevance" }, get("sortRelevance"));
  add(sort, "option", "", { value: "newest" }, get("sortNewest"));
  add(bar, "button", "filters-toggle", button({ "data-act": "toggle-filters", "aria-expanded": "false", "aria-controls": "tc-facets" }), get("filters"));
  const status = pending ? get("loading") : total === 0 ? get("resultsNone") : count("results", total);
  add(main, "p", "status", { role: "status", "aria-live": "polite", part: "status" }, status);
  const chips = add(main, "div", "active", { part: "active-filters", hidden: "" });
  add(chips, "ul", "chip-list", { "aria-label": get("activeFilters") });
  add(chips, "button", "clear", button({ "data-act": "clear" }), get("clearAll"));

  const layout = add(main, "div", "layout");
  const facets = add(layout, "aside", "facets", { id: "tc-facets", part: "facets", "aria-label": get("filters"), "data-collapsed": "" });
  const facetList = add(facets, "div", "facet-list");
  /** One facet group (facets.rs `build_group` then `update`): values as [key, label, count]. */
  const group = (key, kind, title, values) => {
    if (!values.length) return;
    const details = add(facetList, "details", "facet", { part: "facet", open: "" });
    add(details, "summary", "", 0, title);
    const fieldset = add(details, "fieldset");
    add(fieldset, "legend", "visually-hidden", 0, title);
    const ul = add(fieldset, "ul", "values");
    const items = values.map(([k, name, n], at) => {
      const li = add(null, "li");
      const row = add(li, "label", "value");
      const input = add(row, "input", "", { type: "checkbox", "data-act": "facet", "data-kind": kind, "data-key": k });
      add(row, "span", "name", 0, name);
      // The tie key of facets.rs: ASCII capitals lower-cased, nothing else.
      return { li, input, count: n, at, low: name.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase()), shown: add(row, "span", "count") };
    });
    const order = items.slice().sort((a, b) => b.count - a.count || compare(a.low, b.low) || a.at - b.at);
    // Only the shown values are placed in the list; the core builds the others detached
    // and places them when "Show more" reveals them.
    for (const item of order.slice(0, TOP)) {
      if (item.count === 0) item.input.disabled = true;
      item.shown.textContent = number(item.count);
      ul.append(item.li);
    }
    const hidden = Math.max(0, items.length - TOP);
    add(fieldset, "button", "more-values", button({
      "data-act": "expand",
      "data-group": key,
      ...(!hidden && { hidden: "" }),
      "aria-expanded": "false",
    }), fill("showMoreValues", [["n", number(hidden)]]));
  };
  prefix.groups.forEach((g, at) => {
    const values = [];
    for (const topic of prefix.topics) if (topic.group === at) values.push([topic.slug, topic.label, topic.count]);
    group(`t${at}`, "t", g.label, values);
  });
  for (const [kind, key, facets] of [["y", "typeGroup", prefix.types], ["b", "sourceGroup", prefix.brands]]) {
    group(kind, kind, get(key), facets.map((f) => [f.name, f.name, f.count]));
  }

  const results = add(layout, "section", "results");
  const grid = add(results, "div", "grid", { part: "grid" });
  for (const a of cards) grid.append(card(a));
  const empty = add(results, "div", "empty", { ...((pending || total > 0) && { hidden: "" }), part: "empty" });
  add(empty, "p", "", 0, get("resultsNone"));
  add(empty, "button", "button", button({ "data-act": "clear", hidden: "" }), get("clearAll"));
  const moreRow = add(results, "div", "more-row", !more && { hidden: "" });
  add(moreRow, "button", "button more", button({ part: "more", "data-act": "more" }), get("showMore"));
  const shownOf = fill("shownOf", [["shown", number(cards.length)], ["total", number(total)]]);
  add(moreRow, "p", "more-note", 0, more ? shownOf : null);

  const aside = add(layout, "aside", "panel", {
    part: "panel",
    ...(!panel.length && { hidden: "" }),
    "aria-labelledby": "tc-panel-title",
  });
  add(aside, "h2", "panel-title", { id: "tc-panel-title" }, get("offeringsTitle"));
  const panelList = add(aside, "ul", "panel-list");
  for (const id of panel) {
    const offering = byAt.get(id);
    const li = add(panelList, "li", "offering", { part: "offering" });
    label(li, id, offering);
    const categories = (offering.topics ?? []).map((topic) => prefix.topics[topic].label).join(" · ");
    if (categories) add(li, "p", "categories", 0, categories);
    add(li, "p", "count", 0, count("offeringArticles", offering.count));
  }
  return top;

  /** One card (cards.rs `Card::build` then `fill`). */
  function card(a) {
    const node = add(null, "article", "card", { part: "card" });
    const brand = a.brand == null ? null : prefix.brands[a.brand].name;
    const initial = initialOf(brand ?? a.title);
    const src = a.image == null ? null : safeUrl(a.image.src);
    const media = add(node, "div", "media", { "data-initial": initial, ...(src !== null && { "data-has-image": "" }) });
    add(media, "span", "initial", { "aria-hidden": "true" }, initial);
    if (src !== null) {
      add(media, "img", "", {
        src,
        alt: a.image.alt ?? "",
        loading: "lazy",
        decoding: "async",
        width: a.image.width ?? 640,
        height: a.image.height ?? 360,
        "data-act": "img",
      });
    }
    const body = add(node, "div", "body");
    const meta = add(body, "p", "meta");
    const heading = add(body, "h3", "title", { part: "card-title" });
    if (brand !== null) add(meta, "span", "brand", 0, brand);
    if (a.date != null) add(meta, "time", "date", { datetime: a.date }, date(a.date));
    const url = a.url == null ? null : safeUrl(a.url);
    if (url === null) heading.textContent = a.title;
    else {
      add(heading, "a", "", aim({ "data-act": "card", href: url, "data-id": a.id }), a.title);
    }
    if (a.summary) add(body, "p", "summary", 0, a.summary);
    const chipTopics = (a.topics ?? []).map((id) => prefix.topics[id]);
    if (chipTopics.length) {
      const ul = add(body, "ul", "chips", { "aria-label": get("filters") });
      for (const topic of chipTopics) {
        const title = fill("filterBy", [["label", topic.label]]);
        add(add(ul, "li"), "button", a.inferred ? "chip inferred" : "chip", button({
          part: "chip",
          "data-act": "topic",
          "data-kind": "t",
          "data-key": topic.slug,
          title: a.inferred ? `${title} (${get("inferred")})` : title,
        }), topic.label);
      }
    }
    const offers = a.offerings ?? [];
    if (offers.length) {
      const ul = add(body, "ul", "offers", { "aria-label": get("offeringsTitle") });
      for (const id of offers) label(add(ul, "li"), id, byAt.get(id));
    }
    return node;
  }
}
