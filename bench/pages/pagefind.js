// Pagefind contender: its own JS API over the bundle its CLI built from one HTML page per
// article. `noWorker` keeps the Wasm on the main thread, so its memory is measurable like
// everyone else's. The browse view is a null search sorted by date, and the facet counts are
// Pagefind's own (`filters` of the result set); the cards need one fragment fetch each.
const imageOf = (meta) => {
  if (!meta.image) return null;
  const [width, height] = (meta.image_size || "640x360").split("x");
  return { src: meta.image, alt: meta.image_alt || "", width, height };
};

const toDoc = (data) => ({
  title: data.meta.title || "",
  summary: data.meta.summary || "",
  date: data.meta.date || "",
  url: data.meta.link || data.url,
  brand: (data.filters.brand || [])[0] || "",
  topics: data.filters.topics || [],
  image: imageOf(data.meta),
});

const facetsOf = (filters) => {
  const sorted = (obj) => Object.entries(obj || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return { topics: sorted(filters.topics), brands: sorted(filters.brand) };
};

async function view(search) {
  const cards = await Promise.all(search.results.slice(0, 12).map((r) => r.data().then(toDoc)));
  return { total: search.results.length, cards, facets: facetsOf(search.filters) };
}

benchBoot({
  async load() {
    const pagefind = await import("./pagefind/pagefind.js");
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    // Loads the filter indexes: without them a search returns no `filters`, and the page
    // would draw no facet counts (as every other page does).
    await pagefind.filters();
    return pagefind;
  },
  async browse(pagefind) {
    return view(await pagefind.search(null, { sort: { date: "desc" } }));
  },
  async query(pagefind, { q, topic }) {
    const t0 = performance.now();
    const filters = topic ? { topics: topic } : {};
    const search = await pagefind.search(q || null, q ? { filters } : { filters, sort: { date: "desc" } });
    const engineMs = performance.now() - t0;
    return { engineMs, view: await view(search) };
  },
});
