// A widget's filters in the URL hash, for shareable links: namespaced per widget so several
// widgets (and the page's own parameters) share one hash, as in
// `#news.q=tele&news.t=slug-a,slug-b&news.s=newest`. Keys: `q` query, `t` topics, `y` types,
// `b` brands, `from`/`to` dates, `s` sort (only when not the default). Values are
// percent-encoded (everything but letters, digits and `-_.~`), so commas inside a value
// cannot split a list. Reading never fails: links get hand-edited, so a malformed value is
// taken as it stands, and the core tidies what it gets (blank and repeated entries).

import { trim } from "./rust-text.js";

const LISTS = { t: "topics", y: "types", b: "brands" };
const DATES = { from: "dateFrom", to: "dateTo" };
const utf8 = new TextEncoder();
/** Lossy, as a link's bytes may not be UTF-8 (bad sequences become U+FFFD); a leading
 * U+FEFF is text here, not a byte-order mark. */
const text = new TextDecoder("utf-8", { ignoreBOM: true });

/** The `&`-separated parts of `hash` (with or without its `#`). */
const partsOf = (hash) => hash.replace(/^#/, "").split("&").filter(Boolean);

/** `[key, raw value]` when `part` is `ns.key=value` (or `ns.key`), else null. */
function ownKey(part, ns) {
  if (!part.startsWith(`${ns}.`)) return null;
  const rest = part.slice(ns.length + 1);
  const eq = rest.indexOf("=");
  return eq === -1 ? [rest, ""] : [rest.slice(0, eq), rest.slice(eq + 1)];
}

/** Percent-encodes all but letters, digits and `-_.~` (encodeURIComponent also spares `!'()*`). */
const encode = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Percent-decodes, leaving a `%` that starts no escape as it is; `+` is a space too (people
 * paste query-string habits). */
function decode(value) {
  const bytes = utf8.encode(value.replaceAll("+", " "));
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes[i] === 0x25 && i + 2 < bytes.length ? String.fromCharCode(bytes[i + 1], bytes[i + 2]) : "";
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      out[n++] = bytes[i];
    }
  }
  return text.decode(out.subarray(0, n));
}

/** True when `hash` holds any parameter of namespace `ns`. */
export const hasNamespace = (hash, ns) => partsOf(hash).some((part) => ownKey(part, ns));

/** The filters stored under `ns` in `hash` ({query, topics, types, brands, dateFrom,
 * dateTo, sort}); keys missing there are missing here. */
export function fromHash(hash, ns) {
  const state = {};
  for (const part of partsOf(hash)) {
    const own = ownKey(part, ns);
    if (!own) continue;
    const [key, value] = own;
    if (key === "q") state.query = decode(value);
    else if (key === "s") state.sort = decode(value);
    else if (LISTS[key]) state[LISTS[key]] = value.split(",").map(decode);
    else if (DATES[key]) state[DATES[key]] = decode(value);
  }
  return state;
}

/**
 * `hash` with `state` (as the core's `state()` gives it: lists tidied, sort by its name)
 * written under `ns`, every other parameter kept; without the `#`.
 */
export function toHash(state, hash, ns) {
  const parts = partsOf(hash).filter((part) => !ownKey(part, ns));
  const put = (key, value) => parts.push(`${ns}.${key}=${value}`);
  const query = trim(state.query);
  if (query) put("q", encode(query));
  for (const [key, name] of Object.entries(LISTS)) if (state[name].length) put(key, state[name].map(encode).join(","));
  for (const [key, name] of Object.entries(DATES)) if (state[name] != null) put(key, encode(state[name]));
  if (state.sort !== "relevance") put("s", state.sort);
  return parts.join("&");
}
