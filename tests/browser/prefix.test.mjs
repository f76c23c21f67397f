// js/prefix.js, the loader's scanner for the first-view part at the start of an index,
// against the indexer's own `--first-view` output (the core's rule, src/index/split.rs) and
// against texts that have no such part. Plain JS: runs in Node, no browser needed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { firstViewEnd } from "../../js/prefix.js";
import { ROOT, besideCrate } from "./harness.mjs";

const CLI = join(ROOT, "target", "release", "topic-cards");
const bytes = (text) => new TextEncoder().encode(text);

test("the part found is the indexer's first-view part, and only once it has all arrived", () => {
  const dir = mkdtempSync(join(tmpdir(), "tc-prefix-"));
  const corpora = { sample: join(ROOT, "content", "articles") };
  const seeds = besideCrate("../shared/seeds");
  if (seeds) corpora.seeds = seeds;
  execFileSync(CLI, ["synth", "--count", "40", "--out", join(dir, "synth"), "--seed", "7"]);
  corpora.synth = join(dir, "synth");
  for (const [name, source] of Object.entries(corpora)) {
    const index = join(dir, `${name}.json`);
    const part = join(dir, `${name}.first.json`);
    execFileSync(CLI, ["index", source, "--out", index, "--first-view", part], { stdio: "ignore" });
    const whole = new Uint8Array(readFileSync(index));
    const want = readFileSync(part).length - 1; // the part is the prefix plus "}"
    assert.equal(firstViewEnd(whole), want, name);
    assert.equal(firstViewEnd(whole.subarray(0, want)), want, `${name}: exactly the part`);
    assert.equal(firstViewEnd(whole.subarray(0, want - 1)), -1, `${name}: one byte short`);
    assert.equal(firstViewEnd(whole.subarray(0, 1)), -1, `${name}: one byte`);
  }
});

test("texts without a first-view part at their start say so", () => {
  for (const text of [
    `{}`,
    `{"format":"topic-cards-index","version":1}`,
    `{"firstView":null,"articles":[]}`,
    `{"firstView":[1,2]}`,
    `{"offerings":[],"firstView":{}}`,
    `{"articles":[{"firstView":{}}]}`,
    `[{"firstView":{}}]`,
    `"firstView"`,
  ]) {
    assert.equal(firstViewEnd(bytes(text)), -2, text);
  }
});

test("strings, escapes and nesting do not fool it", () => {
  const cases = [
    [`{"k":"firstView","firstView":{"a":"}"},"articles":[]}`, `{"k":"firstView","firstView":{"a":"}"}`],
    [`{"fi\\"rstView":{},"firstView":{"b":[1,{"c":"\\\\"}]},"offerings":[]}`, `{"fi\\"rstView":{},"firstView":{"b":[1,{"c":"\\\\"}]}`],
    [`\ufeff {"firstView" : { } }`, `\ufeff {"firstView" : { }`],
    [`{"first\\u0056iew":{},"firstView":{}}`, `{"first\\u0056iew":{},"firstView":{}`],
  ];
  for (const [text, part] of cases) assert.equal(firstViewEnd(bytes(text)), bytes(part).length, text);
});
