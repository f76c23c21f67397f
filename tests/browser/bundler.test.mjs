// Embedding 3: the npm package bundled by Vite (www/vite-app), type-checked against the
// package's own .d.ts, built, served, and loaded under the strict CSP.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { ROOT, assertClean, cards, openPage, painted, screenshot, start } from "./harness.mjs";

let env;
before(async () => {
  const bin = (name) => join(ROOT, "node_modules", ".bin", name);
  execFileSync(bin("tsc"), ["-p", join(ROOT, "www/vite-app/tsconfig.json")], { cwd: ROOT, stdio: "inherit" });
  execFileSync(bin("vite"), ["build", "--config", join(ROOT, "www/vite-app/vite.config.js")], {
    cwd: ROOT,
    stdio: "inherit",
  });
  env = await start();
});
after(async () => {
  await env?.stop();
});

test("the bundled app mounts the widget from the npm package", async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/www/vite-app/dist/index.html`);
  const widget = page.locator("#cards");
  await painted(widget);
  assert.equal(await cards(widget).count(), 9, "pageSize: 9 from the app's options");
  const status = page.locator("#status");
  await widget.getByRole("searchbox").fill("telehealth");
  await page.waitForFunction(() => /\d+ articles match/.test(document.querySelector("#status").textContent));
  const reported = Number((await status.innerText()).match(/(\d+) articles match/)[1]);
  const state = await page.evaluate(() => window.appHandle.getState());
  assert.equal(state.query, "telehealth", "getState reflects the search");
  assert.equal(state.total, reported, "the tc-change event carried the same total");
  await page.evaluate(() => window.appHandle.setFilters({ query: "" }));
  await page.waitForTimeout(200);
  assert.equal((await page.evaluate(() => window.appHandle.getState())).query ?? "", "");
  await screenshot(page, "vite-app-desktop-light");
  await assertClean(page);
});

test("destroy removes the widget and leaves the app running", async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/www/vite-app/dist/index.html`);
  const widget = page.locator("#cards");
  await painted(widget);
  await page.evaluate(() => window.appHandle.destroy());
  assert.equal(await cards(widget).count(), 0);
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  await assertClean(page);
});

test("npm packs every file the package's manifest names, its README and its licence texts", () => {
  // `npm pack --dry-run` lists what a publish would upload; a `files` or `exports` entry
  // naming a file that the build did not make would be silently left out.
  const pkg = join(ROOT, "pkg");
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: pkg, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
  );
  const paths = new Set(packed.files.map((f) => f.path));
  const exported = Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)));
  const named = [...manifest.files, ...exported.map((p) => p.replace(/^\.\//, "")), manifest.bin["topic-cards-prerender"].replace(/^\.\//, "")];
  // A folder entry (images) counts when files under it are packed.
  for (const file of named) assert.ok(paths.has(file) || [...paths].some((p) => p.startsWith(`${file}/`)), `${file} is in the packed package`);
  assert.ok(paths.has("README.md"));
  // The manifest's "license" is "MIT OR Apache-2.0": both texts, the same as the repository's.
  for (const text of ["LICENSE-MIT", "LICENSE-APACHE"]) {
    assert.ok(paths.has(text), `${text} is in the packed package`);
    assert.equal(readFileSync(join(pkg, text), "utf8"), readFileSync(join(ROOT, text), "utf8"));
  }
});

test("the READMEs' TypeScript examples and tests/types/usage.ts pass a strict check", () => {
  // The examples as the READMEs show them, each a file of its own, beside the hand-written
  // checks; strict, with the package's .d.ts checked too (skipLibCheck off), under both
  // module resolutions a TypeScript app may use.
  const dir = join(ROOT, "test-output", "types");
  mkdirSync(dir, { recursive: true });
  const files = [join(ROOT, "tests", "types", "usage.ts")];
  for (const [readme, name] of [["README.md", "readme"], ["pkg/README.md", "pkg-readme"]]) {
    const examples = [...readFileSync(join(ROOT, readme), "utf8").matchAll(/^```ts\n([^]*?)^```$/gm)].map((m) => m[1]);
    assert.ok(examples.length > 0, `${readme} has a TypeScript example`);
    examples.forEach((code, i) => {
      const file = join(dir, `${name}-${i}.ts`);
      writeFileSync(file, code);
      files.push(file);
    });
  }
  for (const [module, moduleResolution] of [["ESNext", "Bundler"], ["Node16", "Node16"]]) {
    const compilerOptions = { target: "ES2022", module, moduleResolution, strict: true, skipLibCheck: false, noEmit: true, lib: ["ES2022", "DOM"], types: [] };
    const config = join(dir, `tsconfig.${moduleResolution.toLowerCase()}.json`);
    writeFileSync(config, JSON.stringify({ compilerOptions, files }, null, 2));
    execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", config], { cwd: ROOT, stdio: "inherit" });
  }
});

test("the files the package finds beside itself are exported, and rolldown emits them with the README's flag", async () => {
  // Every `new URL("./FILE", import.meta.url)` of index.js: a bundler that does not emit them
  // leaves the app to copy them, which it can only do if it can resolve them.
  const beside = [...readFileSync(join(ROOT, "pkg", "index.js"), "utf8").matchAll(/new URL\("\.\/([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]);
  assert.deepEqual(beside.sort(), ["core_bg.wasm", "default-index.first.json", "default-index.json"]);
  for (const file of beside) {
    assert.ok(existsSync(fileURLToPath(import.meta.resolve(`topic-cards/${file}`))), `topic-cards/${file} resolves`);
  }
  const { rolldown } = await import("rolldown");
  const dir = join(ROOT, "test-output", "rolldown-app");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.js"), 'import { mount } from "topic-cards";\nmount(document.body);\n');
  const bundle = await rolldown({ input: join(dir, "main.js"), logLevel: "silent", experimental: { resolveNewUrlToAsset: true } });
  const { output } = await bundle.generate({ format: "es" });
  await bundle.close();
  const emitted = output.map((o) => o.fileName);
  for (const [file, pattern] of [["core_bg.wasm", /core_bg-.*\.wasm$/], ["default-index.json", /default-index-.*\.json$/], ["default-index.first.json", /default-index\.first-.*\.json$/]]) {
    assert.ok(emitted.some((name) => pattern.test(name)), `${file} emitted: ${emitted.join(", ")}`);
  }
});

test("a bundler keeps the script-tag files when an app imports them for their side effects", async () => {
  // `import "topic-cards/topic-cards.js"` registers <topic-cards>; with the whole package
  // marked free of side effects, bundlers dropped the import and built an app without it.
  const { rolldown } = await import("rolldown");
  const dir = join(ROOT, "test-output", "side-effects-app");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.js"), 'import "topic-cards/topic-cards.js";\n');
  const bundle = await rolldown({ input: join(dir, "main.js"), logLevel: "silent" });
  const { output } = await bundle.generate({ format: "es" });
  await bundle.close();
  assert.match(output[0].code, /TopicCards/, "the loader's code is in the bundle");
});
