import { Link } from 'react-router';
import type { Project } from '../../api/types';
import { formatDate, formatDuration } from '../../components/format';

const SHOWN_STATUSES = ['in_progress', 'queued', 'completed', 'published', 'failed', 'stopped', 'created'];

export function ProjectCard({ project }: { project: Project }) {
  const active = project.stats?.active;
  const children = project.sub_projects ?? [];
  const to = children.length > 0
    ? `/projects/${project.id}/projects` : `/projects/${project.id}/experiments`;
  return (
    <Link to={to} className="card project-card" data-testid="project-card">
      <h2 className="card-title">{project.basename ?? project.name}</h2>
      {project.basename && project.basename !== project.name && <p className="muted small">{project.name}</p>}
      <dl className="counts">
        <div><dt>Experiments</dt><dd data-testid="task-count">{active?.total_tasks ?? 0}</dd></div>
        <div><dt>Compute</dt><dd>{formatDuration(active?.total_runtime)}</dd></div>
        <div><dt>Updated</dt><dd>{formatDate(project.last_update)}</dd></div>
        {children.length > 0 && <div><dt>Subprojects</dt><dd>{children.length}</dd></div>}
      </dl>
      {active && (
        <ul className="status-counts" aria-label="Experiments by status">
          {SHOWN_STATUSES.filter((s) => active.status_count?.[s]).map((s) => (
            <li key={s} className={`status-dot status-${s}`}>{s.replace('_', ' ')}: {active.status_count[s]}</li>
          ))}
        </ul>
      )}
    </Link>
  );
}
