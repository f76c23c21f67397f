// Shortens the names by which the Wasm and its wasm-bindgen glue (core.js) call each other.
//
// wasm-bindgen names each import after its JS function plus a 16-digit hash
// (`__wbg_getAttribute_c7b80d4010284561`) and each closure export after its full Rust type
// path (hundreds of characters); both files carry every name, and the hashes do not
// compress. Binaryen's `--minify-imports-and-exports-and-modules` renames them all to one or
// two letters in the Wasm and prints the old-to-new mapping; this script runs it and applies
// the mapping to the glue, so the pair stays consistent. About 4 kB gzip in all.
//
//   node scripts/minify-glue.mjs WASM_OPT CORE_BG.WASM CORE.JS [--map MAP.json] [ARG...]
//   node scripts/minify-glue.mjs --typings MAP.json TYPINGS.d.ts...
//
// Further arguments go to that wasm-opt run (e.g. `--strip-target-features`, which only the
// last wasm-opt run may do: the section tells each run which features the code uses).
// `--map` keeps the mapping, so the second form can rename the raw exports in the typings
// wasm-bindgen wrote (core.d.ts's `InitOutput`, core_bg.wasm.d.ts) once a build has chosen
// which of several candidate files it keeps.
//
// Run on wasm-bindgen's output before the JS is minified: the rewrite matches the exact
// shapes it writes (`wasm.NAME`, `NAME: function(`, `"MODULE": import0`) and fails loudly when
// one of them is missing, so a wasm-bindgen upgrade that changes them cannot ship a glue file
// whose names no longer match its Wasm.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

if (process.argv[2] === "--typings") {
  const [mapFile, ...typings] = process.argv.slice(3);
  const { exports } = JSON.parse(readFileSync(mapFile, "utf8"));
  for (const file of typings.filter((file) => existsSync(file))) {
    let text = readFileSync(file, "utf8");
    for (const [name, short] of exports) {
      text = text.replace(
        new RegExp(`\\b(export const|readonly) ${escape(name)}:`, "g"),
        (_, keyword) => `${keyword} ${short}:`,
      );
    }
    writeFileSync(file, text);
  }
  process.exit(0);
}

const [wasmOpt, wasmFile, jsFile, ...rest] = process.argv.slice(2);
if (!jsFile) {
  console.error("usage: node scripts/minify-glue.mjs WASM_OPT CORE_BG.WASM CORE.JS [--map MAP.json] [ARG...]");
  process.exit(2);
}
const mapFile = rest[0] === "--map" ? rest[1] : undefined;
const wasmOptArgs = mapFile ? rest.slice(2) : rest;

const fail = (message) => {
  console.error(`minify-glue: ${jsFile}: ${message}`);
  process.exit(1);
};

const mapping = JSON.parse(
  execFileSync(wasmOpt, ["--minify-imports-and-exports-and-modules", ...wasmOptArgs, wasmFile, "-o", wasmFile], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  }),
);
const wasm = readFileSync(wasmFile);

/** The import section's module names, in order (the mapping does not list the new ones). */
function importModules(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  const name = () => {
    const length = leb();
    const text = bytes.subarray(at, at + length).toString("utf8");
    at += length;
    return text;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      const modules = new Set();
      for (let count = leb(); count > 0; count--) {
        modules.add(name());
        name();
        // Only functions are imported by wasm-bindgen's output; anything else would need
        // its own descriptor skipped, so refuse rather than misread the section.
        if (bytes[at++] !== 0) fail("the Wasm imports something other than a function");
        leb();
      }
      return modules;
    }
    at = end;
  }
  return new Set();
}

const newModules = [...importModules(wasm)];
const oldModules = [...new Set(mapping.imports.map(([module]) => module))];
if (oldModules.length > 1 || newModules.length !== oldModules.length) {
  fail(`expected one import module, found ${oldModules.join(", ")} -> ${newModules.join(", ")}`);
}

let js = readFileSync(jsFile, "utf8");

/** Replaces every match of `pattern`, requiring at least one. */
function rewrite(pattern, replacement, what) {
  let found = 0;
  js = js.replace(pattern, (...args) => {
    found++;
    return typeof replacement === "function" ? replacement(...args) : replacement;
  });
  if (found === 0) fail(`no ${what} in the glue`);
}

if (oldModules.length === 1) {
  rewrite(
    new RegExp(`"${escape(oldModules[0])}"(\\s*:\\s*import0\\b)`, "g"),
    (_, rest) => `${JSON.stringify(newModules[0])}${rest}`,
    `import module "${oldModules[0]}"`,
  );
}
for (const [, name, short] of mapping.imports) {
  rewrite(
    new RegExp(`(^|[\\s,{])${escape(name)}(\\s*:\\s*function\\b)`, "gm"),
    (_, before, rest) => `${before}${JSON.stringify(short)}${rest}`,
    `import ${name}`,
  );
}
for (const [name, short] of mapping.exports) {
  // Exports the glue never calls (e.g. `__wbindgen_free` for some builds) only need their
  // new name in the Wasm.
  js = js.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, "g"), `wasm[${JSON.stringify(short)}]`);
}
// Anything still spelled the old way would be undefined at run time.
for (const [name] of mapping.exports) {
  if (new RegExp(`\\bwasm\\.${escape(name)}\\b`).test(js)) fail(`export ${name} left unrenamed`);
}
writeFileSync(jsFile, js);

if (mapFile) writeFileSync(mapFile, JSON.stringify(mapping));
