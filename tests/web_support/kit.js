// What the Wasm tests mount a widget with, as js/api.js does: the painter and the controller.
// scripts/build.sh bundles it into build/test-kit.js, one self-contained module.
export { createPainter } from "../../js/painter.js";
export { mountWidget } from "../../js/controller.js";
