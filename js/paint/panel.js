// The related-offerings panel: the offerings the current results name most, each with its
// topics and how many of the results name it.
import { add, Kept, optionalText, reconcile } from "./nodes.js";
import { offeringLabel, refillOfferingLabel } from "./links.js";

/**
 * Panel items are keyed by offering id and reused; the nodes of offerings that left are
 * refilled with the newcomers in place (see paintCards for why), unless one holds focus.
 */
export function paintPanel(p, view, focused) {
  const { ui } = p;
  const show = p.settings.offerings && view.panel.length > 0;
  ui.panel.flag("hidden", !show);
  ui.top.flag("data-panel", show);
  if (!show) return;
  const m = p.memory;
  const wanted = view.panel.filter(([id]) => p.offerings.has(id));
  const byId = new Map(m.panelItems.map((item) => [item.id, item]));
  const staying = wanted.map(([id]) => {
    const item = byId.get(id);
    byId.delete(id);
    return item;
  });
  const spare = [...byId.values()].filter((item) => !(focused && item.node.contains(focused)));
  m.panelItems = wanted.map(([id, articles], at) => {
    const offering = p.offerings.get(id);
    let item = staying[at];
    if (!item) {
      item = spare.shift();
      if (item) refillPanelItem(p, item, id, offering);
      else item = buildPanelItem(p, id, offering);
    }
    item.count.text(p.settings.texts.count("offeringArticles", articles));
    return item;
  });
  reconcile(ui.panelList, m.panelNodes, m.panelItems.map((item) => item.node));
}

/** The offering's topics, as the panel names them. */
const categoriesOf = (p, offering) =>
  offering.topics
    .map((id) => p.dicts.topics[id]?.label)
    .filter((label) => label !== undefined)
    .join(" · ");

function buildPanelItem(p, id, offering) {
  const node = add(p.doc, null, "li", "offering", { part: "offering" });
  const { label, link } = offeringLabel(p.doc, p.settings, node, id, offering);
  const text = categoriesOf(p, offering);
  const categories = text ? new Kept(add(p.doc, node, "p", "categories", {}, text), text) : null;
  const count = new Kept(add(p.doc, node, "p", "count"));
  return { id, node, label, link, categories, count };
}

/** Shows another offering in a panel item's nodes. */
function refillPanelItem(p, item, id, offering) {
  item.id = id;
  if (!refillOfferingLabel(p.settings, item.label, item.link, id, offering)) {
    // A link became text or the other way: a new label node, first in the item.
    const old = item.label.node;
    Object.assign(item, offeringLabel(p.doc, p.settings, item.node, id, offering));
    item.node.insertBefore(item.label.node, old);
    old.remove();
  }
  item.categories = optionalText(p.doc, item.categories, item.node, item.count.node, "p", "categories", categoriesOf(p, offering) || null);
}
