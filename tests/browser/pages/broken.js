// The host page's own script for the broken-index tests. It mounts one widget with the
// options the test left in `window.BROKEN_OPTIONS`, and goes on with its own work whatever
// the widget does: a timer that keeps ticking, and a note written after the widget fails.
const host = document.getElementById("widget");
const log = document.getElementById("host-log");
window.hostTicks = 0;
setInterval(() => {
  window.hostTicks++;
}, 50);
host.addEventListener("tc-error", (event) => {
  window.widgetError = event.detail.message;
  setTimeout(() => {
    window.hostRanAfterFailure = true;
    log.textContent = "The widget failed; the host page carried on.";
  }, 0);
});
window.handle = window.TopicCards.mount(host, window.BROKEN_OPTIONS || {});
window.hostReachedEnd = true;
