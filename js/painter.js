// The painter: every node of the widget, drawn and updated from a view, every DOM event
// inside the shadow root, and all UI text. The Wasm core (src/web) holds the filters and the
// index and draws nothing: each repaint hands the painter one view (src/view.rs writes it),
// and the painter reports what a person did through `onAct`, which the controller
// (controller.js) hands to the core and answers with the next view. Before the core has
// loaded, the loader paints with the same painter from the index's first-view part
// (`viewFromPrefix`, js/first-view.js), and the core goes on with it; js/prerender.js draws
// the same first view as HTML.
//
//   createPainter(root, options[, doc])  draws into `root` (a ShadowRoot) with the page's
//                                        options (texts, locale, theme, links, panel)
//   painter.paint(view)                  draws or updates the view
//   painter.loading() / error(msg, key)  no index yet / the error state (`key`: a UI string
//                                        shown instead of `msg`)
//   painter.setOptions(patch)            an options patch (keys absent keep their values);
//                                        redraws what it changes
//   painter.destroy()                    removes its nodes, listeners and stylesheet
//   painter.onAct(act, a, b, on)         set by the controller: "search" (text), "facet"
//                                        (kind, key, checked), "sort" (name), "topic" (slug),
//                                        "remove" (kind, key), "clear", "more"
//
// A view: { dicts? (groups, topics, types, brands: sent when they change), pending, total,
// state {query, topics, types, brands, dateFrom, dateTo, sort}, cards [article without its
// search text], offerings [[id, {label, url, topics, offeringId}]] (those the cards and the
// panel name), counts {topics, types, brands}, panel [[offering id, articles]] }.
//
// Updates are incremental: what each node shows is remembered here (never read back from the
// DOM), only what differs is written, cards and panel items keep their nodes while their
// article or offering is shown and are refilled in place otherwise, and a node holding focus
// gets it back after a move. New elements cost the browser style, layout objects and paint
// from nothing; a refill only changes the texts and attributes that differ.
//
// Index content is untrusted: text goes in only through textContent and nodeValue, URLs only
// through the safe-URL rule (src/safe_url.rs), never markup, never a style attribute.
//
// The first paint from scratch uses only createElement, className, textContent, setAttribute
// and append (and `value`/`disabled` where the options ask for them), so js/prerender.js can
// make it with a document of plain objects and write it out as HTML.
//
// The stylesheet and the default strings come from src/ui_assets.rs, written into
// build/ui-assets.js by scripts/build.sh; none are copied here.
import { CSS, STRINGS } from "../build/ui-assets.js";
import { trim } from "./rust-trim.js";

/** Facet values shown per group before "Show N more". */
const TOP = 6;

// ---- Values as the core reads them. ----

/** A plain object (not null, not an array), as serde's maps and structs read JS values. */
export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);


/** What wasm-bindgen hands Rust for a JS string (lone surrogates become U+FFFD). */
const wellFormed = (s) => s.toWellFormed();

/** ASCII capitals lower-cased, nothing else: Rust's `to_ascii_lowercase`. */
const asciiLower = (s) => s.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase());

/** `f()`, or `fallback` when it throws (a bad locale tag, an unformattable date). */
function attempt(f, fallback) {
  try {
    return f();
  } catch (_) {
    return fallback;
  }
}

// ---- Dates and counts. ----

/** Date and number formats by locale tag ("" for the browser's), made once. */
const formats = new Map();

/** Medium-style month names, as `Intl.DateTimeFormat("en-US", { dateStyle: "medium" })` has them. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * US English dates and counts made here, without Intl: the first Intl format of a page loads
 * the browser's locale data, 15-70 ms on the main thread of the bench machine (a third of the
 * time to the first cards), and en/en-US is the commonest locale of the widget's readers.
 * The output must be exactly Intl's: tests/browser/first-view.test.mjs holds it to Intl over
 * every day of several years and counts up to two billion. Same interface as the Intl
 * formats: `format(date)` throws on an invalid date as Intl does.
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

/** `en` or `en-US`, in any case (BCP 47 tags are case-insensitive); anything longer goes to Intl. */
const isUsEnglish = (tag) => /^en(-us)?$/i.test(tag);

/** The formats for a tag, or undefined when Intl refuses it. */
const formatsForTag = (tag) =>
  isUsEnglish(tag) ? US_ENGLISH : attempt(() => [new Intl.DateTimeFormat(tag, { dateStyle: "medium" }), new Intl.NumberFormat(tag)]);

/** navigator.language's formats, else Intl's own default (else none: `[]`). */
function browserFormats() {
  const tag = typeof navigator === "object" && navigator ? navigator.language : undefined;
  return (
    (typeof tag === "string" && tag !== "" && formatsForTag(tag)) ||
    attempt(() => [new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }), new Intl.NumberFormat(undefined)], [])
  );
}

/**
 * The date and number formats for `locale` (a tag, or undefined for the browser's): a bad
 * tag falls back to the browser's language. Making the
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

/** `options.strings`: an object of strings (anything else: no overrides). */
function overridesOf(value) {
  // (A getter that throws: no overrides, as for any other value that is not an object of strings.)
  const entries = attempt(() => (isObject(value) ? Object.entries(value) : []), []);
  return new Map(entries.every(([, v]) => typeof v === "string") ? entries.map(([k, v]) => [k, wellFormed(v)]) : []);
}

/** The UI text for `locale` (a tag or undefined) and `overrides`. */
function textsFor(locale, overrides) {
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
  return { get, fill, number, count, date };
}

/**
 * The page's options as the painter uses them. `textKey` names everything the nodes' fixed
 * texts and link attributes are made from: when it changes, the nodes are made again.
 */
function settingsOf(options) {
  const o = isObject(options) ? options : {};
  // (A tag with a lone surrogate is invalid either way: no need to mend it as Rust gets it.)
  const locale = typeof o.locale === "string" && o.locale !== "" ? o.locale : undefined;
  const overrides = overridesOf(o.strings);
  const target = typeof o.linkTarget === "string" && o.linkTarget !== "" ? wellFormed(o.linkTarget) : null;
  return {
    theme: o.theme === "light" || o.theme === "dark" ? o.theme : "auto",
    offerings: o.offerings !== false,
    target,
    texts: textsFor(locale, overrides),
    textKey: JSON.stringify([locale, target, [...overrides]]),
  };
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

/** An optional URL through the safe-URL rule: null when absent or unsafe. */
const safeOrNull = (url) => (url == null ? null : safeUrl(url));

// ---- Order and initials. ----

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

/** The brand initial: the first alphanumeric after any `www.`, ASCII-uppercased. */
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

// ---- Nodes and what they show. ----

/** One stylesheet shared by every root. */
let sheet;

/**
 * Gives `root` the widget's stylesheet: one constructable CSSStyleSheet shared by every
 * widget, no `<style>` element and no style attribute, so it works under a `style-src 'self'`
 * Content Security Policy.
 */
export function adoptStyles(root) {
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
}

/** `<tag class=cls ...attrs>text</tag>` made with `doc`, appended to `parent` when given. */
function add(doc, parent, tag, cls, attrs = {}, text) {
  const node = doc.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  // Own members only: a page may have added enumerable ones to Object.prototype.
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (parent) parent.append(node);
  return node;
}

const button = (attrs) => ({ type: "button", ...attrs });

/** `node` placed before `before` (null: last): append is all a fresh paint needs. */
function insert(parent, node, before) {
  if (before) parent.insertBefore(node, before);
  else parent.append(node);
}

/**
 * An element and what the painter last wrote into it: its text and the attributes it
 * changes (null: absent). A write that would change nothing makes no DOM call at all (no
 * mutation record, nothing for the browser to restyle or lay out). Only the painter writes
 * these nodes, so what is remembered is what they show.
 */
class Kept {
  constructor(node, text = "", attrs = {}) {
    this.node = node;
    this.shown = text;
    this.attrs = new Map(Object.entries(attrs));
  }

  text(text) {
    if (text === this.shown) return;
    // Into the element's one text node when it has one: the browser keeps its layout
    // object instead of swapping in a new node.
    if (this.shown !== "" && text !== "") this.node.firstChild.nodeValue = text;
    else this.node.textContent = text;
    this.shown = text;
  }

  /** Sets (a string) or removes (null) an attribute, unless it already is so. */
  attr(name, value) {
    if ((this.attrs.get(name) ?? null) === value) return;
    if (value === null) this.node.removeAttribute(name);
    else this.node.setAttribute(name, value);
    this.attrs.set(name, value);
  }

  /** A boolean attribute such as `hidden`. */
  flag(name, on) {
    this.attr(name, on ? "" : null);
  }
}

/**
 * Puts `wanted` first among `parent`'s children, in order, moving only the nodes out of
 * place (a moved node loses focus; the others keep it and their state). `current` is the
 * children as last left (only the painter adds and moves them), so nothing is read from the
 * DOM; it is brought up to date. Children not wanted stay after the wanted ones.
 */
function placeFirst(parent, current, wanted) {
  wanted.forEach((node, at) => {
    if (current[at] === node) return;
    insert(parent, node, current[at] ?? null);
    // The first `at` places hold wanted[..at], so the node, if a child, sits after them.
    const from = current.indexOf(node, at);
    if (from >= 0) current.splice(from, 1);
    current.splice(at, 0, node);
  });
}

/** Makes `parent`'s children exactly `wanted`, in order (see placeFirst). */
function reconcile(parent, current, wanted) {
  placeFirst(parent, current, wanted);
  for (const extra of current.splice(wanted.length)) extra.remove();
}

// ---- The layout. ----

/**
 * The widget's fixed nodes, detached. Texts a paint writes (status, counts, toggles) start
 * empty, so a first paint sets them with textContent. `collapsed`: the phone-width filters
 * panel is closed.
 */
function buildLayout(doc, settings, collapsed) {
  const { get } = settings.texts;
  const top = add(doc, null, "div", "tc", { part: "root" });
  const error = add(doc, top, "div", "error", { role: "alert", part: "error", hidden: "" });
  const errorTitle = add(doc, error, "p", "error-title");
  const errorMessage = add(doc, error, "p", "error-message");
  const main = add(doc, top, "div", "main");
  const bar = add(doc, main, "div", "bar");
  const searchBox = add(doc, bar, "div", "search-box", { role: "search" });
  add(doc, searchBox, "label", "visually-hidden", { for: "tc-search" }, get("searchLabel"));
  const search = add(doc, searchBox, "input", "search", {
    type: "search",
    id: "tc-search",
    placeholder: get("searchPlaceholder"),
    autocomplete: "off",
    part: "search",
    "data-act": "search",
    enterkeyhint: "search",
  });
  const sortBox = add(doc, bar, "label", "sort-box");
  add(doc, sortBox, "span", "sort-label", {}, get("sortLabel"));
  const sort = add(doc, sortBox, "select", "sort", { part: "sort", "data-act": "sort" });
  add(doc, sort, "option", "", { value: "relevance" }, get("sortRelevance"));
  add(doc, sort, "option", "", { value: "newest" }, get("sortNewest"));
  const expanded = collapsed ? "false" : "true";
  const filtersToggle = add(doc, bar, "button", "filters-toggle", button({ "data-act": "toggle-filters", "aria-expanded": expanded, "aria-controls": "tc-facets" }));
  const status = add(doc, main, "p", "status", { role: "status", "aria-live": "polite", part: "status" });
  const chips = add(doc, main, "div", "active", { part: "active-filters", hidden: "" });
  const chipList = add(doc, chips, "ul", "chip-list", { "aria-label": get("activeFilters") });
  add(doc, chips, "button", "clear", button({ "data-act": "clear" }), get("clearAll"));

  const layout = add(doc, main, "div", "layout");
  const facetsAttrs = { id: "tc-facets", part: "facets", "aria-label": get("filters"), ...(collapsed && { "data-collapsed": "" }) };
  const facetPanel = add(doc, layout, "aside", "facets", facetsAttrs);
  const facetList = add(doc, facetPanel, "div", "facet-list");
  const results = add(doc, layout, "section", "results");
  const grid = add(doc, results, "div", "grid", { part: "grid" });
  const empty = add(doc, results, "div", "empty", { hidden: "", part: "empty" });
  add(doc, empty, "p", "", {}, get("resultsNone"));
  const clearEmpty = add(doc, empty, "button", "button", button({ "data-act": "clear", hidden: "" }), get("clearAll"));
  const moreRow = add(doc, results, "div", "more-row", { hidden: "" });
  add(doc, moreRow, "button", "button more", button({ part: "more", "data-act": "more" }), get("showMore"));
  const moreNote = add(doc, moreRow, "p", "more-note");
  const panel = add(doc, layout, "aside", "panel", { part: "panel", hidden: "", "aria-labelledby": "tc-panel-title" });
  add(doc, panel, "h2", "panel-title", { id: "tc-panel-title" }, get("offeringsTitle"));
  const panelList = add(doc, panel, "ul", "panel-list");

  return {
    top: new Kept(top),
    error: new Kept(error, "", { hidden: "" }),
    errorTitle: new Kept(errorTitle),
    errorMessage: new Kept(errorMessage),
    main: new Kept(main),
    search,
    sort,
    filtersToggle: new Kept(filtersToggle, "", { "aria-expanded": expanded }),
    status: new Kept(status),
    chips: new Kept(chips, "", { hidden: "" }),
    chipList,
    facetPanel: new Kept(facetPanel, "", facetsAttrs),
    facetList,
    grid,
    empty: new Kept(empty, "", { hidden: "" }),
    clearEmpty: new Kept(clearEmpty, "", { hidden: "" }),
    moreRow: new Kept(moreRow, "", { hidden: "" }),
    moreNote: new Kept(moreNote),
    panel: new Kept(panel, "", { hidden: "" }),
    panelList,
  };
}

/**
 * What a fresh set of nodes shows and holds, besides the nodes: the search box and sort
 * select as last written or as the person left them, the active chips, the facet groups,
 * the cards and the panel items, each with the order of their parent's children.
 */
function freshMemory() {
  return {
    shownQuery: "",
    shownSort: "relevance",
    chipsSignature: "[]",
    chipButtons: [],
    chipItems: [],
    facetSignature: null,
    groups: [],
    groupNodes: [],
    cards: [],
    gridNodes: [],
    panelItems: [],
    panelNodes: [],
    // Loaded pictures whose cards moved on, by URL (least recently released first), for a
    // card that shows one again: see releasePicture.
    spareImages: new Map(),
    spareCount: 0,
  };
}

// ---- Links. ----

/** `linkTarget`: a new browsing context gets no opener. */
function aim(settings, attrs) {
  const { target } = settings;
  if (target === null) return attrs;
  const noOpener = target !== "_self" && target !== "_parent" && target !== "_top";
  return { ...attrs, target, ...(noOpener && { rel: "noopener noreferrer" }) };
}

/**
 * An offering's label appended to `parent`: a link when its URL
 * is safe, plain text otherwise. Returns it with whether it is a link.
 */
function offeringLabel(doc, settings, parent, id, offering) {
  const url = safeOrNull(offering.url);
  if (url === null) return { label: new Kept(add(doc, parent, "span", "offering-link", {}, offering.label), offering.label), link: false };
  const attrs = { href: url, "data-act": "offering", "data-id": String(id) };
  const node = add(doc, parent, "a", "offering-link", aim(settings, attrs), offering.label);
  return { label: new Kept(node, offering.label, attrs), link: true };
}

/** Brings a label from offeringLabel up to date; false when it must be made again (link or not). */
function refillOfferingLabel(label, link, id, offering) {
  const url = safeOrNull(offering.url);
  if (link !== (url !== null)) return false;
  label.text(offering.label);
  if (url !== null) {
    label.attr("href", url);
    label.attr("data-id", String(id));
  }
  return true;
}

// ---- Toolbar: the search box, the sort and the active-filter chips. ----

/** `(kind, key, label)` of every active filter, in display order. */
function activeFilters(p, state) {
  const { fill } = p.settings.texts;
  const out = [];
  const query = trim(state.query);
  if (query) out.push(["q", "", fill("searchChip", [["query", query]])]);
  for (const key of state.topics) out.push(["t", key, p.dicts.topics.find((t) => t.slug === key)?.label ?? key]);
  for (const key of state.types) out.push(["y", key, key]);
  for (const key of state.brands) out.push(["b", key, key]);
  if (state.dateFrom != null) out.push(["from", "", fill("dateFromChip", [["date", state.dateFrom]])]);
  if (state.dateTo != null) out.push(["to", "", fill("dateToChip", [["date", state.dateTo]])]);
  return out;
}

function paintToolbar(p, view) {
  const { state } = view;
  const m = p.memory;
  // Written only when the state differs from what the box shows (the person's typing is
  // remembered as it is sent), so typing, the caret and IME composition are never disturbed.
  if (state.query !== m.shownQuery) p.ui.search.value = m.shownQuery = state.query;
  if (state.sort !== m.shownSort) p.ui.sort.value = m.shownSort = state.sort;
  paintActiveChips(p, activeFilters(p, state));
}

/** The active-filter chips, made again only when their list changed. */
function paintActiveChips(p, active) {
  const m = p.memory;
  const signature = JSON.stringify(active);
  if (signature === m.chipsSignature) return;
  m.chipsSignature = signature;
  const { doc, settings } = p;
  for (const item of m.chipItems) item.remove();
  m.chipItems = [];
  m.chipButtons = active.map(([kind, key, label]) => {
    const item = add(doc, p.ui.chipList, "li");
    const chip = add(doc, item, "button", "chip removable", button({
      part: "chip active-chip",
      "data-act": "remove",
      "data-kind": kind,
      "data-key": key,
      "aria-label": settings.texts.fill("removeFilter", [["label", label]]),
    }));
    add(doc, chip, "span", "", {}, label);
    add(doc, chip, "span", "x", { "aria-hidden": "true" }, "×");
    m.chipItems.push(item);
    return chip;
  });
  p.ui.chips.flag("hidden", active.length === 0);
}

// ---- Facets. ----

/** Identifies the dictionaries, so the first view's and the full index's share one set of nodes. */
function facetSignature(dicts) {
  return JSON.stringify([
    dicts.topics.map((t) => [t.slug, t.label, t.group]),
    dicts.groups.map((g) => g.label),
    dicts.types.map((f) => f.name),
    dicts.brands.map((f) => f.name),
  ]);
}

/** The facet groups, built once per set of dictionaries: values as `{id, key, label}`. */
function buildFacets(p) {
  const { dicts } = p;
  const groups = [];
  dicts.groups.forEach((group, at) => {
    const values = [];
    dicts.topics.forEach((topic, id) => {
      if (topic.group === at) values.push({ id, key: topic.slug, label: topic.label });
    });
    if (values.length) groups.push(buildGroup(p, `t${at}`, "t", group.label, values));
  });
  const { get } = p.settings.texts;
  for (const [kind, title, facets] of [["y", get("typeGroup"), dicts.types], ["b", get("sourceGroup"), dicts.brands]]) {
    const values = facets.map((facet, id) => ({ id, key: facet.name, label: facet.name }));
    if (values.length) groups.push(buildGroup(p, kind, kind, title, values));
  }
  const m = p.memory;
  reconcile(p.ui.facetList, m.groupNodes, groups.map((g) => g.node));
  m.groups = groups;
}

/**
 * One group's nodes. Its values are built detached and placed in the list when first
 * shown: a hidden value's place cannot be seen.
 */
function buildGroup(p, key, kind, title, values) {
  const { doc } = p;
  const node = add(doc, null, "details", "facet", { part: "facet", open: "" });
  add(doc, node, "summary", "", {}, title);
  const fieldset = add(doc, node, "fieldset");
  add(doc, fieldset, "legend", "visually-hidden", {}, title);
  const list = add(doc, fieldset, "ul", "values");
  const rows = values.map(({ id, key: valueKey, label }) => {
    const item = add(doc, null, "li");
    const row = add(doc, item, "label", "value");
    const input = add(doc, row, "input", "", { type: "checkbox", "data-act": "facet", "data-kind": kind, "data-key": valueKey });
    add(doc, row, "span", "name", {}, label);
    const count = add(doc, row, "span", "count");
    const facetRow = { id, key: valueKey, kind, low: asciiLower(label), item: new Kept(item), input, enabled: new Kept(input), count: new Kept(count), shownCount: null, checked: false };
    p.rowOfInput.set(input, facetRow);
    return facetRow;
  });
  const more = add(doc, fieldset, "button", "more-values", button({ "data-act": "expand", "data-group": key }));
  return { key, kind, node, list, listNodes: [], more: new Kept(more), rows };
}

/**
 * Counts, states and order of every group's values. Only what a person can see is touched:
 * the shown values get their count, state and place; a hidden one is only kept hidden, and
 * brought up to date when shown again (a Source group can hold hundreds of values).
 */
function paintFacets(p, view) {
  if (p.dictsSignature !== p.memory.facetSignature) {
    buildFacets(p);
    p.memory.facetSignature = p.dictsSignature;
  }
  const { state, counts } = view;
  const byKind = { t: [counts.topics, state.topics], y: [counts.types, state.types], b: [counts.brands, state.brands] };
  for (const group of p.memory.groups) {
    const [groupCounts, selected] = byKind[group.kind];
    paintGroup(p, group, groupCounts, new Set(selected.map(asciiLower)));
  }
}

function paintGroup(p, group, counts, selected) {
  const { texts } = p.settings;
  const rows = group.rows.map((row, at) => ({ row, at, count: counts[row.id] ?? 0, checked: selected.has(asciiLower(row.key)) }));
  // Most articles first, then by label, then in build order.
  rows.sort((a, b) => b.count - a.count || compare(a.row.low, b.row.low) || a.at - b.at);
  const expanded = p.expanded.has(group.key);
  const shown = [];
  let hidden = 0;
  rows.forEach(({ row, count, checked }, rank) => {
    // Always the true state, hidden or not: hosts and tests read `:checked`.
    if (row.checked !== checked) row.input.checked = row.checked = checked;
    const hide = rank >= TOP && !expanded && !checked;
    row.item.flag("hidden", hide);
    if (hide) {
      hidden++;
      return;
    }
    row.enabled.flag("disabled", count === 0 && !checked);
    if (row.shownCount !== count) {
      row.count.text(texts.number(count));
      row.shownCount = count;
    }
    shown.push(row.item.node);
  });
  // Hidden values keep whatever place they have after the shown ones.
  placeFirst(group.list, group.listNodes, shown);
  group.more.flag("hidden", rows.length <= TOP);
  group.more.attr("aria-expanded", String(expanded));
  group.more.text(expanded ? texts.get("showFewerValues") : texts.fill("showMoreValues", [["n", texts.number(hidden)]]));
}

// ---- Cards. ----

/**
 * A card stays on its node while its article is shown, so a focused link or chip survives a
 * new result set. Nodes whose article left are refilled with the newcomers in their current
 * order, except one holding focus: focus must not silently land on another article, so that
 * card leaves the grid with its article.
 */
function paintCards(p, view, focused) {
  const m = p.memory;
  const byId = new Map(m.cards.map((card) => [card.id, card]));
  const staying = view.cards.map((article) => {
    const card = byId.get(article.id);
    byId.delete(article.id);
    return card;
  });
  const spare = [...byId.values()].filter((card) => !(focused && card.node.contains(focused)));
  m.cards = view.cards.map((article, at) => staying[at] ?? spare.shift() ?? buildCard(p.doc));
  // Every picture leaving first, so that any card can take one that comes back.
  m.cards.forEach((card, at) => {
    if (card.id !== view.cards[at].id) releasePicture(p, card);
  });
  m.cards.forEach((card, at) => fillCard(p, card, view.cards[at]));
  reconcile(p.ui.grid, m.gridNodes, m.cards.map((card) => card.node));
}

/** The fixed frame of a card; fillCard puts an article in it. */
function buildCard(doc) {
  const node = add(doc, null, "article", "card", { part: "card" });
  const media = add(doc, node, "div", "media");
  const initial = add(doc, media, "span", "initial", { "aria-hidden": "true" });
  const body = add(doc, node, "div", "body");
  const meta = add(doc, body, "p", "meta");
  const heading = add(doc, body, "h3", "title", { part: "card-title" });
  return {
    node,
    id: null,
    media: new Kept(media),
    initial: new Kept(initial),
    img: null,
    // The image URL last given to this article's <img> (null: none); kept when it fails.
    src: null,
    body,
    meta,
    brand: null,
    time: null,
    heading,
    link: null,
    title: null,
    summary: null,
    chips: { node: null, items: [] },
    offers: { node: null, items: [] },
  };
}

/** Shows `article` in `card`, writing only what differs from what the card shows now. */
function fillCard(p, card, article) {
  const { doc, dicts } = p;
  const { texts } = p.settings;
  const newArticle = card.id !== article.id;
  card.id = article.id;
  const brand = article.brand == null ? null : (dicts.brands[article.brand]?.name ?? null);
  fillMedia(p, card, article, brand, newArticle);
  // Meta line: brand, then date; either may be missing.
  card.brand = optionalText(doc, card.brand, card.meta, card.time?.node, "span", "brand", brand);
  card.time = optionalText(doc, card.time, card.meta, null, "time", "date", article.date == null ? null : texts.date(article.date));
  card.time?.attr("datetime", article.date);
  fillTitle(p, card, article);
  const afterSummary = card.chips.node ?? card.offers.node;
  card.summary = optionalText(doc, card.summary, card.body, afterSummary, "p", "summary", article.summary || null);
  fillChips(p, card, article);
  fillOffers(p, card, article);
}

/**
 * An optional `<tag class>` child of `parent` showing `text` (null: none), as `kept` (a
 * Kept or null) has it: made before `before` when wanted and missing, removed when not
 * wanted, its text updated when it differs. Returns what the slot holds now.
 */
function optionalText(doc, kept, parent, before, tag, cls, text) {
  if (text === null) {
    kept?.node.remove();
    return null;
  }
  if (kept) {
    kept.text(text);
    return kept;
  }
  const node = add(doc, null, tag, cls, {}, text);
  insert(parent, node, before ?? null);
  return new Kept(node, text);
}

/**
 * The media box: the brand initial always (the placeholder behind any image, and what a
 * broken image leaves), and the image when its URL is safe.
 */
function fillMedia(p, card, article, brand, newArticle) {
  const initial = initialOf(brand ?? article.title);
  card.media.attr("data-initial", initial);
  card.initial.text(initial);
  const src = safeOrNull(article.image?.src);
  // Same article, same picture: shown already, or failed and left out.
  if (!newArticle && src === card.src) return;
  releasePicture(p, card);
  card.src = src;
  if (src !== null) {
    // A new article never gets another picture's <img>: it would show the old picture until
    // the new one loaded.
    const kept = takePicture(p.memory, src);
    card.img = kept ? describe(kept, article.image) : image(p.doc, article.image, src);
    card.media.node.append(card.img);
  }
  card.media.flag("data-has-image", src !== null);
}

/**
 * Takes a card's picture out. One that has loaded is kept for a card that shows it again
 * (the same article back after a query, or another with the same picture): that card takes
 * this node, already fetched and decoded, instead of a new <img> that would fetch and decode
 * it again and show the placeholder meanwhile.
 */
function releasePicture(p, card) {
  const img = card.img;
  if (!img) return;
  img.remove();
  card.img = null;
  if (!(img.complete && img.naturalWidth > 0)) return;
  const m = p.memory;
  const same = m.spareImages.get(card.src) ?? [];
  m.spareImages.delete(card.src);
  m.spareImages.set(card.src, [...same, img]);
  if (++m.spareCount > SPARE_IMAGES) {
    const [oldest, nodes] = m.spareImages.entries().next().value;
    nodes.shift();
    if (nodes.length === 0) m.spareImages.delete(oldest);
    m.spareCount--;
  }
}

/** A kept picture of `src`, taken out of the spares, or undefined. */
function takePicture(m, src) {
  const nodes = m.spareImages.get(src);
  const img = nodes?.pop();
  if (nodes?.length === 0) m.spareImages.delete(src);
  if (img) m.spareCount--;
  return img;
}

/** Loaded pictures kept for reuse, at most (a few pages of cards). */
const SPARE_IMAGES = 48;

/**
 * A picture's text alternative and size attributes; without the real size, 16:9. The box it
 * fills has its own shape (`.media`'s aspect-ratio; the picture covers it).
 */
const described = ({ alt, width, height }) => ({ alt: String(alt), width: String(width ?? 640), height: String(height ?? 360) });

/** A kept `<img>` given this article's text alternative and size. */
function describe(img, picture) {
  for (const [name, value] of Object.entries(described(picture))) if (img.getAttribute(name) !== value) img.setAttribute(name, value);
  return img;
}

/**
 * An `<img>` built detached, `src` last: one that gets its `src` before `loading="lazy"`
 * starts an eager fetch on the spot, even for a card below the fold.
 */
function image(doc, picture, src) {
  const { alt, width, height } = described(picture);
  return add(doc, null, "img", "", { alt, loading: "lazy", decoding: "async", width, height, "data-act": "img", src });
}

/** The title: a link when the article's URL is safe, plain text otherwise. */
function fillTitle(p, card, article) {
  const url = safeOrNull(article.url);
  if (url === null) {
    card.link?.node.remove();
    card.link = null;
    if (card.title !== article.title) card.heading.textContent = card.title = article.title;
    return;
  }
  if (!card.link) {
    if (card.title !== null) card.heading.textContent = card.title = null;
    const attrs = { href: url, "data-id": article.id };
    const node = add(p.doc, card.heading, "a", "", aim(p.settings, { "data-act": "card", ...attrs }), article.title);
    card.link = new Kept(node, article.title, attrs);
  }
  card.link.text(article.title);
  card.link.attr("href", url);
  card.link.attr("data-id", article.id);
}

/**
 * A card's list (chips or offerings) sized to `n` items: the `<ul>` made before `before`
 * when needed and removed at 0; new items made by `makeItem(li)`, extra ones removed.
 */
function sizeList(p, list, body, before, cls, label, n, makeItem) {
  if (n === 0) {
    list.node?.remove();
    list.node = null;
    list.items = [];
    return;
  }
  if (!list.node) insert(body, (list.node = add(p.doc, null, "ul", cls, { "aria-label": label })), before ?? null);
  for (const item of list.items.splice(n)) item.li.remove();
  while (list.items.length < n) list.items.push(makeItem(add(p.doc, list.node, "li")));
}

function fillChips(p, card, article) {
  const { doc, dicts } = p;
  const { texts } = p.settings;
  const topics = article.topics.map((id) => dicts.topics[id]).filter((topic) => topic !== undefined);
  const makeChip = (li) => ({ li, chip: new Kept(add(doc, li, "button", "chip", button({ part: "chip", "data-act": "topic", "data-kind": "t" })), "", { class: "chip" }) });
  sizeList(p, card.chips, card.body, card.offers.node, "chips", texts.get("filters"), topics.length, makeChip);
  card.chips.items.forEach(({ chip }, at) => {
    const { slug, label } = topics[at];
    const title = texts.fill("filterBy", [["label", label]]);
    chip.text(label);
    chip.attr("class", article.inferred ? "chip inferred" : "chip");
    chip.attr("data-key", slug);
    chip.attr("title", article.inferred ? `${title} (${texts.get("inferred")})` : title);
  });
}

function fillOffers(p, card, article) {
  const offerings = article.offerings.map((id) => [id, p.offerings.get(id)]).filter(([, offering]) => offering !== undefined);
  const makeItem = (li) => ({ li, label: null, link: false });
  sizeList(p, card.offers, card.body, null, "offers", p.settings.texts.get("offeringsTitle"), offerings.length, makeItem);
  card.offers.items.forEach((item, at) => {
    const [id, offering] = offerings[at];
    if (item.label && refillOfferingLabel(item.label, item.link, id, offering)) return;
    item.label?.node.remove();
    Object.assign(item, offeringLabel(p.doc, p.settings, item.li, id, offering));
  });
}

// ---- Status: the result count, the empty state, "Show more". ----

/** Active filters: a query (not blank) counts one, each topic, type, brand and date one. */
const filterCount = (state) =>
  (trim(state.query) ? 1 : 0) + state.topics.length + state.types.length + state.brands.length + (state.dateFrom != null) + (state.dateTo != null);

function paintStatus(p, view) {
  const { ui } = p;
  const { texts } = p.settings;
  const { pending, total, state } = view;
  let text = texts.count("results", total);
  if (pending) text = texts.get(trim(state.query) ? "searchLoading" : "loading");
  else if (total === 0) text = texts.get("resultsNone");
  ui.status.text(text);
  ui.top.flag("data-pending", pending);
  ui.empty.flag("hidden", pending || total > 0);
  const active = filterCount(state);
  ui.clearEmpty.flag("hidden", active === 0);
  ui.filtersToggle.text(active === 0 ? texts.get("filters") : texts.fill("filtersActive", [["n", texts.number(active)]]));
  const shown = view.cards.length;
  const more = !pending && shown < total;
  ui.moreRow.flag("hidden", !more);
  if (more) ui.moreNote.text(texts.fill("shownOf", [["shown", texts.number(shown)], ["total", texts.number(total)]]));
}

// ---- The offerings panel. ----

/**
 * Panel items are keyed by offering id and reused; the nodes of offerings that left are
 * refilled with the newcomers in place (see paintCards for why), unless one holds focus.
 */
function paintPanel(p, view, focused) {
  const { ui } = p;
  const show = p.settings.offerings && view.panel.length > 0;
  ui.panel.flag("hidden", !show);
  ui.top.flag("data-panel", show);
  if (!show) return;
  const m = p.memory;
  const wanted = view.panel.filter(([id]) => p.offerings.has(id));
  const byId = new Map(m.panelItems.map((item) => [item.id, item]));
  const staying = wanted.map(([id]) => {
    const item = byId.get(id);
    byId.delete(id);
    return item;
  });
  const spare = [...byId.values()].filter((item) => !(focused && item.node.contains(focused)));
  m.panelItems = wanted.map(([id, articles], at) => {
    const offering = p.offerings.get(id);
    let item = staying[at];
    if (!item) {
      item = spare.shift();
      if (item) refillPanelItem(p, item, id, offering);
      else item = buildPanelItem(p, id, offering);
    }
    item.count.text(p.settings.texts.count("offeringArticles", articles));
    return item;
  });
  reconcile(ui.panelList, m.panelNodes, m.panelItems.map((item) => item.node));
}

/** The offering's topics, as the panel names them. */
const categoriesOf = (p, offering) =>
  offering.topics
    .map((id) => p.dicts.topics[id]?.label)
    .filter((label) => label !== undefined)
    .join(" · ");

function buildPanelItem(p, id, offering) {
  const node = add(p.doc, null, "li", "offering", { part: "offering" });
  const { label, link } = offeringLabel(p.doc, p.settings, node, id, offering);
  const text = categoriesOf(p, offering);
  const categories = text ? new Kept(add(p.doc, node, "p", "categories", {}, text), text) : null;
  const count = new Kept(add(p.doc, node, "p", "count"));
  return { id, node, label, link, categories, count };
}

/** Shows another offering in a panel item's nodes. */
function refillPanelItem(p, item, id, offering) {
  item.id = id;
  if (!refillOfferingLabel(item.label, item.link, id, offering)) {
    // A link became text or the other way: a new label node, first in the item.
    const old = item.label.node;
    Object.assign(item, offeringLabel(p.doc, p.settings, item.node, id, offering));
    item.node.insertBefore(item.label.node, old);
    old.remove();
  }
  item.categories = optionalText(p.doc, item.categories, item.node, item.count.node, "p", "categories", categoriesOf(p, offering) || null);
}

// ---- Events: acts for the core, and what the painter handles itself. ----

/** The closest ancestor-or-self of an event target that carries `data-act`. */
const actionTarget = (target) => (typeof target?.closest === "function" ? target.closest("[data-act]") : null);

/** The events the painter listens to on its root (and `error`, which does not bubble: see createPainter). */
const EVENTS = ["click", "change", "input", "compositionend"];

function handleEvent(p, event) {
  if (event.type === "error") return imageFailed(p, event.target);
  const target = actionTarget(event.target);
  if (!target) return;
  const act = target.getAttribute("data-act");
  const on = `${event.type} ${act}`;
  if (on === "input search" || on === "compositionend search") {
    // Wait for the composition to end (IME): half-typed syllables are not queries.
    if (event.isComposing) return;
    p.memory.shownQuery = target.value;
    return sendAct(p, ["search", target.value]);
  }
  if (on === "change facet") return facetChanged(p, target);
  if (on === "change sort") {
    p.memory.shownSort = target.value;
    return sendAct(p, ["sort", target.value]);
  }
  if (event.type !== "click") return;
  const key = target.getAttribute("data-key");
  if (act === "topic") sendAct(p, ["topic", key]);
  else if (act === "remove") removeChip(p, target, key);
  else if (act === "clear") sendAct(p, ["clear"], () => p.ui.search.focus());
  else if (act === "more") showMore(p);
  else if (act === "expand") toggleGroup(p, target.getAttribute("data-group"));
  else if (act === "toggle-filters") toggleFilters(p);
  else if (act === "card") tellHost(p, "tc-card-click", { id: target.getAttribute("data-id"), url: target.getAttribute("href"), title: target.textContent });
  else if (act === "offering") offeringClicked(p, target);
}

/**
 * Hands an act to the core (`painter.onAct`). `then` moves focus after the paint that
 * answers it (within onAct when the core repaints at once): the clicked node is gone.
 */
function sendAct(p, args, then = null) {
  if (typeof p.painter.onAct !== "function") return;
  p.focusAfterPaint = then;
  p.painter.onAct(...args);
}

function facetChanged(p, input) {
  const row = p.rowOfInput.get(input);
  if (!row) return;
  // The person changed the box: it shows this now.
  row.checked = input.checked;
  sendAct(p, ["facet", row.kind, row.key, input.checked]);
}

/** Removes an active-filter chip, then focuses the chip that took its place, or the search box. */
function removeChip(p, chip, key) {
  const position = Math.max(0, p.memory.chipButtons.indexOf(chip));
  sendAct(p, ["remove", chip.getAttribute("data-kind"), key], () => {
    const chips = p.memory.chipButtons;
    (chips[Math.min(position, chips.length - 1)] ?? p.ui.search).focus();
  });
}

/** Adds a page of cards, then focuses the first new card, where reading continues. */
function showMore(p) {
  const before = p.memory.cards.length;
  sendAct(p, ["more"], () => p.memory.cards[before]?.node.querySelector("a, button")?.focus());
}

/** "Show N more" / "Show fewer": painter-local, the facets drawn again from the last view. */
function toggleGroup(p, key) {
  if (!p.expanded.delete(key)) p.expanded.add(key);
  if (p.view) paintFacets(p, p.view);
}

/** The filters panel on phones: painter-local. */
function toggleFilters(p) {
  p.collapsed = !p.collapsed;
  p.ui.facetPanel.flag("data-collapsed", p.collapsed);
  p.ui.filtersToggle.attr("aria-expanded", String(!p.collapsed));
}

function offeringClicked(p, link) {
  const offering = p.offerings.get(Number(link.getAttribute("data-id")));
  const detail = { label: link.textContent, url: link.getAttribute("href"), offeringId: offering?.offeringId ?? null };
  tellHost(p, "tc-offering-click", detail);
}

/** A host event; navigation is not prevented. */
function tellHost(p, name, detail) {
  p.root.host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

/** A broken image leaves the brand-initial placeholder behind it. */
function imageFailed(p, img) {
  const card = p.memory.cards.find((c) => c.img === img);
  if (!card) return;
  img.remove();
  card.img = null;
  card.media.flag("data-has-image", false);
}

// ---- The painter. ----

/** Gives focus back to `focused` when a move took it (moving a node blurs it). */
function restoreFocus(p, focused) {
  if (focused && focused.isConnected && p.root.activeElement !== focused) focused.focus();
}

/** Puts a fresh set of nodes in place of the current ones (or into an empty root). */
function mountLayout(p) {
  const old = p.ui?.top.node;
  p.ui = buildLayout(p.doc, p.settings, p.collapsed);
  p.memory = freshMemory();
  p.rowOfInput = new WeakMap();
  if (old) old.replaceWith(p.ui.top.node);
  // In one swap: a root may hold a first view from the page's HTML (js/prerender.js), its
  // `<style>` included, or an earlier widget's nodes.
  else p.root?.replaceChildren(p.ui.top.node);
}

function paintView(p, view) {
  const focused = p.root?.activeElement ?? null;
  if (view.dicts) {
    p.dicts = view.dicts;
    // Once per dictionaries received, not per paint: the core sends them only when they
    // change, and equal ones (the full index's after the first view's) keep the facet nodes.
    p.dictsSignature = facetSignature(view.dicts);
  }
  p.view = view;
  p.offerings = new Map(view.offerings);
  const { ui } = p;
  ui.error.flag("hidden", true);
  ui.main.flag("hidden", false);
  ui.top.attr("data-theme", p.settings.theme);
  paintToolbar(p, view);
  paintFacets(p, view);
  paintCards(p, view, focused);
  paintStatus(p, view);
  paintPanel(p, view, focused);
  if (!p.root) return;
  restoreFocus(p, focused);
  const move = p.focusAfterPaint;
  p.focusAfterPaint = null;
  move?.();
}

/**
 * The own keys of a page's options object whose values are defined, as a plain object. A key
 * whose getter throws is left out (the core reads options the same way), so a hostile
 * object costs only that key.
 */
function readable(options) {
  const out = {};
  for (const key of attempt(() => (isObject(options) ? Object.keys(options) : []), [])) {
    const value = attempt(() => options[key], undefined);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A console warning for a look option the painter cannot use (it uses the default). */
function warnAbout(options) {
  const theme = isObject(options) ? options.theme : undefined;
  if (theme !== undefined && theme !== "auto" && theme !== "light" && theme !== "dark") {
    const given = typeof theme === "string" ? `"${theme}"` : `a ${theme === null ? "null" : typeof theme}`;
    console.warn(`topic-cards: theme must be "auto", "light" or "dark", not ${given}`);
  }
}

/**
 * A painter for `root` (a ShadowRoot) with the page's `options`: its nodes are made at once
 * and put in the root, with the widget's stylesheet and its listeners. With `root` null, the
 * nodes are made with `doc` only (js/prerender.js's document of plain objects) and read from
 * `painter.top`; nothing listens.
 */
export function createPainter(root, options, doc = root.ownerDocument) {
  const empty = { groups: [], topics: [], types: [], brands: [] };
  const given = readable(options);
  const p = { root, doc, options: given, settings: settingsOf(given), dicts: empty, dictsSignature: facetSignature(empty), view: null, offerings: new Map(), expanded: new Set(), collapsed: true, focusAfterPaint: null };
  // What the painter last drew, drawn again on new nodes (setOptions).
  let redraw = null;
  const onEvent = (event) => {
    try {
      handleEvent(p, event);
    } catch (error) {
      console.error(error);
    }
  };
  const painter = {
    onAct: null,
    get top() {
      return p.ui.top.node;
    },
    paint(view) {
      paintView(p, view);
      redraw = () => paintView(p, view);
    },
    loading() {
      p.ui.error.flag("hidden", true);
      p.ui.main.flag("hidden", false);
      p.ui.status.text(p.settings.texts.get("loading"));
      p.ui.top.flag("data-pending", true);
      redraw = () => painter.loading();
    },
    error(message, key) {
      const { texts } = p.settings;
      p.ui.errorTitle.text(texts.get("errorTitle"));
      // A UI string of its own where there is one (no index given), so it can be translated.
      p.ui.errorMessage.text(typeof key === "string" ? texts.get(key) : String(message));
      p.ui.error.flag("hidden", false);
      p.ui.main.flag("hidden", true);
      redraw = () => painter.error(message, key);
    },
    setOptions(patch) {
      // A patch, as the handle's update() takes it: keys given replace, keys absent keep.
      const given = readable(patch);
      Object.assign(p.options, given);
      warnAbout(given);
      const settings = settingsOf(p.options);
      const rebuild = settings.textKey !== p.settings.textKey;
      p.settings = settings;
      if (rebuild) {
        // What the person typed stays in the new box, as does what the painter knows of it.
        const typed = p.ui.search.value;
        const { shownQuery } = p.memory;
        mountLayout(p);
        if (typed) p.ui.search.value = typed;
        p.memory.shownQuery = shownQuery;
      }
      redraw?.();
    },
    destroy() {
      for (const name of EVENTS) root?.removeEventListener(name, onEvent);
      root?.removeEventListener("error", onEvent, true);
      const mine = p.ui.top.node.parentNode === root;
      p.ui.top.node.remove();
      // A painter that has taken the root over since (a widget mounted again on the host)
      // keeps the stylesheet.
      if (root && mine) root.adoptedStyleSheets = [];
    },
  };
  p.painter = painter;
  mountLayout(p);
  if (root) {
    warnAbout(given);
    adoptStyles(root);
    for (const name of EVENTS) root.addEventListener(name, onEvent);
    // Image errors do not bubble; catch them on the way down.
    root.addEventListener("error", onEvent, { capture: true, passive: true });
  }
  return painter;
}

/** The card of an article from an index prefix, with the view's fields all present. */
const cardOf = ({ id, title, summary = "", date = null, url = null, brand = null, image = null, topics = [], inferred = false, offerings = [] }) => ({
  id,
  title,
  summary,
  date,
  url,
  brand,
  image: image && { src: image.src, alt: image.alt ?? "", width: image.width ?? null, height: image.height ?? null },
  topics,
  inferred,
  offerings,
});

/**
 * The view of an index prefix's first view (members `format`..`firstView`, see
 * src/model.rs) with `pageSize` cards: the browse view, no filters, as the core shows it
 * from the same prefix. More cards asked for than the prefix holds: pending.
 */
export function viewFromPrefix(prefix, pageSize) {
  const { groups, topics, types, brands, firstView } = prefix;
  const { total, articles } = firstView;
  const counted = (dict) => dict.map((entry) => entry.count);
  const placed = new Map(firstView.offerings.map((o) => [o.at, o]));
  return {
    dicts: { groups, topics, types, brands },
    pending: pageSize > articles.length && articles.length < total,
    total,
    state: { query: "", topics: [], types: [], brands: [], dateFrom: null, dateTo: null, sort: "relevance" },
    cards: articles.slice(0, pageSize).map(cardOf),
    offerings: firstView.offerings.map((o) => [o.at, { label: o.label, url: o.url ?? null, topics: o.topics ?? [], offeringId: o.offeringId ?? null }]),
    counts: { topics: counted(topics), types: counted(types), brands: counted(brands) },
    panel: firstView.panel.map((id) => [id, placed.get(id).count]),
  };
}
