// Reading what the page hands a widget: its options, the filters of setFilters, and what
// the page's code throws. The page is not ours, so nothing here trusts a value's type, and
// a getter that throws reads as absent.
//
// Options read here (one bad value costs only that value, with a console warning; unknown
// keys are ignored, so hosts can pass their own): `index` (object or JSON text), `indexUrl`,
// `topics` (preset: slug, `Group: Label` or label), `query`, `sort` (`relevance` |
// `newest`), `pageSize` (1-1000, default 12), `hashSync` (`true` = namespace `host.id` or
// `tc`, or a namespace string), `timeoutMs` (the longest silence an `indexUrl` load may
// keep, default 15000), `fetch` (a function `(url, init) => Promise<Response>` used instead
// of the page's `fetch`), and
// `firstView` (at mount only: the index's first-view part as JSON text, painted at once).
// `null` puts an option back to its default (what an element's removed attribute passes):
// `index: null` is the build's default index.
// What only changes how things look (`theme`, `linkTarget`, `locale`, `strings`, `baseUrl`,
// `offerings`, `headingLevel`, `label`) is the painter's; `painter` is mountWidget's
// (controller.js).

export const PAGE_SIZE = 12;
export const TIMEOUT_MS = 15000;
const SORTS = ["relevance", "newest"];

/** The source `index: null` names: the index compiled into the core (controller.js). */
const BUILT_IN = Object.freeze({});

export const warn = (message) => console.warn(message);

/** A key of a page's object; a getter that throws reads as absent. */
export function get(object, key) {
  try {
    return object[key];
  } catch (_) {
    return undefined;
  }
}

/** The text of anything thrown. */
export function messageOf(error) {
  if (typeof error === "string") return error;
  return typeof get(error, "message") === "string" ? error.message : "unknown error";
}

// ---- Reading the page's values: each reader returns the value or throws what it expected. ----

export const aString = (v) => {
  if (typeof v !== "string") throw "expected a string";
  return v;
};
const aNumber = (v) => {
  if (typeof v !== "number") throw "expected a number";
  return v;
};
export const aStringOrNull = (v) => {
  if (v == null) return null;
  if (typeof v !== "string") throw "expected a string or null";
  return v;
};
/**
 * A date filter as the core reads one (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: src/query/columns.rs
 * `date_key`), or null: anything else is refused (with field()'s warning) rather than kept as
 * a filter that silently matches nothing.
 */
export const aDateOrNull = (v) => {
  const text = aStringOrNull(v);
  if (text === null || text.trim() === "") return text;
  if (/^\s*(?!0000)\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?\s*$/.test(text)) return text;
  throw "expected a date like 2025-01-31 (or 2025-01, or 2025)";
};
/** An array (or other iterable, but not a string) of strings. */
export const aList = (v) => {
  const expected = "expected a list of strings";
  if (typeof v === "string" || v == null || typeof v[Symbol.iterator] !== "function") throw expected;
  const list = [];
  for (const item of v) {
    if (typeof item !== "string") throw expected;
    list.push(item);
  }
  return list;
};

/** One key of `object`: absent (or undefined) is undefined silently, a wrong type warns. */
export function field(object, key, read) {
  const value = get(object, key);
  if (value === undefined) return undefined;
  try {
    return read(value);
  } catch (expected) {
    warn(`topic-cards: option "${key}" ignored: ${typeof expected === "string" ? expected : "unreadable"}`);
    return undefined;
  }
}

/** A sort's name as the core spells it, or undefined. */
function sortName(name) {
  const key = name.trim().toLowerCase();
  return SORTS.includes(key) ? key : undefined;
}

/** A hash namespace: letters, digits, `-` and `_`, so it cannot break the hash's structure. */
const isNamespace = (name) => /^[\p{Alphabetic}\p{N}_-]+$/u.test(name);

/**
 * The keys present in one `options` object (undefined: not given, keep what you have).
 * `source` is {text} or {url}; `hashSync` is a namespace or null (off).
 */
export function readOptions(value, hostId) {
  const patch = {};
  if (value === null || typeof value !== "object") {
    if (value !== undefined && value !== null) warn("topic-cards: options must be an object; ignored");
    return patch;
  }
  const index = get(value, "index");
  if (typeof index === "string") patch.source = { text: index };
  else if (index !== null && typeof index === "object") {
    let text;
    try {
      text = JSON.stringify(index);
    } catch (_) {
      // Cycles, BigInts, throwing getters: said below.
    }
    if (typeof text === "string") patch.source = { text };
    else warn("topic-cards: options.index could not be read as JSON");
  } else if (index !== undefined && index !== null) {
    warn("topic-cards: options.index must be an object or a JSON string");
  }
  if (!patch.source) {
    const url = get(value, "indexUrl") === null ? undefined : field(value, "indexUrl", aString);
    if (url !== undefined) patch.source = { url };
    else if (index === null) patch.source = BUILT_IN;
  }
  // A null is the option's default; the core's, for the sort.
  const given = (key, read, byDefault) => (get(value, key) === null ? byDefault : field(value, key, read));
  patch.topics = given("topics", aList, []);
  patch.query = given("query", aString, "");
  const sort = given("sort", aString, null);
  if (typeof sort === "string") {
    patch.sort = sortName(sort);
    if (!patch.sort) warn(`topic-cards: sort must be "relevance" or "newest", not "${sort}"`);
  } else patch.sort = sort;
  const pageSize = given("pageSize", aNumber, PAGE_SIZE);
  if (pageSize !== undefined) {
    if (Number.isFinite(pageSize) && pageSize >= 1 && pageSize <= 1000) patch.pageSize = Math.trunc(pageSize);
    else warn("topic-cards: pageSize must be a number from 1 to 1000; using 12");
  }
  const hash = get(value, "hashSync");
  if (typeof hash === "boolean") {
    // An id can hold anything (`a&b=c`); only one that is a valid namespace names it.
    patch.hashSync = hash ? (isNamespace(hostId) ? hostId : "tc") : null;
  } else if (typeof hash === "string") {
    if (isNamespace(hash)) patch.hashSync = hash;
    else warn("topic-cards: hashSync namespace must be letters, digits, - or _");
  } else if (hash === null) {
    patch.hashSync = null;
  } else if (hash !== undefined) {
    warn("topic-cards: hashSync must be true, false or a namespace string");
  }
  const timeout = given("timeoutMs", aNumber, TIMEOUT_MS);
  if (timeout !== undefined && Number.isFinite(timeout) && timeout >= 1) patch.timeoutMs = Math.min(Math.trunc(timeout), 2 ** 32 - 1);
  const fetchOption = get(value, "fetch");
  if (typeof fetchOption === "function" || fetchOption === null) patch.fetch = fetchOption;
  else if (fetchOption !== undefined) warn('topic-cards: option "fetch" ignored: not a function');
  patch.firstView = field(value, "firstView", aString);
  return patch;
}

/** Whether two `source` values (as readOptions gives them) name the same index (null, the
 * start value, and BUILT_IN are both the build's default). */
export const sameSource = (a, b) => a?.text === b?.text && a?.url === b?.url;

/** `host.id`, for the default hash namespace. */
export function hostId(host) {
  try {
    return String(host.id ?? "");
  } catch (_) {
    return "";
  }
}
