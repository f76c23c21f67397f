// Links from index content: only URLs that pass the safe-URL rule (the same as the core's,
// src/safe_url.rs) become links; anything else is shown as text.
import { add, Kept } from "./nodes.js";

function safeUrl(raw) {
  const url = raw.replace(/^[\0- ]+|[\0- ]+$/g, "");
  if (!url || /[\0-\x1f\x7f-\x9f]/.test(url)) return null;
  const slashed = url.replace(/\\/g, "/");
  // A scheme ends at the first `:` before any `/`, `?` or `#`; without one, relative.
  const scheme = /^([^/?#:]*):/.exec(slashed);
  if (slashed.startsWith("//")) return null;
  if (!scheme) return url;
  return /^https?$/i.test(scheme[1]) && slashed.startsWith("//", scheme[0].length) ? url : null;
}

/**
 * An optional URL from the index through the safe-URL rule (null when absent or unsafe),
 * made absolute against `settings.base` (the `baseUrl` option) when it is relative: an index
 * served from elsewhere, or the default index in the package, names its pictures beside
 * itself, not beside the page. Without a base it stays as written (the page's base applies).
 */
export function located(settings, raw) {
  const url = raw == null ? null : safeUrl(raw);
  // safeUrl lets through no scheme but http(s): anything else here is relative.
  if (url === null || settings.base === null || /^https?:/i.test(url)) return url;
  try {
    return new URL(url, settings.base).href;
  } catch (_) {
    return url;
  }
}

/** `linkTarget`: a new browsing context gets no opener. */
export function aim(settings, attrs) {
  const { target } = settings;
  if (target === null) return attrs;
  const noOpener = target !== "_self" && target !== "_parent" && target !== "_top";
  return { ...attrs, target, ...(noOpener && { rel: "noopener noreferrer" }) };
}

/**
 * An offering's label appended to `parent`: a link when its URL
 * is safe, plain text otherwise. Returns it with whether it is a link.
 */
export function offeringLabel(doc, settings, parent, id, offering) {
  const url = located(settings, offering.url);
  if (url === null) return { label: new Kept(add(doc, parent, "span", "offering-link", {}, offering.label), offering.label), link: false };
  const attrs = { href: url, "data-act": "offering", "data-id": String(id) };
  const node = add(doc, parent, "a", "offering-link", aim(settings, attrs), offering.label);
  return { label: new Kept(node, offering.label, attrs), link: true };
}

/** Brings a label from offeringLabel up to date; false when it must be made again (link or not). */
export function refillOfferingLabel(settings, label, link, id, offering) {
  const url = located(settings, offering.url);
  if (link !== (url !== null)) return false;
  label.text(offering.label);
  if (url !== null) {
    label.attr("href", url);
    label.attr("data-id", String(id));
  }
  return true;
}
