// Summaries of repeated measurements: median and p95 (nearest rank), and ratios.

/** { n, median, p95 } of the finite numbers in `values`, or null when there are none. */
export function summary(values) {
  const xs = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  const p95 = xs[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];
  return { n: xs.length, median, p95, min: xs[0], max: xs[xs.length - 1] };
}

/** a / b when both are usable numbers. */
export function ratio(a, b) {
  return typeof a === "number" && typeof b === "number" && b > 0 ? a / b : null;
}

/** A seeded generator of uniform numbers in [0, 1) (mulberry32): the same report every time. */
function uniform(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * How far `statistic(...sides)` could move in another run like this one: a percentile
 * bootstrap that resamples each side's loads (`sides`: one array per contender, one entry
 * per cold load, whatever a load holds) with replacement, `resamples` times, and returns the
 * central `level` of the statistic's values as `{ low, high }` (null when a side has no
 * loads). Loads are the unit, not single query samples: the passes of one load share its
 * page and its moment of the machine, so resampling them one by one would claim more
 * certainty than the run has. Seeded, so the same results give the same interval.
 */
export function bootstrapInterval(sides, statistic, { level = 0.9, resamples = 2000, seed = 1 } = {}) {
  if (!sides.length || sides.some((side) => !side.length)) return null;
  const next = uniform(seed);
  const draw = (xs) => xs.map(() => xs[Math.floor(next() * xs.length)]);
  const values = [];
  for (let i = 0; i < resamples; i++) {
    const v = statistic(...sides.map(draw));
    if (typeof v === "number" && Number.isFinite(v)) values.push(v);
  }
  if (!values.length) return null;
  values.sort((x, y) => x - y);
  const at = (q) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  return { low: at((1 - level) / 2), high: at((1 + level) / 2) };
}
