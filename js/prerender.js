#!/usr/bin/env node
// The first view as HTML, for a page to carry inside its `<topic-cards>` element: a
// declarative shadow root (`<template shadowrootmode="open">`) holding the widget's
// stylesheet and the browse view's nodes. The browser paints it while it parses the page,
// before any script has run (and with scripts off, where crawlers and readers still get the
// cards and their links); the script's painter later redraws the same view in one swap
// (js/api.js), with no visible change.
//
// The nodes come from the painter itself (js/first-view.js `firstViewNodes`, js/painter.js),
// made here with a small document of plain objects and written out as markup: one drawing of
// the view, so the page's HTML, the early paint and the core's paints cannot drift apart (the identity
// test in tests/browser/prerender.test.mjs holds them together). Index content is untrusted:
// every text and attribute value is escaped here, and URLs have passed the painter's safe-URL
// rule.
//
//   node pkg/prerender.js INDEX.first.json [--locale en-US] [--page-size 12] [--theme auto]
//                         [--link-target _blank] [--base-url URL] [--heading-level 1-6]
//                         [--label TEXT] [--no-offerings] [--id ELEMENT-ID]
//                         > first-view.html
//
// prints the `<template>` to stdout and the Content-Security-Policy source its `<style>`
// needs to stderr. It exits with 2 for a command line it cannot run (an unknown flag, a value
// the element would not take) and 1 for an index it cannot read or prerender, saying why.
// Use the same options on the element (`locale`, `page-size`, ...) so the script's view
// matches the HTML's; give the element `first-view-url` (or no index URL at all, for the
// default index) so the script has the view's data without the whole index.
import { CSS } from "../build/ui-assets.js";
import { declines, firstViewNodes, MAX_CARDS, PREFIX_MEMBERS } from "./first-view.js";
import { isObject } from "./paint/settings.js";

/** Elements with no end tag (the only ones the painter makes are input and img). */
const VOID = new Set(["input", "img"]);

// A carriage return is written as a reference: the parser would turn a raw one (and CR LF)
// into a line feed, and the nodes would no longer be the painter's.
const escapeText = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
const escapeAttribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\r/g, "&#13;");

/**
 * An element as the painter uses one: attributes in the order set, children, and the three
 * properties it writes (`className`, `textContent`, and `value`/`disabled` on inputs, which
 * the markup carries as the attributes that give the same state).
 */
class Element {
  constructor(tag) {
    this.localName = tag;
    this.attributes = new Map();
    this.childNodes = [];
    this.parentNode = null;
  }
  setAttribute(name, value) {
    this.attributes.set(String(name).toLowerCase(), String(value));
  }
  removeAttribute(name) {
    this.attributes.delete(String(name).toLowerCase());
  }
  set className(value) {
    this.setAttribute("class", value);
  }
  set value(value) {
    this.setAttribute("value", value);
  }
  set disabled(on) {
    if (on) this.setAttribute("disabled", "");
    else this.attributes.delete("disabled");
  }
  set textContent(text) {
    for (const child of this.childNodes) if (typeof child !== "string") child.parentNode = null;
    this.childNodes = text === "" ? [] : [String(text)];
  }
  append(...nodes) {
    for (const node of nodes) {
      if (typeof node !== "string") {
        node.parentNode?.childNodes.splice(node.parentNode.childNodes.indexOf(node), 1);
        node.parentNode = this;
      }
      this.childNodes.push(node);
    }
  }
  get outerHTML() {
    const attributes = [...this.attributes].map(([name, value]) => (value === "" ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join("");
    if (VOID.has(this.localName)) return `<${this.localName}${attributes}>`;
    const inner = this.childNodes.map((child) => (typeof child === "string" ? escapeText(child) : child.outerHTML)).join("");
    return `<${this.localName}${attributes}>${inner}</${this.localName}>`;
  }
}

const DOCUMENT = { createElement: (tag) => new Element(tag) };

/**
 * The `<template shadowrootmode="open">` for `prefixText` (an index's first-view part, or a
 * whole index: only its first members are read) with `options` as the element would have
 * them (`locale`, `pageSize`, `theme`, `linkTarget`, `baseUrl`, `offerings`, `strings`). `hostId` is the
 * element's id, for `hashSync`. Throws when the painter declines: what it cannot draw as the
 * core would, it does not draw here either.
 */
export function prerender(prefixText, options = {}, hostId = "") {
  // Where the browser's language would decide the formats, there is no browser here: the
  // page's HTML is the same for every reader, so it is US English unless a locale is given.
  const withLocale = typeof options.locale === "string" && options.locale !== "" ? options : { ...options, locale: "en-US" };
  let prefix;
  try {
    prefix = JSON.parse(prefixText);
  } catch (error) {
    throw new Error(`this first view cannot be prerendered: the index is not JSON (${error.message})`);
  }
  // The painter checks only the prefix's members: a whole index's articles are not read.
  const top = firstViewNodes(DOCUMENT, hostId, "", prefix, withLocale);
  if (!top) throw new Error(`this first view cannot be prerendered: ${refusal(prefix, withLocale, hostId)}`);
  return `<template shadowrootmode="open"><style data-prerendered>${CSS}</style>${top.outerHTML}</template>`;
}

/** Why the painter declined `prefix` with `options`: the first of the causes that applies. */
function refusal(prefix, options, hostId) {
  if (declines(options, hostId, "")) return "the options ask for a search, filters or the newest sort, and the first view shows none";
  if (!isObject(prefix)) return "the index is not a JSON object";
  const { format, version } = prefix;
  if (!PREFIX_MEMBERS.format(format)) return `its "format" is ${JSON.stringify(format) ?? "missing"}, not "topic-cards-index"`;
  if (!PREFIX_MEMBERS.version(version)) return `its "version" is ${JSON.stringify(version) ?? "missing"}; the widget reads version 1`;
  if (prefix.firstView === undefined) return 'it has no "firstView" member (the indexer writes one)';
  const member = Object.keys(PREFIX_MEMBERS).find((key) => !PREFIX_MEMBERS[key](prefix[key]));
  if (member) return `its "${member}" member is not in the shape the widget reads (a field missing or of another type, or text with a lone surrogate)`;
  // The members have their shapes: what is left is how they fit together (first-view.js `valid`).
  return `an id in it points outside its list, two offerings share a position, or its first view holds more than ${MAX_CARDS} cards`;
}

/** The CSP source that allows the template's `<style>`: `'sha256-...'` of its text. */
export async function styleSource() {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(CSS));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

const USAGE =
  "usage: topic-cards-prerender INDEX.first.json [--locale TAG] [--page-size 1-1000] [--theme auto|light|dark] [--link-target T] [--base-url URL] [--heading-level 1-6] [--label TEXT] [--no-offerings] [--id ELEMENT-ID]";

/** A command line the tool cannot run: said with the usage, exit status 2. */
class UsageError extends Error {}

/**
 * A flag's value checked as the element would need it: a value the widget would read
 * otherwise (or drop) would give the page markup that differs from the script's view.
 */
function flagValue(flag, value) {
  const bad = (expected) => new UsageError(`${flag} must be ${expected}, not "${value}"`);
  if (flag === "--page-size") {
    if (!/^[0-9]+$/.test(value) || +value < 1 || +value > 1000) throw bad("a whole number from 1 to 1000");
    return +value;
  }
  if (flag === "--heading-level") {
    if (!/^[1-6]$/.test(value)) throw bad("a whole number from 1 to 6");
    return +value;
  }
  if (flag === "--theme" && !["auto", "light", "dark"].includes(value)) throw bad('"auto", "light" or "dark"');
  if (flag === "--base-url" && !/^(https?|file):\/\//i.test(value)) throw bad("an absolute http(s) or file URL");
  if (flag === "--locale") {
    try {
      Intl.getCanonicalLocales(value);
    } catch (_) {
      throw bad("a BCP 47 language tag such as en-US");
    }
  }
  return value;
}

/** The command line (see the top of this file). */
async function main(args) {
  const { readFileSync } = await import("node:fs");
  const keys = { "--locale": "locale", "--page-size": "pageSize", "--theme": "theme", "--link-target": "linkTarget", "--base-url": "baseUrl", "--heading-level": "headingLevel", "--label": "label" };
  const options = {};
  let hostId = "";
  let file = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new UsageError(`${arg} needs a value`);
      return flagValue(arg, args[++i]);
    };
    if (Object.hasOwn(keys, arg)) options[keys[arg]] = value();
    else if (arg === "--no-offerings") options.offerings = false;
    else if (arg === "--id") hostId = value();
    else if (!arg.startsWith("--") && file === null) file = arg;
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (file === null) throw new UsageError("no index file given");
  process.stdout.write(prerender(readFileSync(file, "utf8"), options, hostId) + "\n");
  process.stderr.write(`prerender: the <style> needs style-src ${await styleSource()} under a Content-Security-Policy\n`);
}

/**
 * Whether Node was asked to run this file, rather than to import it. Compared as real paths:
 * npm installs the command as a symlink (node_modules/.bin/topic-cards-prerender), which
 * `process.argv[1]` names, while `import.meta.url` is the file the link points to.
 */
async function runAsCommand() {
  if (typeof process !== "object" || !process.argv?.[1]) return false;
  const { realpathSync } = await import("node:fs");
  const { fileURLToPath } = await import("node:url");
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch (_) {
    return false;
  }
}

if (await runAsCommand()) {
  main(process.argv.slice(2)).catch((error) => {
    const usage = error instanceof UsageError;
    process.stderr.write(`prerender: ${error.message}\n${usage ? USAGE + "\n" : ""}`);
    process.exitCode = usage ? 2 : 1;
  });
}
