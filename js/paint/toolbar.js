// The toolbar: the search box and the sort as the state has them, and a removable chip per
// active filter.
import { trim } from "../rust-text.js";
import { add, button } from "./nodes.js";

/** `(kind, key, label)` of every active filter, in display order. */
function activeFilters(p, state) {
  const { fill, date } = p.settings.texts;
  const out = [];
  const query = trim(state.query);
  if (query) out.push(["q", "", fill("searchChip", [["query", query]])]);
  for (const key of state.topics) out.push(["t", key, p.dicts.topics.find((t) => t.slug === key)?.label ?? key]);
  for (const key of state.types) out.push(["y", key, key]);
  for (const key of state.brands) out.push(["b", key, key]);
  if (state.dateFrom != null) out.push(["from", "", fill("dateFromChip", [["date", date(state.dateFrom)]])]);
  if (state.dateTo != null) out.push(["to", "", fill("dateToChip", [["date", date(state.dateTo)]])]);
  return out;
}

export function paintToolbar(p, view) {
  const { state } = view;
  const m = p.memory;
  // Written only when the state differs from what the box shows (the person's typing is
  // remembered as it is sent), so typing, the caret and IME composition are never disturbed.
  if (state.query !== m.shownQuery) p.ui.search.value = m.shownQuery = state.query;
  if (state.sort !== m.shownSort) p.ui.sort.value = m.shownSort = state.sort;
  paintActiveChips(p, activeFilters(p, state));
}

/** The active-filter chips, made again only when their list changed. */
function paintActiveChips(p, active) {
  const m = p.memory;
  const signature = JSON.stringify(active);
  if (signature === m.chipsSignature) return;
  m.chipsSignature = signature;
  const { doc, settings } = p;
  for (const item of m.chipItems) item.remove();
  m.chipItems = [];
  m.chipButtons = active.map(([kind, key, label]) => {
    const item = add(doc, p.ui.chipList, "li");
    const chip = add(doc, item, "button", "chip removable", button({
      part: "chip active-chip",
      "data-act": "remove",
      "data-kind": kind,
      "data-key": key,
      "aria-label": settings.texts.fill("removeFilter", [["label", label]]),
    }));
    add(doc, chip, "span", "", {}, label);
    add(doc, chip, "span", "x", { "aria-hidden": "true" }, "×");
    m.chipItems.push(item);
    return chip;
  });
  p.ui.chips.flag("hidden", active.length === 0);
}
