// Unit tests of the bench harness's pure parts: `node --test bench/test/`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { benchTopic, docsFromIndex, facetCounts, topicNames } from "../lib/docs.mjs";
import { pagefindArticle } from "../lib/sites.mjs";
import { ratio, summary } from "../lib/stats.mjs";
import { parseSize } from "../lib/corpora.mjs";

const INDEX = {
  format: "topic-cards-index",
  version: 1,
  groups: [{ label: "News" }, { label: "Blog" }],
  topics: [
    { group: 0, label: "AI", slug: "news-ai", count: 2 },
    { group: 1, label: "AI", slug: "blog-ai", count: 1 },
  ],
  types: [],
  brands: [{ name: "a.example", count: 2 }],
  offerings: [],
  articles: [
    { id: "1", title: "One", summary: "S, with comma", date: "2024-02-01", brand: 0, topics: [0, 1], text: "telehealth", image: { src: "a.jpg", width: 10, height: 5 } },
    { id: "2", title: "Two <b>", topics: [0], brand: 0 },
    { id: "3", title: "Three", topics: [9] },
  ],
};

test("records keep index order and name topics by group when groups differ", () => {
  assert.deepEqual(topicNames(INDEX), ["News: AI", "Blog: AI"]);
  const docs = docsFromIndex(INDEX);
  assert.equal(docs.length, 3);
  assert.deepEqual(docs.map((d) => d.id), [0, 1, 2]);
  assert.deepEqual(docs[0].topics, ["News: AI", "Blog: AI"]);
  assert.equal(docs[0].brand, "a.example");
  assert.deepEqual(docs[2].topics, [], "an out-of-range topic id is dropped, not a crash");
  assert.equal(docs[1].summary, "");
  assert.deepEqual(docs[0].image, { src: "a.jpg", alt: "", width: 10, height: 5 });
  assert.equal(docs[1].image, null);
});

test("facet counts and the bench topic", () => {
  const docs = docsFromIndex(INDEX);
  assert.deepEqual(facetCounts(docs).topics, [["News: AI", 2], ["Blog: AI", 1]]);
  assert.deepEqual(facetCounts(docs).brands, [["a.example", 2]]);
  assert.equal(benchTopic(docs), "News: AI");
});

test("Pagefind pages escape text and never use the comma-split inline form for values", () => {
  const [doc] = docsFromIndex({ ...INDEX, articles: [{ ...INDEX.articles[1], summary: 'a, "b" <i>' }] });
  const html = pagefindArticle(doc, "body & more");
  assert.match(html, /<h1 data-pagefind-meta="title">Two &lt;b&gt;<\/h1>/);
  assert.match(html, /<p data-pagefind-meta="summary">a, &quot;b&quot; &lt;i&gt;<\/p>/);
  assert.match(html, /body &amp; more/);
  assert.doesNotMatch(html, /data-pagefind-(meta|sort|filter)="\w+:/);
});

test("median and p95 by nearest rank; ratios need two numbers", () => {
  assert.deepEqual(summary([3, 1, 2]), { n: 3, median: 2, p95: 3, min: 1, max: 3 });
  assert.equal(summary([1, 2, 3, 4]).median, 2.5);
  assert.equal(summary(Array.from({ length: 100 }, (_, i) => i + 1)).p95, 95);
  assert.equal(summary([null, undefined, NaN]), null);
  assert.equal(ratio(2, 4), 0.5);
  assert.equal(ratio(2, null), null);
  assert.equal(ratio(2, 0), null);
});

test("corpus sizes", () => {
  assert.equal(parseSize("1k"), 1000);
  assert.equal(parseSize("100K"), 100000);
  assert.equal(parseSize("2500"), 2500);
  assert.throws(() => parseSize("lots"));
});
