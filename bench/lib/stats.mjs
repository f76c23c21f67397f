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
