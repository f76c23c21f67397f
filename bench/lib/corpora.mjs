// The corpora a bench run covers, and our indexer's build of each (timed, peak RSS): the
// generated 1k/10k/100k corpora (`topic-cards synth`, cached under bench/out), the sample
// content (content/) and the digitalgov-news corpus when it is present beside the repo.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT } from "./sites.mjs";
import { timed } from "./timed.mjs";

export const CLI = join(ROOT, "target/release/topic-cards");
const SEED = 1;

/** A hash of the synthetic generator's source files (src/synth.rs, src/synth/). */
function synthKey() {
  const hash = createHash("sha256");
  const files = [join(ROOT, "src/synth.rs")];
  const dir = join(ROOT, "src/synth");
  if (existsSync(dir)) for (const name of readdirSync(dir).sort()) files.push(join(dir, name));
  for (const file of files) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/** "1k" -> 1000, "2.5k" -> 2500, "100000" -> 100000. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`not a corpus size: ${text}`);
  return Math.round(Number(m[1]) * { "": 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()]);
}

/** The corpus list: [{ name, source, kind, count? }] for the sizes and named corpora asked for. */
export function corpusList({ sizes, named }) {
  const list = sizes.map((size) => ({ name: `synth-${size}`, kind: "synth", count: parseSize(size) }));
  for (const name of named) {
    if (name === "sample") list.push({ name, kind: "dir", source: join(ROOT, "content") });
    else if (name === "digitalgov") {
      const source = resolve(process.env.BENCH_DIGITALGOV || join(ROOT, "..", "shared", "corpora", "digitalgov-news"));
      list.push({ name, kind: "dir", source });
    } else throw new Error(`unknown corpus: ${name} (known: sample, digitalgov)`);
  }
  return list;
}

/**
 * Makes `corpus`'s index with our CLI under OUT/<name>/index.json and times the build.
 * `override` is a ready index file to use instead (no build figures then). Returns
 * { ok, indexFile, build?, reason? }.
 */
export async function buildIndex(corpus, outRoot, { override, timeoutS, log, cli = CLI }) {
  const dir = join(outRoot, corpus.name);
  mkdirSync(dir, { recursive: true });
  if (override) return { ok: true, indexFile: resolve(override), dir, note: `index given with --index (${override})` };
  if (!existsSync(cli)) return { ok: false, dir, reason: `our CLI (${cli}) is not built` };

  let source = corpus.source;
  if (corpus.kind === "synth") {
    source = join(dir, "corpus");
    const stamp = join(dir, ".stamp-corpus.json");
    // Keyed by the generator's source too, so a changed generator makes a fresh corpus.
    const want = JSON.stringify({ count: corpus.count, seed: SEED, synth: synthKey() });
    if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== want) {
      rmSync(source, { recursive: true, force: true });
      log(`  generating ${corpus.count} synthetic articles`);
      const run = await timed([cli, "synth", "--count", String(corpus.count), "--out", source, "--seed", String(SEED)], { timeoutS });
      if (!run.ok) return { ok: false, dir, reason: `topic-cards synth ${run.reason}` };
      writeFileSync(stamp, want);
    }
  } else if (!existsSync(source)) {
    return { ok: false, dir, reason: `corpus not present: ${source}` };
  }

  const indexFile = join(dir, "index.json");
  log(`  indexing ${source}`);
  // The first-view part too: ours' page names it in first-view-url, as a partner's would.
  const run = await timed(
    [cli, "index", source, "--out", indexFile, "--first-view", join(dir, "index.first.json"), "--report", join(dir, "index-report.json")],
    { timeoutS },
  );
  if (!run.ok) return { ok: false, dir, reason: `topic-cards index ${run.reason}` };
  return { ok: true, indexFile, dir, build: { wallS: run.wallS, maxRssMB: run.maxRssMB } };
}
