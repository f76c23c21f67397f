// The floor: the least any page can do to show the browse view, one JSON holding the first
// 12 cards and the facet counts, drawn by the shared renderer. It has no search.
benchBoot({
  async load() {
    return (await fetch("first.json")).json();
  },
  browse(view) {
    return view;
  },
  query() {
    throw new Error("the floor page has no search");
  },
});
