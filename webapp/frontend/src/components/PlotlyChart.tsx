import { useEffect, useRef, useState } from 'react';
import type { Data, Layout, Config } from 'plotly.js-dist-min';
import { Loading, ErrorBox } from './Status';

type PlotlyModule = typeof import('plotly.js-dist-min');
/** `basic` (scatter, bar, pie: a quarter of the size) draws the scalars; `full` draws whatever figure the SDK sent. */
export type PlotlyBundle = 'basic' | 'full';
const bundles: Partial<Record<PlotlyBundle, Promise<PlotlyModule>>> = {};

function moduleOf(m: unknown): PlotlyModule {
  return (m as { default?: PlotlyModule }).default ?? (m as PlotlyModule);
}

/** Plotly is large; it is loaded on the first chart, not with the app. */
export function loadPlotly(bundle: PlotlyBundle = 'full'): Promise<PlotlyModule> {
  bundles[bundle] ??= (bundle === 'basic' ? import('plotly.js-basic-dist-min') : import('plotly.js-dist-min'))
    .then((m) => {
      performance.mark(`plotly-loaded:${bundle}`);
      return moduleOf(m);
    });
  return bundles[bundle]!;
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
export function PlotlyChart({ data, layout, config, height = 320, label, onRendered, bundle = 'full' }: {
  data: Data[]; layout?: Partial<Layout>; config?: Partial<Config>; height?: number; label: string;
  onRendered?: () => void; bundle?: PlotlyBundle;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');
  useEffect(() => {
    let cancelled = false;
    loadPlotly(bundle).then(async (Plotly) => {
      if (cancelled || !ref.current) return;
      await Plotly.react(ref.current, data, { ...DARK_LAYOUT, ...layout, height, autosize: true },
        { displaylogo: false, responsive: true, ...config });
      if (!cancelled) {
        performance.mark(`chart-drawn:${label}`);
        setState('ready');
        onRendered?.();
      }
    }).catch((e: Error) => !cancelled && setState(e));
    return () => { cancelled = true; };
  }, [data, layout, config, height, onRendered, label, bundle]);
  useEffect(() => {
    const node = ref.current;
    return () => { if (node) loadPlotly(bundle).then((Plotly) => Plotly.purge(node)); };
  }, [bundle]);
  return (
    <figure className="chart" aria-label={label} data-state={state instanceof Error ? 'error' : state}
            style={{ margin: 0 }}>
      {state === 'loading' && <Loading label="Drawing…" />}
      {state instanceof Error && <ErrorBox error={state} />}
      <div ref={ref} style={{ width: '100%', minHeight: height }} />
    </figure>
  );
}
