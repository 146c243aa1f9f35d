import { useMemo } from 'react';
import type { Layout } from 'plotly.js-dist-min';
import { PlotlyChart } from '../../components/PlotlyChart';
import { chartTraces, toSeries, type RawSeries, type XAxis } from './series';

const X_TITLES: Record<XAxis, string> = { iter: 'Iteration', relative: 'Time from start (s)', wall: 'Time' };

/** One metric: a series per variant, each with its min..max envelope. */
export function ScalarChart({ metric, variants, axis, smoothing, log, onRendered }: {
  metric: string; variants: Record<string, RawSeries>; axis: XAxis; smoothing: number; log: boolean;
  onRendered?: () => void;
}) {
  const data = useMemo(() => chartTraces(Object.entries(variants).sort(([a], [b]) => a.localeCompare(b))
    .map(([variant, raw]) => toSeries(variant, raw, axis)), smoothing), [variants, axis, smoothing]);
  const layout = useMemo<Partial<Layout>>(() => ({
    title: { text: metric },
    xaxis: { title: { text: X_TITLES[axis] }, gridcolor: '#394056', type: axis === 'wall' ? 'date' : 'linear' },
    yaxis: { type: log ? 'log' : 'linear', gridcolor: '#394056', autorange: true },
    hovermode: 'x unified',
  }), [metric, axis, log]);
  return <PlotlyChart label={`Scalar ${metric}`} data={data} layout={layout} onRendered={onRendered} bundle="basic" />;
}
