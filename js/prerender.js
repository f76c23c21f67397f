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
//                         [--link-target _blank] [--no-offerings] [--id ELEMENT-ID]  > first-view.html
//
// prints the `<template>` to stdout and the Content-Security-Policy source its `<style>`
// needs to stderr. Use the same options on the element (`locale`, `page-size`, ...) so the
// script's view matches the HTML's; give the element `first-view-url` (or no index URL at
// all, for the default index) so the script has the view's data without the whole index.
import { CSS } from "../build/ui-assets.js";
import { firstViewNodes } from "./first-view.js";

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
 * them (`locale`, `pageSize`, `theme`, `linkTarget`, `offerings`, `strings`). `hostId` is the
 * element's id, for `hashSync`. Throws when the painter declines: what it cannot draw as the
 * core would, it does not draw here either.
 */
export function prerender(prefixText, options = {}, hostId = "") {
  // Where the browser's language would decide the formats, there is no browser here: the
  // page's HTML is the same for every reader, so it is US English unless a locale is given.
  const withLocale = typeof options.locale === "string" && options.locale !== "" ? options : { ...options, locale: "en-US" };
  // The painter checks only the prefix's members: a whole index's articles are not read.
  const top = firstViewNodes(DOCUMENT, hostId, "", JSON.parse(prefixText), withLocale);
  if (!top) throw new Error("this first view cannot be prerendered with these options (a search, filters or sort asked for, or a prefix the widget refuses)");
  return `<template shadowrootmode="open"><style data-prerendered>${CSS}</style>${top.outerHTML}</template>`;
}

/** The CSP source that allows the template's `<style>`: `'sha256-...'` of its text. */
export async function styleSource() {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(CSS));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

/** The command line (see the top of this file). */
async function main(args) {
  const { readFileSync } = await import("node:fs");
  const options = {};
  let hostId = "";
  let file = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new Error(`${arg} needs a value`);
      return args[++i];
    };
    if (arg === "--locale") options.locale = value();
    else if (arg === "--page-size") options.pageSize = Number(value());
    else if (arg === "--theme") options.theme = value();
    else if (arg === "--link-target") options.linkTarget = value();
    else if (arg === "--no-offerings") options.offerings = false;
    else if (arg === "--id") hostId = value();
    else if (!arg.startsWith("--") && file === null) file = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (file === null) throw new Error("usage: prerender.js INDEX.first.json [--locale TAG] [--page-size N] [--theme auto|light|dark] [--link-target T] [--no-offerings] [--id ELEMENT-ID]");
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
    process.stderr.write(`prerender: ${error.message}\n`);
    process.exitCode = 1;
  });
}
