// The stylesheet inside a built script-tag loader, changed for a what-if build
// (bench/variant.mjs). Pure: loader text in, loader text out.

// The loader adopts its one stylesheet with replaceSync and a template literal (scripts/build.sh).
const OPEN = "replaceSync(`";

/**
 * `loader` with its stylesheet changed: `sheet` (if given) replaces it whole, then each
 * `[from, to]` of `swaps` replaces every occurrence of `from` (which must occur: a typo would
 * otherwise measure the real build under another name), then `append` is added. Throws with
 * the reason when the loader holds no stylesheet or a change cannot be made.
 */
export function restyle(loader, { sheet = null, swaps = [], append = "" } = {}) {
  const start = loader.indexOf(OPEN) + OPEN.length;
  const end = loader.indexOf("`", start);
  if (start < OPEN.length || end < 0) throw new Error("no stylesheet found in the loader");
  let css = sheet ?? loader.slice(start, end);
  for (const [from, to] of swaps) {
    if (!from || !css.includes(from)) throw new Error(`"${from}" is not in the stylesheet`);
    css = css.replaceAll(from, to);
  }
  css += append;
  // The sheet sits in a template literal: these would end it or run code.
  if (/[`\\]|\$\{/.test(css)) throw new Error("the rules may not hold a backquote, a backslash or ${");
  return loader.slice(0, start) + css + loader.slice(end);
}
