// The entry of `topic-cards.js`, the classic script for `<script src>` pages and pages opened
// from disk. It is small on purpose: it paints the first view (for the default index, from
// the copy compiled in here; for an `indexUrl`, from its `first-view-url`), and only then
// adds `topic-cards-core.js` (the Wasm and the default index) from beside itself. A second
// script element rather than fetch(), because file:// pages may load scripts but not fetch.
// It leaves exactly one global behind: `TopicCards`.
import { createApi } from "./api.js";
import DEFAULT_FIRST_VIEW from "../build/default-first-view.js";

// Loaded twice: keep the first. Test for our API, not just the name: an element with
// id="TopicCards" also makes a window.TopicCards global.
if (typeof window.TopicCards?.mount !== "function") {
  // Read now: `currentScript` is only set while this script runs. `data-core` names the core
  // file for sites that rename or fingerprint it.
  const script = document.currentScript;
  const coreUrl = new URL(script?.dataset.core || "topic-cards-core.js", ownUrl(script)).href;

  // The core script hands its start function to the element that loaded it (no global), and
  // the element goes once it has run: the page's DOM is left as the page wrote it.
  const loadCore = () =>
    new Promise((resolve, reject) => {
      const element = document.createElement("script");
      element.src = coreUrl;
      element.topicCardsCore = (start) => start().then(resolve, reject);
      element.onload = () => element.remove();
      element.onerror = () => {
        element.remove();
        reject(new Error(`${coreUrl} could not be loaded`));
      };
      document.head.append(element);
    });

  // The default index names its sample pictures as `images/...`: they ship beside this
  // script (pkg/images), wherever a site puts it, so that is where they resolve.
  const base = new URL("./", ownUrl(script)).href;
  const api = createApi(loadCore, () => ({ firstView: DEFAULT_FIRST_VIEW, baseUrl: base }));
  api.defineElement();
  const start = () => api.scan(document);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
  window.TopicCards = Object.freeze({ mount: api.mount, scan: api.scan, version: __VERSION__ });
}

/**
 * The URL this script was loaded from. `script.src` is resolved against the document's base
 * URL as it is now, and a `<base>` element after the script tag (CMS templates put them
 * anywhere) changes that base without changing where the script came from; the URL in the
 * script's own stack frame does not move. `src` is the fallback where a stack has no URL.
 */
function ownUrl(script) {
  let frame = null;
  try {
    frame = /((?:https?|file):\/\/[^\s()"']+?):\d+:\d+/.exec(String(new Error().stack));
  } catch (_) {
    // A page that broke Error: fall back to `src`.
  }
  return frame?.[1] || script?.src || location.href;
}
