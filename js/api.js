// The JavaScript face of topic-cards, shared by the single-file script and the npm package.
//
// The controller (controller.js, loaded with the core) mounts a widget with the Wasm core
// and returns it with `update`, `setFilters`, `getState` and `destroy`; it draws through the
// painter (painter.js) given in `options.painter`. This file adds what only JS can do well:
// a handle that works before the Wasm has finished loading (calls are queued, so `mount`
// can return at once), the first paint before the Wasm is even requested (first-view.js
// draws the index's small first-view part with a painter, which the core then goes on
// drawing with), the `<topic-cards>` custom element, and the `[data-topic-cards]` scan. It
// never lets an exception reach the host page: failures become the widget's error state and
// one console.error.

import { formatsFor, paintFirstView } from "./first-view.js";
import { afterShown } from "./frames.js";
import { createPainter, setAside } from "./painter.js";
import { readable, settingsOf } from "./paint/settings.js";
import { firstViewEnd } from "./prefix.js";

const ATTRIBUTES = [
  "index-url",
  "first-view-url",
  "index-ref",
  "topics",
  "query",
  "page-size",
  "theme",
  "hash-sync",
  "link-target",
  "locale",
  "sort",
  "offerings",
  "base-url",
  "heading-level",
  "label",
];

/** Attributes that name the index: a change to either applies the index they give together
 * (an inline one wins over `index-url`, as at mount; with neither, the default index). */
const SOURCE_ATTRIBUTES = ["index-url", "index-ref"];

/** An attribute's option: `page-size` -> `pageSize`. */
const optionOf = (attribute) => attribute.replace(/-(.)/g, (_, c) => c.toUpperCase());

/**
 * Reads widget options from an element's attributes (`prefix` is "" for `<topic-cards>` and
 * "data-" for `[data-topic-cards]`). Only attributes that are present become options.
 */
function optionsFromAttributes(element, prefix) {
  const read = (name) => element.getAttribute(prefix + name);
  const options = {};
  const indexUrl = read("index-url");
  if (indexUrl) options.indexUrl = indexUrl;
  const firstViewUrl = read("first-view-url");
  if (firstViewUrl) options.firstViewUrl = firstViewUrl;
  const inline = inlineIndex(element, read("index-ref"));
  if (inline !== null) options.index = inline;
  const topics = read("topics");
  if (topics) options.topics = splitList(topics);
  const query = read("query");
  if (query !== null) options.query = query;
  const pageSize = read("page-size");
  // Not a number: handed on as text, so the option reader warns as for any bad value.
  if (pageSize !== null) options.pageSize = Number.isFinite(Number(pageSize)) && pageSize.trim() !== "" ? Number(pageSize) : pageSize;
  for (const [attr, key] of [
    ["theme", "theme"],
    ["link-target", "linkTarget"],
    ["locale", "locale"],
    ["sort", "sort"],
    ["base-url", "baseUrl"],
    ["heading-level", "headingLevel"],
    ["label", "label"],
  ]) {
    const value = read(attr);
    if (value) options[key] = value;
  }
  const hashSync = read("hash-sync");
  if (hashSync !== null) {
    options.hashSync = hashSync === "" || hashSync === "true" ? true : hashSync === "false" ? false : hashSync;
  }
  const offerings = read("offerings");
  if (offerings !== null) options.offerings = offerings !== "false";
  return options;
}

/** `a, b` or a JSON array (for labels that contain commas). */
function splitList(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const list = JSON.parse(trimmed);
      if (Array.isArray(list)) return list.map(String);
    } catch (_) {
      // Not JSON after all: fall through to the comma form.
    }
  }
  return trimmed.split(",").map((s) => s.trim()).filter(Boolean);
}

/**
 * An index given inline: a `<script type="application/json">` inside the element, or one
 * named by id in `index-ref`. Such a script is data, so it works under a strict CSP.
 */
function inlineIndex(element, ref) {
  const doc = element.ownerDocument;
  const script = ref
    ? doc.getElementById(ref)
    : element.querySelector(':scope > script[type="application/json"]');
  return script ? script.textContent : null;
}

/** Shows a failure inside the host when the core itself could not run. Text only. */
function showFatal(host, message) {
  try {
    const root = host.shadowRoot || host.attachShadow({ mode: "open" });
    const box = host.ownerDocument.createElement("p");
    box.setAttribute("role", "alert");
    box.setAttribute("part", "error");
    box.textContent = message;
    root.replaceChildren(box);
  } catch (_) {
    // A host that refuses a shadow root (or is gone) has nothing left to show it in.
  }
}

/**
 * Reports a widget that could not start. A first view already shown (`options` are the
 * page's, to word the notice) is kept, its controls set aside; otherwise the message takes
 * the host's place.
 */
function report(host, error, options = null) {
  const message = "topic-cards could not start: " + (error && error.message ? error.message : String(error));
  console.error(message, error);
  const shown = options !== null && host.shadowRoot?.querySelector(".tc .card");
  if (shown) setAside(host.shadowRoot, settingsOf(readable(options)).texts);
  else showFatal(host, message);
  try {
    host.dispatchEvent(new CustomEvent("tc-error", { bubbles: true, composed: true, detail: { message } }));
  } catch (_) {
    // Dispatch can only fail for a detached or exotic host; the console has the message.
  }
}

/**
 * Starts the `indexUrl` request at once, before the core has loaded, so the download runs
 * beside the Wasm's own (on a cold load the Wasm is ready only after the network has been
 * idle for a while). Returns the options with a `fetch` hook that hands the widget this
 * early response the first time it asks for that URL, and the controller that cancels it.
 * A page that gave its own `fetch`, an inline `index`, or no URL gets its options back as
 * they were.
 */
function fetchEarly(options) {
  const url = options.indexUrl;
  if (typeof url !== "string" || options.index != null || options.fetch != null || typeof fetch !== "function") {
    return { options, controller: null, peek: async () => null };
  }
  const controller = new AbortController();
  let early = fetch(url, { signal: controller.signal });
  // Unread until the core asks; a failure is reported then, by the widget, not here.
  early.catch(() => {});
  let handed = false;
  let peeking = null;
  const hook = (requested, init) => {
    if (handed || requested !== url) return fetch(requested, init);
    handed = true;
    const signal = init && init.signal;
    if (signal) {
      if (signal.aborted) controller.abort();
      else signal.addEventListener("abort", () => controller.abort(), { once: true });
    }
    // After a peek (below) the response to hand over is its replay.
    return Promise.resolve(peeking).then(() => early);
  };
  /**
   * Reads the early response until its first-view part has arrived and returns the part as
   * JSON text (null when it has none, or the response fails), leaving in its place a response
   * that gives the core every byte again: those read here, then the rest as it arrives.
   */
  const peek = () => (peeking ??= peekOnce());
  const peekOnce = async () => {
    let response;
    try {
      response = await early;
    } catch (_) {
      return null; // the core meets the same failure and reports it
    }
    if (!response.ok || !response.body) return null;
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = new Uint8Array(0);
    let end = -1;
    let done = false;
    try {
      // A part beyond 1 MB is not a first view worth painting early.
      while (end === -1 && !done && bytes.length < 1 << 20) {
        const next = await reader.read();
        done = next.done;
        if (next.value) {
          chunks.push(next.value);
          const joined = new Uint8Array(bytes.length + next.value.length);
          joined.set(bytes);
          joined.set(next.value, bytes.length);
          bytes = joined;
          end = firstViewEnd(bytes);
        }
      }
    } catch (_) {
      end = -2; // a broken stream: replay what came and let the core say what is wrong
    }
    const replay = new ReadableStream({
      async pull(stream) {
        if (chunks.length) return stream.enqueue(chunks.shift());
        if (done) return stream.close();
        try {
          const next = await reader.read();
          if (next.done) stream.close();
          else stream.enqueue(next.value);
        } catch (error) {
          stream.error(error);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    early = Promise.resolve(
      new Response(replay, { status: response.status, statusText: response.statusText, headers: response.headers }),
    );
    return end > 0 ? new TextDecoder().decode(bytes.subarray(0, end)) + "}" : null;
  };
  return { options: { ...options, fetch: hook }, controller, peek };
}

/** How long the first-view file may take before the widget goes on without it, ms. */
const FIRST_VIEW_WAIT = 3000;

/**
 * The first-view part's JSON text for `options`, or null: `firstView` as given (the
 * single file carries its default index's), else `firstViewUrl` fetched (through the page's
 * `fetch` option when it gave one). Failures only mean no early paint: the core still paints
 * from the index itself, so they are not reported. Nor is a file that has not come in
 * FIRST_VIEW_WAIT: the core and the index wait for it, so a server (or a page's `fetch`)
 * that never answers must not hold the widget up for longer.
 */
async function firstViewText(options) {
  if (typeof options.firstView === "string") return options.firstView;
  const url = options.firstViewUrl;
  if (typeof url !== "string" || options.index != null) return null;
  const controller = new AbortController();
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, FIRST_VIEW_WAIT, null)));
  const read = async () => {
    const get = typeof options.fetch === "function" ? options.fetch : fetch;
    const response = await get(url, { signal: controller.signal });
    return response.ok ? await response.text() : null;
  };
  try {
    const text = await Promise.race([read(), late]);
    if (text === null) controller.abort();
    return text;
  } catch (_) {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether `host` came with its first view in the page's HTML: a declarative shadow root
 * holding js/prerender.js's output. The painter made for the core replaces its nodes and
 * `<style>` with its own, drawn the same, and the adopted stylesheet, in one swap.
 */
function prerendered(host) {
  return !!host.shadowRoot?.querySelector("style[data-prerendered]");
}

/**
 * Paints the first view from `text` into `host`'s shadow root, when the page's options ask
 * for the browse view (first-view.js declines anything else). The painter it painted with,
 * or null.
 */
function paintEarly(host, text, options) {
  try {
    const root = host.shadowRoot || host.attachShadow({ mode: "open" });
    return paintFirstView(root, JSON.parse(text), options) || null;
  } catch (_) {
    return null;
  }
}

/**
 * Makes the first view's date and number formats ahead of its paint, and uses each once (the
 * first format call loads more). In a task of its own, so requests just made go out first.
 */
function warmFormats(options) {
  setTimeout(() => {
    try {
      const [dates, numbers] = formatsFor(typeof options.locale === "string" && options.locale !== "" ? options.locale : undefined);
      dates?.format(0);
      numbers?.format(0);
    } catch (_) {
      // The painter meets the same failure and declines or falls back.
    }
  });
}

/** A painter for `host`'s shadow root (made here if missing), for the core to draw with. */
function painterFor(host, options) {
  return createPainter(host.shadowRoot || host.attachShadow({ mode: "open" }), options);
}

/**
 * What a person did on the early first view (painted here, or in the page's HTML) before the
 * core came: the text typed into the search box, with whether it had focus and where the
 * caret was; the facet values ticked, as `[kind, key]`; and the sort chosen. That view never
 * shows a filter or a sort other than relevance (first-view.js declines to draw them), so
 * whatever differs from that is the person's own.
 */
function earlyChoices(host) {
  const root = host.shadowRoot;
  if (!root) return null;
  const box = root.querySelector('input[type="search"]');
  const typed =
    box && box.value.trim() !== "" ? { value: box.value, focused: root.activeElement === box, start: box.selectionStart, end: box.selectionEnd } : null;
  const ticked = [...root.querySelectorAll('input[data-act="facet"]:checked')].map((input) => [input.dataset.kind, input.dataset.key]);
  const sort = root.querySelector('select[data-act="sort"]')?.value;
  return { typed, ticked, sort: sort && sort !== "relevance" ? sort : null };
}

/**
 * Hands what the person did before the core came to it as the acts they are (the filter,
 * the hash and the host's `tc-change` follow as for any act), the search last, then puts
 * the caret back where it was.
 */
function carryOver(host, painter, choices) {
  if (!choices) return;
  for (const [kind, key] of choices.ticked) painter.onAct?.("facet", kind, key, true);
  if (choices.sort) painter.onAct?.("sort", choices.sort);
  const input = choices.typed;
  if (!input) return;
  painter.onAct?.("search", input.value);
  const box = host.shadowRoot?.querySelector('input[type="search"]');
  if (!box || !input.focused) return;
  if (box.value !== input.value) box.value = input.value;
  box.focus();
  try {
    box.setSelectionRange(input.start, input.end);
  } catch (_) {
    // A caret that no longer fits the text: focus is what matters.
  }
}

/**
 * Builds the public API around a loader of the core: `loadCore()` returns a promise of
 * `{ Core, mountWidget }` (the Wasm core's class and controller.js's mount), called once:
 * the controller comes with the core, after the first paint, not before it.
 * `defaultSource()` gives the options for the build's default index (used when a widget
 * names no `index` or `indexUrl`).
 */
// For pkg/controller.js, which the package's build links to these copies instead of carrying
// its own (scripts/build.sh): it always loads after this module.
export { afterPaint } from "./frames.js";
export { fromHash, hasNamespace, toHash } from "./hash.js";
export { firstViewEnd } from "./prefix.js";
export { wellFormed } from "./rust-text.js";

export function createApi(loadCore, defaultSource = () => ({})) {
  let core = null;
  const loadOnce = () => (core ??= Promise.resolve().then(loadCore));

  /** A widget handle that queues calls until the core has mounted the widget. */
  class Handle {
    #widget = null;
    #queue = [];
    #destroyed = false;
    #early = null;
    #painter = null;
    constructor(host, options) {
      this.host = host;
      const given = options.index != null || options.indexUrl != null;
      this.ready = this.#start(host, given ? options : { ...options, ...defaultSource() }).catch((error) => {
        this.#early?.abort();
        this.#early = null;
        report(host, error, options);
        return this;
      });
    }
    // First the first view, painted by plain JS from a few kB. With a first-view part (or
    // the default index's, which the script tag carries) the Wasm and the index are
    // requested only once that paint is on the screen, so they do not compete with it for
    // the network, the main thread or the cores that raster it; without one, both start at
    // once and the first view is painted from the index's first bytes (the core, which
    // needs those bytes too, could not paint sooner).
    async #start(host, options) {
      // nodeType, not instanceof: an element from another frame is one too.
      if (host === null || typeof host !== "object" || host.nodeType !== 1) {
        throw new Error(`mount() needs an element, not ${host === null ? "null" : typeof host === "object" ? "a " + (host.constructor?.name ?? "object") : typeof host}`);
      }
      const ownPart = typeof options.firstView === "string" || typeof options.firstViewUrl === "string";
      let early = null;
      const streamIndex = () => {
        early = fetchEarly(options);
        this.#early = early.controller;
      };
      const part = ownPart ? firstViewText(options) : (streamIndex(), null);
      // The request is out: make the date and number formats (the locale data takes tens of
      // milliseconds to load) while it travels.
      warmFormats(options);
      let text = part && (await part);
      if (text === null) {
        if (!early) streamIndex();
        // The core may come first (say, the index is slow to answer): then it gets the
        // index as it is and paints by itself, its timeout running.
        const core = loadOnce().then(
          () => null,
          () => null, // reported below, where it is awaited again
        );
        text = await Promise.race([early.peek(), core]);
      }
      // A first view in the page's HTML (js/prerender.js) is already painted: keep it until
      // the core's painter draws the same view over it.
      const painted = prerendered(host) || (text !== null && !this.#destroyed && !this.#widget && (this.#painter = paintEarly(host, text, options)));
      if (painted && !early) await afterShown(100);
      if (this.#destroyed) return this;
      early ??= fetchEarly(options);
      this.#early = early.controller;
      const api = await loadOnce();
      if (this.#destroyed) return this;
      const choices = painted ? earlyChoices(host) : null;
      const painter = (this.#painter ??= painterFor(host, options));
      const coreOptions = { ...early.options, painter };
      delete coreOptions.firstViewUrl;
      if (text !== null) coreOptions.firstView = text;
      else delete coreOptions.firstView;
      this.#widget = api.mountWidget(() => new api.Core(), host, coreOptions);
      this.#early = null;
      carryOver(host, painter, choices);
      for (const [method, args] of this.#queue.splice(0)) this.#widget[method](...args);
      return this;
    }
    #call(method, args) {
      if (this.#destroyed) return undefined;
      if (!this.#widget) {
        this.#queue.push([method, args]);
        return undefined;
      }
      try {
        return this.#widget[method](...args);
      } catch (error) {
        report(this.host, error);
        return undefined;
      }
    }
    update(options) {
      // `index: null` is the default index, as at mount: this build's (a URL for the npm
      // package, compiled in for the script tag, with the folder its pictures are in).
      const own = readable(options);
      if (own.index === null && own.indexUrl == null) {
        const { firstView: _, firstViewUrl: __, ...source } = defaultSource();
        options = { ...own, ...source };
      }
      this.#call("update", [options]);
    }
    setFilters(filters) {
      this.#call("setFilters", [filters]);
    }
    getState() {
      return this.#widget ? this.#call("getState", []) : undefined;
    }
    destroy() {
      if (this.#destroyed) return;
      // Destroyed before the core came: the early first view is ours to remove.
      if (!this.#widget) this.#painter?.destroy();
      this.#call("destroy", []);
      // Destroyed before the core came: nobody will read the early index request.
      this.#early?.abort();
      this.#early = null;
      this.#destroyed = true;
      this.#widget = null;
      this.#painter = null;
      this.#queue.length = 0;
    }
  }

  /** Mounts a widget into `element` and returns its handle at once. */
  function mount(element, options = {}) {
    return new Handle(element, options);
  }

  const handles = new WeakMap();

  /** Mounts every not-yet-mounted `[data-topic-cards]` element under `root`. */
  function scan(root = document) {
    for (const element of root.querySelectorAll("[data-topic-cards]")) {
      if (!handles.has(element)) handles.set(element, mount(element, optionsFromAttributes(element, "data-")));
    }
  }

  /** Registers `<topic-cards>` (once per page; a second script keeps the first definition). */
  function defineElement(name = "topic-cards") {
    if (typeof customElements === "undefined" || customElements.get(name)) return;
    customElements.define(
      name,
      class TopicCardsElement extends HTMLElement {
        static observedAttributes = ATTRIBUTES;
        #handle = null;
        connectedCallback() {
          // Deferred a task so a parser-built element has its inline index child by then.
          setTimeout(() => {
            if (this.isConnected && !this.#handle) {
              this.#handle = mount(this, optionsFromAttributes(this, ""));
            }
          });
        }
        disconnectedCallback() {
          // A move (a layout putting the element elsewhere, a framework re-ordering nodes)
          // disconnects and connects again in one task: only an element still out of the
          // page after it is gone, so a move keeps the reader's search and filters.
          queueMicrotask(() => {
            if (this.isConnected) return;
            this.#handle?.destroy();
            this.#handle = null;
          });
        }
        attributeChangedCallback(name, before, after) {
          if (!this.#handle || before === after) return;
          // Only the options this attribute sets. The others hold the start state too (topics,
          // query, sort), and applying them again would undo what the reader chose since. A
          // removed attribute's option goes back to its default (null, to update()).
          const options = optionsFromAttributes(this, "");
          // As at mount, the default index's own folder outranks `base-url`.
          const sourceGiven = "index" in options || "indexUrl" in options;
          if (name === "base-url" && !sourceGiven && defaultSource().baseUrl !== undefined) return;
          const keys = SOURCE_ATTRIBUTES.includes(name) ? ["index", "indexUrl", "baseUrl"] : [optionOf(name)];
          const changed = {};
          for (const key of keys) changed[key] = key in options ? options[key] : null;
          this.#handle.update(changed);
        }
        get handle() {
          return this.#handle;
        }
      },
    );
  }

  return { mount, scan, defineElement };
}
