// Where a cold load's time goes before its first cards, from a Chromium trace of that load
// (bench/load-ab.mjs --trace): when the page's requests finished, the main thread's CPU time
// before the frame that drew the cards and in it, and what ran between that frame and the
// bench's mark. Pure: trace events in, numbers out.

/** Trace categories the phases need (light enough to leave the load much as it is). */
export const PHASE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "loading", "blink.user_timing"];

// A task's script work: the outermost of these inside it.
const SCRIPT = /^(EvaluateScript|FunctionCall|TimerFire|RunMicrotasks|EventDispatch|FireAnimationFrame|v8\.run|v8\.callFunction)$/;
const TASK = "RunTask";
// A frame's stages, as its trace names them (not nested in one another, but for the style
// recalc that a size container's layout does inside Layout).
const STAGES = ["FireAnimationFrame", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"];

/**
 * `events`: the trace's events; `url`: the page's address (its navigation is found by it);
 * `firstCards`: the page's `__firstCards` (ms after its time origin, which is its
 * navigationStart). Returns null when the trace holds no navigation to `url`. Times in ms
 * after navigationStart; CPU is the main thread's thread time (what a busy machine's other
 * work does not inflate, unlike wall time).
 *
 * - `done`: per request finished before the mark (by the last part of its path; "" for the
 *   page itself), when its response had been read in full
 * - `cardFrame`: the frame task with the most layout before the mark (the one that drew the
 *   cards): start, wall and CPU, and `stages`: the CPU of each of its stages by trace name
 * - `cpuBefore` / `scriptBefore`: main-thread CPU in tasks that ended before that frame, all
 *   of it and its script part
 * - `between`: the tasks of 0.5 ms or more after that frame and before the mark, as
 *   `kind wall/cpu` strings
 * - `foreign`: how many tasks before the mark ran a script that no script element of the
 *   page asked for (the harness's, through the DevTools protocol), at 1 ms CPU or more
 */
export function loadPhases(events, url, firstCards) {
  const nav = events
    .filter((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL === url)
    .pop();
  if (!nav) return null;
  const at = (ts) => (ts - nav.ts) / 1000;
  const mark = nav.ts + firstCards * 1000;
  const main = events
    .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === "X" && e.ts >= nav.ts && e.ts < mark)
    .sort((a, b) => a.ts - b.ts);
  const inside = (outer) => main.filter((e) => e !== outer && e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur);
  const tasks = [];
  for (const e of main) if (e.name === TASK && (!tasks.length || e.ts >= tasks.at(-1).ts + tasks.at(-1).dur)) tasks.push(e);
  const layoutOf = (task) => inside(task).filter((e) => e.name === "Layout").reduce((sum, e) => sum + e.dur, 0);
  const frame = tasks.reduce((best, t) => (layoutOf(t) > (best ? layoutOf(best) : 0) ? t : best), null);

  const urls = new Map();
  const done = {};
  for (const e of events) {
    const data = e.args?.data;
    if (!data?.requestId) continue;
    if (e.name === "ResourceSendRequest") urls.set(data.requestId, data.url);
    if (e.name === "ResourceFinish" && e.pid === nav.pid && e.ts < mark && urls.has(data.requestId)) {
      const name = new URL(urls.get(data.requestId)).pathname.split("/").pop();
      done[name] = at(e.ts);
    }
  }

  const cpu = (e) => (e.tdur ?? 0) / 1000;
  const scriptCpu = (task) => {
    let sum = 0;
    let end = 0;
    for (const e of inside(task)) {
      if (!SCRIPT.test(e.name) || e.ts < end) continue;
      sum += cpu(e);
      end = e.ts + e.dur;
    }
    return sum;
  };
  const before = frame ? tasks.filter((t) => t.ts + t.dur <= frame.ts) : [];
  const after = frame ? tasks.filter((t) => t.ts >= frame.ts + frame.dur) : [];
  const describe = (t) => {
    const kids = inside(t);
    const what = kids.find((e) => e.name === "TimerFire") ? "timer" : kids.find((e) => e.name === "EvaluateScript") ? "script" : kids.find((e) => /ResponseBodyLoader|ImageResource/.test(e.name)) ? "response" : "other";
    return `${what} ${(t.dur / 1000).toFixed(1)}/${cpu(t).toFixed(1)}`;
  };
  // Scripts with no URL (the page's own, inline ones included, carry one), in tasks of 1 ms
  // CPU or more (a bare protocol evaluation of one expression, as `--wait cdp` polls with,
  // takes a tenth of that).
  const foreign = tasks.filter((t) => cpu(t) >= 1 && inside(t).some((e) => e.name === "EvaluateScript" && !e.args?.data?.url)).length;
  // The card frame's main stages, CPU. Style recalc inside a size container's layout is
  // counted in Layout too (a container's descendants are styled during its layout).
  const stages = {};
  if (frame) for (const e of inside(frame)) if (STAGES.includes(e.name)) stages[e.name] = (stages[e.name] ?? 0) + cpu(e);
  return {
    done,
    cardFrame: frame ? { start: at(frame.ts), wall: frame.dur / 1000, cpu: cpu(frame), stages } : null,
    cpuBefore: before.reduce((s, t) => s + cpu(t), 0),
    scriptBefore: before.reduce((s, t) => s + scriptCpu(t), 0),
    between: after.filter((t) => t.dur >= 500).map(describe),
    foreign,
    mark: firstCards,
  };
}
