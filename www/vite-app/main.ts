// A small app that bundles the topic-cards npm package, the way a partner's build would.
import { mount, type TopicCardsHandle } from "topic-cards";
import "./app.css";

const host = document.getElementById("cards") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;

const handle: TopicCardsHandle = mount(host, { pageSize: 9, hashSync: "app" });

host.addEventListener("tc-change", (event) => {
  status.textContent = `${event.detail.total} articles match`;
});
host.addEventListener("tc-error", (event) => {
  status.textContent = `The widget reported: ${event.detail.message}`;
});
handle.ready.then(() => {
  const state = handle.getState();
  if (state) status.textContent = `${state.total} articles match`;
});

// For the browser tests: the app's own code keeps running whatever the widget does.
(window as unknown as { appHandle: TopicCardsHandle }).appHandle = handle;
