// The widget's fixed frame (error box, search bar, status line, facet column, grid, "Show
// more" row, offerings panel), made once per set of UI texts, and the memory of what a fresh
// frame shows.
import { add, button, Kept } from "./nodes.js";

/**
 * The widget's fixed nodes, detached. Texts a paint writes (status, counts, toggles) start
 * empty, so a first paint sets them with textContent. `collapsed`: the phone-width filters
 * panel is closed.
 */
export function buildLayout(doc, settings, collapsed) {
  const { get } = settings.texts;
  // `label` names this widget's landmarks, so that two on one page can be told apart.
  const { label } = settings;
  const named = (name) => (label === null ? name : `${name} – ${label}`);
  const top = add(doc, null, "div", "tc", { part: "root", dir: settings.dir });
  const error = add(doc, top, "div", "error", { role: "alert", part: "error", hidden: "" });
  const errorTitle = add(doc, error, "p", "error-title");
  const errorMessage = add(doc, error, "p", "error-message");
  const main = add(doc, top, "div", "main");
  const bar = add(doc, main, "div", "bar");
  const searchBox = add(doc, bar, "div", "search-box", { role: "search", ...(label !== null && { "aria-label": label }) });
  add(doc, searchBox, "label", "visually-hidden", { for: "tc-search" }, get("searchLabel"));
  const search = add(doc, searchBox, "input", "search", {
    type: "search",
    // What a person types runs in its own direction, whatever the widget's.
    dir: "auto",
    id: "tc-search",
    placeholder: get("searchPlaceholder"),
    autocomplete: "off",
    part: "search",
    "data-act": "search",
    enterkeyhint: "search",
  });
  const sortBox = add(doc, bar, "label", "sort-box");
  add(doc, sortBox, "span", "sort-label", {}, get("sortLabel"));
  const sort = add(doc, sortBox, "select", "sort", { part: "sort", "data-act": "sort" });
  add(doc, sort, "option", "", { value: "relevance" }, get("sortRelevance"));
  add(doc, sort, "option", "", { value: "newest" }, get("sortNewest"));
  const expanded = collapsed ? "false" : "true";
  const filtersToggle = add(doc, bar, "button", "filters-toggle", button({ "data-act": "toggle-filters", "aria-expanded": expanded, "aria-controls": "tc-facets" }));
  // tabindex -1: focus can be put here (see restoreFocus), not tabbed to.
  const status = add(doc, main, "p", "status", { role: "status", "aria-live": "polite", part: "status", tabindex: "-1" });
  const chips = add(doc, main, "div", "active", { part: "active-filters", hidden: "" });
  const chipList = add(doc, chips, "ul", "chip-list", { "aria-label": get("activeFilters") });
  add(doc, chips, "button", "clear", button({ "data-act": "clear" }), get("clearAll"));

  const layout = add(doc, main, "div", "layout");
  const facetsAttrs = { id: "tc-facets", part: "facets", "aria-label": named(get("filters")), ...(collapsed && { "data-collapsed": "" }) };
  const facetPanel = add(doc, layout, "aside", "facets", facetsAttrs);
  const facetList = add(doc, facetPanel, "div", "facet-list");
  const results = add(doc, layout, "section", "results");
  const grid = add(doc, results, "div", "grid", { part: "grid" });
  const empty = add(doc, results, "div", "empty", { hidden: "", part: "empty" });
  add(doc, empty, "p", "", {}, get("resultsNone"));
  const clearEmpty = add(doc, empty, "button", "button", button({ "data-act": "clear", hidden: "" }), get("clearAll"));
  const moreRow = add(doc, results, "div", "more-row", { hidden: "" });
  add(doc, moreRow, "button", "button more", button({ part: "more", "data-act": "more" }), get("showMore"));
  const moreNote = add(doc, moreRow, "p", "more-note");
  const panelName = label === null ? { "aria-labelledby": "tc-panel-title" } : { "aria-label": named(get("offeringsTitle")) };
  const panel = add(doc, layout, "aside", "panel", { part: "panel", hidden: "", ...panelName });
  add(doc, panel, `h${settings.heading}`, "panel-title", { id: "tc-panel-title" }, get("offeringsTitle"));
  const panelList = add(doc, panel, "ul", "panel-list");

  return {
    top: new Kept(top),
    error: new Kept(error, "", { hidden: "" }),
    errorTitle: new Kept(errorTitle),
    errorMessage: new Kept(errorMessage),
    main: new Kept(main),
    search,
    sort,
    filtersToggle: new Kept(filtersToggle, "", { "aria-expanded": expanded }),
    status: new Kept(status),
    chips: new Kept(chips, "", { hidden: "" }),
    chipList,
    facetPanel: new Kept(facetPanel, "", facetsAttrs),
    facetList,
    grid,
    empty: new Kept(empty, "", { hidden: "" }),
    clearEmpty: new Kept(clearEmpty, "", { hidden: "" }),
    moreRow: new Kept(moreRow, "", { hidden: "" }),
    moreNote: new Kept(moreNote),
    panel: new Kept(panel, "", { hidden: "" }),
    panelList,
  };
}

/**
 * What a fresh set of nodes shows and holds, besides the nodes: the search box and sort
 * select as last written or as the person left them, the active chips, the facet groups,
 * the cards and the panel items, each with the order of their parent's children.
 */
export function freshMemory() {
  return {
    shownQuery: "",
    shownSort: "relevance",
    chipsSignature: "[]",
    chipButtons: [],
    chipItems: [],
    facetSignature: null,
    groups: [],
    groupNodes: [],
    cards: [],
    gridNodes: [],
    panelItems: [],
    panelNodes: [],
    // Loaded pictures whose cards moved on, by URL (least recently released first), for a
    // card that shows one again: see releasePicture.
    spareImages: new Map(),
    spareCount: 0,
  };
}
