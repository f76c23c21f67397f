// Drives headless Chromium through one cold visit of a contender page: navigation to first
// cards painted, the bytes and requests before that moment (from the DevTools protocol's
// network events), memory after load, then the warm query set.
import { readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS as BASE_ARGS } from "../../scripts/chromium.mjs";
import { captureWasmMemories, oursStep, watchOurWidget } from "./inpage.mjs";
import { waitForQuietMachine } from "./machine.mjs";

// The shared flags (scripts/chromium.mjs), plus two that let a frame be drawn as
// soon as it is ready instead of at the next 60 Hz vsync, so "to the next frame" measures
// the page's work and not up to 16.7 ms of waiting.
const CHROMIUM_ARGS = [
  ...BASE_ARGS,
  "--disable-gpu-vsync",
  "--disable-frame-rate-limit",
  // Nothing leaves the machine: any host but the bench server fails to resolve at once
  // (absolute image URLs of real corpora), the same for every contender.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

const brotliSize = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: bytes.length > 16 * 2 ** 20 ? 9 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

/**
 * Raw, gzip (the server's level 6) and brotli (quality 11; 9 above 16 MiB) sizes of a file's
 * first `len` bytes as served. Pagefind's own index files are gzip streams already, sent as
 * they are: their gzip size is what was sent, their raw size what it inflates to, and their
 * brotli size that of the inflated bytes.
 */
const compressed = new Map();
function compressedSizes(file, len, compressible) {
  const key = `${file}:${statSync(file).mtimeMs}:${len}`;
  if (compressed.has(key)) return compressed.get(key);
  const bytes = readFileSync(file).subarray(0, len);
  let sizes;
  if (compressible) sizes = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length, brotli: brotliSize(bytes) };
  else if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // (A stream cut short inflates as far as it goes.)
    const raw = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    sizes = { raw: raw.length, gzip: bytes.length, brotli: brotliSize(raw) };
  } else sizes = { raw: bytes.length, gzip: bytes.length, brotli: bytes.length };
  compressed.set(key, sizes);
  return sizes;
}
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".txt"]);

/** Network bookkeeping from CDP events, in the protocol's monotonic clock (seconds). */
function networkLog(cdp) {
  const requests = new Map();
  let clock = null; // wallTime - timestamp, from the first request (the document)
  cdp.on("Network.requestWillBeSent", (e) => {
    if (clock === null) clock = e.wallTime - e.timestamp;
    requests.set(e.requestId, { url: e.request.url, type: e.type, start: e.timestamp, chunks: [], end: null, failed: false });
  });
  cdp.on("Network.dataReceived", (e) => requests.get(e.requestId)?.chunks.push([e.timestamp, e.dataLength, e.encodedDataLength]));
  cdp.on("Network.loadingFinished", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, wire: e.encodedDataLength });
  });
  cdp.on("Network.loadingFailed", (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, failed: true });
  });
  return {
    requests,
    toMonotonic: (wallMs) => (clock === null ? null : wallMs / 1000 - clock),
    inFlight: () => [...requests.values()].filter((r) => r.end === null).length,
  };
}

/**
 * What had arrived by monotonic time `t`: requests answered (ended, or some bytes in), and
 * raw/gzip/brotli bytes. A request only started by then is not counted: first cards are
 * marked after their frame was produced, and a page that starts its next requests right
 * after that paint (ours asks for its core then) has needed nothing from them.
 * Card images are counted apart (`images`): every page shows the same ones the same way.
 */
function bytesBefore(log, t, baseUrl, root) {
  const out = { requests: 0, raw: 0, gzip: 0, brotli: 0, images: 0, files: [], pending: [] };
  for (const r of log.requests.values()) {
    if (r.start > t || !r.url.startsWith(baseUrl)) continue;
    if (r.type === "Image") {
      out.images++;
      continue;
    }
    const answered = (r.end !== null && r.end <= t) || r.chunks.some(([ct]) => ct <= t);
    if (!answered) continue;
    out.requests++;
    const path = decodeURIComponent(new URL(r.url).pathname);
    let file = join(root, path);
    let size;
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      size = statSync(file).size;
    } catch (_) {
      continue; // a 404: nothing arrived worth counting
    }
    const got = r.end !== null && r.end <= t ? size : Math.min(size, r.chunks.filter(([ct]) => ct <= t).reduce((s, [, len]) => s + len, 0));
    if (got === 0) continue;
    out.files.push({ path, raw: got, of: size });
    out.pending.push([file, got]);
  }
  return out;
}

/**
 * Fills in the compressed sizes of what bytesBefore counted. Brotli at quality 11 takes the
 * harness's process (and a core) for seconds at 10k: done once the page is closed, so it
 * never competes with a page still loading.
 */
function compress(counted) {
  for (const [file, got] of counted.pending.splice(0)) {
    const sizes = compressedSizes(file, got, COMPRESSIBLE.has(extname(file).toLowerCase()));
    counted.raw += sizes.raw;
    counted.gzip += sizes.gzip;
    counted.brotli += sizes.brotli;
  }
  delete counted.pending;
  return counted;
}

/** The value of `expression` in the page, read as waitInPage reads it. */
async function valueInPage(cdp, expression) {
  const { result } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
  return result.value;
}

/**
 * Waits until `expression` is true in the page, by a bare DevTools-protocol evaluation every
 * 20 ms: Playwright's waitForFunction would first compile and run its injected script in the
 * page (8-10 ms of main-thread CPU, more wall time on a loaded machine), inside the interval
 * being measured.
 */
async function waitInPage(cdp, expression, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send("Runtime.evaluate", { expression, returnByValue: true });
    if (result.value === true) return;
    if (Date.now() > until) throw new Error("timeout");
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => (window.__wasmMemoryBytes ? window.__wasmMemoryBytes() : 0));
  return { jsHeapMB: heap.usedSize / 2 ** 20, wasmMB: wasm / 2 ** 20, totalMB: (heap.usedSize + wasm) / 2 ** 20 };
}

async function waitNetworkIdle(log, quietMs = 500, capMs = 120000) {
  const until = Date.now() + capMs;
  let quietSince = Date.now();
  while (Date.now() < until) {
    if (log.inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return true;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return false;
}

/** One query on a renderer page (everyone but ours): engine, facet counts, render, frame. */
async function rendererQuery(page, spec) {
  return page.evaluate((s) => window.__bench.run({ q: s.q || "", topic: s.topic ? s.topic.name : null }), spec);
}

/**
 * One query on ours: reset to the browse view, set the facet, then time the last step.
 * `timed(page, step)` runs that last step (bench/profile.mjs wraps it in trace marks).
 */
export async function oursQuery(page, spec, timed = (p, step) => p.evaluate(oursStep, step)) {
  const reset = await page.evaluate(() => {
    const root = window.__tcRoot || document.querySelector("topic-cards")?.shadowRoot;
    const input = root?.querySelector('input[type="search"]');
    return { hasInput: !!input, typed: input ? input.value : "", checked: root ? [...root.querySelectorAll('input[type="checkbox"]:checked')].length : 0 };
  });
  if (!reset.hasInput && spec.q) return { error: "no search box" };
  if (reset.typed) await page.evaluate(oursStep, { q: "" });
  // Each way back waits as a timed step does, until the frame after the DOM stopped changing.
  // The ticked boxes were once cleared with a wait of two frames and a timer instead, and the
  // step after that took 8-10 ms more than after the text's reset (synth-10k: the first query
  // of every pass, 25 against 16 ms), where 30 ms of idle before it took it to 14: work of
  // the reset's frames still running when the timed step began.
  if (reset.checked) await page.evaluate(oursStep, { clear: true });
  if (spec.topic && spec.q) {
    const facet = await page.evaluate(oursStep, { topic: spec.topic });
    if (facet.error) return facet;
  }
  return timed(page, spec.q ? { q: spec.q } : { topic: spec.topic });
}

/**
 * One cold visit. `opts`: { url, baseUrl, root, ours, queries, reps, timeoutMs, throttle }.
 * Resolves to a sample; failures become `error` (with whatever was measured before).
 */
export async function visit(browser, opts) {
  // On a quiet machine, so that no visit pays for the teardown of the one before it.
  const quiet = await waitForQuietMachine();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const sample = { errors: [], quiet };
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    if (opts.throttle) {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: opts.throttle.latencyMs,
        downloadThroughput: (opts.throttle.mbps * 1e6) / 8,
        uploadThroughput: (opts.throttle.mbps * 1e6) / 8,
      });
    }
    const log = networkLog(cdp);
    await page.addInitScript(captureWasmMemories);
    if (opts.ours) await page.addInitScript(watchOurWidget);

    await page.goto(opts.url, { waitUntil: "commit", timeout: opts.timeoutMs });
    try {
      await waitInPage(cdp, "window.__firstCards != null || window.__benchError != null", opts.timeoutMs);
    } catch (_) {
      throw new Error(`no cards within ${opts.timeoutMs / 1000} s${pageErrors.length ? `: ${pageErrors[0]}` : ""}`);
    }
    const first = await valueInPage(cdp, "({ at: window.__firstCards, origin: performance.timeOrigin, error: window.__benchError })");
    if (first.error) throw new Error(first.error);
    sample.firstCardsMs = first.at;
    const t = log.toMonotonic(first.origin + first.at);
    sample.before = bytesBefore(log, t, opts.baseUrl, opts.root);

    // Ours paints before its index is whole; the JS libraries paint after building theirs,
    // so for them first cards is also when search works. Pagefind fetches per query: n/a.
    if (opts.ours) {
      await waitInPage(cdp, "window.__searchable != null", opts.timeoutMs).catch(() => sample.errors.push("never searchable"));
      sample.searchableMs = await valueInPage(cdp, "window.__searchable ?? null");
    } else if (!opts.url.includes("/pagefind/")) {
      sample.searchableMs = first.at;
    }
    if (!(await waitNetworkIdle(log))) sample.errors.push("network never went idle");
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    sample.memLoad = await memory(page, cdp);
    const all = bytesBefore(log, Infinity, opts.baseUrl, opts.root);
    sample.afterLoad = all;

    if (opts.queries.length && opts.canQuery) {
      sample.queries = {};
      const run = opts.ours ? oursQuery : rendererQuery;
      for (let rep = -1; rep < opts.reps; rep++) {
        for (const spec of opts.queries) {
          let result;
          try {
            result = await run(page, spec);
          } catch (error) {
            result = { error: String(error.message || error).split("\n")[0] };
          }
          if (rep < 0) continue; // the warm-up pass: caches, JIT, lazily fetched index parts
          (sample.queries[spec.name] ??= []).push(result);
        }
      }
      sample.memQueries = await memory(page, cdp);
    }
  } catch (error) {
    sample.errors.push(String(error.message || error).split("\n")[0]);
  } finally {
    if (pageErrors.length) sample.pageErrors = pageErrors.slice(0, 3);
    await context.close();
  }
  if (sample.before) compress(sample.before);
  if (sample.afterLoad) {
    const { requests, raw, gzip } = compress(sample.afterLoad);
    sample.afterLoad = { requests, raw, gzip };
  }
  return sample;
}
