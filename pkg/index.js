// topic-cards as an ES module for bundlers and modern browsers. The Wasm and the default
// index are files beside this one, found through `new URL(..., import.meta.url)`: Vite,
// webpack 5 and Parcel emit them; with other bundlers, copy them (README.md says how).
// The core and its controller are imported only when they are needed, after the first view
// has been painted by api.js, so bundlers split them (and the Wasm) from what the first
// paint waits for.
import { createApi } from "./api.js";

const api = createApi(
  async () => {
    const [core, { mountWidget }] = await Promise.all([import("./core.js"), import("./controller.js")]);
    await core.default({ module_or_path: new URL("./core_bg.wasm", import.meta.url) });
    return { Core: core.Core, mountWidget };
  },
  // This build has no index compiled in: without `index` or `indexUrl`, load the default.
  () => ({
    indexUrl: new URL("./default-index.json", import.meta.url).href,
    firstViewUrl: new URL("./default-index.first.json", import.meta.url).href,
  }),
);

/** Mounts a widget into `element`; returns its handle at once (calls queue until ready). */
export const mount = api.mount;
/** Mounts every `[data-topic-cards]` element under `root` (default: the document). */
export const scan = api.scan;
/** Registers the `<topic-cards>` custom element (default name `topic-cards`). */
export const defineElement = api.defineElement;
