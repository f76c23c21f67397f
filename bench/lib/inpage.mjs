// Code the harness puts into every bench page before it runs (Playwright init scripts).
// Kept as functions so they run in the page; they must not close over anything here.

/** Every page: remember each Wasm memory, so its size can be added to the JS heap. */
export function captureWasmMemories() {
  const memories = new Set();
  window.__wasmMemoryBytes = () => [...memories].reduce((sum, m) => sum + m.buffer.byteLength, 0);
  const keep = (result) => {
    try {
      const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
      for (const value of Object.values((instance && instance.exports) || {})) {
        if (value instanceof WebAssembly.Memory) memories.add(value);
      }
    } catch (_) {
      // Not ours to break: the page gets the result untouched either way.
    }
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  if (WebAssembly.instantiateStreaming) {
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = function (...args) {
      return streaming.apply(this, args).then(keep);
    };
  }
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args, newTarget) {
      return keep(Reflect.construct(target, args, newTarget));
    },
  });
  WebAssembly.Memory = new Proxy(WebAssembly.Memory, {
    construct(target, args, newTarget) {
      const memory = Reflect.construct(target, args, newTarget);
      memories.add(memory);
      return memory;
    },
  });
}

/**
 * Ours: find the widget's shadow root as it is attached and set `__firstCards` once the
 * frame after the first `[part~="card"]` appears has been produced (rAF, then a task after
 * it: the frame's style, layout and paint are done; the same moment the other pages record), and
 * `__searchable` at its `tc-ready` event. An `[part~="error"]` becomes `__benchError`. A
 * root the parser made from the page's HTML counts from when its cards are in the document.
 */
export function watchOurWidget() {
  const found = (host) => host.addEventListener("tc-ready", () => (window.__searchable ??= performance.now()), { once: true });
  const markAfterFrame = () =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (window.__firstCards = performance.now());
      channel.port2.postMessage(0);
    });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === "topic-cards" || this.hasAttribute("data-topic-cards")) {
      window.__tcRoot = root;
      // The whole index decoded and the engine built: from here a query needs no more loading.
      found(this);
      let seen = false;
      const check = () => {
        if (seen) return;
        if (root.querySelector('[part~="card"]')) {
          seen = true;
          observer.disconnect();
          markAfterFrame();
        } else {
          // The widget keeps a hidden, empty error box; only a shown one with text is an error.
          const error = root.querySelector('[part~="error"]');
          if (error && !error.hidden && error.textContent.trim()) window.__benchError = `widget error: ${error.textContent.trim()}`;
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    }
    return root;
  };
  // A first view in the page's HTML (a declarative shadow root, js/prerender.js) is attached
  // by the parser, not by attachShadow: watch the document for it.
  const parsed = new MutationObserver(() => {
    const host = document.querySelector("topic-cards, [data-topic-cards]");
    const root = host?.shadowRoot;
    if (!root || window.__tcRoot || !root.querySelector('[part~="card"]')) return;
    parsed.disconnect();
    window.__tcRoot = root;
    found(host);
    markAfterFrame();
  });
  parsed.observe(document, { childList: true, subtree: true });
}

/**
 * Ours, one interaction measured as a person sees it: `step` is { q } (type the text into
 * the search box as one input event), { topic } (toggle that topic's checkbox) or { clear }
 * (untick every ticked checkbox: the way back to the browse view). Resolves to
 * { paintMs, engineMs, total } when the widget's shadow DOM has changed and then stayed
 * still for a whole frame, or { error }.
 */
export async function oursStep(step) {
  const root = window.__tcRoot || document.querySelector("topic-cards")?.shadowRoot;
  if (!root) return { error: "no shadow root" };
  const nextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  // The result count: `[part~="count"]`, or the widget's status line ("2,960 articles").
  const countText = () => (root.querySelector('[part~="count"]') || root.querySelector('[part~="status"]'))?.textContent ?? null;
  let act;
  if ("q" in step) {
    const input = root.querySelector('input[type="search"]');
    if (!input) return { error: "no input[type=search]" };
    if (input.value === step.q) return { error: "already set" };
    act = () => {
      input.value = step.q;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: "insertText", data: step.q }));
    };
  } else if (step.clear) {
    const ticked = [...root.querySelectorAll('input[type="checkbox"]:checked')];
    if (!ticked.length) return { error: "already clear" };
    act = () => ticked.forEach((box) => box.click());
  } else {
    const boxes = [...root.querySelectorAll('input[type="checkbox"]')];
    const wanted = [step.topic.name, step.topic.label, step.topic.slug].filter(Boolean).map((s) => s.toLowerCase());
    const labelOf = (box) =>
      [
        box.dataset.key,
        box.value,
        box.getAttribute("aria-label"),
        box.closest("label")?.querySelector("span")?.textContent,
        box.closest("label")?.textContent,
        ...[...(box.labels || [])].map((l) => l.textContent),
      ]
        .filter(Boolean)
        .map((s) => s.toLowerCase());
    const box =
      boxes.find((b) => labelOf(b).some((text) => wanted.includes(text.trim()))) ||
      boxes.find((b) => labelOf(b).some((text) => wanted.some((w) => text.includes(w))));
    if (!box) return { error: `no checkbox for topic ${step.topic.label}` };
    act = () => box.click();
  }
  const before = countText();
  const marks = performance.getEntriesByType("measure").length;
  return new Promise((resolve) => {
    let t0 = 0;
    let dirty = false;
    let waiting = false;
    const finish = (result) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(result);
    };
    const wait = () => {
      waiting = true;
      dirty = false;
      nextFrame().then((t) => {
        waiting = false;
        if (dirty) return wait();
        const count = countText();
        const measures = performance.getEntriesByType("measure").slice(marks).filter((m) => /query|search|engine/i.test(m.name));
        // "2,960 articles" or "1-12 of 2,960": the hit count is the largest number shown.
        const numbers = (count || "").match(/\d[\d,.\u202f\u00a0]*/g) || [];
        const total = numbers.length ? Math.max(...numbers.map((n) => Number(n.replace(/[^\d]/g, "")))) : count ? 0 : null;
        finish({
          paintMs: t - t0,
          engineMs: measures.length ? measures.reduce((sum, m) => sum + m.duration, 0) : null,
          total,
          countChanged: count !== before,
        });
      });
    };
    const observer = new MutationObserver(() => {
      dirty = true;
      if (!waiting) wait();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => finish({ error: "no DOM change within 10 s" }), 10000);
    t0 = performance.now();
    act();
  });
}
