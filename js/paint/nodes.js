// Making nodes and writing into them: the stylesheet a root adopts, one element with its
// class, attributes and text, and `Kept`, which remembers what the painter last wrote into a
// node so that an update writes only what differs. Every other part of the painter makes and
// changes nodes through these.
import { CSS } from "../../build/ui-assets.js";

/** One stylesheet shared by every root. */
let sheet;

/**
 * Gives `root` the widget's stylesheet: one constructable CSSStyleSheet shared by every
 * widget, no `<style>` element and no style attribute, so it works under a `style-src 'self'`
 * Content Security Policy.
 */
export function adoptStyles(root) {
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
}

/** `<tag class=cls ...attrs>text</tag>` made with `doc`, appended to `parent` when given. */
export function add(doc, parent, tag, cls, attrs = {}, text) {
  const node = doc.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  // Own members only: a page may have added enumerable ones to Object.prototype.
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (parent) parent.append(node);
  return node;
}

export const button = (attrs) => ({ type: "button", ...attrs });

/** `node` placed before `before` (null: last): append is all a fresh paint needs. */
export function insert(parent, node, before) {
  if (before) parent.insertBefore(node, before);
  else parent.append(node);
}

/**
 * An element and what the painter last wrote into it: its text and the attributes it
 * changes (null: absent). A write that would change nothing makes no DOM call at all (no
 * mutation record, nothing for the browser to restyle or lay out). Only the painter writes
 * these nodes, so what is remembered is what they show.
 */
export class Kept {
  constructor(node, text = "", attrs = {}) {
    this.node = node;
    this.shown = text;
    this.attrs = new Map(Object.entries(attrs));
  }

  text(text) {
    if (text === this.shown) return;
    // Into the element's one text node when it has one: the browser keeps its layout
    // object instead of swapping in a new node.
    if (this.shown !== "" && text !== "") this.node.firstChild.nodeValue = text;
    else this.node.textContent = text;
    this.shown = text;
  }

  /** Sets (a string) or removes (null) an attribute, unless it already is so. */
  attr(name, value) {
    if ((this.attrs.get(name) ?? null) === value) return;
    if (value === null) this.node.removeAttribute(name);
    else this.node.setAttribute(name, value);
    this.attrs.set(name, value);
  }

  /** A boolean attribute such as `hidden`. */
  flag(name, on) {
    this.attr(name, on ? "" : null);
  }
}

/**
 * Puts `wanted` first among `parent`'s children, in order, moving only the nodes out of
 * place (a moved node loses focus; the others keep it and their state). `current` is the
 * children as last left (only the painter adds and moves them), so nothing is read from the
 * DOM; it is brought up to date. Children not wanted stay after the wanted ones.
 */
export function placeFirst(parent, current, wanted) {
  wanted.forEach((node, at) => {
    if (current[at] === node) return;
    insert(parent, node, current[at] ?? null);
    // The first `at` places hold wanted[..at], so the node, if a child, sits after them.
    const from = current.indexOf(node, at);
    if (from >= 0) current.splice(from, 1);
    current.splice(at, 0, node);
  });
}

/** Makes `parent`'s children exactly `wanted`, in order (see placeFirst). */
export function reconcile(parent, current, wanted) {
  placeFirst(parent, current, wanted);
  for (const extra of current.splice(wanted.length)) extra.remove();
}

/**
 * An optional `<tag class>` child of `parent` showing `text` (null: none), as `kept` (a
 * Kept or null) has it: made before `before` when wanted and missing, removed when not
 * wanted, its text updated when it differs. Returns what the slot holds now.
 */
export function optionalText(doc, kept, parent, before, tag, cls, text) {
  if (text === null) {
    kept?.node.remove();
    return null;
  }
  if (kept) {
    kept.text(text);
    return kept;
  }
  const node = add(doc, null, tag, cls, {}, text);
  insert(parent, node, before ?? null);
  return new Kept(node, text);
}
