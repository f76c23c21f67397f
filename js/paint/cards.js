// The cards: one per article shown, with its picture (or its brand initial), source, date,
// title, summary, topic chips and offerings, refilled in place as results change.
import { add, button, insert, Kept, optionalText, reconcile } from "./nodes.js";
import { aim, located, offeringLabel, refillOfferingLabel } from "./links.js";
import { describe, image, releasePicture, takePicture } from "./pictures.js";

/**
 * A card stays on its node while its article is shown, so a focused link or chip survives a
 * new result set. Nodes whose article left are refilled with the newcomers in their current
 * order, except one holding focus: focus must not silently land on another article, so that
 * card leaves the grid with its article.
 */
export function paintCards(p, view, focused) {
  const m = p.memory;
  const byId = new Map(m.cards.map((card) => [card.id, card]));
  const staying = view.cards.map((article) => {
    const card = byId.get(article.id);
    byId.delete(article.id);
    return card;
  });
  const spare = [...byId.values()].filter((card) => !(focused && card.node.contains(focused)));
  m.cards = view.cards.map((article, at) => staying[at] ?? spare.shift() ?? buildCard(p.doc, p.settings.heading));
  // Every picture leaving first, so that any card can take one that comes back.
  m.cards.forEach((card, at) => {
    if (card.id !== view.cards[at].id) releasePicture(p, card);
  });
  m.cards.forEach((card, at) => fillCard(p, card, view.cards[at]));
  reconcile(p.ui.grid, m.gridNodes, m.cards.map((card) => card.node));
}

/** The fixed frame of a card, its title a heading of `level`; fillCard puts an article in it. */
function buildCard(doc, level) {
  const node = add(doc, null, "article", "card", { part: "card" });
  const media = add(doc, node, "div", "media");
  const initial = add(doc, media, "span", "initial", { "aria-hidden": "true" });
  const body = add(doc, node, "div", "body");
  const meta = add(doc, body, "p", "meta");
  const heading = add(doc, body, `h${level}`, "title", { part: "card-title" });
  return {
    node,
    id: null,
    media: new Kept(media),
    initial: new Kept(initial),
    img: null,
    // The image URL last given to this article's <img> (null: none); kept when it fails.
    src: null,
    body,
    meta,
    brand: null,
    time: null,
    heading,
    link: null,
    title: null,
    summary: null,
    chips: { node: null, items: [] },
    offers: { node: null, items: [] },
  };
}

/** Shows `article` in `card`, writing only what differs from what the card shows now. */
function fillCard(p, card, article) {
  const { doc, dicts } = p;
  const { texts } = p.settings;
  const newArticle = card.id !== article.id;
  card.id = article.id;
  const brand = article.brand == null ? null : (dicts.brands[article.brand]?.name ?? null);
  fillMedia(p, card, article, brand, newArticle);
  // Meta line: brand, then date; either may be missing.
  card.brand = optionalText(doc, card.brand, card.meta, card.time?.node, "span", "brand", brand);
  card.time = optionalText(doc, card.time, card.meta, null, "time", "date", article.date == null ? null : texts.date(article.date));
  card.time?.attr("datetime", article.date);
  fillTitle(p, card, article);
  const afterSummary = card.chips.node ?? card.offers.node;
  card.summary = optionalText(doc, card.summary, card.body, afterSummary, "p", "summary", article.summary || null);
  fillChips(p, card, article);
  fillOffers(p, card, article);
}

/** The brand initial: the first alphanumeric after any `www.`, ASCII-uppercased. */
function initialOf(name) {
  const rest = name.replace(/^(www\.)+/, "");
  // Most names begin in ASCII, where the alphanumerics are exactly [A-Za-z0-9]: decided
  // without the Unicode classes, whose first use in a page builds their tables (about 3 ms
  // on the first card, in a profile of the bench's cold loads).
  for (const ch of rest) {
    if (ch > "\x7f") break;
    if (/[A-Za-z0-9]/.test(ch)) return ch.toUpperCase();
  }
  const c = rest.match(/[\p{Alphabetic}\p{N}]/u);
  return c ? c[0].replace(/[a-z]/, (x) => x.toUpperCase()) : "";
}

/**
 * The media box: the brand initial always (the placeholder behind any image, and what a
 * broken image leaves), and the image when its URL is safe.
 */
function fillMedia(p, card, article, brand, newArticle) {
  const initial = initialOf(brand ?? article.title);
  card.media.attr("data-initial", initial);
  card.initial.text(initial);
  const src = located(p.settings, article.image?.src);
  // Same article, same picture: shown already, or failed and left out.
  if (!newArticle && src === card.src) return;
  releasePicture(p, card);
  card.src = src;
  if (src !== null) {
    // A new article never gets another picture's <img>: it would show the old picture until
    // the new one loaded.
    const kept = takePicture(p.memory, src);
    card.img = kept ? describe(kept, article.image) : image(p.doc, article.image, src);
    card.media.node.append(card.img);
  }
  card.media.flag("data-has-image", src !== null);
}

/** The title: a link when the article's URL is safe, plain text otherwise. */
function fillTitle(p, card, article) {
  const url = located(p.settings, article.url);
  if (url === null) {
    card.link?.node.remove();
    card.link = null;
    if (card.title !== article.title) card.heading.textContent = card.title = article.title;
    return;
  }
  if (!card.link) {
    if (card.title !== null) card.heading.textContent = card.title = null;
    const attrs = { href: url, "data-id": article.id };
    const node = add(p.doc, card.heading, "a", "", aim(p.settings, { "data-act": "card", ...attrs }), article.title);
    card.link = new Kept(node, article.title, attrs);
  }
  card.link.text(article.title);
  card.link.attr("href", url);
  card.link.attr("data-id", article.id);
}

/**
 * A card's list (chips or offerings) sized to `n` items: the `<ul>` made before `before`
 * when needed and removed at 0; new items made by `makeItem(li)`, extra ones removed.
 */
function sizeList(p, list, body, before, cls, label, n, makeItem) {
  if (n === 0) {
    list.node?.remove();
    list.node = null;
    list.items = [];
    return;
  }
  if (!list.node) insert(body, (list.node = add(p.doc, null, "ul", cls, { "aria-label": label })), before ?? null);
  for (const item of list.items.splice(n)) item.li.remove();
  while (list.items.length < n) list.items.push(makeItem(add(p.doc, list.node, "li")));
}

function fillChips(p, card, article) {
  const { doc, dicts } = p;
  const { texts } = p.settings;
  const topics = article.topics.map((id) => dicts.topics[id]).filter((topic) => topic !== undefined);
  const makeChip = (li) => ({ li, chip: new Kept(add(doc, li, "button", "chip", button({ part: "chip", "data-act": "topic", "data-kind": "t" })), "", { class: "chip" }) });
  sizeList(p, card.chips, card.body, card.offers.node, "chips", texts.get("filters"), topics.length, makeChip);
  card.chips.items.forEach(({ chip }, at) => {
    const { slug, label } = topics[at];
    const title = texts.fill("filterBy", [["label", label]]);
    chip.text(label);
    chip.attr("class", article.inferred ? "chip inferred" : "chip");
    chip.attr("data-key", slug);
    chip.attr("title", article.inferred ? `${title} (${texts.get("inferred")})` : title);
  });
}

function fillOffers(p, card, article) {
  const offerings = article.offerings.map((id) => [id, p.offerings.get(id)]).filter(([, offering]) => offering !== undefined);
  const makeItem = (li) => ({ li, label: null, link: false });
  sizeList(p, card.offers, card.body, null, "offers", p.settings.texts.get("offeringsTitle"), offerings.length, makeItem);
  card.offers.items.forEach((item, at) => {
    const [id, offering] = offerings[at];
    if (item.label && refillOfferingLabel(p.settings, item.label, item.link, id, offering)) return;
    item.label?.node.remove();
    Object.assign(item, offeringLabel(p.doc, p.settings, item.li, id, offering));
  });
}
