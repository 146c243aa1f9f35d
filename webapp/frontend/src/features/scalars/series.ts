import type { Data } from 'plotly.js-dist-min';

/** What the scalars tab puts on the x axis, and the `key` it asks the API for. */
export type XAxis = 'iter' | 'relative' | 'wall';
export const X_KEYS: Record<XAxis, 'iter' | 'timestamp' | 'iso_time'> = {
  iter: 'iter', relative: 'timestamp', wall: 'iso_time',
};

/**
 * One variant as `events.scalar_metrics_iter_histogram` answers it. With `bucketing: min_max` a long series comes
 * back as the last point of each bucket (`x`, `y`) plus the bucket's `y_min`/`y_max`; a short one as all its points.
 * A server without that bucketing sends the min, max and last point of each bucket at their own x, which already
 * keeps spikes: then there is no envelope and the points are drawn as they are.
 */
export interface RawSeries {
  name?: string;
  x: (number | string)[];
  y: number[];
  y_min?: number[];
  y_max?: number[];
}

export type Histogram = Record<string, Record<string, RawSeries>>;

export interface Series {
  variant: string;
  x: (number | Date)[];
  y: number[];
  yMin?: number[];
  yMax?: number[];
}

function toMillis(value: number | string): number {
  return typeof value === 'number' ? value : new Date(value).getTime();
}

export function toSeries(variant: string, raw: RawSeries, axis: XAxis): Series {
  const count = Math.min(raw.x.length, raw.y.length);
  const order = Array.from({ length: count }, (_, i) => i);
  const enveloped = raw.y_min?.length === count && raw.y_max?.length === count;
  let x: (number | Date)[];
  if (axis === 'iter') {
    x = raw.x.slice(0, count).map(Number);
  } else {
    const millis = raw.x.slice(0, count).map(toMillis);
    if (axis === 'relative') {
      const start = Math.min(...millis);
      x = millis.map((m) => (m - start) / 1000);
    } else {
      x = millis.map((m) => new Date(m));
    }
  }
  // Points must be in x order for a line and a fill; the interleaved shape is already, but be safe.
  const numeric = x.map((v) => (v instanceof Date ? v.getTime() : v));
  if (numeric.some((v, i) => i > 0 && v < numeric[i - 1])) order.sort((a, b) => numeric[a] - numeric[b]);
  return {
    variant,
    x: order.map((i) => x[i]),
    y: order.map((i) => raw.y[i]),
    yMin: enveloped ? order.map((i) => raw.y_min![i]) : undefined,
    yMax: enveloped ? order.map((i) => raw.y_max![i]) : undefined,
  };
}

/** Exponential moving average with bias correction (as TensorBoard smooths), weight in [0, 1). */
export function smooth(y: number[], weight: number): number[] {
  if (weight <= 0) return y;
  let last = 0;
  let debias = 0;
  return y.map((value) => {
    if (!Number.isFinite(value)) return value;
    last = last * weight + (1 - weight) * value;
    debias = debias * weight + (1 - weight);
    return last / debias;
  });
}

const PALETTE = ['#5ba2ff', '#f2b84b', '#4caf7a', '#ff6b6b', '#c9a0ff', '#4dd0e1', '#ff9f68', '#a0d468'];

function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** Plotly traces of one chart: per variant the min..max envelope (when there is one) and the line. */
export function chartTraces(series: Series[], smoothing: number): Data[] {
  const traces: Data[] = [];
  series.forEach((s, index) => {
    const color = PALETTE[index % PALETTE.length];
    if (s.yMin && s.yMax) {
      traces.push({ type: 'scatter', mode: 'lines', x: s.x, y: s.yMax, name: `${s.variant} max`,
        legendgroup: s.variant, showlegend: false, line: { width: 0.6, color: withAlpha(color, 0.6) },
        hovertemplate: `${s.variant} max %{y}<extra></extra>` });
      traces.push({ type: 'scatter', mode: 'lines', x: s.x, y: s.yMin, name: `${s.variant} min–max`,
        legendgroup: s.variant, fill: 'tonexty', fillcolor: withAlpha(color, 0.25),
        line: { width: 0.6, color: withAlpha(color, 0.6) },
        hovertemplate: `${s.variant} min %{y}<extra></extra>` });
    }
    if (smoothing > 0) {
      traces.push({ type: 'scatter', mode: 'lines', x: s.x, y: s.y, name: `${s.variant} (raw)`, legendgroup: s.variant,
        showlegend: false, opacity: 0.3, line: { color, width: 1 }, hoverinfo: 'skip' });
    }
    traces.push({ type: 'scatter', mode: s.x.length === 1 ? 'markers' : 'lines', x: s.x, y: smooth(s.y, smoothing),
      name: s.variant, legendgroup: s.variant, line: { color, width: 1.6 }, marker: { color } });
  });
  return traces;
}
