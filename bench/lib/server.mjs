// The bench's static server: scripts/serve.mjs's behaviour (same MIME types, gzip level 6
// when asked, no-store, 127.0.0.1 only) with one difference that keeps the figures about the
// pages and not the server: each file's gzip body is made once and kept, as a host that
// precompresses its assets would, so no contender pays compression time on every load.
// Bodies go out in 64 KiB writes, so a reader that streams (ours) can start early.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { COMPRESSIBLE, TYPES } from "../../scripts/serve.mjs";

// Pagefind's own binary files carry no extension we know; they are already compressed.
const CHUNK = 64 * 1024;

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
      const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
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
