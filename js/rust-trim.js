// Rust's `str::trim` in JS: the core trims with Unicode's White_Space set, which is not JS's
// `trim` set (JS also trims U+FEFF; Rust also trims U+0085). Text the core compares after
// trimming must be trimmed the same way here.

const SPACE = "[\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+";
const EDGE_SPACE = new RegExp(`^${SPACE}|${SPACE}$`, "g");

/** Rust's `str::trim`. */
export const trim = (text) => text.replace(EDGE_SPACE, "");
