import { useMemo } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import { PlotlyChart } from '../../components/PlotlyChart';
import { Empty } from '../../components/Status';

export interface TimeSeries {
  name: string;
  /** epoch seconds */
  dates: number[];
  values: number[];
}

/** Series over wall time (dates in epoch seconds), one line each. */
export function TimeChart({ title, series, yTitle, height = 240 }: {
  title: string; series: TimeSeries[]; yTitle?: string; height?: number;
}) {
  const data = useMemo<Data[]>(() => series.map((s) => ({
    type: 'scatter', mode: s.dates.length === 1 ? 'markers' : 'lines+markers', name: s.name,
    x: s.dates.map((d) => new Date(d * 1000)), y: s.values,
  })), [series]);
  const layout = useMemo<Partial<Layout>>(() => ({ title: { text: title }, xaxis: { type: 'date', gridcolor: '#394056' },
    yaxis: { title: { text: yTitle ?? '' }, gridcolor: '#394056', rangemode: 'tozero' }, showlegend: series.length > 1 }),
  [title, yTitle, series.length]);
  if (!series.some((s) => s.dates.length)) {
    return <figure className="chart" aria-label={title} style={{ margin: 0, minHeight: 0 }}>
      <h3>{title}</h3><Empty>No data in this period.</Empty></figure>;
  }
  return <PlotlyChart label={title} data={data} layout={layout} height={height} bundle="basic" />;
}
