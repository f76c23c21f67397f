// Rust's string rules in JS: text the core compares or receives must be shaped here the way
// Rust shapes it, or the painter and the core would disagree on it.

const SPACE = "[\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
const EDGE_SPACE = new RegExp(`^${SPACE}|${SPACE}$`, "g");

/**
 * Rust's `str::trim`: the core trims with Unicode's White_Space set, which is not JS's `trim`
 * set (JS also trims U+FEFF; Rust also trims U+0085).
 */
export const trim = (text) => text.replace(EDGE_SPACE, "");

// Both fallbacks match with the `u` flag, under which half of a surrogate pair matches
// `[\uD800-\uDFFF]` only when its other half is missing.

/**
 * What wasm-bindgen hands Rust for a JS string: lone surrogates become U+FFFD. The engine's
 * own `toWellFormed` where it has one; Chrome before 111, Firefox before 119 and Node before
 * 20 do not, and the widget supports them.
 */
export const wellFormed = (text) =>
  typeof text.toWellFormed === "function" ? text.toWellFormed() : text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD");

/** Whether Rust would take `text` as it is (serde_json refuses lone surrogates, JSON.parse keeps them). */
export const isWellFormed = (text) =>
  typeof text.isWellFormed === "function" ? text.isWellFormed() : !/[\uD800-\uDFFF]/u.test(text);
