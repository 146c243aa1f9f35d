import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TaskTabProps } from '../experiment-details/ExperimentDetailsPage';
import { fetchScalars, fetchSingleValues } from './api';
import { ScalarChart } from './ScalarChart';
import { ChartOptions, useChartOptions } from './ChartOptions';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { formatNumber } from '../../components/format';

function SingleValues({ task }: { task: string }) {
  const values = useQuery({ queryKey: ['single-values', task], queryFn: () => fetchSingleValues(task) });
  if (!values.data?.length) return null;
  return (
    <section className="section" aria-label="Single values">
      <h2>Single values</h2>
      <table className="simple">
        <thead><tr><th scope="col">Name</th><th scope="col">Value</th></tr></thead>
        <tbody>
          {values.data.map((v) => <tr key={`${v.metric}/${v.variant}`}><td>{v.variant}</td>
            <td>{formatNumber(v.value)}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}

/** Scalars: one chart per metric; smoothing, log scale and the x axis apply to every chart. */
export function ScalarsTab({ task, live }: TaskTabProps) {
  const options = useChartOptions();
  const { axis, smoothing, log } = options.settings;
  const [metricFilter, setMetricFilter] = useState('');
  const scalars = useQuery({
    queryKey: ['scalars', task.id, axis],
    queryFn: ({ signal }) => fetchScalars(task.id, axis, signal),
    refetchInterval: live ? 5_000 : false,
    placeholderData: (previous) => previous,
  });
  const metrics = Object.keys(scalars.data ?? {}).sort()
    .filter((m) => !metricFilter || m.toLowerCase().includes(metricFilter.toLowerCase()));

  return (
    <>
      <SingleValues task={task.id} />
      <ChartOptions options={options}>
        <input type="search" placeholder="Filter metrics" aria-label="Filter metrics" value={metricFilter}
               onChange={(e) => setMetricFilter(e.target.value)} />
        {scalars.isFetching && !scalars.isPending && <span className="spinner" aria-label="Refreshing" />}
      </ChartOptions>
      {scalars.isPending && <Loading label="Loading scalars…" />}
      {scalars.isError && <ErrorBox error={scalars.error} />}
      {scalars.data && metrics.length === 0 && <Empty>No scalars reported</Empty>}
      <div className="charts">
        {metrics.map((metric) => (
          <ScalarChart key={metric} metric={metric} variants={scalars.data![metric]} axis={axis}
                       smoothing={smoothing} log={log} />
        ))}
      </div>
    </>
  );
}
