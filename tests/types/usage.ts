// What a TypeScript app may write against the package's types (pkg/index.d.ts), held to a
// strict check by tests/browser/bundler.test.mjs together with the READMEs' examples. A line
// under `@ts-expect-error` must fail to typecheck: the types refuse what the runtime would.
import { mount, type TopicCardsState } from "topic-cards";

const element = document.createElement("div");
const handle = mount(element, { pageSize: 3 });

// The events bubble and are composed: typed on any element, the document and the window.
document.querySelector("#news")?.addEventListener("tc-change", (event) => event.detail.query);
document.addEventListener("tc-card-click", (event) => event.detail.url);
window.addEventListener("tc-error", (event) => event.detail.message);
element.addEventListener("tc-offering-click", (event) => event.detail.offeringId);
element.addEventListener("tc-ready", (event) => event.detail.total.toFixed());
// `total` is null until the widget knows it.
// @ts-expect-error
element.addEventListener("tc-change", (event) => event.detail.total.toFixed());
element.addEventListener("tc-change", (event) => event.detail.total?.toFixed());

handle.ready.then((ready) => ready.getState());
// Undefined before the core has come and after destroy(), null once stopped by an error.
// @ts-expect-error
const known: TopicCardsState | undefined = handle.getState();
const state: TopicCardsState | null | undefined = handle.getState();
console.log(known, state);
