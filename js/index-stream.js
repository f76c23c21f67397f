// Getting an index into the core without holding up the page. A download is fed to the
// core's stream decoder as it arrives, so the work is spread over the download and Wasm
// memory never holds the whole text; the first view is painted as soon as its prefix is in;
// and once the whole index is decoded, the search structures are built in slices. Each
// slice is its own task, so typing and scrolling do not wait behind a long one.
//
// The widget (controller.js) starts each load, cancels it or times it out, and does
// everything that shows: painting, failing, the hash, host events. These functions get one
// load of it as an object:
//
//   core               the widget's Core
//   current()          whether the load is still the widget's (not replaced, destroyed or
//                      stopped)
//   step(work)         runs `work` as a step of the load; false once the load is over
//   paintFirst(prefix) paints the first view from its prefix bytes, as a step; false once
//                      the load is over
import { afterPaint } from "./frames.js";
import { firstViewEnd } from "./prefix.js";

/** What the core's decoder accepts (src/index/decode.rs). */
const MAX_INDEX_BYTES = 512 * 1024 * 1024;
/** Articles of search structures built per task once the index is in. */
const SEARCH_SLICE = 2000;
/** Bytes decoded per task while the index streams in. */
const FEED_SLICE = 256 * 1024;

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
export function prefixOf(bytes) {
  const end = firstViewEnd(bytes);
  return end > 0 ? bytes.subarray(0, end) : null;
}

/**
 * Fetches `url` for `load` (with `fetchOption`, the page's own fetch, when given), painting
 * the first view as soon as its prefix is in and feeding every chunk to the core's stream
 * decoder as it arrives. Resolves to all the chunks, kept until the end: if the text is not
 * an index in the indexer's shape, the core gets all of it to say why (endStream). Null
 * when the load was cancelled because the widget moved on; throws the reason it failed.
 */
export async function readIndex(url, fetchOption, signal, load) {
  const init = { signal };
  let request;
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
    if (!load.current()) return null;
    if (next.done) break;
    const chunk = next.value;
    if (!(chunk instanceof Uint8Array)) throw "unexpected body chunk";
    load.arrived?.();
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
        if (prefix && load.paintFirst(prefix)) {
          // Let it reach the screen before the articles are decoded.
          await afterPaint(50);
        }
      }
    }
    if (total <= MAX_INDEX_BYTES && !(await feed(load, chunk))) return null;
  }
  return chunks;
}

/** Feeds one chunk to the core's stream decoder, a slice per task, so a large chunk does
 * not become one long task that holds up input and paint. False once the load is over. */
async function feed(load, chunk) {
  for (let at = 0; at < chunk.length; at += FEED_SLICE) {
    if (at > 0) await yieldNow();
    if (!load.step(() => load.core.feed(chunk.subarray(at, at + FEED_SLICE)))) return false;
  }
  return true;
}

/**
 * Ends the core's stream of an index that readIndex read whole (`chunks`); returns what is
 * wrong with the index, or undefined. When the text is not in the shape the stream decoder
 * reads (or is too long), the core gets the whole text instead, so its decoder can say
 * what is wrong.
 */
export function endStream(core, chunks) {
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  let problem = total <= MAX_INDEX_BYTES ? core.endStream() : "";
  if (problem === "") problem = core.load(joined(chunks, MAX_INDEX_BYTES + 1));
  return problem;
}

/**
 * Builds the search structures of `load`'s decoded index in slices, each its own task: at
 * 100k articles one build is over a second of main thread, which typing and scrolling would
 * otherwise wait behind. A query that comes first finishes the build itself. `ready` runs
 * in the step that ends the build, once a query needs no more building.
 */
export async function buildSearch(load, ready) {
  for (let done = false; !done; ) {
    await yieldNow();
    if (
      !load.step(() => {
        done = load.core.buildStep(SEARCH_SLICE);
        if (done) ready();
      })
    )
      return;
  }
}
