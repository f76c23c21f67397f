// The first paint without the Wasm: the painter (js/painter.js) draws the browse view from
// the index's first-view prefix (members `format`..`firstView`, see src/model.rs) exactly as
// the core's first paint through the same painter does, so the core can take the painter
// over later with no visible change.
//
// Where it cannot be sure to draw exactly what the core would, it declines (returns false
// and leaves the root alone): filters or a search asked for, a non-default sort, filter
// state in the hash, or a prefix the core's decoder would refuse.
import { createPainter, viewFromPrefix } from "./painter.js";
import { hasNamespace } from "./hash.js";
import { isObject } from "./paint/settings.js";
import { isWellFormed, trim, wellFormed } from "./rust-text.js";

export { formatsFor } from "./paint/settings.js";

/** The most cards a first view may hold before the decoder refuses it (decode.rs). */
export const MAX_CARDS = 12 * 64;

/**
 * Paints the browse view into `root` (a ShadowRoot) from `prefix` (the parsed JSON object
 * of the index prefix: format, version, groups, topics, types, brands, firstView) with the
 * page's `options` (the same object the core's mount gets). Returns the painter it painted
 * with, for the core to go on drawing with; false (root untouched) when it cannot draw
 * exactly what the core would. Never throws.
 */
export function paintFirstView(root, prefix, options) {
  try {
    if (!(root instanceof ShadowRoot)) return false;
    const view = firstViewOf(root.host.id, location.hash, prefix, options);
    if (view === null) return false;
    const painter = createPainter(root, options);
    try {
      painter.paint(view);
    } catch (error) {
      painter.destroy();
      throw error;
    }
    return painter;
  } catch (_) {
    return false;
  }
}

/**
 * The first view's top node, detached, drawn by the painter with `doc` (a Document, or
 * anything with its `createElement`, as js/prerender.js passes), for a host whose id is
 * `hostId` on a page whose location hash is `hash`; null when the prefix is one the core
 * refuses or the options ask for what the painter declines. May throw (on a hostile prefix);
 * paintFirstView catches.
 */
export function firstViewNodes(doc, hostId, hash, prefix, options) {
  const view = firstViewOf(hostId, hash, prefix, options);
  if (view === null) return null;
  const painter = createPainter(null, options, doc);
  painter.paint(view);
  return painter.top;
}

/**
 * The first view to draw, or null when the painter declines: the prefix's browse view, with
 * the (blank) search text the options gave, which the core keeps in its search box as given.
 */
function firstViewOf(hostId, hash, prefix, options) {
  if (!valid(prefix)) return null;
  const o = isObject(options) ? options : {};
  if (declines(o, hostId, hash)) return null;
  const view = viewFromPrefix(prefix, pageSizeOf(o));
  // What wasm-bindgen hands Rust for a JS string (lone surrogates become U+FFFD).
  if (typeof o.query === "string") view.state.query = wellFormed(o.query);
  return view;
}

// ---- The prefix, checked as the core's decoder checks it (serde shapes, then ids). ----

// serde_json refuses lone surrogates, JSON.parse keeps them.
const str = (v) => typeof v === "string" && isWellFormed(v);
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
/** The prefix's members and what each must be (js/prerender.js names the one that is not). */
export const PREFIX_MEMBERS = {
  format: (v) => v === "topic-cards-index",
  version: (v) => v === 1,
  groups: list(shape({ label: str })),
  topics: list(shape({ group: u32, label: str, slug: str, url: opt(str), count: u32 })),
  types: list(facet),
  brands: list(facet),
  firstView: shape({ total: u32, articles: list(article), offerings: list(placed), panel: ids }),
};
const prefixShape = shape(PREFIX_MEMBERS);

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

// ---- Options the first view cannot draw as the core would. ----

const isBlank = (text) => trim(text) === "";

/** Filters, a search or a sort asked for, or filter state in the hash. */
export function declines(o, hostId, locationHash) {
  // The core shows the pending state, not the browse view.
  const query = typeof o.query === "string" ? o.query : "";
  const topics = o.topics;
  if (!isBlank(query)) return true;
  if (topics !== undefined && !(Array.isArray(topics) && topics.every((t) => typeof t === "string" && isBlank(t)))) return true;
  if (typeof o.sort === "string" && /^newest$/i.test(trim(o.sort))) return true;
  // Filter state in the hash would replace the options' (controller.js, at mount).
  const hash = o.hashSync;
  const spaces = hash === true ? [hostId, "tc"] : typeof hash === "string" ? [hash] : [];
  return spaces.some((ns) => ns && hasNamespace(locationHash, ns));
}

/** `pageSize` as the controller reads it (options.js): 1 to 1000, else 12. */
const pageSizeOf = (o) => (typeof o.pageSize === "number" && o.pageSize >= 1 && o.pageSize <= 1000 ? Math.trunc(o.pageSize) : 12);
