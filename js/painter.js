// The painter: every node of the widget, drawn and updated from a view, every DOM event
// inside the shadow root, and all UI text. The Wasm core (src/web) holds the filters and the
// index and draws nothing: each repaint hands the painter one view (src/view.rs writes it),
// and the painter reports what a person did through `onAct`, which the controller
// (controller.js) hands to the core and answers with the next view. Before the core has
// loaded, the loader paints with the same painter from the index's first-view part
// (`viewFromPrefix`, js/first-view.js), and the core goes on with it; js/prerender.js draws
// the same first view as HTML.
//
//   createPainter(root, options[, doc])  draws into `root` (a ShadowRoot) with the page's
//                                        options (texts, locale, theme, links, panel)
//   painter.paint(view)                  draws or updates the view
//   painter.loading() / error(msg, key)  no index yet / the error state (`key`: a UI string
//                                        shown instead of `msg`)
//   painter.setOptions(patch)            an options patch (keys absent keep their values);
//                                        redraws what it changes
//   painter.destroy()                    removes its nodes, listeners and stylesheet
//   painter.onAct(act, a, b, on)         set by the controller: "search" (text), "facet"
//                                        (kind, key, checked), "sort" (name), "topic" (slug),
//                                        "remove" (kind, key), "clear", "more"
//
// A view: { dicts? (groups, topics, types, brands: sent when they change), pending, total,
// state {query, topics, types, brands, dateFrom, dateTo, sort}, cards [article without its
// search text], offerings [[id, {label, url, topics, offeringId}]] (those the cards and the
// panel name), counts {topics, types, brands}, panel [[offering id, articles]] }.
//
// Updates are incremental: what each node shows is remembered here (never read back from the
// DOM), only what differs is written, cards and panel items keep their nodes while their
// article or offering is shown and are refilled in place otherwise, and a node holding focus
// gets it back after a move. New elements cost the browser style, layout objects and paint
// from nothing; a refill only changes the texts and attributes that differ.
//
// Index content is untrusted: text goes in only through textContent and nodeValue, URLs only
// through the safe-URL rule (src/safe_url.rs), never markup, never a style attribute.
//
// The first paint from scratch uses only createElement, className, textContent, setAttribute
// and append (and `value`/`disabled` where the options ask for them), so js/prerender.js can
// make it with a document of plain objects and write it out as HTML.
//
// This file holds the painter's state and its API; each part of the widget is drawn by a
// module of its own in js/paint/: layout.js (the fixed frame), toolbar.js, status.js,
// facets.js, cards.js (with pictures.js), panel.js, and events.js (what a person does).
// nodes.js makes and updates nodes, links.js applies the safe-URL rule, settings.js reads
// the options and makes the UI text. `p`, passed to all of them, is one painter's state.
//
// The stylesheet and the default strings come from src/ui_assets.rs, written into
// build/ui-assets.js by scripts/build.sh; none are copied here.
import { EVENTS, handleEvent } from "./paint/events.js";
import { facetSignature, paintFacets } from "./paint/facets.js";
import { paintCards } from "./paint/cards.js";
import { buildLayout, freshMemory } from "./paint/layout.js";
import { adoptStyles } from "./paint/nodes.js";
import { paintPanel } from "./paint/panel.js";
import { readable, settingsOf, warnAbout } from "./paint/settings.js";
import { paintStatus } from "./paint/status.js";
import { paintToolbar } from "./paint/toolbar.js";

/**
 * Gives focus back to `focused` when a move took it (moving a node blurs it). When its node
 * left with its article (a new search from the URL or the host), focus goes to the status
 * line, which a screen reader then reads ("12 articles"), instead of falling to the page's
 * body and the top of the page.
 */
function restoreFocus(p, focused) {
  if (!focused || p.root.activeElement === focused) return;
  if (focused.isConnected) focused.focus();
  else p.ui.status.node.focus();
}

/** Puts a fresh set of nodes in place of the current ones (or into an empty root). */
function mountLayout(p) {
  const old = p.ui?.top.node;
  p.ui = buildLayout(p.doc, p.settings, p.collapsed);
  p.memory = freshMemory();
  p.rowOfInput = new WeakMap();
  if (old) old.replaceWith(p.ui.top.node);
  // In one swap: a root may hold a first view from the page's HTML (js/prerender.js), its
  // `<style>` included, or an earlier widget's nodes.
  else p.root?.replaceChildren(p.ui.top.node);
}

function paintView(p, view) {
  const focused = p.root?.activeElement ?? null;
  if (view.dicts) {
    p.dicts = view.dicts;
    // Once per dictionaries received, not per paint: the core sends them only when they
    // change, and equal ones (the full index's after the first view's) keep the facet nodes.
    p.dictsSignature = facetSignature(view.dicts);
  }
  p.view = view;
  p.offerings = new Map(view.offerings);
  const { ui } = p;
  ui.error.flag("hidden", true);
  ui.main.flag("hidden", false);
  ui.top.attr("data-theme", p.settings.theme);
  paintToolbar(p, view);
  paintFacets(p, view);
  paintCards(p, view, focused);
  paintStatus(p, view);
  paintPanel(p, view, focused);
  if (!p.root) return;
  restoreFocus(p, focused);
  const move = p.focusAfterPaint;
  p.focusAfterPaint = null;
  move?.();
}

/**
 * The core could not start, but a first view is on the screen (painted early, or from the
 * page's HTML): it stays, since its links work without the core. The controls that need the
 * core are made inert (they would only look live), and the status line says why (`texts`:
 * the widget's UI strings). Works on the painter's nodes and on js/prerender.js's, which are
 * the same markup.
 */
export function setAside(root, texts) {
  for (const node of root.querySelectorAll(".bar, .facets, .active, .more-row")) node.inert = true;
  root.querySelector(".tc")?.removeAttribute("data-pending");
  const status = root.querySelector(".status");
  if (status) status.textContent = texts.get("unavailable");
}

/**
 * A painter for `root` (a ShadowRoot) with the page's `options`: its nodes are made at once
 * and put in the root, with the widget's stylesheet and its listeners. With `root` null, the
 * nodes are made with `doc` only (js/prerender.js's document of plain objects) and read from
 * `painter.top`; nothing listens.
 */
export function createPainter(root, options, doc = root.ownerDocument) {
  const empty = { groups: [], topics: [], types: [], brands: [] };
  const given = readable(options);
  const p = { root, doc, options: given, settings: settingsOf(given), dicts: empty, dictsSignature: facetSignature(empty), view: null, offerings: new Map(), expanded: new Set(), collapsed: true, focusAfterPaint: null };
  // What the painter last drew, drawn again on new nodes (setOptions).
  let redraw = null;
  const onEvent = (event) => {
    try {
      handleEvent(p, event);
    } catch (error) {
      console.error(error);
    }
  };
  const painter = {
    onAct: null,
    get top() {
      return p.ui.top.node;
    },
    paint(view) {
      paintView(p, view);
      redraw = () => paintView(p, view);
    },
    loading() {
      p.ui.error.flag("hidden", true);
      p.ui.main.flag("hidden", false);
      p.ui.status.text(p.settings.texts.get("loading"));
      p.ui.top.flag("data-pending", true);
      redraw = () => painter.loading();
    },
    error(message, key) {
      const { texts } = p.settings;
      p.ui.errorTitle.text(texts.get("errorTitle"));
      // A UI string of its own where there is one (no index given), so it can be translated.
      p.ui.errorMessage.text(typeof key === "string" ? texts.get(key) : String(message));
      p.ui.error.flag("hidden", false);
      p.ui.main.flag("hidden", true);
      redraw = () => painter.error(message, key);
    },
    /** The core has stopped loading but what is shown stays: see setAside. */
    unavailable() {
      const shown = redraw;
      setAside(root, p.settings.texts);
      redraw = () => {
        shown?.();
        setAside(root, p.settings.texts);
      };
    },
    setOptions(patch) {
      // A patch, as the handle's update() takes it: keys given replace, keys absent keep.
      const given = readable(patch);
      Object.assign(p.options, given);
      warnAbout(given);
      const settings = settingsOf(p.options);
      const rebuild = settings.textKey !== p.settings.textKey;
      p.settings = settings;
      if (rebuild) {
        // What the person typed stays in the new box, as does what the painter knows of it.
        const typed = p.ui.search.value;
        const { shownQuery } = p.memory;
        mountLayout(p);
        if (typed) p.ui.search.value = typed;
        p.memory.shownQuery = shownQuery;
      }
      redraw?.();
    },
    destroy() {
      for (const name of EVENTS) root?.removeEventListener(name, onEvent);
      root?.removeEventListener("error", onEvent, true);
      const mine = p.ui.top.node.parentNode === root;
      p.ui.top.node.remove();
      // A painter that has taken the root over since (a widget mounted again on the host)
      // keeps the stylesheet.
      if (root && mine) root.adoptedStyleSheets = [];
    },
  };
  p.painter = painter;
  mountLayout(p);
  if (root) {
    warnAbout(given);
    adoptStyles(root);
    for (const name of EVENTS) root.addEventListener(name, onEvent);
    // Image errors do not bubble; catch them on the way down.
    root.addEventListener("error", onEvent, { capture: true, passive: true });
  }
  return painter;
}

/** The card of an article from an index prefix, with the view's fields all present. */
const cardOf = ({ id, title, summary = "", date = null, url = null, brand = null, image = null, topics = [], inferred = false, offerings = [] }) => ({
  id,
  title,
  summary,
  date,
  url,
  brand,
  image: image && { src: image.src, alt: image.alt ?? "", width: image.width ?? null, height: image.height ?? null },
  topics,
  inferred,
  offerings,
});

/**
 * The view of an index prefix's first view (members `format`..`firstView`, see
 * src/model.rs) with `pageSize` cards: the browse view, no filters, as the core shows it
 * from the same prefix. More cards asked for than the prefix holds: pending.
 */
export function viewFromPrefix(prefix, pageSize) {
  const { groups, topics, types, brands, firstView } = prefix;
  const { total, articles } = firstView;
  const counted = (dict) => dict.map((entry) => entry.count);
  const placed = new Map(firstView.offerings.map((o) => [o.at, o]));
  return {
    dicts: { groups, topics, types, brands },
    pending: pageSize > articles.length && articles.length < total,
    total,
    state: { query: "", topics: [], types: [], brands: [], dateFrom: null, dateTo: null, sort: "relevance" },
    cards: articles.slice(0, pageSize).map(cardOf),
    offerings: firstView.offerings.map((o) => [o.at, { label: o.label, url: o.url ?? null, topics: o.topics ?? [], offeringId: o.offeringId ?? null }]),
    counts: { topics: counted(topics), types: counted(types), brands: counted(brands) },
    panel: firstView.panel.map((id) => [id, placed.get(id).count]),
  };
}
