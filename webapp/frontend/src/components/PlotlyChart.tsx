import { useEffect, useRef, useState } from 'react';
import type { Data, Layout, Config } from 'plotly.js-dist-min';
import { Loading, ErrorBox } from './Status';

type PlotlyModule = typeof import('plotly.js-dist-min');
let plotly: Promise<PlotlyModule> | undefined;

/** Plotly is large; it is loaded on the first chart, not with the app. */
export function loadPlotly(): Promise<PlotlyModule> {
  plotly ??= import('plotly.js-dist-min').then((m) => ((m as unknown as { default?: PlotlyModule }).default ?? m));
  return plotly;
}

export const DARK_LAYOUT: Partial<Layout> = {
  paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)',
  font: { color: '#dce0ee', size: 12 },
  margin: { l: 56, r: 16, t: 36, b: 40 },
  xaxis: { gridcolor: '#394056', zerolinecolor: '#394056' },
  yaxis: { gridcolor: '#394056', zerolinecolor: '#394056' },
  legend: { orientation: 'h', y: -0.2 },
};

/** A Plotly figure drawn into a div, redrawn in place (`Plotly.react`) when its data or layout change. */
export function PlotlyChart({ data, layout, config, height = 320, label, onRendered }: {
  data: Data[]; layout?: Partial<Layout>; config?: Partial<Config>; height?: number; label: string;
  onRendered?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');
  useEffect(() => {
    let cancelled = false;
    loadPlotly().then(async (Plotly) => {
      if (cancelled || !ref.current) return;
      await Plotly.react(ref.current, data, { ...DARK_LAYOUT, ...layout, height, autosize: true },
        { displaylogo: false, responsive: true, ...config });
      if (!cancelled) {
        setState('ready');
        onRendered?.();
      }
    }).catch((e: Error) => !cancelled && setState(e));
    return () => { cancelled = true; };
  }, [data, layout, config, height, onRendered]);
  useEffect(() => {
    const node = ref.current;
    return () => { if (node) loadPlotly().then((Plotly) => Plotly.purge(node)); };
  }, []);
  return (
    <figure className="chart" aria-label={label} data-state={state instanceof Error ? 'error' : state}
            style={{ margin: 0 }}>
      {state === 'loading' && <Loading label="Drawing…" />}
      {state instanceof Error && <ErrorBox error={state} />}
      <div ref={ref} style={{ width: '100%', minHeight: height }} />
    </figure>
  );
}
