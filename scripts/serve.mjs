// A small static file server for the demo pages and the browser tests: correct MIME types
// (Wasm must be application/wasm), gzip when the client asks, 127.0.0.1 only.
//
//   node scripts/serve.mjs [PORT] [ROOT]      (PORT 0 picks a free port; prints the URL)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
export const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".wasm", ".txt"]);

/**
 * The file under `base` (an absolute path) that a request URL names, `index.html` for a
 * folder. Anything outside `base`, or missing, throws with code ENOENT.
 */
export async function fileFor(base, requestUrl) {
  const path = decodeURIComponent(new URL(requestUrl, "http://x").pathname);
  const file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
  return (await stat(file)).isDirectory() ? join(file, "index.html") : file;
}

/**
 * Starts a server on 127.0.0.1; resolves to `{ server, url }`. `headers` are added to every
 * file response (the CSP test sends its policy as an HTTP header this way).
 */
export function serve(root, port = 0, { headers: extra = {} } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const file = await fileFor(base, request.url);
      let body = await readFile(file);
      const ext = extname(file).toLowerCase();
      const headers = { ...extra, "Content-Type": TYPES[ext] || "application/octet-stream", "Cache-Control": "no-store" };
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers["accept-encoding"] || "")) {
        body = gzipSync(body, { level: 6 });
        headers["Content-Encoding"] = "gzip";
      }
      headers["Content-Length"] = body.length;
      response.writeHead(200, headers);
      response.end(request.method === "HEAD" ? undefined : body);
    } catch (error) {
      response.writeHead(error.code === "ENOENT" || error.code === "EISDIR" ? 404 : 500, { "Content-Type": "text/plain" });
      response.end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8080);
  const root = process.argv[3] ?? ".";
  const { url } = await serve(root, port);
  console.log(`topic-cards demo: ${url}/www/  (Ctrl-C to stop)`);
}
