import { useEffect, type ComponentType } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { fetchTask, isLive } from './api';
import { fetchProject } from '../projects/api';
import { ExecutionTab } from './ExecutionTab';
import { ConfigurationTab } from './ConfigurationTab';
import { ArtifactsTab } from './ArtifactsTab';
import { InfoTab } from './InfoTab';
import { ConsoleTab } from './ConsoleTab';
import { PlotsTab } from './PlotsTab';
import { DebugImagesTab } from './DebugImagesTab';
import { ScalarsTab } from '../scalars/ScalarsTab';
import { TaskActions } from '../actions/TaskActions';
import { TaskHistoryTab } from '../history/TaskHistoryTab';
import { Tabs, type TabDef } from '../../components/Tabs';
import { loadPlotly } from '../../components/PlotlyChart';
import { StatusBadge } from '../../components/StatusBadge';
import { ErrorBox, Loading } from '../../components/Status';
import { refId, type Task } from '../../api/types';

export interface TaskTabProps {
  task: Task;
  live: boolean;
}

/** The tabs of an experiment; a new tab adds an entry here. */
export const experimentTabs: (TabDef & { component: ComponentType<TaskTabProps> })[] = [
  { id: 'execution', label: 'Execution', component: ExecutionTab },
  { id: 'configuration', label: 'Configuration', component: ConfigurationTab },
  { id: 'artifacts', label: 'Artifacts', component: ArtifactsTab },
  { id: 'info', label: 'Info', component: InfoTab },
  { id: 'console', label: 'Console', component: ConsoleTab },
  { id: 'scalars', label: 'Scalars', component: ScalarsTab },
  { id: 'plots', label: 'Plots', component: PlotsTab },
  { id: 'debug-images', label: 'Debug images', component: DebugImagesTab },
  { id: 'history', label: 'History', component: TaskHistoryTab },
];

export function ExperimentDetailsPage() {
  const { projectId = '*', taskId = '', tab } = useParams();
  const navigate = useNavigate();
  // Plotly takes seconds to evaluate on a busy machine: start the scalar charts' bundle while the data load.
  useEffect(() => { loadPlotly('basic').catch(() => undefined); }, []);
  const task = useQuery({
    queryKey: ['task', taskId],
    queryFn: () => fetchTask(taskId),
    // A running experiment refreshes itself (status, iteration, outputs) without a reload.
    refetchInterval: (q) => (isLive(q.state.data) ? 3_000 : 30_000),
  });
  const ownProject = refId(task.data?.project);
  const project = useQuery({ queryKey: ['project', ownProject], queryFn: () => fetchProject(ownProject!),
    enabled: !!ownProject });

  if (!tab) return <Navigate to="execution" replace />;
  const current = experimentTabs.find((t) => t.id === tab);
  if (task.isPending) return <section className="page"><Loading label="Loading experiment…" /></section>;
  if (task.isError) return <section className="page"><ErrorBox error={task.error} /></section>;
  if (!task.data) return <section className="page"><ErrorBox error="This experiment does not exist." /></section>;
  const t = task.data;
  const live = isLive(t);
  const base = `/projects/${projectId}/experiments/${taskId}`;
  const TabComponent = current?.component;

  return (
    <section className="page" aria-labelledby="experiment-title">
      <nav aria-label="Breadcrumb" className="muted small">
        <Link to="/projects">Projects</Link>
        {ownProject && <> / <Link to={`/projects/${ownProject}/experiments`}>{project.data?.name ?? '…'}</Link></>}
      </nav>
      <header className="page-header">
        <h1 id="experiment-title">{t.name}</h1>
        <StatusBadge status={t.status} />
        <span className="muted">{t.type}</span>
        {t.last_iteration !== undefined && <span className="muted" data-testid="last-iteration">
          iteration {t.last_iteration}</span>}
        {live && <span className="live-dot" title="Live: updates every few seconds">live</span>}
      </header>
      <TaskActions tasks={[t]} onDeleted={() => navigate(`/projects/${ownProject ?? '*'}/experiments`)} />
      <Tabs tabs={experimentTabs} current={tab} base={base} label="Experiment details" />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {TabComponent ? <TabComponent task={t} live={live} /> : <ErrorBox error={`No tab "${tab}"`} />}
      </div>
    </section>
  );
}
