import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TaskTabProps } from '../experiment-details/ExperimentDetailsPage';
import { fetchScalars, fetchSingleValues } from './api';
import { ScalarChart } from './ScalarChart';
import type { XAxis } from './series';
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
  const [axis, setAxis] = useState<XAxis>('iter');
  const [smoothing, setSmoothing] = useState(0);
  const [log, setLog] = useState(false);
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
      <div className="toolbar" role="group" aria-label="Chart options">
        <label>X axis{' '}
          <select value={axis} onChange={(e) => setAxis(e.target.value as XAxis)} aria-label="X axis">
            <option value="iter">Iterations</option>
            <option value="relative">Relative time</option>
            <option value="wall">Wall time</option>
          </select>
        </label>
        <label>Smoothing{' '}
          <input type="range" min={0} max={0.99} step={0.01} value={smoothing} aria-label="Smoothing"
                 onChange={(e) => setSmoothing(Number(e.target.value))} />
          <output>{smoothing.toFixed(2)}</output>
        </label>
        <label><input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale</label>
        <input type="search" placeholder="Filter metrics" aria-label="Filter metrics" value={metricFilter}
               onChange={(e) => setMetricFilter(e.target.value)} />
        {scalars.isFetching && !scalars.isPending && <span className="spinner" aria-label="Refreshing" />}
      </div>
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
