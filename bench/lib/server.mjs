// The bench's static server: scripts/serve.mjs's behaviour (same MIME types, gzip level 6
// when asked, no-store, 127.0.0.1 only) with one difference that keeps the figures about the
// pages and not the server: each file's gzip body is made once and kept, as a host that
// precompresses its assets would, so no contender pays compression time on every load.
// Bodies go out in 64 KiB writes, so a reader that streams (ours) can start early.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { COMPRESSIBLE, TYPES, fileFor } from "../../scripts/serve.mjs";

// Pagefind's own binary files carry no extension we know; they are already compressed.
const CHUNK = 64 * 1024;

// The corpora's card images have no files here. Every page is answered with the same tiny
// stand-in for them (a 1x1 grey PNG; an SVG where an .svg is asked for), as a real site
// would serve its images: a 404 instead would have each page handle broken images its own
// way (ours swaps in a placeholder, one more DOM change and frame per query) and time that.
const IMAGE = /\.(jpe?g|png|gif|webp|avif|svg)$/i;
const STAND_IN_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==", "base64");
const STAND_IN_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#ccc"/></svg>');

/** Starts the server on 127.0.0.1 (port 0: a free one); resolves to `{ server, url, warm }`. */
export function serve(root) {
  const base = resolve(root);
  const gz = new Map(); // path -> { mtimeMs, body }

  async function body(file, gzip) {
    const info = await stat(file);
    if (!gzip) return readFile(file);
    const cached = gz.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached.body;
    const zipped = gzipSync(await readFile(file), { level: 6 });
    gz.set(file, { mtimeMs: info.mtimeMs, body: zipped });
    return zipped;
  }

  const server = createServer(async (request, response) => {
    try {
      const file = await fileFor(base, request.url);
      const ext = extname(file).toLowerCase();
      const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(request.headers["accept-encoding"] || "");
      const data = await body(file, gzip);
      const headers = { "Content-Type": TYPES[ext] || "application/octet-stream", "Cache-Control": "no-store" };
      if (gzip) headers["Content-Encoding"] = "gzip";
      headers["Content-Length"] = data.length;
      response.writeHead(200, headers);
      if (request.method === "HEAD") return response.end();
      for (let at = 0; at < data.length; at += CHUNK) {
        if (!response.write(data.subarray(at, at + CHUNK))) await new Promise((ok) => response.once("drain", ok));
      }
      response.end();
    } catch (error) {
      if (response.headersSent) return response.destroy();
      const path = new URL(request.url, "http://x").pathname;
      if (error.code === "ENOENT" && IMAGE.test(path)) {
        const svg = path.toLowerCase().endsWith(".svg");
        const body = svg ? STAND_IN_SVG : STAND_IN_PNG;
        response.writeHead(200, { "Content-Type": svg ? "image/svg+xml" : "image/png", "Content-Length": body.length, "Cache-Control": "no-store" });
        return response.end(request.method === "HEAD" ? undefined : body);
      }
      response.writeHead(error.code === "ENOENT" || error.code === "EISDIR" ? 404 : 500, { "Content-Type": "text/plain" });
      response.end("not found");
    }
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      ok({ server, url, close: () => new Promise((done) => server.close(done)) });
    }),
  );
}
