// Types for prerender.js: the widget's first view as HTML, for a page to carry inside its
// `<topic-cards>` element (a Node tool: it is not for the browser bundle).

/** The element options the markup is drawn for; give the element the same ones. */
export interface PrerenderOptions {
  /** BCP 47 tag for dates and counts; US English when not given. */
  locale?: string;
  /** Cards shown (1-1000, default 12). */
  pageSize?: number;
  theme?: "auto" | "light" | "dark";
  linkTarget?: string;
  /** The URL the index's relative links and pictures resolve against (absolute here: there
   * is no page to resolve against). Give the element the same `baseUrl`. */
  baseUrl?: string;
  /** The level of the widget's headings (card titles, the offerings panel's title), 1-6;
   * default 3. */
  headingLevel?: number;
  /** Names the widget's landmarks, as the element's `label`. */
  label?: string;
  /** `false` leaves out the related-offerings panel. */
  offerings?: boolean;
  /** UI string overrides, as the element's `strings` option. */
  strings?: Record<string, string>;
}

/**
 * The `<template shadowrootmode="open">` for an index's first-view part (or a whole index:
 * only its first members are read). `hostId` is the element's id. Throws when the index is
 * one the widget refuses, with a message that says why (not JSON, another format or
 * version, no first view, a member of another shape, ids that do not fit).
 */
export function prerender(prefixText: string, options?: PrerenderOptions, hostId?: string): string;

/** The Content-Security-Policy `style-src` source that allows the markup's `<style>`. */
export function styleSource(): Promise<string>;
