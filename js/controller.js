// The controller: one mounted widget between the page, the Wasm core and the painter. It
// reads the options (options.js), gets the index (inline text, a URL read as a stream, or
// the one compiled into the core; index-stream.js feeds it to the core), keeps the filters
// in the URL hash, sends the host its events, and on every change asks the core for the
// next view and hands it to the painter (painter.js). The core (src/web, one `Core` per
// widget) holds the index, the engine and the filters, and touches nothing in the page; see
// src/session.rs for its model.
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
// The options it reads, and how a bad one is handled, are listed in options.js.
//
// Events on the host (bubbling, composed): `tc-change` (detail = getState(); sent for the
// person's own changes and hash changes, not for setFilters/update; one made while the
// index loads is sent again once its total is known), `tc-ready` `{total}` (the whole index
// is decoded and its search built: no query waits for loading), `tc-error` `{message}`. The
// painter sends `tc-card-click` and `tc-offering-click`.
//
// Nothing thrown here reaches the page: a failure becomes the widget's error state, one
// console.error and a `tc-error`. A replacement index (update() with a new source) that
// cannot be read leaves the one it was to replace in place instead (#loadFailed). A trap in
// the Wasm stops every widget of this core.
import { afterPaint } from "./frames.js";
import { fromHash, hasNamespace, toHash } from "./hash.js";
import { buildSearch, endStream, prefixOf, readIndex } from "./index-stream.js";
import {
  PAGE_SIZE,
  TIMEOUT_MS,
  aDateOrNull,
  aList,
  aString,
  field,
  get,
  hostId,
  messageOf,
  readOptions,
  sameSource,
  warn,
} from "./options.js";
import { wellFormed } from "./rust-text.js";

const INTERNAL_ERROR = "This widget stopped because of an internal error.";
const PAINTER_METHODS = ["paint", "loading", "error", "setOptions", "destroy"];
const encoder = new TextEncoder();

/** The widgets following the URL hash, by namespace: two under one name is a page's slip. */
const hashNamespaces = new Map();

/** Live widgets by host: a widget lives until destroy() even if the page drops its handle,
 * and mounting again on a host replaces the old widget. */
const mounted = new Map();

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
  /** Makes a Core: a replacement index loads into its own (see #fallback). */
  #newCore;
  /** The core whose whole index is in, kept while a replacement loads into #core: a source
   * given by update() that cannot be read then costs only itself. Null otherwise. */
  #fallback = null;
  /** #core's whole index is in (decoded without a problem). */
  #loaded = false;
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
  /** Whether the last paint showed cards (see #fail). */
  #shown = false;
  /** The namespace this widget's hash listener is registered under (hashNamespaces). */
  #hashNamespace = null;
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

  constructor(newCore, host, painter, options) {
    this.#newCore = newCore;
    this.#core = newCore();
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
          dateFrom: field(filters, "dateFrom", aDateOrNull),
          dateTo: field(filters, "dateTo", aDateOrNull),
          sort: field(filters, "sort", aString),
        };
        if (state.dateFrom && state.dateTo && state.dateFrom.trim() > state.dateTo.trim()) {
          warn(`topic-cards: dateFrom ${state.dateFrom} is after dateTo ${state.dateTo}: no article can match`);
        }
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
    if (!this.#stopped && !this.#busy) {
      this.#core.free();
      this.#fallback?.free();
    }
    this.#fallback = null;
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
    if (patch.fetch !== undefined) options.fetch = patch.fetch;
  }

  /** Hands the core new filters (keys missing: none, or the default sort); true when they
   * differ from the ones it had. */
  #setCoreFilters(s) {
    // Well-formed text only: JSON would carry a lone surrogate as an escape the core refuses.
    const text = (v) => (typeof v === "string" ? wellFormed(v) : null);
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
    const ns = this.#options.hashSync;
    const sharing = hashNamespaces.get(ns) ?? new Set();
    // Each would take the other's filters from a shared link or after a reload.
    if (sharing.size) warn(`topic-cards: two widgets keep their filters in the URL hash as "${ns}"; give each element its own id (or hash-sync="name")`);
    hashNamespaces.set(ns, sharing.add(this));
    this.#hashNamespace = ns;
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
    hashNamespaces.get(this.#hashNamespace)?.delete(this);
    this.#hashNamespace = null;
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
        const view = JSON.parse(json);
        this.#painter.paint(view);
        this.#shown = view.cards.length > 0;
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
  #fail(message, key, keepShown = false) {
    this.#failed = true;
    this.#loaded = false;
    // Frees the index: nothing is shown from it until a new load.
    this.#core.reset();
    console.error(`topic-cards: ${message}`);
    try {
      // A download that broke off after its first cards were painted leaves them (their
      // links work), its controls set aside; anything else is the error state.
      if (keepShown && this.#shown && typeof this.#painter.unavailable === "function") this.#painter.unavailable();
      else this.#painter.error(message, key);
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
    if (this.#loaded) {
      // The working index stays until the new one is in; the new core takes over the
      // filters and the page size.
      this.#fallback = this.#core;
      this.#core = this.#newCore();
      this.#core.setPageSize(this.#options.pageSize);
      this.#core.setFilters(this.#fallback.state());
      this.#loaded = false;
    }
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
    else if (source?.text !== undefined) this.#fromBytes(load, encoder.encode(source.text), shown);
    else if (this.#core.constructor.hasDefault()) this.#fromBytes(load, null, shown);
    else this.#fail("No index given.", "noIndex");
  }

  /**
   * Load `load` failed. A replacement (update() gave a new source while an index was in)
   * goes back to the index it replaced, under the filters the widget has now: the page
   * hears why through the console and tc-error, and the reader loses nothing. Anything
   * else is #fail's.
   */
  #loadFailed(message, keepShown = false) {
    const working = this.#fallback;
    if (working === null) return this.#fail(message, undefined, keepShown);
    this.#fallback = null;
    // Ends the load in flight: its remaining steps see another load (see #current).
    this.#load++;
    this.#abort?.abort();
    this.#abort = null;
    working.setFilters(this.#core.state());
    this.#core.free();
    this.#core = working;
    this.#loaded = true;
    this.#failed = false;
    const error = `${message}; the index shown before stays`;
    console.error(`topic-cards: ${error}`);
    this.#outbox.push(["tc-error", { message: error }]);
    this.#warnUnknown();
    this.#paint();
  }

  /** Whether load `load` is still the widget's current one (a load that failed is over). */
  #current(load) {
    return load === this.#load && !this.#destroyed && !this.#stopped && !this.#failed;
  }

  /** Runs one step of load `load` if it is still current; false when the load is over. */
  #step(load, work) {
    if (!this.#current(load)) return false;
    this.#run(work);
    return this.#current(load);
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

  /** An index at a URL, read as it downloads (index-stream.js); slower than `timeoutMs`, it
   * fails. */
  async #fromUrl(load, url) {
    const controller = new AbortController();
    this.#abort = controller;
    const timeoutMs = this.#options.timeoutMs;
    // The load races the clock rather than only being aborted by it: a page's `fetch` option
    // may ignore the signal and never settle. The clock measures silence, not the whole
    // download: it starts again with every chunk, so a large index arriving steadily over a
    // slow line is not cut off while its first cards are already shown.
    const late = {};
    let timer;
    let ring;
    const clock = new Promise((resolve) => (ring = () => resolve(late)));
    const wind = () => {
      clearTimeout(timer);
      timer = setTimeout(ring, Math.min(timeoutMs, 2 ** 31 - 1));
    };
    wind();
    let chunks = null;
    let failure = null;
    try {
      const reading = readIndex(url, this.#options.fetch, controller.signal, { ...this.#loadOf(load), arrived: wind });
      chunks = await Promise.race([reading, clock]);
    } catch (reason) {
      failure = `could not be loaded (${typeof reason === "string" ? reason : "network error"})`;
    }
    clearTimeout(timer);
    if (chunks === late) {
      controller.abort();
      chunks = null;
      failure = `sent nothing for ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${timeoutMs / 1000} s`}`;
    }
    if (!this.#current(load) || (!chunks && failure === null)) return;
    // Failing ends the load (see #current): a read still under way stops at its next step.
    if (failure !== null) return this.#step(load, () => this.#loadFailed(`the index at ${url} ${failure}`, true));
    await this.#finish(load, () => endStream(this.#core, chunks));
  }

  /**
   * Decodes the whole index (`decode` returns what is wrong, or undefined), repaints, and
   * then builds the search structures a slice per task (index-stream.js). `tc-ready`
   * follows, once a query needs no more building.
   */
  async #finish(load, decode) {
    const ready = this.#step(load, () => {
      const problem = decode();
      if (problem !== undefined) return this.#loadFailed(problem);
      this.#loaded = true;
      this.#fallback?.free();
      this.#fallback = null;
      this.#warnUnknown();
      this.#paint();
      this.#writeHash();
    });
    if (!ready) return;
    await buildSearch(this.#loadOf(load), () => this.#outbox.push(["tc-ready", { total: this.#core.total() ?? 0 }]));
  }

  /** Load `load` as index-stream.js drives it (see its header). */
  #loadOf(load) {
    return {
      core: this.#core,
      current: () => this.#current(load),
      step: (work) => this.#step(load, work),
      paintFirst: (prefix) => this.#step(load, () => this.#showFirst(prefix) && this.#paint()),
    };
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
  const widget = new Widget(newCore, host, painter, options);
  mounted.set(host, widget);
  return widget;
}
