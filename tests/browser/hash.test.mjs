// The URL-hash form of a widget's filters (js/hash.js), in Node: it is plain string work.
// The widget tests (tests/web_widget.rs `hash_state_round_trips`) drive it through a page.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fromHash, hasNamespace, toHash } from "../../js/hash.js";
import { trim } from "../../js/rust-text.js";

/** Filters as the core's `state()` gives them. */
const filters = (s = {}) => ({ query: "", topics: [], types: [], brands: [], dateFrom: null, dateTo: null, sort: "relevance", ...s });

const awkward = filters({
  query: "tele health & care, 100% #1 (draft)!",
  topics: ["healthcare-it-news-telemedicine", "a,b"],
  types: ["curated"],
  brands: ["healthcareitnews.com"],
  dateFrom: "2023-01",
  dateTo: "2024-12-31",
  sort: "newest",
});

test("every filter goes into the hash and comes back, with or without the #", () => {
  const hash = toHash(awkward, "", "news");
  const { dateFrom, dateTo, ...rest } = awkward;
  const back = { ...rest, dateFrom, dateTo };
  assert.deepEqual(fromHash(hash, "news"), back);
  assert.deepEqual(fromHash(`#${hash}`, "news"), back);
  // Nothing that could split the hash is left unescaped.
  assert.doesNotMatch(hash.replace(/news\.\w+=/g, "").replace(/&/g, ""), /[#&=+ !'()*]/);
});

test("simple values stay readable, and defaults write nothing", () => {
  assert.equal(toHash(filters({ query: "tele", topics: ["slug1", "slug2"], sort: "newest" }), "", "news"), "news.q=tele&news.t=slug1,slug2&news.s=newest");
  assert.equal(toHash(filters(), "#", "news"), "");
  // The query is written trimmed (as the core compares it), Rust's whitespace set.
  assert.equal(toHash(filters({ query: "\u00a0 tele \u3000" }), "", "n"), "n.q=tele");
  assert.equal(toHash(filters({ query: " \u0085 " }), "", "n"), "");
});

test("other parameters and other widgets' namespaces are kept", () => {
  const side = toHash(filters({ query: "x" }), "page=2&tab", "side");
  const hash = toHash(awkward, `#${side}`, "news");
  assert.ok(hash.startsWith("page=2&tab&side.q=x&"), hash);
  assert.deepEqual(fromHash(hash, "side"), { query: "x" });
  assert.equal(fromHash(hash, "news").query, awkward.query);
  // Writing the default filters removes only ours.
  assert.equal(toHash(filters(), hash, "news"), "page=2&tab&side.q=x");
});

test("a namespace is not a prefix of another", () => {
  const hash = "newsroom.q=a&news.q=b";
  assert.equal(fromHash(hash, "news").query, "b");
  assert.equal(fromHash(hash, "newsroom").query, "a");
  assert.equal(hasNamespace("newsroom.q=a", "news"), false);
  assert.equal(hasNamespace("#x=1&news.s=newest", "news"), true);
  assert.equal(hasNamespace("", "news"), false);
});

test("hand-edited values are read as they stand, never thrown on", () => {
  const state = fromHash("#n.s=sideways&n.t=,,a,%E0%A4,a&n.q=%ZZ+x%2&n.from=&n.zz=1&n.y", "n");
  // The core tidies lists (blank and repeated entries) and refuses an unknown sort.
  assert.deepEqual(state, { sort: "sideways", topics: ["", "", "a", "\ufffd", "a"], query: "%ZZ x%2", dateFrom: "", types: [""] });
  assert.deepEqual(fromHash("#%%%&&=&n.=", "n"), {});
});

/** A small seeded generator (xorshift32), so a failing case can be replayed. */
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

test("any filters survive the hash among any other parameters (2,000 seeded cases)", () => {
  const next = random(20261122);
  // Characters that break naive encoders: separators, percent, plus, spaces of both sets,
  // quotes, astral and combining characters.
  const ALPHABET = ["a", "Z", "0", "-", "_", ".", "~", ",", "&", "=", "#", "%", "+", " ", "\u00a0", "\u3000", "\ufeff", "!", "'", "(", "*", "é", "\u0301", "😀", "/", "?", ":", "\\"];
  const word = () => Array.from({ length: Math.floor(next() * 6) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join("");
  const list = () => Array.from({ length: Math.floor(next() * 3) }, word).filter((w) => w !== "");
  for (let i = 0; i < 2000; i++) {
    const ns = ["news", "tc", "a-b_c", "ünï"][i % 4];
    const state = filters({
      query: word(),
      topics: list(),
      types: list(),
      brands: list(),
      dateFrom: next() < 0.3 ? word() : null,
      dateTo: next() < 0.3 ? word() : null,
      sort: next() < 0.5 ? "newest" : "relevance",
    });
    const others = `x=${encodeURIComponent(word())}&${ns}x.q=1&other.${ns}.q=2`;
    const written = toHash(state, others, ns);
    assert.ok(written.startsWith(others), written);
    const back = fromHash(written, ns);
    // The query is written trimmed (the core's trim), and not at all when blank.
    assert.equal(back.query ?? "", trim(state.query), `query of case ${i}: ${written}`);
    // Each written key reads back to exactly what was written.
    for (const key of ["topics", "types", "brands"]) assert.deepEqual(back[key] ?? [], state[key], `${key} of case ${i}: ${written}`);
    for (const key of ["dateFrom", "dateTo"]) assert.equal(back[key] ?? null, state[key], `${key} of case ${i}`);
    assert.equal(back.sort ?? "relevance", state.sort);
    assert.equal(fromHash(written, `${ns}x`).query, "1", "the neighbour namespace is untouched");
    assert.equal(hasNamespace(written, ns), Object.keys(back).length > 0);
  }
});
