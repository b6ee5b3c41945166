/** Summaries of repeated measurements: the median and the spread around it. */

export interface Summary {
  /** Number of runs summarised. */
  runs: number;
  median: number;
  min: number;
  max: number;
  /** Half the distance between the first and third quartile, relative to the median (0.05 = ±5%). */
  spread: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const spread = median === 0 ? 0 : (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 2 / Math.abs(median);
  return { runs: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1], spread };
}

/** Element-wise ratios of runs made back to back (a[i] / b[i]), summarised. */
export function pairedRatio(a: readonly number[], b: readonly number[]): Summary {
  const n = Math.min(a.length, b.length);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) ratios.push(a[i] / b[i]);
  return summarise(ratios);
}

/** Least-squares slope of log(y) over log(x): 1 means linear growth, 2 quadratic. */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((s, v) => s + v, 0) / lx.length;
  const my = ly.reduce((s, v) => s + v, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 0.1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** `median (±spread%)` */
export function formatSummary(summary: Summary, unit = ''): string {
  return `${formatNumber(summary.median)}${unit} (±${(summary.spread * 100).toFixed(1)}%, n=${summary.runs})`;
}
