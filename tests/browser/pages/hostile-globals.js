// What other scripts on a real page leave behind, set before the widget loads: a global
// named like the wasm-bindgen loader, an AMD loader, enumerable additions to built-in
// prototypes, and a fetch wrapper of the kind analytics tags install.
window.wasm_bindgen = 42;
window.define = function define() {
  throw new Error("the widget must not call the page's AMD define()");
};
window.define.amd = { jQuery: true };
window.exports = {};
window.module = { exports: window.exports };
Array.prototype.foo = function foo() {
  return "host helper";
};
Object.prototype.polluted = "from a careless library";
const realFetch = window.fetch;
window.fetchCalls = 0;
window.fetch = function wrappedFetch(...args) {
  window.fetchCalls++;
  return realFetch.apply(this, args);
};
