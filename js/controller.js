// The controller: one mounted widget between the page, the Wasm core and the painter. It
// reads the options, gets the index (inline text, a URL read as a stream, or the one
// compiled into the core), keeps the filters in the URL hash, sends the host its events,
// and on every change asks the core for the next view and hands it to the painter
// (painter.js). The core (src/web, one `Core` per widget) holds the index, the engine and
// the filters, and touches nothing in the page; see src/session.rs for its model.
//
//   mountWidget(newCore, host, options) -> widget   `newCore()` makes a Core;
//                                        `options.painter` draws into host's shadow root
//   widget.update(options)               changes any option; filters in it (topics, query,
//                                        sort) apply
//   widget.setFilters(filters)           replaces the filters: {query, topics, types,
//                                        brands, dateFrom, dateTo, sort}; a missing key
//                                        means none/default
//   widget.getState()                    the same shape plus {total} (null until known)
//   widget.destroy()                     removes listeners, nodes and state; idempotent
//
// Options read here (one bad value costs only that value, with a console warning; unknown
// keys are ignored, so hosts can pass their own): `index` (object or JSON text), `indexUrl`,
// `topics` (preset: slug, `Group: Label` or label), `query`, `sort` (`relevance` |
// `newest`), `pageSize` (1-1000, default 12), `hashSync` (`true` = namespace `host.id` or
// `tc`, or a namespace string), `timeoutMs` (for `indexUrl`, default 15000), `fetch` (a
// function `(url, init) => Promise<Response>` used instead of the page's `fetch`), and
// `firstView` (at mount only: the index's first-view part as JSON text, painted at once).
// What only changes how things look (`theme`, `linkTarget`, `locale`, `strings`,
// `offerings`) is the painter's.
//
// Events on the host (bubbling, composed): `tc-change` (detail = getState(); sent for the
// person's own changes and hash changes, not for setFilters/update; one made while the
// index loads is sent again once its total is known), `tc-ready` `{total}` (the whole index
// is decoded and its search built: no query waits for loading), `tc-error` `{message}`. The
// painter sends `tc-card-click` and `tc-offering-click`.
//
// Nothing thrown here reaches the page: a failure becomes the widget's error state, one
// console.error and a `tc-error`. A trap in the Wasm stops every widget of this core.
import { afterPaint } from "./frames.js";
import { fromHash, hasNamespace, toHash } from "./hash.js";
import { firstViewEnd } from "./prefix.js";

const PAGE_SIZE = 12;
const TIMEOUT_MS = 15000;
/** What the core's decoder accepts (src/index/decode.rs). */
const MAX_INDEX_BYTES = 512 * 1024 * 1024;
/** Articles of search structures built per task once the index is in. */
const SEARCH_SLICE = 2000;
/** Bytes decoded per task while the index streams in. */
const FEED_SLICE = 256 * 1024;
const INTERNAL_ERROR = "This widget stopped because of an internal error.";
const SORTS = ["relevance", "newest"];
const PAINTER_METHODS = ["paint", "loading", "error", "setOptions", "destroy"];
const encoder = new TextEncoder();

/** Live widgets by host: a widget lives until destroy() even if the page drops its handle,
 * and mounting again on a host replaces the old widget. */
const mounted = new Map();

const warn = (message) => console.warn(message);

/** A key of a page's object; a getter that throws reads as absent. */
function get(object, key) {
  try {
    return object[key];
  } catch (_) {
    return undefined;
  }
}

/** The text of anything thrown. */
function messageOf(error) {
  if (typeof error === "string") return error;
  return typeof get(error, "message") === "string" ? error.message : "unknown error";
}

// ---- Reading the page's values: each reader returns the value or throws what it expected. ----

const aString = (v) => {
  if (typeof v !== "string") throw "expected a string";
  return v;
};
const aNumber = (v) => {
  if (typeof v !== "number") throw "expected a number";
  return v;
};
const aStringOrNull = (v) => {
  if (v == null) return null;
  if (typeof v !== "string") throw "expected a string or null";
  return v;
};
/** An array (or other iterable, but not a string) of strings. */
const aList = (v) => {
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
function field(object, key, read) {
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
function readOptions(value, hostId) {
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
    const url = field(value, "indexUrl", aString);
    if (url !== undefined) patch.source = { url };
  }
  patch.topics = field(value, "topics", aList);
  patch.query = field(value, "query", aString);
  const sort = field(value, "sort", aString);
  if (sort !== undefined) {
    patch.sort = sortName(sort);
    if (!patch.sort) warn(`topic-cards: sort must be "relevance" or "newest", not "${sort}"`);
  }
  const pageSize = field(value, "pageSize", aNumber);
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
  } else if (hash !== undefined) {
    warn("topic-cards: hashSync must be true, false or a namespace string");
  }
  const timeout = field(value, "timeoutMs", aNumber);
  if (timeout !== undefined && Number.isFinite(timeout) && timeout >= 1) patch.timeoutMs = Math.min(Math.trunc(timeout), 2 ** 32 - 1);
  const fetchOption = get(value, "fetch");
  if (typeof fetchOption === "function") patch.fetch = fetchOption;
  else if (fetchOption != null) warn('topic-cards: option "fetch" ignored: not a function');
  patch.firstView = field(value, "firstView", aString);
  return patch;
}

const sameSource = (a, b) => a === b || (!!a && !!b && a.text === b.text && a.url === b.url);

/** `host.id`, for the default hash namespace. */
function hostId(host) {
  try {
    return String(host.id ?? "");
  } catch (_) {
    return "";
  }
}

// ---- Yielding to the browser between slices of work. ----

/**
 * A turn for the browser (input, rendering). `scheduler.yield()` where there is one: a
 * zero-delay timer is clamped to 4 ms once timers nest, which over the dozens of slices of
 * a large index adds up to idle waiting.
 */
function yieldNow() {
  const scheduler = globalThis.scheduler;
  if (typeof scheduler?.yield === "function") {
    try {
      return scheduler.yield();
    } catch (_) {
      // An old or patched scheduler: a timer does the same.
    }
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** `chunks` joined, at most `limit` bytes. */
function joined(chunks, limit) {
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const bytes = new Uint8Array(Math.min(total, limit));
  let at = 0;
  for (const chunk of chunks) {
    if (at >= bytes.length) break;
    const part = chunk.subarray(0, bytes.length - at);
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/** The first-view prefix at the start of `bytes` (unclosed, as the core reads it), or null. */
function prefixOf(bytes) {
  const end = firstViewEnd(bytes);
  return end > 0 ? bytes.subarray(0, end) : null;
}

/** `performance.measure(name)` from `start` to now, for the DevTools timeline and the bench. */
function measure(name, start) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch (_) {
    // Old engines reject the options form; a missing measure is harmless.
  }
}

const now = () => (typeof performance === "undefined" ? 0 : performance.now());

/** The core trapped: its memory can no longer be trusted, so every widget stops. */
function stopAll(error) {
  console.error("topic-cards: the core stopped", error);
  for (const widget of [...mounted.values()]) widget.stop();
}

class Widget {
  #core;
  #host;
  #painter;
  #options = { source: null, pageSize: PAGE_SIZE, hashSync: null, timeoutMs: TIMEOUT_MS, fetch: null };
  /** Bumped on every new load and on destroy; a load that finds another value stops. */
  #load = 0;
  #abort = null;
  #hashListener = null;
  /** The error state is shown: nothing paints until a new load. */
  #failed = false;
  /** The core trapped: no more calls into it. */
  #stopped = false;
  #destroyed = false;
  /** A call is running: one that arrives from inside it (a painter or host callback) is
   * dropped rather than nested. */
  #busy = false;
  /** Host events collected during a call, sent when it ends (so a host listener may call
   * back into the widget). */
  #outbox = [];
  /** The person's last change went to the host before its total was known (the index was
   * still loading): it goes again once the total is, so a host that shows the count is not
   * left with null. */
  #totalUntold = false;

  constructor(core, host, painter, options) {
    this.#core = core;
    this.#host = host;
    this.#painter = painter;
    const patch = readOptions(options, hostId(host));
    this.#apply(patch);
    painter.onAct = (act, a, b, on) => this.#act(act, a, b, on);
    this.#run(() => {
      // The filters that the options preset; the hash's, when it holds this namespace.
      this.#setCoreFilters({ query: patch.query, topics: patch.topics, sort: patch.sort });
      const ns = this.#options.hashSync;
      if (ns !== null) {
        if (hasNamespace(location.hash, ns)) this.#setCoreFilters(fromHash(location.hash, ns));
        this.#listen();
      }
      this.#start(patch.firstView);
    });
  }

  /** Changes options; keys not given keep their values. */
  update(options) {
    this.#call("update", () => {
      const patch = readOptions(options, hostId(this.#host));
      const hashBefore = this.#options.hashSync;
      const sourceBefore = this.#options.source;
      this.#apply(patch);
      // The painter's own options (texts, locale, theme, links, panel): it redraws what they
      // change at the paint below.
      try {
        this.#painter.setOptions(options);
      } catch (error) {
        this.#fail(messageOf(error));
      }
      if (this.#options.hashSync !== hashBefore) this.#unlisten();
      // Filter keys replace those filters; any other change just repaints (paging kept).
      const before = this.#core.state();
      const state = JSON.parse(before);
      if (patch.topics !== undefined) state.topics = patch.topics;
      if (patch.query !== undefined) state.query = patch.query;
      if (patch.sort !== undefined) state.sort = patch.sort;
      if (JSON.stringify(state) !== before) this.#setState(state);
      else this.#paint();
      if (this.#options.hashSync !== null && !this.#hashListener) this.#listen();
      if (!sameSource(this.#options.source, sourceBefore)) this.#start(undefined);
    });
  }

  /** Replaces the filters. Missing keys mean "none" (or the default sort). */
  setFilters(filters) {
    this.#call("setFilters", () => {
      let state = {};
      if (filters !== null && typeof filters === "object") {
        state = {
          query: field(filters, "query", aString),
          topics: field(filters, "topics", aList),
          types: field(filters, "types", aList),
          brands: field(filters, "brands", aList),
          dateFrom: field(filters, "dateFrom", aStringOrNull),
          dateTo: field(filters, "dateTo", aStringOrNull),
          sort: field(filters, "sort", aString),
        };
      } else {
        warn("topic-cards: setFilters() needs an object; filters cleared");
      }
      this.#setState(state);
    });
  }

  /** The filters and the number of matches (total: null until known). */
  getState() {
    if (this.#stopped) return null;
    try {
      const state = JSON.parse(this.#core.state());
      if (state.dateFrom === null) delete state.dateFrom;
      if (state.dateTo === null) delete state.dateTo;
      state.total = this.#failed ? null : (this.#core.total() ?? null);
      return state;
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) stopAll(error);
      return null;
    }
  }

  /** Removes everything the widget added. Safe to call twice. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#load++;
    this.#abort?.abort();
    this.#abort = null;
    this.#unlisten();
    // The index text given inline: the page may keep this widget's handle long after.
    this.#options.source = null;
    try {
      this.#painter.onAct = undefined;
      this.#painter.destroy();
    } catch (_) {
      // A painter that fails to clean up has nothing more this widget can do for it.
    }
    if (!this.#stopped && !this.#busy) this.#core.free();
    if (mounted.get(this.#host) === this) mounted.delete(this.#host);
  }

  /** The core trapped (see stopAll): the error state, for good. */
  stop() {
    if (this.#destroyed || this.#stopped) return;
    this.#stopped = true;
    this.#failed = true;
    this.#load++;
    this.#abort?.abort();
    try {
      this.#painter.error(INTERNAL_ERROR, undefined);
    } catch (_) {
      // Nothing else can show it.
    }
    this.#outbox.push(["tc-error", { message: INTERNAL_ERROR }]);
    this.#send();
  }

  // ---- Calls in. ----

  /** An API method: dropped (with a warning) while the widget is busy. */
  #call(method, work) {
    if (this.#busy) {
      warn(`topic-cards: ${method}() called while the widget is busy; ignored`);
      return;
    }
    this.#run(work);
  }

  /**
   * Runs `work` unless the widget is gone, stopped or busy, then sends the events it
   * collected. A trap in the core stops every widget; anything else thrown becomes this
   * widget's error state.
   */
  #run(work) {
    if (this.#destroyed || this.#stopped || this.#busy) return;
    this.#busy = true;
    try {
      work();
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) {
        this.#busy = false;
        return stopAll(error);
      }
      this.#fail(messageOf(error));
    } finally {
      this.#busy = false;
    }
    this.#send();
  }

  /** The person's act, as the painter reports it. */
  #act(act, a, b, on) {
    this.#run(() => {
      const outcome = this.#core.act(String(act), a == null ? "" : String(a), b == null ? "" : String(b), on === true);
      if (outcome === 0) return;
      this.#paint();
      if (outcome === 2) this.#changed();
    });
  }

  /** The person changed the filters: write the hash and tell the host. */
  #changed() {
    this.#writeHash();
    this.#totalUntold = this.#core.total() === undefined;
    this.#outbox.push(["tc-change", this.getState()]);
  }

  #send() {
    for (const [name, detail] of this.#outbox.splice(0)) {
      try {
        this.#host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
      } catch (error) {
        // A host listener that throws is the page's bug, not ours to stop for; the browser
        // reports it. Dispatch itself throws only for a detached or exotic host.
        warn(`topic-cards: ${name} could not be sent: ${messageOf(error)}`);
      }
    }
  }

  // ---- Options and filters. ----

  #apply(patch) {
    const options = this.#options;
    if (patch.source) options.source = patch.source;
    if (patch.pageSize !== undefined) {
      options.pageSize = patch.pageSize;
      this.#core.setPageSize(patch.pageSize);
    }
    if (patch.hashSync !== undefined) options.hashSync = patch.hashSync;
    if (patch.timeoutMs !== undefined) options.timeoutMs = patch.timeoutMs;
    if (patch.fetch) options.fetch = patch.fetch;
  }

  /** Hands the core new filters (keys missing: none, or the default sort); true when they
   * differ from the ones it had. */
  #setCoreFilters(s) {
    // Well-formed text only: JSON would carry a lone surrogate as an escape the core refuses.
    const text = (v) => (typeof v === "string" ? v.toWellFormed() : null);
    const list = (v) => (Array.isArray(v) ? v.map(text) : []);
    const changed = this.#core.setFilters(
      JSON.stringify({
        query: text(s.query),
        topics: list(s.topics),
        types: list(s.types),
        brands: list(s.brands),
        dateFrom: text(s.dateFrom),
        dateTo: text(s.dateTo),
        sort: text(s.sort),
      }),
    );
    this.#warnUnknown();
    return changed;
  }

  /** Warns of names in the filters that the loaded index does not have, once. */
  #warnUnknown() {
    const unknown = this.#core.takeUnknown();
    if (unknown) warn(`topic-cards: no topic, type or source named "${JSON.parse(unknown).join('", "')}" in this index; ignored`);
  }

  /** Replaces the filters without telling the host (it asked for them). */
  #setState(state) {
    this.#setCoreFilters(state);
    this.#totalUntold = false;
    this.#paint();
    this.#writeHash();
  }

  // ---- The URL hash. ----

  #writeHash() {
    const ns = this.#options.hashSync;
    if (ns === null) return;
    const hash = location.hash;
    const next = toHash(JSON.parse(this.#core.state()), hash, ns);
    if (next === hash.replace(/^#/, "")) return;
    // replaceState: filtering neither scrolls the page nor floods the back button. The URL
    // whole, not `#...`: a `<base>` elsewhere would resolve that to another origin. The
    // page's own history state stays.
    const url = new URL(location.href);
    url.hash = next;
    try {
      history.replaceState(history.state, "", next === "" ? url.href.replace(/#$/, "") : url.href);
    } catch (error) {
      // A sandboxed or opaque document: the filters work, the link just does not follow.
      warn(`topic-cards: the URL hash could not be written: ${messageOf(error)}`);
    }
  }

  /** Follows hash changes made by the person (back button, edited link) or the host page. */
  #listen() {
    this.#hashListener = () =>
      this.#run(() => {
        const ns = this.#options.hashSync;
        if (ns !== null && this.#setCoreFilters(fromHash(location.hash, ns))) {
          this.#paint();
          this.#changed();
        }
      });
    window.addEventListener("hashchange", this.#hashListener);
  }

  #unlisten() {
    if (this.#hashListener) window.removeEventListener("hashchange", this.#hashListener);
    this.#hashListener = null;
  }

  // ---- Painting and failing. ----

  /** Repaints from the core's view; a painter failure becomes the error state. */
  #paint() {
    if (this.#failed) return;
    const started = now();
    const json = this.#core.view();
    measure("tc-query", started);
    try {
      if (json === undefined) this.#painter.loading();
      else {
        const painting = now();
        this.#painter.paint(JSON.parse(json));
        measure("tc-render", painting);
      }
    } catch (error) {
      return this.#fail(`rendering failed: ${messageOf(error)}`);
    }
    if (this.#totalUntold && this.#core.total() !== undefined) {
      this.#totalUntold = false;
      this.#outbox.push(["tc-change", this.getState()]);
    }
  }

  /** Shows the error state (the painter's UI string `key` instead of `message`, when
   * given), logs once and tells the host. */
  #fail(message, key) {
    this.#failed = true;
    // Frees the index: nothing is shown from it until a new load.
    this.#core.reset();
    console.error(`topic-cards: ${message}`);
    try {
      this.#painter.error(message, key);
    } catch (_) {
      // The console and the host's tc-error still carry the message.
    }
    this.#outbox.push(["tc-error", { message }]);
  }

  // ---- Loading. ----

  /**
   * Starts loading the source, cancelling any load in flight. `firstView` (the first-view
   * part's JSON text, given at mount) is painted at once, in this call, so a page that
   * already shows it sees no loading state in between.
   */
  #start(firstView) {
    const load = ++this.#load;
    this.#abort?.abort();
    this.#abort = null;
    this.#failed = false;
    this.#core.reset();
    let shown = false;
    if (firstView !== undefined) {
      const prefix = prefixOf(encoder.encode(firstView));
      if (prefix) shown = this.#showFirst(prefix);
      else warn('topic-cards: option "firstView" ignored: it has no firstView member');
    }
    this.#paint();
    const source = this.#options.source;
    if (source?.url !== undefined) this.#fromUrl(load, source.url);
    else if (source) this.#fromBytes(load, encoder.encode(source.text), shown);
    else if (this.#core.constructor.hasDefault()) this.#fromBytes(load, null, shown);
    else this.#fail("No index given.", "noIndex");
  }

  /** Whether load `load` is still the widget's current one. */
  #current(load) {
    return load === this.#load && !this.#destroyed && !this.#stopped;
  }

  /** Runs one step of load `load` if it is still current; false when the load is over. */
  #step(load, work) {
    if (!this.#current(load)) return false;
    this.#run(work);
    return this.#current(load) && !this.#failed;
  }

  /** The first view from its prefix bytes (a bad one just waits for the rest). */
  #showFirst(prefix) {
    const problem = this.#core.firstView(prefix);
    if (problem === undefined) return true;
    warn(`topic-cards: first view skipped: ${problem}`);
    return false;
  }

  /** An index held whole: given as text, or (`bytes` null) compiled into the core. */
  async #fromBytes(load, bytes, shown) {
    await null; // as every source: mount() returns before the index is read
    const prefix = bytes && prefixOf(bytes);
    const painted = () => {
      if (this.#showFirst(prefix)) {
        shown = true;
        this.#paint();
      }
    };
    if (prefix && !this.#step(load, painted)) return;
    // Let the first view reach the screen before the whole index is decoded.
    if (shown) await afterPaint(50);
    await this.#finish(load, () => (bytes ? this.#core.load(bytes) : this.#core.loadDefault()));
  }

  async #fromUrl(load, url) {
    const controller = new AbortController();
    this.#abort = controller;
    const timeoutMs = this.#options.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort();
      },
      Math.min(timeoutMs, 2 ** 31 - 1),
    );
    let chunks = null;
    let problem = null;
    try {
      chunks = await this.#readAll(load, url, controller.signal);
    } catch (reason) {
      problem = reason;
    }
    clearTimeout(timer);
    if (!this.#current(load) || (!chunks && problem === null)) return;
    if (problem !== null) {
      const message = timedOut
        ? `the index at ${url} took longer than ${Math.ceil(timeoutMs / 1000)} s to load`
        : `the index at ${url} could not be loaded (${typeof problem === "string" ? problem : "network error"})`;
      return this.#step(load, () => this.#fail(message));
    }
    await this.#finish(load, () => {
      const total = chunks.reduce((sum, c) => sum + c.length, 0);
      let problem = total <= MAX_INDEX_BYTES ? this.#core.endStream() : "";
      // Not an index in the shape the stream decoder reads (or too long): the whole text,
      // so the decoder can say what is wrong with it.
      if (problem === "") problem = this.#core.load(joined(chunks, MAX_INDEX_BYTES + 1));
      return problem;
    });
  }

  /**
   * Fetches `url`, painting the first view as soon as its prefix is in and feeding every
   * chunk to the core's stream decoder as it arrives (the work is spread over the download,
   * and Wasm memory never holds the whole text). The chunks also stay here until the end:
   * if the text is not an index in the indexer's shape, the core gets all of it to say
   * why. Null when the load was cancelled because the widget moved on; throws the reason
   * it failed.
   */
  async #readAll(load, url, signal) {
    const init = { signal };
    let request;
    const fetchOption = this.#options.fetch;
    if (fetchOption) {
      try {
        // The page's own fetch: whatever it returns (a Response or a promise of one).
        request = Promise.resolve(fetchOption.call(null, url, init));
      } catch (_) {
        throw "the fetch option threw";
      }
    } else {
      request = fetch(url, init);
    }
    let response;
    try {
      response = await request;
    } catch (_) {
      throw "network error";
    }
    if (!(response instanceof Response)) throw "not a response";
    if (!response.ok) throw `HTTP ${response.status}`;
    if (!response.body) {
      try {
        return [new Uint8Array(await response.arrayBuffer())];
      } catch (_) {
        throw "network error";
      }
    }
    const reader = response.body.getReader();
    const chunks = [];
    let total = 0;
    // Only the bytes before the first-view prefix is found are gathered.
    let head = new Uint8Array(0);
    let scanning = true;
    for (;;) {
      let next;
      try {
        next = await reader.read();
      } catch (_) {
        throw "network error";
      }
      if (!this.#current(load)) return null;
      if (next.done) break;
      const chunk = next.value;
      if (!(chunk instanceof Uint8Array)) throw "unexpected body chunk";
      total += chunk.length;
      chunks.push(chunk);
      // The first view first: a chunk can hold megabytes of articles after the prefix.
      if (scanning) {
        head = joined([head, chunk], Infinity);
        const end = firstViewEnd(head);
        if (end !== -1) {
          scanning = false;
          const prefix = end > 0 ? head.subarray(0, end) : null;
          head = null;
          if (prefix && this.#step(load, () => this.#showFirst(prefix) && this.#paint())) {
            // Let it reach the screen before the articles are decoded.
            await afterPaint(50);
          }
        }
      }
      if (total <= MAX_INDEX_BYTES && !(await this.#feed(load, chunk))) return null;
    }
    return chunks;
  }

  /** Feeds one chunk to the core's stream decoder, a slice per task, so a large chunk does
   * not become one long task that holds up input and paint. False once the load is over. */
  async #feed(load, chunk) {
    for (let at = 0; at < chunk.length; at += FEED_SLICE) {
      if (at > 0) await yieldNow();
      if (!this.#step(load, () => this.#core.feed(chunk.subarray(at, at + FEED_SLICE)))) return false;
    }
    return true;
  }

  /**
   * Decodes the whole index (`decode` returns what is wrong, or undefined), repaints, and
   * then builds the search structures in slices, each its own task: at 100k articles one
   * build is over a second of main thread, which typing and scrolling would otherwise wait
   * behind. A query that comes first finishes the build itself. `tc-ready` follows, once a
   * query needs no more building.
   */
  async #finish(load, decode) {
    const ready = this.#step(load, () => {
      const problem = decode();
      if (problem !== undefined) return this.#fail(problem);
      this.#warnUnknown();
      this.#paint();
      this.#writeHash();
    });
    if (!ready) return;
    for (let done = false; !done; ) {
      await yieldNow();
      if (
        !this.#step(load, () => {
          done = this.#core.buildStep(SEARCH_SLICE);
          if (done) this.#outbox.push(["tc-ready", { total: this.#core.total() ?? 0 }]);
        })
      )
        return;
    }
  }
}

/** Mounts a widget on `host`, drawn by `options.painter` (painter.js's `createPainter`),
 * with the core `newCore()` makes. */
export function mountWidget(newCore, host, options) {
  const painter = get(options, "painter");
  if (!painter || !PAINTER_METHODS.every((name) => typeof get(painter, name) === "function")) {
    throw new Error("topic-cards: mount() needs options.painter");
  }
  mounted.get(host)?.destroy();
  const widget = new Widget(newCore(), host, painter, options);
  mounted.set(host, widget);
  return widget;
}
