// Waiting for the browser to show what was just drawn, shared by the loader (api.js) and the
// controller (controller.js, index-stream.js).

/**
 * Resolves once the next frame has been rendered (rAF, then a task), or after `fallbackMs`
 * in a tab that renders none (a hidden tab runs no animation frames).
 */
export function afterPaint(fallbackMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

/**
 * Resolves once what was just drawn is on the screen: after the next frame and the one after
 * it (each with afterPaint's fallback). After one frame the drawing has only been handed to
 * the compositor, which still has to raster and present it, and work started then competes
 * with that on a machine with few cores. Side by side on this project's 2-core machine
 * (`node bench/load-ab.mjs --wait cdp`, four runs of 15-25 loads a build), requesting the core
 * a frame later brought the script page's first-contentful-paint from 232-260 ms to 208-236.
 */
export async function afterShown(fallbackMs) {
  await afterPaint(fallbackMs);
  await afterPaint(fallbackMs);
}
