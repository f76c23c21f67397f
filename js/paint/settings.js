// The page's options as the painter reads them: its UI text (default strings, the page's
// overrides, dates and counts in its locale), the theme, the link target and whether the
// offerings show. Read the way the core reads the same options, so a value one refuses the
// other refuses too.
import { STRINGS } from "../../build/ui-assets.js";
import { wellFormed } from "../rust-text.js";

/** A plain object (not null, not an array), as serde's maps and structs read JS values. */
export const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** `f()`, or `fallback` when it throws (a bad locale tag, an unformattable date). */
function attempt(f, fallback) {
  try {
    return f();
  } catch (_) {
    return fallback;
  }
}

/** Date and number formats by locale tag ("" for the browser's), made once. */
const formats = new Map();

/** Medium-style month names, as `Intl.DateTimeFormat("en-US", { dateStyle: "medium" })` has them. */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * US English dates and counts made here, without Intl: the first Intl format of a page loads
 * the browser's locale data, 15-70 ms on the main thread of the bench machine (a third of the
 * time to the first cards), and en/en-US is the commonest locale of the widget's readers.
 * The output must be exactly Intl's: tests/browser/first-view.test.mjs holds it to Intl over
 * every day of several years and counts up to two billion. Same interface as the Intl
 * formats: `format(date)` throws on an invalid date as Intl does.
 */
const US_ENGLISH = [
  {
    format(date) {
      if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
      return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
    },
  },
  { format: (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ",") },
];

/** `en` or `en-US`, in any case (BCP 47 tags are case-insensitive); anything longer goes to Intl. */
const isUsEnglish = (tag) => /^en(-us)?$/i.test(tag);

/** The formats for a tag, or undefined when Intl refuses it. */
const formatsForTag = (tag) =>
  isUsEnglish(tag) ? US_ENGLISH : attempt(() => [new Intl.DateTimeFormat(tag, { dateStyle: "medium" }), new Intl.NumberFormat(tag)]);

/** navigator.language's formats, else Intl's own default (else none: `[]`). */
function browserFormats() {
  const tag = typeof navigator === "object" && navigator ? navigator.language : undefined;
  return (
    (typeof tag === "string" && tag !== "" && formatsForTag(tag)) ||
    attempt(() => [new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }), new Intl.NumberFormat(undefined)], [])
  );
}

/**
 * The date and number formats for `locale` (a tag, or undefined for the browser's): a bad
 * tag falls back to the browser's language. Making the
 * first Intl formats of a page loads the locale data, which takes tens of milliseconds: the
 * loader calls this while the first-view request is in flight, so the paint does not wait
 * for it (and for US English there is no Intl to wait for).
 */
export function formatsFor(locale) {
  const key = locale ?? "";
  let made = formats.get(key);
  if (!made) {
    made = (locale !== undefined && formatsForTag(locale)) || browserFormats();
    formats.set(key, made);
  }
  return made;
}

/** `options.strings`: an object of strings (anything else: no overrides). */
function overridesOf(value) {
  // (A getter that throws: no overrides, as for any other value that is not an object.)
  const entries = attempt(() => (isObject(value) ? Object.entries(value) : []), []);
  // One value that is not text costs only that text (warnAbout says which), not every
  // override: a translated page keeps its language.
  return new Map(entries.filter(([, v]) => typeof v === "string").map(([k, v]) => [k, wellFormed(v)]));
}

/** The UI text for `locale` (a tag or undefined) and `overrides`. */
function textsFor(locale, overrides) {
  const [dates, numbers] = formatsFor(locale);
  const get = (key) => overrides.get(key) ?? STRINGS[key] ?? key;
  // `str::replace` for each placeholder in turn (split/join: no `$` patterns).
  const fill = (key, values) => values.reduce((text, [name, value]) => text.split(`{${name}}`).join(value), get(key));
  const number = (n) => attempt(() => numbers.format(n), String(n));
  const count = (stem, n) => (n === 1 ? get(stem + "One") : fill(stem + "Many", [["n", number(n)]]));
  /** `Strings::date`: the parts that parse as u32, formatted when they are y-m-d. */
  const date = (iso) => {
    const [y, m, d, extra] = iso
      .split("-")
      .filter((part) => /^\+?[0-9]+$/.test(part) && +part <= 0xffffffff)
      .map(Number);
    const ymd = d !== undefined && extra === undefined && m >= 1 && m <= 12 && d >= 1 && d <= 31;
    return ymd ? attempt(() => dates.format(new Date(y, m - 1, d)), iso) : iso;
  };
  return { get, fill, number, count, date };
}

/** `baseUrl` as an absolute http(s) or file URL (a relative one against the page), or null. */
function baseOf(value) {
  if (typeof value !== "string" || value === "") return null;
  const url = attempt(() => new URL(value, typeof document === "undefined" ? undefined : document.baseURI), null);
  return url && /^(https?|file):$/.test(url.protocol) ? url.href : null;
}

/** `headingLevel`: the level of the widget's headings (card titles, the offerings panel's
 * title), 1-6, as a number or its text (an attribute); undefined otherwise. */
function headingLevelOf(value) {
  const level = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : undefined;
}

/** Languages written right to left (ISO 639 codes as locale tags begin with them). */
const RIGHT_TO_LEFT = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "ug", "ur", "yi"]);

/**
 * The direction of the widget's own words: its locale's (`ar-EG`: rtl), else left to right,
 * as its default English texts are. Not the page's: an English widget on an Arabic page still
 * reads "12 articles", and the page's `dir` would turn that into "articles 12". A script
 * subtag decides where it says more than the language (`ku-Latn`, `pa-Arab`).
 */
function directionOf(locale) {
  const parts = (locale ?? "").toLowerCase().split(/[-_]/);
  const script = parts.find((part) => part.length === 4);
  if (script) return ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"].includes(script) ? "rtl" : "ltr";
  return RIGHT_TO_LEFT.has(parts[0]) ? "rtl" : "ltr";
}

/**
 * The page's options as the painter uses them. `textKey` names everything the nodes' fixed
 * texts and link attributes are made from: when it changes, the nodes are made again.
 */
export function settingsOf(options) {
  const o = isObject(options) ? options : {};
  // (A tag with a lone surrogate is invalid either way: no need to mend it as Rust gets it.)
  const locale = typeof o.locale === "string" && o.locale !== "" ? o.locale : undefined;
  const overrides = overridesOf(o.strings);
  const target = typeof o.linkTarget === "string" && o.linkTarget !== "" ? wellFormed(o.linkTarget) : null;
  const base = baseOf(o.baseUrl);
  const label = typeof o.label === "string" && o.label.trim() !== "" ? wellFormed(o.label.trim()) : null;
  // 3: a widget under a page's section heading (h2), the commonest place for one.
  const heading = headingLevelOf(o.headingLevel) ?? 3;
  return {
    theme: o.theme === "light" || o.theme === "dark" ? o.theme : "auto",
    offerings: o.offerings !== false,
    target,
    texts: textsFor(locale, overrides),
    dir: directionOf(locale),
    base,
    label,
    heading,
    textKey: JSON.stringify([locale, target, [...overrides], label, heading]),
  };
}

/**
 * The own keys of a page's options object whose values are defined, as a plain object. A key
 * whose getter throws is left out (the core reads options the same way), so a hostile
 * object costs only that key.
 */
export function readable(options) {
  const out = {};
  for (const key of attempt(() => (isObject(options) ? Object.keys(options) : []), [])) {
    const value = attempt(() => options[key], undefined);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A console warning for a look option the painter cannot use (it uses the default). */
export function warnAbout(options) {
  const strings = isObject(options) ? attempt(() => options.strings, undefined) : undefined;
  if (strings !== undefined && strings !== null && !isObject(strings)) console.warn(`topic-cards: strings must be an object of texts by key, not ${typeof strings}; ignored`);
  const entries = attempt(() => (isObject(strings) ? Object.entries(strings) : []), []);
  for (const [key, v] of entries) {
    if (typeof v !== "string") console.warn(`topic-cards: strings.${key} must be text, not ${v === null ? "null" : typeof v}; the default is used`);
  }
  const base = isObject(options) ? attempt(() => options.baseUrl, undefined) : undefined;
  if (base != null && baseOf(base) === null) console.warn("topic-cards: baseUrl must be an http(s) or file URL; relative links stay relative to the page");
  const heading = isObject(options) ? attempt(() => options.headingLevel, undefined) : undefined;
  if (heading != null && headingLevelOf(heading) === undefined) console.warn("topic-cards: headingLevel must be a whole number from 1 to 6; using 3");
  const theme = isObject(options) ? options.theme : undefined;
  // (null: the default, as for every option.)
  if (theme != null && theme !== "auto" && theme !== "light" && theme !== "dark") {
    const given = typeof theme === "string" ? `"${theme}"` : `a ${typeof theme}`;
    console.warn(`topic-cards: theme must be "auto", "light" or "dark", not ${given}`);
  }
}
