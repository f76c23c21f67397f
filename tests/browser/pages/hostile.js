// The host page's own script: it runs after the widget's, relies on its own globals, and
// records that it got to its end.
let count = 0;
for (const key in [1, 2]) if (key === "foo") count++;
window.hostSawItsOwnPrototypeHelper = count === 1;
window.hostOk = window.wasm_bindgen === 42 && typeof window.define === "function";
