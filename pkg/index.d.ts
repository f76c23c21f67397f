// Types for the topic-cards npm package. Hand-written: they describe the JS API in
// js/api.js and the options it reads (js/options.js, js/paint/settings.js).

/** Where a widget's index comes from: `index` wins over `indexUrl`; neither means the default. */
export interface TopicCardsOptions {
  /** An index as a JS object or as JSON text (the format in the README). */
  index?: object | string;
  /** URL of an index JSON file; fetched as a stream so the first cards paint early. */
  indexUrl?: string;
  /** URL of the index's first-view part (`topic-cards index --first-view`): painted with
   * plain JS before the widget's code and the index are requested (which wait for it at most
   * 3 s). */
  firstViewUrl?: string;
  /** Topics selected when the widget starts: slug, `Group: Label`, or label. */
  topics?: string[];
  /** Search text to start with. */
  query?: string;
  /** Cards per page ("Show more" adds another page). Default 12. */
  pageSize?: number;
  /** Colour scheme; `auto` follows the visitor's system setting. Default `auto`. */
  theme?: "auto" | "light" | "dark";
  /** Keep the filters in `location.hash` for shareable links: `true` uses the host's id (or
   * `tc`) as the namespace, a string names the namespace. Default off. */
  hashSync?: boolean | string;
  /** `target` for article and offering links, e.g. `_blank` (adds rel="noopener noreferrer"). */
  linkTarget?: string;
  /** The URL the index's relative links and pictures resolve against (an http(s) or file
   * URL). Default: the page's own base. */
  baseUrl?: string;
  /** BCP 47 locale for dates and numbers. Default: the browser's. */
  locale?: string;
  /** Replacements for the widget's UI strings, by key (TopicCardsStringKey lists them). */
  strings?: Partial<Record<TopicCardsStringKey, string>>;
  /** Give up on an `indexUrl` load when nothing of it has arrived for this many
   * milliseconds (a slow but steady download goes on). Default 15000. */
  timeoutMs?: number;
  /** Requests `indexUrl` and `firstViewUrl` instead of the page's `fetch` (for headers,
   * credentials or a cache of your own); called with the URL and a RequestInit carrying the
   * widget's abort signal. */
  fetch?: (url: string, init: RequestInit) => Response | Promise<Response>;
  /** Initial sort. Default `relevance` (newest first when there is no search text). */
  sort?: "relevance" | "newest";
  /** Show the related-offering panel. Default true. */
  offerings?: boolean;
  /** The level of the widget's headings (card titles, the offerings panel's title), 1-6:
   * one below the heading the widget sits under. Default 3 (a widget under an `h2`). */
  headingLevel?: number;
  /** What this widget is about, e.g. "Telehealth news": names its search and side-panel
   * landmarks, so that a screen reader can tell two widgets on one page apart. */
  label?: string;
}

/** Options for `update()`: those given replace, those absent keep their values, and `null`
 * puts one back to its default (`index: null`: the default index). */
export type TopicCardsUpdate = { [K in keyof TopicCardsOptions]?: TopicCardsOptions[K] | null };

/** Keys of the replaceable UI strings, each with its English text (the widget fills in the
 * `{braces}`). */
export type TopicCardsStringKey =
  /** Search articles */
  | "searchLabel"
  /** Search articles… */
  | "searchPlaceholder"
  /** Sort by */
  | "sortLabel"
  /** Relevance */
  | "sortRelevance"
  /** Newest */
  | "sortNewest"
  /** Filters */
  | "filters"
  /** Filters ({n}) */
  | "filtersActive"
  /** Type */
  | "typeGroup"
  /** Source */
  | "sourceGroup"
  /** Show {n} more */
  | "showMoreValues"
  /** Show fewer */
  | "showFewerValues"
  /** Active filters */
  | "activeFilters"
  /** Clear all */
  | "clearAll"
  /** Remove filter: {label} */
  | "removeFilter"
  /** Search: {query} */
  | "searchChip"
  /** From {date} */
  | "dateFromChip"
  /** Until {date} */
  | "dateToChip"
  /** 1 article */
  | "resultsOne"
  /** {n} articles */
  | "resultsMany"
  /** No articles match. Try removing a filter. */
  | "resultsNone"
  /** Loading articles… */
  | "loading"
  /** Preparing search… */
  | "searchLoading"
  /** Show more */
  | "showMore"
  /** Showing {shown} of {total} */
  | "shownOf"
  /** Related offerings */
  | "offeringsTitle"
  /** 1 article */
  | "offeringArticlesOne"
  /** {n} articles */
  | "offeringArticlesMany"
  /** Inferred from the text */
  | "inferred"
  /** Filter by {label} */
  | "filterBy"
  /** Articles could not be loaded */
  | "errorTitle"
  /** No index given. */
  | "noIndex"
  /** Search and filters could not be loaded; the articles shown still open. */
  | "unavailable";

/** The filters a person can set, as read by `setFilters` and reported by `getState`. */
export interface TopicCardsFilters {
  query?: string;
  /** Topic slugs (on input also `Group: Label` or a label; in a state read before the index
   * has loaded, the topics still as they were given). */
  topics?: string[];
  /** Content type names, e.g. `curated`, `contributed`. */
  types?: string[];
  /** Source brand names, e.g. `healthcareitnews.com`. */
  brands?: string[];
  /** Inclusive bounds, `YYYY-MM-DD` (or `YYYY` / `YYYY-MM`). */
  dateFrom?: string;
  dateTo?: string;
  sort?: "relevance" | "newest";
}

export interface TopicCardsState extends TopicCardsFilters {
  /** Number of matching articles, or null while it is not known: filters or a search set
   * while the index is still loading (a `tc-change` then comes again, with the number, once
   * it is known), and while the widget shows its error state. */
  total: number | null;
}

export interface TopicCardsHandle {
  /** The element the widget lives in. */
  readonly host: HTMLElement;
  /** Resolves once the widget has mounted (or has shown its error state). */
  readonly ready: Promise<TopicCardsHandle>;
  /** Changes options; those not given keep their values (`topics`, `query` and `sort`
   * replace those filters). Sends no `tc-change`. A new `index` or `indexUrl` that cannot be
   * read sends `tc-error`, and the widget keeps the index it had. */
  update(options: TopicCardsUpdate): void;
  /** Replaces the current filters. Sends no `tc-change`. */
  setFilters(filters: TopicCardsFilters): void;
  /** The current filters and result count. Undefined until the widget has mounted with its
   * core (`ready` resolves then), when it could not start, and after `destroy()`; null once
   * an internal error has stopped it. */
  getState(): TopicCardsState | null | undefined;
  /** Removes the widget, its listeners and its state. Safe to call twice. */
  destroy(): void;
}

/** A `<topic-cards>` element, once registered (`defineElement()`, or the script tag). */
export interface TopicCardsElement extends HTMLElement {
  /** The handle of the widget the element mounts: null until it has mounted (a task after the
   * element is added to the document, so a parsed element has its inline index by then) and
   * again once the element has been removed (which destroys the widget); undefined while
   * the element is not registered yet. */
  readonly handle?: TopicCardsHandle | null;
}

/** Mounts a widget into `element`. Returns at once; calls made before the Wasm is ready queue. */
export function mount(element: HTMLElement, options?: TopicCardsOptions): TopicCardsHandle;
/** Mounts every `[data-topic-cards]` element under `root` (default: the document). */
export function scan(root?: ParentNode): void;
/** Registers the `<topic-cards>` custom element (under another `name`, its elements are still
 * TopicCardsElements, but TypeScript only knows `topic-cards` by its tag). */
export function defineElement(name?: string): void;

export interface TopicCardsCardClickDetail {
  id: string;
  url: string | null;
  title: string;
}

export interface TopicCardsOfferingClickDetail {
  label: string;
  url: string | null;
  offeringId: number | null;
}

/**
 * The events a widget sends on its element. They bubble and are composed (they leave the
 * widget's shadow root), so listeners on any ancestor, on the document and on the window
 * hear them too, and are typed there as well.
 */
export interface TopicCardsEventMap {
  /** The reader changed the filters: a search, a facet, the sort, a chip, or the URL hash
   * (with `hashSync`). The detail is the state, as `getState()` gives it. Like the DOM's
   * `change` event, it is not sent for the page's own changes (`setFilters`, `update`, an
   * element's attributes): the page knows of those already. */
  "tc-change": CustomEvent<TopicCardsState>;
  /** A card's link was followed. */
  "tc-card-click": CustomEvent<TopicCardsCardClickDetail>;
  /** An offering's link was followed. */
  "tc-offering-click": CustomEvent<TopicCardsOfferingClickDetail>;
  /** The whole index is in and its search is built (the first cards showed earlier);
   * `total` is the number of matches for the filters then. */
  "tc-ready": CustomEvent<{ total: number }>;
  /** The widget could not load its index or hit an internal error. */
  "tc-error": CustomEvent<{ message: string }>;
}

declare global {
  interface HTMLElementTagNameMap {
    "topic-cards": TopicCardsElement;
  }
  // ElementEventMap, not only HTMLElementEventMap (which extends it): `querySelector`
  // returns an Element.
  interface ElementEventMap extends TopicCardsEventMap {}
  interface DocumentEventMap extends TopicCardsEventMap {}
  interface WindowEventMap extends TopicCardsEventMap {}
}
