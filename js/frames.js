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
