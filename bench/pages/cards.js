// The same-cards renderer: ours' page, drawn by plain JS. Pages of the `-cards` contenders
// (floor-cards, flexsearch-cards) use it instead of common.js's bare `renderView`, so that an
// engine is timed painting what ours paints: the widget's stylesheet (WIDGET_CSS, which
// bench/lib/sites.mjs takes from the widget build under test) in a shadow root, and its
// elements, classes and parts: toolbar, active-filter chips, facet groups with checkboxes and
// counts, cards with a media box, meta line, title link, summary, topic chips and offering
// links, the "Show more" row and the related-offerings panel. The bare renderer's cards show
// a title, a date, a summary and topic names as text; ours' show more, and a comparison with
// those alone cannot tell the cost of the engine and painter from that of the richer card.
//
// As common.js does, every render builds its view anew (replaceChildren), with no node reuse.

const numberFormat = new Intl.NumberFormat("en-US");
const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const count = (n, one, many) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;
const dateText = (date) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? dateFormat.format(new Date(`${date}T00:00:00Z`)) : date);

/** The widget's root and its fixed toolbar, made once; `renderCardsView` fills the rest. */
let shell = null;
function cardsShell() {
  if (shell) return shell;
  const host = document.getElementById("app");
  const root = host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(WIDGET_CSS);
  root.adoptedStyleSheets = [sheet];
  const search = el("input", { class: "search", type: "search", dir: "auto", id: "tc-search", placeholder: "Search articles…", autocomplete: "off", part: "search" });
  const bar = el(
    "div",
    { class: "bar" },
    el("div", { class: "search-box", role: "search" }, el("label", { class: "visually-hidden", for: "tc-search" }, "Search articles"), search),
    el("label", { class: "sort-box" }, el("span", { class: "sort-label" }, "Sort by"), el("select", { class: "sort", part: "sort" }, el("option", { value: "relevance" }, "Relevance"), el("option", { value: "newest" }, "Newest"))),
    el("button", { class: "filters-toggle", type: "button", "aria-expanded": "false", "aria-controls": "tc-facets" }, "Filters"),
  );
  const status = el("p", { class: "status", role: "status", "aria-live": "polite", part: "status", tabindex: "-1" });
  const chipList = el("ul", { class: "chip-list", "aria-label": "Active filters" });
  const active = el("div", { class: "active", part: "active-filters", hidden: "" }, chipList, el("button", { class: "clear", type: "button" }, "Clear all"));
  const layout = el("div", { class: "layout" });
  const error = el("div", { class: "error", role: "alert", part: "error", hidden: "" }, el("p", { class: "error-title" }), el("p", { class: "error-message" }));
  const top = el("div", { class: "tc", part: "root", dir: "ltr", "data-theme": "auto" }, error, el("div", { class: "main" }, bar, status, active, layout));
  root.append(top);
  shell = { top, search, status, active, chipList, layout };
  return shell;
}

/**
 * Every facet value, by group: taken from the first view drawn, the browse view, whose counts
 * are over all articles. Ours' groups always show their six most used values, those the
 * results do not name too (with 0, disabled), and their "Show N more" counts the rest of the
 * group, whatever the results.
 */
let dictionary = null;

/** The browse view's facet values as [group title, names, kind of facet] in first-seen order. */
function facetDictionary(facets) {
  const topics = groupTopics(facets.topics).map(([title, entries]) => [title, entries.map(([name]) => name), "topics"]);
  const types = facets.types?.length ? [["Type", facets.types.map(([name]) => name), "types"]] : [];
  return [...topics, ...types, ["Sources", facets.brands.map(([name]) => name), "brands"]];
}

/** One facet group: its values ranked as ours ranks them (most used, then by label). */
function facetGroup(title, names, counts, checked) {
  const ranked = names.map((name) => [name, counts.get(name) ?? 0, labelOf(name).toLowerCase()]);
  ranked.sort((a, b) => b[1] - a[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  const values = el("ul", { class: "values" });
  ranked.forEach(([name, n], rank) => {
    if (rank >= TOP && name !== checked) return;
    const box = el("input", { type: "checkbox", "data-key": name, ...(n === 0 && name !== checked ? { disabled: "" } : {}) });
    box.checked = name === checked;
    values.append(el("li", null, el("label", { class: "value" }, box, el("span", { class: "name" }, labelOf(name)), el("span", { class: "count" }, numberFormat.format(n)))));
  });
  // Ours keeps each group's button, hidden when the group has no more than six values.
  const rest = names.length - TOP;
  const more = el("button", { class: "more-values", type: "button", "aria-expanded": "false", ...(rest > 0 ? {} : { hidden: "" }) }, rest > 0 ? `Show ${rest} more` : "");
  return el("details", { class: "facet", part: "facet", open: "" }, el("summary", null, title), el("fieldset", null, el("legend", { class: "visually-hidden" }, title), values, more));
}

function cardsFacets(facets, checked) {
  dictionary ??= facetDictionary(facets);
  const list = el("div", { class: "facet-list" }, ...dictionary.map(([title, names, kind]) => facetGroup(title, names, new Map(facets[kind] ?? []), checked)));
  return el("aside", { class: "facets", id: "tc-facets", part: "facets", "aria-label": "Filters", "data-collapsed": "" }, list);
}

/** An offering as the cards and the panel carry it: [id, label, url, categories]. */
const offeringLink = ([id, label, url]) => el("a", { class: "offering-link", href: url, "data-id": id }, label);

function richCard(doc) {
  const initial = (doc.brand || doc.title).replace(/^(www\.)+/, "").charAt(0).toUpperCase();
  const media = el("div", { class: "media", "data-initial": initial }, el("span", { class: "initial", "aria-hidden": "true" }, initial));
  if (doc.image) {
    media.setAttribute("data-has-image", "");
    media.append(el("img", { alt: doc.image.alt, loading: "lazy", decoding: "async", width: doc.image.width, height: doc.image.height, src: doc.image.src }));
  }
  const meta = el("p", { class: "meta" }, doc.brand ? el("span", { class: "brand" }, doc.brand) : null, doc.date ? el("time", { class: "date", datetime: doc.date }, dateText(doc.date)) : null);
  const chips = doc.topics.length
    ? el("ul", { class: "chips", "aria-label": "Filters" }, ...doc.topics.map((t) => el("li", null, el("button", { class: "chip", type: "button", part: "chip", "data-key": t, title: `Filter by ${labelOf(t)}` }, labelOf(t)))))
    : null;
  const offers = doc.offers?.length ? el("ul", { class: "offers", "aria-label": "Related offerings" }, ...doc.offers.map((o) => el("li", null, offeringLink(o)))) : null;
  const body = el(
    "div",
    { class: "body" },
    meta,
    el("h3", { class: "title", part: "card-title" }, el("a", { href: doc.url || "#", "data-id": doc.id }, doc.title)),
    doc.summary ? el("p", { class: "summary" }, doc.summary) : null,
    chips,
    offers,
  );
  return el("article", { class: "card", part: "card" }, media, body);
}

function cardsPanel(offerings) {
  const items = offerings.map(([offer, n]) =>
    el("li", { class: "offering", part: "offering" }, offeringLink(offer), offer[3] ? el("p", { class: "categories" }, offer[3]) : null, el("p", { class: "count" }, count(n, "article", "articles"))),
  );
  return el("aside", { class: "panel", part: "panel", "aria-labelledby": "tc-panel-title" }, el("h3", { class: "panel-title", id: "tc-panel-title" }, "Related offerings"), el("ul", { class: "panel-list" }, ...items));
}

/** Draws a view (`spec`: the query it answers, for the search box and the active chips). */
function renderCardsView(view, spec = {}) {
  const ui = cardsShell();
  ui.search.value = spec.q || "";
  const active = [spec.q ? `“${spec.q}”` : null, spec.topic ? labelOf(spec.topic) : null].filter(Boolean);
  ui.chipList.replaceChildren(
    ...active.map((label) => el("li", null, el("button", { class: "chip removable", type: "button", part: "chip active-chip", "aria-label": `Remove filter ${label}` }, el("span", null, label), el("span", { class: "x", "aria-hidden": "true" }, "×")))),
  );
  ui.active.hidden = active.length === 0;
  ui.status.textContent = view.total ? count(view.total, "article", "articles") : "No articles match";
  const shown = Math.min(view.cards.length, PAGE_SIZE);
  const results = el(
    "section",
    { class: "results" },
    el("div", { class: "grid", part: "grid" }, ...view.cards.slice(0, PAGE_SIZE).map(richCard)),
    el("div", { class: "empty", part: "empty", ...(view.total ? { hidden: "" } : {}) }, el("p", null, "No articles match. Try removing a filter."), el("button", { class: "button", type: "button", hidden: "" }, "Clear all")),
    el("div", { class: "more-row", ...(shown < view.total ? {} : { hidden: "" }) }, el("button", { class: "button more", type: "button", part: "more" }, "Show more"), el("p", { class: "more-note" }, `Showing ${shown} of ${numberFormat.format(view.total)}`)),
  );
  const panel = view.facets.offerings?.length ? cardsPanel(view.facets.offerings) : null;
  if (panel) ui.top.setAttribute("data-panel", "");
  else ui.top.removeAttribute("data-panel");
  ui.layout.replaceChildren(cardsFacets(view.facets, spec.topic), results, ...(panel ? [panel] : []));
}
