// What a TypeScript app may write against the package's types (pkg/index.d.ts), held to a
// strict check by tests/browser/bundler.test.mjs together with the READMEs' examples. A line
// under `@ts-expect-error` must fail to typecheck: the types refuse what the runtime would.
import { mount, type TopicCardsElement, type TopicCardsState } from "topic-cards";
import { prerender, styleSource } from "topic-cards/prerender.js";

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

// update() takes null for an option's default (`index: null`: the default index); mount()
// does not.
handle.update({ theme: null, index: null, topics: ["telemedicine"] });
// @ts-expect-error
mount(element, { theme: null });

handle.ready.then((ready) => ready.getState());
// Undefined before the core has come and after destroy(), null once stopped by an error.
// @ts-expect-error
const known: TopicCardsState | undefined = handle.getState();
const state: TopicCardsState | null | undefined = handle.getState();
console.log(known, state);

// A <topic-cards> element is typed by its tag, with its widget's handle.
document.querySelector("topic-cards")?.handle?.setFilters({ query: "rural" });
const declared: TopicCardsElement = document.createElement("topic-cards");
// The handle is null until the element has mounted its widget.
// @ts-expect-error
declared.handle.getState();

// The prerender tool (Node).
const markup: string = prerender("{}", { pageSize: 3, theme: "dark", offerings: false });
styleSource().then((source: string) => console.log(markup, source));
