// Card pictures: an <img> per picture shown, and the loaded ones kept when their card moves
// on, so an article that comes back shows its picture at once instead of fetching it again.
import { add } from "./nodes.js";

/**
 * Takes a card's picture out. One that has loaded is kept for a card that shows it again
 * (the same article back after a query, or another with the same picture): that card takes
 * this node, already fetched and decoded, instead of a new <img> that would fetch and decode
 * it again and show the placeholder meanwhile.
 */
export function releasePicture(p, card) {
  const img = card.img;
  if (!img) return;
  img.remove();
  card.img = null;
  if (!(img.complete && img.naturalWidth > 0)) return;
  const m = p.memory;
  const same = m.spareImages.get(card.src) ?? [];
  m.spareImages.delete(card.src);
  m.spareImages.set(card.src, [...same, img]);
  if (++m.spareCount > SPARE_IMAGES) {
    const [oldest, nodes] = m.spareImages.entries().next().value;
    nodes.shift();
    if (nodes.length === 0) m.spareImages.delete(oldest);
    m.spareCount--;
  }
}

/** A kept picture of `src`, taken out of the spares, or undefined. */
export function takePicture(m, src) {
  const nodes = m.spareImages.get(src);
  const img = nodes?.pop();
  if (nodes?.length === 0) m.spareImages.delete(src);
  if (img) m.spareCount--;
  return img;
}

/** Loaded pictures kept for reuse, at most (a few pages of cards). */
const SPARE_IMAGES = 48;

/**
 * A picture's text alternative and size attributes; without the real size, 16:9. The box it
 * fills has its own shape (`.media`'s aspect-ratio; the picture covers it).
 */
const described = ({ alt, width, height }) => ({ alt: String(alt), width: String(width ?? 640), height: String(height ?? 360) });

/** A kept `<img>` given this article's text alternative and size. */
export function describe(img, picture) {
  for (const [name, value] of Object.entries(described(picture))) if (img.getAttribute(name) !== value) img.setAttribute(name, value);
  return img;
}

/**
 * An `<img>` built detached, `src` last: one that gets its `src` before `loading="lazy"`
 * starts an eager fetch on the spot, even for a card below the fold.
 */
export function image(doc, picture, src) {
  const { alt, width, height } = described(picture);
  return add(doc, null, "img", "", { alt, loading: "lazy", decoding: "async", width, height, "data-act": "img", src });
}
