import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { formatDate, formatDuration } from '../../components/format';
import { plainError } from '../../api/errors';
import { fetchActivity, fetchWorkerStats, fetchWorkers, type Worker } from './api';
import { TimeChart } from './TimeChart';

const STAT_TITLES: Record<string, string> = {
  cpu_usage: 'CPU usage (%)', gpu_usage: 'GPU usage (%)', memory_used: 'Memory used', gpu_memory_used: 'GPU memory used',
};

function WorkerStats({ worker, hours }: { worker: Worker; hours: number }) {
  const stats = useQuery({ queryKey: ['workers', 'stats', worker.id, hours],
    queryFn: () => fetchWorkerStats(worker.id, hours), refetchInterval: 15_000 });
  if (stats.isPending) return <Loading label="Loading machine statistics…" />;
  if (stats.isError) return <ErrorBox error={plainError(stats.error)} />;
  return (
    <div className="charts">
      {Object.keys(STAT_TITLES).map((key) => (
        <TimeChart key={key} title={`${STAT_TITLES[key]} of ${worker.id}`}
                   series={stats.data.filter((s) => s.metric === key).map((s) => ({
                     name: s.variant ?? key, dates: s.dates, values: s.values }))} />
      ))}
    </div>
  );
}

/** `/workers[/:workerId]`: who runs what since when and listening where; machine charts and activity over time. */
export function WorkersPage() {
  const { workerId } = useParams();
  const navigate = useNavigate();
  const [hours, setHours] = useState(1);
  const workers = useQuery({ queryKey: ['workers', 'all'], queryFn: fetchWorkers, refetchInterval: 5_000 });
  const activity = useQuery({ queryKey: ['workers', 'activity', hours], queryFn: () => fetchActivity(hours),
    refetchInterval: 30_000 });
  const selected = workers.data?.find((w) => w.id === workerId);
  return (
    <section className="page" aria-labelledby="workers-title">
      <header className="page-header">
        <h1 id="workers-title">Workers</h1>
        <label>Period{' '}
          <select aria-label="Chart period" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            <option value={1}>last hour</option><option value={6}>last 6 hours</option>
            <option value={24}>last day</option><option value={168}>last week</option>
          </select>
        </label>
      </header>
      {workers.isPending && <Loading label="Loading workers…" />}
      {workers.isError && <ErrorBox error={plainError(workers.error)} />}
      {workers.data && workers.data.length === 0 && <Empty>No worker reported in the last hour.</Empty>}
      {workers.data && workers.data.length > 0 && (
        <table className="simple" aria-label="Workers">
          <thead><tr><th scope="col">Worker</th><th scope="col">Running</th><th scope="col">For</th>
            <th scope="col">Queues</th><th scope="col">Registered</th><th scope="col">Last report</th></tr></thead>
          <tbody>
            {workers.data.map((w) => (
              <tr key={w.id} data-testid="worker-row" aria-selected={w.id === workerId}>
                <th scope="row"><button type="button" className="link" onClick={() => navigate(`/workers/${w.id}`)}>{w.id}</button>
                  {w.ip && <span className="muted small"> {w.ip}</span>}</th>
                <td>{w.task ? <Link to={`/projects/${w.project?.id ?? '*'}/experiments/${w.task.id}`}>{w.task.name ?? w.task.id}</Link>
                  : <span className="muted">idle</span>}</td>
                <td>{w.task?.running_time !== undefined ? formatDuration(w.task.running_time / 1000) : ''}</td>
                <td>{(w.queues ?? []).map((q) => <span key={q.id} className="tag">{q.display_name || q.name || q.id}</span>)}</td>
                <td>{formatDate(w.register_time)}</td>
                <td>{formatDate(w.last_report_time ?? w.last_activity_time)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <WorkerStats worker={selected} hours={hours} />}
      {workerId && workers.data && !selected && <ErrorBox error={`Worker ${workerId} has not reported in the last hour.`} />}
      {activity.data && (
        <TimeChart title="Workers over time" series={[
          { name: 'reporting', dates: activity.data.total.dates, values: activity.data.total.counts },
          { name: 'running a task', dates: activity.data.active.dates, values: activity.data.active.counts }]} />
      )}
    </section>
  );
}
