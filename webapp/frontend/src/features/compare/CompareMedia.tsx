import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { Data, Layout } from 'plotly.js-dist-min';
import type { Task } from '../../api/types';
import { fileUrl } from '../../api/client';
import { fetchDebugImages, fetchPlots, type PlotEvent } from '../experiment-details/api';
import { PlotlyChart } from '../../components/PlotlyChart';
import { Empty, Loading } from '../../components/Status';

function Plot({ plot, label }: { plot: PlotEvent; label: string }) {
  const figure = useMemo(() => {
    try {
      const parsed = JSON.parse(plot.plot_str) as { data?: Data[]; layout?: Partial<Layout> };
      return { data: parsed.data ?? [], layout: { ...parsed.layout, title: { text: label } } };
    } catch {
      return null;
    }
  }, [plot, label]);
  if (!figure) return <p className="error">not valid JSON</p>;
  return <PlotlyChart label={`Plot ${plot.metric} ${plot.variant} of ${label}`} data={figure.data}
                      layout={figure.layout} height={280} />;
}

/** The latest plots side by side: a row per metric/variant, a column per experiment. */
export function ComparePlots({ tasks, names }: { tasks: Task[]; names: Map<string, string> }) {
  const results = useQueries({ queries: tasks.map((t) => ({ queryKey: ['plots', t.id], queryFn: () => fetchPlots(t.id) })) });
  if (results.some((r) => r.isPending)) return <Loading label="Loading plots…" />;
  const keys = Array.from(new Set(results.flatMap((r) => (r.data ?? []).map((p) => `${p.metric} / ${p.variant}`)))).sort();
  if (!keys.length) return <Empty>None of them reported plots.</Empty>;
  return (
    <>
      {keys.map((key) => (
        <section key={key} aria-label={`Plots ${key}`}>
          <h2>{key}</h2>
          <div className="charts" style={{ gridTemplateColumns: `repeat(${Math.min(tasks.length, 3)}, 1fr)` }}>
            {tasks.map((t, i) => {
              const plot = results[i].data?.find((p) => `${p.metric} / ${p.variant}` === key);
              return plot ? <Plot key={t.id} plot={plot} label={names.get(t.id) ?? t.id} />
                : <p key={t.id} className="muted">{names.get(t.id)}: not reported</p>;
            })}
          </div>
        </section>
      ))}
    </>
  );
}

/** The latest debug image of every metric/variant side by side. */
export function CompareImages({ tasks, names }: { tasks: Task[]; names: Map<string, string> }) {
  const results = useQueries({ queries: tasks.map((t) => ({ queryKey: ['debug-images', t.id, 1],
    queryFn: () => fetchDebugImages(t.id, 1) })) });
  if (results.some((r) => r.isPending)) return <Loading label="Loading debug images…" />;
  const latest = results.map((r) => {
    const map = new Map<string, { url: string; iter: number }>();
    for (const group of r.data ?? []) {
      const last = group.iterations[group.iterations.length - 1];
      last?.events.forEach((e) => map.set(`${e.metric} / ${e.variant}`, { url: e.url, iter: last.iter }));
    }
    return map;
  });
  const keys = Array.from(new Set(latest.flatMap((m) => Array.from(m.keys())))).sort();
  if (!keys.length) return <Empty>None of them reported debug images.</Empty>;
  return (
    <table className="simple" aria-label="Debug images side by side">
      <thead><tr><th scope="col">Image</th>{tasks.map((t) => <th key={t.id} scope="col">{names.get(t.id)}</th>)}</tr></thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            {latest.map((m, i) => {
              const image = m.get(key);
              return (
                <td key={tasks[i].id}>
                  {image ? <figure style={{ margin: 0 }}>
                    <img src={fileUrl(image.url)} alt={`${key} of ${names.get(tasks[i].id)}`}
                         style={{ maxWidth: 180, maxHeight: 140, imageRendering: 'pixelated' }} />
                    <figcaption className="muted small">iteration {image.iter}</figcaption>
                  </figure> : <span className="muted">—</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
