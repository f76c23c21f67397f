// What a person does inside the widget: acts handed to the core (search, facets, sort, chips,
// clear, more), what the painter answers itself (show more values, the phone filters panel,
// a broken picture), and the click events the host gets.
import { paintFacets } from "./facets.js";

/** The closest ancestor-or-self of an event target that carries `data-act`. */
const actionTarget = (target) => (typeof target?.closest === "function" ? target.closest("[data-act]") : null);

/** The events the painter listens to on its root (and `error`, which does not bubble: see createPainter). */
export const EVENTS = ["click", "change", "input", "compositionend"];

export function handleEvent(p, event) {
  if (event.type === "error") return imageFailed(p, event.target);
  const target = actionTarget(event.target);
  if (!target) return;
  const act = target.getAttribute("data-act");
  const on = `${event.type} ${act}`;
  if (on === "input search" || on === "compositionend search") {
    // Wait for the composition to end (IME): half-typed syllables are not queries.
    if (event.isComposing) return;
    p.memory.shownQuery = target.value;
    return sendAct(p, ["search", target.value]);
  }
  if (on === "change facet") return facetChanged(p, target);
  if (on === "change sort") {
    p.memory.shownSort = target.value;
    return sendAct(p, ["sort", target.value]);
  }
  if (event.type !== "click") return;
  const key = target.getAttribute("data-key");
  if (act === "topic") sendAct(p, ["topic", key]);
  else if (act === "remove") removeChip(p, target, key);
  else if (act === "clear") sendAct(p, ["clear"], () => p.ui.search.focus());
  else if (act === "more") showMore(p);
  else if (act === "expand") toggleGroup(p, target.getAttribute("data-group"));
  else if (act === "toggle-filters") toggleFilters(p);
  else if (act === "card") tellHost(p, "tc-card-click", { id: target.getAttribute("data-id"), url: target.getAttribute("href"), title: target.textContent });
  else if (act === "offering") offeringClicked(p, target);
}

/**
 * Hands an act to the core (`painter.onAct`). `then` moves focus after the paint that
 * answers it (within onAct when the core repaints at once): the clicked node is gone.
 */
function sendAct(p, args, then = null) {
  if (typeof p.painter.onAct !== "function") return;
  p.focusAfterPaint = then;
  p.painter.onAct(...args);
}

function facetChanged(p, input) {
  const row = p.rowOfInput.get(input);
  if (!row) return;
  // The person changed the box: it shows this now.
  row.checked = input.checked;
  sendAct(p, ["facet", row.kind, row.key, input.checked]);
}

/** Removes an active-filter chip, then focuses the chip that took its place, or the search box. */
function removeChip(p, chip, key) {
  const position = Math.max(0, p.memory.chipButtons.indexOf(chip));
  sendAct(p, ["remove", chip.getAttribute("data-kind"), key], () => {
    const chips = p.memory.chipButtons;
    (chips[Math.min(position, chips.length - 1)] ?? p.ui.search).focus();
  });
}

/** Adds a page of cards, then focuses the first new card, where reading continues. */
function showMore(p) {
  const before = p.memory.cards.length;
  sendAct(p, ["more"], () => p.memory.cards[before]?.node.querySelector("a, button")?.focus());
}

/** "Show N more" / "Show fewer": painter-local, the facets drawn again from the last view. */
function toggleGroup(p, key) {
  if (!p.expanded.delete(key)) p.expanded.add(key);
  if (p.view) paintFacets(p, p.view);
}

/** The filters panel on phones: painter-local. */
function toggleFilters(p) {
  p.collapsed = !p.collapsed;
  p.ui.facetPanel.flag("data-collapsed", p.collapsed);
  p.ui.filtersToggle.attr("aria-expanded", String(!p.collapsed));
}

function offeringClicked(p, link) {
  const offering = p.offerings.get(Number(link.getAttribute("data-id")));
  const detail = { label: link.textContent, url: link.getAttribute("href"), offeringId: offering?.offeringId ?? null };
  tellHost(p, "tc-offering-click", detail);
}

/** A host event; navigation is not prevented. */
function tellHost(p, name, detail) {
  p.root.host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
}

/** A broken image leaves the brand-initial placeholder behind it. */
function imageFailed(p, img) {
  const card = p.memory.cards.find((c) => c.img === img);
  if (!card) return;
  img.remove();
  card.img = null;
  card.media.flag("data-has-image", false);
}
