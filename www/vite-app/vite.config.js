// Builds the example app with the npm package resolved from node_modules/topic-cards
// (a link to ../../pkg, made by npm from the root package.json).
import { defineConfig } from "vite";

export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "./",
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Keep the Wasm and the index as files: a data: URL would need a looser CSP.
    assetsInlineLimit: 0,
  },
});
