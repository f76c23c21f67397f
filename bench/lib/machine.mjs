// What a result was measured on: the machine, the tool and library versions, our commit, and
// the size of our widget's code (JS + Wasm + CSS, without any index); and waiting for the
// machine to be quiet before a cold load.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { ROOT } from "./sites.mjs";

const version = (pkg) => {
  try {
    return JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch (_) {
    return "missing";
  }
};
const quiet = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch (_) {
    return null;
  }
};

export async function machine() {
  const cargo = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m);
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: totalmem() / 2 ** 30,
    os: `${quiet("uname", ["-sm"]) ?? process.platform} ${release()}`,
    node: process.version,
    ours: `${cargo ? cargo[1] : "?"} (${quiet("git", ["rev-parse", "--short", "HEAD"]) ?? "no git"}${quiet("git", ["status", "--porcelain"]) ? ", dirty" : ""})`,
    libraries: {
      pagefind: version("@pagefind/linux-x64"),
      minisearch: version("minisearch"),
      flexsearch: version("flexsearch"),
      "fuse.js": version("fuse.js"),
      "playwright-core": version("playwright-core"),
    },
  };
}

/** Bytes of our widget's code: the npm build's Wasm (CSS inside) + glue + API, and the single file. */
export function widgetSizes() {
  const size = (rel) => {
    const file = join(ROOT, rel);
    if (!existsSync(file)) return null;
    const bytes = readFileSync(file);
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
  };
  const parts = ["pkg/core_bg.wasm", "pkg/core.js", "pkg/api.js", "pkg/controller.js", "pkg/index.js"].map((rel) => [rel, size(rel)]);
  const code = parts.every(([, s]) => s)
    ? parts.reduce((sum, [, s]) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 })
    : null;
  return { parts: Object.fromEntries(parts), code, loader: size("pkg/topic-cards.js"), scriptCore: size("pkg/topic-cards-core.js"), defaultIndex: size("build/default-index.json") };
}

/** The whole machine's CPU time so far, from /proc/stat's first line (Linux): busy and total, in ticks. */
function cpuTicks() {
  const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  // idle + iowait: time no core was working.
  return { busy: total - fields[3] - (fields[4] ?? 0), total };
}

/** Busy share of all cores in a window that counts as quiet (an idle browser here shows 0-5%). */
const QUIET_SHARE = 0.1;
const QUIET_WINDOW_MS = 200;
const QUIET_CAP_MS = 3000;
/** The rule in words, for the report. */
export const QUIET_RULE = `all cores under ${QUIET_SHARE * 100}% busy for ${QUIET_WINDOW_MS} ms, at most ${QUIET_CAP_MS / 1000} s`;

/**
 * Resolves once the machine is quiet: the cores were busy at most QUIET_SHARE of a
 * QUIET_WINDOW_MS window, or QUIET_CAP_MS have passed. A cold visit starts only then, so that
 * it does not pay for the visit before it: a closed page's processes are torn down in the
 * background, after `context.close()` has returned (here that takes one window, 200-400 ms).
 * Without this wait, on 2 cores, a visit that loaded our index and ran the queries slowed
 * the load after it, and the first view in the page's HTML most of all: in 15 runs of
 * synth-10k, 140 ms (1.44x the floor's 97) with ours among the contenders, 116 (1.15x the
 * floor's 101) without it. With a 1.5 s pause after every visit: 100 (1.10x); with this wait:
 * 108 (1.17x). The script page stayed at 1.74-1.85x throughout. Resolves to
 * `{ waitedMs, quiet }` (quiet false: the cap ran out; null: no /proc/stat, so a fixed 1 s
 * pause instead).
 */
export async function waitForQuietMachine() {
  const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
  if (!existsSync("/proc/stat")) {
    await pause(1000);
    return { waitedMs: 1000, quiet: null };
  }
  const start = performance.now();
  let before = cpuTicks();
  for (;;) {
    await pause(QUIET_WINDOW_MS);
    const now = cpuTicks();
    const total = now.total - before.total;
    const busy = now.busy - before.busy;
    before = now;
    const waitedMs = performance.now() - start;
    if (total > 0 && busy <= total * QUIET_SHARE) return { waitedMs, quiet: true };
    if (waitedMs >= QUIET_CAP_MS) return { waitedMs, quiet: false };
  }
}
