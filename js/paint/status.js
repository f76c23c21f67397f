// The status line and what follows from the result count: the empty state, the filters
// toggle's count and the "Show more" row.
import { trim } from "../rust-text.js";

/** Active filters: a query (not blank) counts one, each topic, type, brand and date one. */
const filterCount = (state) =>
  (trim(state.query) ? 1 : 0) + state.topics.length + state.types.length + state.brands.length + (state.dateFrom != null) + (state.dateTo != null);

export function paintStatus(p, view) {
  const { ui } = p;
  const { texts } = p.settings;
  const { pending, total, state } = view;
  let text = texts.count("results", total);
  if (pending) text = texts.get(trim(state.query) ? "searchLoading" : "loading");
  else if (total === 0) text = texts.get("resultsNone");
  ui.status.text(text);
  ui.top.flag("data-pending", pending);
  ui.empty.flag("hidden", pending || total > 0);
  const active = filterCount(state);
  ui.clearEmpty.flag("hidden", active === 0);
  ui.filtersToggle.text(active === 0 ? texts.get("filters") : texts.fill("filtersActive", [["n", texts.number(active)]]));
  const shown = view.cards.length;
  const more = !pending && shown < total;
  ui.moreRow.flag("hidden", !more);
  if (more) ui.moreNote.text(texts.fill("shownOf", [["shown", texts.number(shown)], ["total", texts.number(total)]]));
}
