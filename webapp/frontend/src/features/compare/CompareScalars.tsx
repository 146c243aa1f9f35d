import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { Task } from '../../api/types';
import { fetchScalars } from '../scalars/api';
import { ScalarChart } from '../scalars/ScalarChart';
import type { Histogram, RawSeries } from '../scalars/series';
import { ChartOptions, useChartOptions } from '../scalars/ChartOptions';
import { Empty, ErrorBox, Loading } from '../../components/Status';

/** Every metric's chart with a series per experiment and variant (the spike-keeping buckets, as the scalars tab). */
export function CompareScalars({ tasks, names }: { tasks: Task[]; names: Map<string, string> }) {
  const options = useChartOptions();
  const { axis, smoothing, log } = options.settings;
  const results = useQueries({
    queries: tasks.map((t) => ({ queryKey: ['scalars', t.id, axis], queryFn: ({ signal }: { signal: AbortSignal }) =>
      fetchScalars(t.id, axis, signal) })),
  });
  const pending = results.some((r) => r.isPending);
  const failed = results.find((r) => r.isError);
  const dataKey = results.map((r) => r.dataUpdatedAt).join(',');
  const merged = useMemo(() => {
    const byMetric: Record<string, Record<string, RawSeries>> = {};
    results.forEach((r, i) => {
      for (const [metric, variants] of Object.entries((r.data ?? {}) as Histogram)) {
        for (const [variant, series] of Object.entries(variants)) {
          (byMetric[metric] ??= {})[`${names.get(tasks[i].id)} · ${variant}`] = series;
        }
      }
    });
    return byMetric;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, names, tasks]);
  const metrics = Object.keys(merged).sort();
  return (
    <>
      <ChartOptions options={options} />
      {pending && <Loading label="Loading scalars…" />}
      {failed && <ErrorBox error={failed.error} />}
      {!pending && metrics.length === 0 && <Empty>None of them reported scalars.</Empty>}
      <div className="charts">
        {metrics.map((metric) => (
          <ScalarChart key={metric} metric={metric} variants={merged[metric]} axis={axis} smoothing={smoothing}
                       log={log} />
        ))}
      </div>
    </>
  );
}
