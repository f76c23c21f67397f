// What a result was measured on: the machine, the tool and library versions, our commit, and
// the size of our widget's code (JS + Wasm + CSS, without any index).
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
