// Where an index's first-view part ends, found in its leading bytes while they arrive, so
// the loader can paint the first view from the start of an `indexUrl` download when the page
// gave no `firstViewUrl`. The same rule as the core's scanner (src/index/split.rs): the part
// is every top-level member up to and including `firstView`, whose value must be an object;
// `offerings` or `articles` first (the indexer writes them after it), or the end of the
// object, means there is none. It only tracks strings and nesting: the painter checks the
// part itself, and the core reads the whole index as it always does.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = [0x7b, 0x5b]; // { [
const CLOSE = [0x7d, 0x5d]; // } ]
const WHITESPACE = [0x20, 0x09, 0x0a, 0x0d];
const decoder = new TextDecoder();

/**
 * Scans `bytes` (the index's first bytes so far, a Uint8Array). Returns the length of the
 * first-view part (the bytes up to the end of `firstView`'s value), `-1` when more bytes are
 * needed, or `-2` when the index has no first-view part at its start.
 */
export function firstViewEnd(bytes) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastKey = null; // the last string closed at depth 1, until its colon
  let member = null; // the top-level member whose value is being read
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (b === BACKSLASH) escaped = true;
      else if (b === QUOTE) {
        inString = false;
        if (depth === 1 && member === null) lastKey = decoder.decode(bytes.subarray(stringStart, i));
      }
      continue;
    }
    if (depth === 0) {
      if (b === 0x7b) depth = 1;
      else if (!WHITESPACE.includes(b)) return -2; // not a JSON object
      continue;
    }
    if (b === QUOTE) {
      inString = true;
      stringStart = i + 1;
    } else if (OPEN.includes(b)) {
      if (depth === 1 && member === "firstView" && b !== 0x7b) return -2;
      depth++;
    } else if (CLOSE.includes(b)) {
      depth--;
      if (depth === 0) return -2; // the object ended without a firstView
      if (depth === 1 && member === "firstView") return i + 1;
    } else if (b === COLON && depth === 1 && member === null) {
      member = lastKey;
      if (member === "offerings" || member === "articles") return -2;
    } else if (b === 0x2c && depth === 1) {
      member = null; // the next member
      lastKey = null;
    } else if (depth === 1 && member === "firstView" && !WHITESPACE.includes(b)) {
      return -2; // a scalar first view (null, a number...): not ours to paint
    }
  }
  return -1;
}
