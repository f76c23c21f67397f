// Writes one corpus's contender pages under OUT/site/<contender>/, all derived from the
// same index JSON: the floor's first view, ours (and ours-html, its first view prerendered
// into the page), the three JS libraries' prebuilt data
// files and Pagefind's HTML pages plus its bundle. Each part is rebuilt only when its inputs
// (the index bytes and the harness code that makes it) changed.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cardDocs, displayDoc, facetCounts } from "./docs.mjs";
import { timed } from "./timed.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const PAGES = join(HERE, "..", "pages");
export const ROOT = join(HERE, "..", "..");

const LIBS = {
  minisearch: "node_modules/minisearch/dist/es/index.js",
  flexsearch: "node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs",
  fuse: "node_modules/fuse.js/dist/fuse.min.mjs",
};

const sha = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
};
const codeKey = (...files) => sha(...files.map((f) => readFileSync(f)));

/** Runs `make` unless OUT/.stamp-NAME holds `key`; returns what `make` returned (kept in the stamp). */
async function cached(dir, name, key, make) {
  const stamp = join(dir, `.stamp-${name}.json`);
  if (existsSync(stamp)) {
    const saved = JSON.parse(readFileSync(stamp, "utf8"));
    // Reused: its build figures are an earlier run's (the report marks them).
    if (saved.key === key) return saved.value.build ? { ...saved.value, build: { ...saved.value.build, reused: true } } : saved.value;
  }
  const value = await make();
  if (value.build) value.build.measuredAt = new Date().toISOString();
  writeFileSync(stamp, JSON.stringify({ key, value }));
  return value;
}

function page(title, head, body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>bench: ${title}</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:1rem}aside{float:left;width:16rem;max-height:90vh;overflow:auto}
.cards{margin-left:17rem;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.8rem;list-style:none;padding:0}
.card{border:1px solid #ccc;border-radius:6px;padding:.6rem}.card img{width:100%;height:auto}.card h3{font-size:1rem;margin:0}.meta,.topics{color:#555;font-size:.85em}
fieldset{border:0;padding:0}label{display:block}</style>${head}</head>
<body>${body}</body></html>
`;
}

/**
 * A page of the shared renderer plus one adapter, inlined into a single module script. With
 * `widgetCss` (the widget's stylesheet), the same-cards renderer (cards.js) draws it instead.
 */
function rendererPage(name, widgetCss = null) {
  const parts = [readFileSync(join(PAGES, "common.js"), "utf8")];
  if (widgetCss !== null) parts.push(`const WIDGET_CSS = ${JSON.stringify(widgetCss)};`, readFileSync(join(PAGES, "cards.js"), "utf8"));
  parts.push(readFileSync(join(PAGES, `${name}.js`), "utf8"));
  const code = parts.join("\n");
  const title = widgetCss === null ? name : `${name}-cards`;
  return page(title, "", `<main id="app"></main>\n<script type="module">\n${code.replaceAll("</script", "<\\/script")}\n</script>`);
}

/**
 * A library's data file (prebuild.mjs: `{"docs":[...],"index":...}`) with other display
 * records and the same index. Spliced as text, not parsed: at 100k the file is hundreds of
 * MB. The first `,"index":` is the top-level key, since no record has an `index` field.
 */
function withRecords(dataFile, records) {
  const text = readFileSync(dataFile, "utf8");
  const at = text.indexOf(',"index":');
  if (!text.startsWith('{"docs":') || at < 0) throw new Error(`${dataFile} is not a {docs, index} data file`);
  return `{"docs":${JSON.stringify(records)}${text.slice(at)}`;
}

/** The widget's stylesheet, as the prerender tool beside a build (`tool`) puts it in a page. */
function widgetStylesheet(tool, part) {
  const snippet = execFileSync("node", [tool, part], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const css = snippet.match(/<style data-prerendered>([\s\S]*?)<\/style>/);
  if (!css) throw new Error(`${tool} printed no <style data-prerendered>`);
  return css[1];
}

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/**
 * One article as a page Pagefind indexes: body text, meta for the card, filters, a date sort.
 * Values go in element content or a `[content]` attribute, never in Pagefind's inline
 * `key:value` form, where a comma in a summary or a URL would split the value.
 */
export function pagefindArticle(doc, fullText) {
  const attr = (kind, key, value) => (value ? `<meta data-pagefind-${kind}="${key}[content]" content="${escapeHtml(value)}">` : "");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title></head><body>
<article data-pagefind-body>
<h1 data-pagefind-meta="title">${escapeHtml(doc.title)}</h1>
${attr("meta", "date", doc.date)}${attr("meta", "link", doc.url)}${attr("sort", "date", doc.date)}
${doc.image ? `${attr("meta", "image", doc.image.src)}${attr("meta", "image_alt", doc.image.alt)}${attr("meta", "image_size", `${doc.image.width}x${doc.image.height}`)}` : ""}
${doc.summary ? `<p data-pagefind-meta="summary">${escapeHtml(doc.summary)}</p>` : ""}
${doc.brand ? `<p data-pagefind-filter="brand">${escapeHtml(doc.brand)}</p>` : ""}
<ul>${doc.topics.map((t) => `<li data-pagefind-filter="topics">${escapeHtml(t)}</li>`).join("")}</ul>
<div>${escapeHtml(fullText)}</div>
</article></body></html>
`;
}

/** Ours' page body: the script tag and the element, with the index and its first-view part. */
// Ours is embedded as the README tells a partner to: the script tag, and a preload of the
// first-view part so that its request does not wait for the script's.
const OURS_HEAD = `<link rel="preload" href="index.first.json" as="fetch" crossorigin>`;
const OURS_ELEMENT = `<topic-cards index-url="index.json" first-view-url="index.first.json" page-size="12">`;
const OURS_BODY = `<script src="topic-cards.js"></script>\n${OURS_ELEMENT}</topic-cards>`;

/**
 * The body of ours-html's page: the element holding the first view as HTML (`tool`, a
 * prerender.js, run on the first-view part `part`), then the script, which after the element
 * no longer holds the parser back from the cards. bench/load-ab.mjs's `html:` builds too.
 */
export function prerenderedBody(tool, part) {
  const snippet = execFileSync("node", [tool, part, "--page-size", "12"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return `${OURS_ELEMENT}${snippet}</topic-cards>\n<script src="topic-cards.js"></script>`;
}

/**
 * Copies a build of our script-tag loader into `dir` as topic-cards.js, with the core file
 * it loads from beside it (`topic-cards-core.js` next to the given file; builds from before
 * the split were one file).
 */
export function copyWidget(script, dir) {
  copyFileSync(script, join(dir, "topic-cards.js"));
  const core = join(dirname(script), "topic-cards-core.js");
  if (existsSync(core)) copyFileSync(core, join(dir, "topic-cards-core.js"));
}

/**
 * One build of our widget on a corpus's page, for the tools that compare builds side by side
 * (load-ab, warm-ab, profile): `dir` (emptied) gets `html` (default: the bench's own page for
 * ours), the build (copyWidget), and links to the corpus's index and its first-view part.
 */
export function stageBuild(corpusDir, widgetFile, dir, html = readFileSync(join(corpusDir, "site/ours/index.html"), "utf8")) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), html);
  for (const name of ["index.json", "index.first.json"]) symlinkSync(join(corpusDir, name), join(dir, name));
  copyWidget(resolve(widgetFile), dir);
}

/**
 * Prepares every contender's page for one corpus. `ctx`: { dir, indexFile, docs, widget,
 * contenders, pagefindMax, timeoutS, log }. Returns { name: { ok, reason?, build? } }.
 */
export async function buildSites(ctx) {
  const { dir, indexFile, docs, widget, contenders, log } = ctx;
  const site = join(dir, "site");
  const indexKey = sha(readFileSync(indexFile));
  const docsFile = join(dir, "docs.json");
  const status = {};
  const want = (name) => contenders.includes(name);

  const part = indexFile.replace(/(\.json)?$/, ".first.json");
  const tool = widget.script && join(dirname(widget.script), "prerender.js");
  // The same-cards pages (a `-cards` contender: the page ours draws, by plain JS; see
  // bench/pages/cards.js) need the widget's stylesheet and records with offerings.
  const anyCards = contenders.some((name) => name.endsWith("-cards"));
  let cardsCss = null;
  let noCss = { ok: false, reason: "pkg/prerender.js missing (make build failed?): the same-cards page needs the widget's stylesheet" };
  if (anyCards && tool && existsSync(tool)) {
    try {
      cardsCss = widgetStylesheet(tool, part);
    } catch (error) {
      // No first-view part beside an --index file, or one the tool declines: those pages only.
      noCss = { ok: false, reason: `the widget's stylesheet could not be taken from ${tool} on ${part}: ${String(error.message).split("\n")[0]}` };
    }
  }
  const richDocs = anyCards ? cardDocs(JSON.parse(readFileSync(indexFile, "utf8")), docs) : null;

  for (const name of ["floor", "floor-cards"].filter(want)) {
    const cards = name === "floor-cards";
    if (cards && cardsCss === null) {
      status[name] = noCss;
      continue;
    }
    const out = join(site, name);
    mkdirSync(out, { recursive: true });
    const records = cards ? richDocs : docs;
    const first = { total: records.length, cards: records.slice(0, 12).map(displayDoc), facets: facetCounts(records) };
    writeFileSync(join(out, "first.json"), JSON.stringify(first));
    writeFileSync(join(out, "index.html"), rendererPage("floor", cards ? cardsCss : null));
    status[name] = { ok: true };
  }

  // Ours on two pages: the first view painted by the script, and (ours-html) the first view in
  // the page's HTML (pkg/prerender.js beside the widget; see `prerenderedBody`).
  for (const name of ["ours", "ours-html"].filter(want)) {
    const out = join(site, name);
    mkdirSync(out, { recursive: true });
    // The index as given (an --index file may have any name), and its first-view part
    // beside it, named as `index --first-view` is asked to name it (NAME.first.json).
    for (const [file, target] of [["index.json", indexFile], ["index.first.json", part]]) {
      const link = join(out, file);
      rmSync(link, { force: true });
      symlinkSync(relative(out, target), link);
    }
    if (!widget.script || (name === "ours-html" && !existsSync(tool))) {
      status[name] = { ok: false, reason: `${name === "ours" ? "pkg/topic-cards.js" : "pkg/prerender.js"} missing (make build failed?)` };
      continue;
    }
    copyWidget(widget.script, out);
    const body = name === "ours-html" ? prerenderedBody(tool, part) : OURS_BODY;
    writeFileSync(join(out, "index.html"), page(name, OURS_HEAD, body));
    status[name] = { ok: true };
  }

  // Each library on the shared renderer's page, and (NAME-cards) on the same-cards page. Both
  // pages search one index, built once: the cards page's data file only swaps the records.
  const libs = Object.keys(LIBS).filter((lib) => want(lib) || want(`${lib}-cards`));
  if (libs.length) writeFileSync(docsFile, JSON.stringify(docs));
  for (const lib of libs) {
    const out = join(site, lib);
    mkdirSync(out, { recursive: true });
    copyFileSync(join(ROOT, LIBS[lib]), join(out, "lib.mjs"));
    writeFileSync(join(out, "index.html"), rendererPage(lib));
    const key = sha(indexKey, codeKey(join(HERE, "prebuild.mjs"), join(HERE, "docs.mjs"), join(ROOT, LIBS[lib])));
    const built = await cached(dir, lib, key, async () => {
      log(`  ${lib}: building its index in Node`);
      const run = await timed(
        [process.execPath, "--max-old-space-size=16000", join(HERE, "prebuild.mjs"), lib, docsFile, join(out, "data.json")],
        { timeoutS: ctx.timeoutS },
      );
      if (!run.ok) return { ok: false, reason: `index build ${run.reason}` };
      const inner = JSON.parse(run.stdout.trim().split("\n").pop());
      return { ok: true, build: { wallS: run.wallS, maxRssMB: run.maxRssMB, buildMs: inner.buildMs } };
    });
    if (want(lib)) status[lib] = built;
    const name = `${lib}-cards`;
    if (!want(name)) continue;
    if (!built.ok || cardsCss === null) {
      status[name] = built.ok ? noCss : built;
      continue;
    }
    const cardsOut = join(site, name);
    mkdirSync(cardsOut, { recursive: true });
    copyFileSync(join(ROOT, LIBS[lib]), join(cardsOut, "lib.mjs"));
    writeFileSync(join(cardsOut, "index.html"), rendererPage(lib, cardsCss));
    writeFileSync(join(cardsOut, "data.json"), withRecords(join(out, "data.json"), richDocs.map(displayDoc)));
    status[name] = { ok: true };
  }

  if (want("pagefind")) {
    const out = join(site, "pagefind");
    if (docs.length > ctx.pagefindMax) {
      status.pagefind = { ok: false, reason: `not run above ${ctx.pagefindMax} articles (--pagefind-max)` };
    } else {
      // Its binary's version in the key: an upgrade builds its bundle again.
      const pagefindVersion = JSON.parse(readFileSync(join(ROOT, "node_modules/@pagefind/linux-x64/package.json"), "utf8")).version;
      const key = sha(indexKey, codeKey(join(HERE, "sites.mjs")), `pagefind-${pagefindVersion}`);
      status.pagefind = await cached(dir, "pagefind", key, async () => {
        rmSync(out, { recursive: true, force: true });
        mkdirSync(join(out, "a"), { recursive: true });
        log(`  pagefind: writing ${docs.length} HTML pages`);
        docs.forEach((doc, i) => writeFileSync(join(out, "a", `${i}.html`), pagefindArticle(doc, doc.text)));
        log("  pagefind: running its CLI");
        const run = await timed([join(ROOT, "node_modules/@pagefind/linux-x64/bin/pagefind_extended"), "--site", out, "--quiet"], { timeoutS: ctx.timeoutS });
        if (!run.ok) return { ok: false, reason: `pagefind CLI ${run.reason}` };
        return { ok: true, build: { wallS: run.wallS, maxRssMB: run.maxRssMB } };
      });
    }
    if (status.pagefind.ok) writeFileSync(join(out, "index.html"), rendererPage("pagefind"));
  }
  return status;
}
