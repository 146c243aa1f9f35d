import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { TaskTabProps } from './ExperimentDetailsPage';
import { fetchPlots, type PlotEvent } from './api';
import { PlotlyChart } from '../../components/PlotlyChart';
import { Empty, ErrorBox, Loading } from '../../components/Status';

function figure(plot: PlotEvent): { data: Data[]; layout: Partial<Layout> } | null {
  try {
    const parsed = JSON.parse(plot.plot_str) as { data?: Data[]; layout?: Partial<Layout> };
    const title = typeof parsed.layout?.title === 'string' ? parsed.layout.title
      : (parsed.layout?.title as { text?: string } | undefined)?.text;
    return { data: parsed.data ?? [], layout: { ...parsed.layout, title: { text: title ?? `${plot.metric} / ${plot.variant}` } } };
  } catch {
    return null;
  }
}

function PlotView({ plot }: { plot: PlotEvent }) {
  const fig = useMemo(() => figure(plot), [plot]);
  if (!fig) return <ErrorBox error={`${plot.metric}/${plot.variant}: the plot is not valid JSON`} />;
  return <PlotlyChart label={`Plot ${plot.metric} ${plot.variant}`} data={fig.data} layout={fig.layout} />;
}

/** The plots of the latest iteration, drawn as the SDK sent them (Plotly figures), grouped by metric. */
export function PlotsTab({ task, live }: TaskTabProps) {
  const plots = useQuery({ queryKey: ['plots', task.id], queryFn: () => fetchPlots(task.id),
    refetchInterval: live ? 10_000 : false });
  if (plots.isPending) return <Loading label="Loading plots…" />;
  if (plots.isError) return <ErrorBox error={plots.error} />;
  if (!plots.data.length) return <Empty>No plots reported</Empty>;
  const metrics = Array.from(new Set(plots.data.map((p) => p.metric))).sort();
  return (
    <>
      {metrics.map((metric) => (
        <section key={metric} aria-label={`Plots of ${metric}`}>
          <h2>{metric}</h2>
          <div className="charts">
            {plots.data.filter((p) => p.metric === metric).map((p) => (
              <PlotView key={`${p.variant}-${p.iter}`} plot={p} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
