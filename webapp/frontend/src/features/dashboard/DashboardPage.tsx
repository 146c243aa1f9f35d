import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { refId, refName } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { formatDate } from '../../components/format';
import { plainError } from '../../api/errors';
import { fetchCounts, fetchRecentExperiments, fetchRecentProjects } from './api';

/** The start page: running and queued counts, the latest projects and experiments. */
export function DashboardPage() {
  const counts = useQuery({ queryKey: ['dashboard', 'counts'], queryFn: fetchCounts, refetchInterval: 5_000 });
  const projects = useQuery({ queryKey: ['dashboard', 'projects'], queryFn: fetchRecentProjects });
  const tasks = useQuery({ queryKey: ['dashboard', 'tasks'], queryFn: fetchRecentExperiments, refetchInterval: 10_000 });
  return (
    <section className="page" aria-labelledby="dashboard-title">
      <header className="page-header"><h1 id="dashboard-title">Dashboard</h1></header>
      <div className="stat-cards">
        <Link className="stat card" to="/projects/*/experiments?status=in_progress" data-testid="running-count">
          <div className="muted small">Running</div><div className="value">{counts.data?.running ?? '…'}</div>
        </Link>
        <Link className="stat card" to="/queues" data-testid="queued-count">
          <div className="muted small">Queued</div><div className="value">{counts.data?.queued ?? '…'}</div>
        </Link>
      </div>
      {counts.isError && <ErrorBox error={plainError(counts.error)} />}
      <section className="section" aria-label="Recent projects">
        <h2>Recent projects</h2>
        {projects.isPending && <Loading />}
        {projects.isError && <ErrorBox error={plainError(projects.error)} />}
        {projects.data?.length === 0 && <Empty>No projects yet.</Empty>}
        <ul className="card-grid">
          {projects.data?.map((p) => (
            <li key={p.id}>
              <Link className="card" to={`/projects/${p.id}/experiments`}>
                <div className="card-title">{p.name}</div>
                <div className="muted small">{p.stats?.active?.total_tasks ?? 0} experiments · updated {formatDate(p.last_update)}</div>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-label="Recent experiments">
        <h2>Recent experiments</h2>
        {tasks.isPending && <Loading />}
        {tasks.isError && <ErrorBox error={plainError(tasks.error)} />}
        {tasks.data?.length === 0 && <Empty>No experiments yet.</Empty>}
        {tasks.data && tasks.data.length > 0 && (
          <table className="simple">
            <thead><tr><th scope="col">Status</th><th scope="col">Name</th><th scope="col">Project</th>
              <th scope="col">User</th><th scope="col">Updated</th></tr></thead>
            <tbody>
              {tasks.data.map((t) => (
                <tr key={t.id}>
                  <td><StatusBadge status={t.status} /></td>
                  <td><Link to={`/projects/${refId(t.project) ?? '*'}/experiments/${t.id}`}>{t.name}</Link></td>
                  <td>{refName(t.project)}</td><td>{refName(t.user)}</td><td>{formatDate(t.last_update)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
