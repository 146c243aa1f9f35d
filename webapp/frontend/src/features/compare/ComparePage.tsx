import type { ComponentType } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Task } from '../../api/types';
import { refId } from '../../api/types';
import { Tabs } from '../../components/Tabs';
import { StatusBadge } from '../../components/StatusBadge';
import { ErrorBox, Loading } from '../../components/Status';
import { formatNumber } from '../../components/format';
import { plainError } from '../../api/errors';
import { fetchCompared, labels, MAX_COMPARED, metricRows, outputRows, parameterRows } from './api';
import { CompareTable } from './CompareTable';
import { CompareScalars } from './CompareScalars';
import { CompareImages, ComparePlots } from './CompareMedia';

type ViewProps = { tasks: Task[]; names: Map<string, string> };

const Parameters = ({ tasks, names }: ViewProps) =>
  <CompareTable label="Hyperparameters and configuration" rows={parameterRows(tasks)} tasks={tasks} names={names} />;
const Metrics = ({ tasks, names }: ViewProps) =>
  <CompareTable label="Last metric values" rows={metricRows(tasks)} tasks={tasks} names={names}
                format={(v) => formatNumber(Number(v))} />;
const Outputs = ({ tasks, names }: ViewProps) =>
  <CompareTable label="Artifacts and models" rows={outputRows(tasks)} tasks={tasks} names={names} />;

const views: { id: string; label: string; component: ComponentType<ViewProps> }[] = [
  { id: 'scalars', label: 'Scalars', component: CompareScalars },
  { id: 'parameters', label: 'Hyperparameters', component: Parameters },
  { id: 'metrics', label: 'Metrics', component: Metrics },
  { id: 'plots', label: 'Plots', component: ComparePlots },
  { id: 'debug-images', label: 'Debug images', component: CompareImages },
  { id: 'outputs', label: 'Artifacts & models', component: Outputs },
];

/** `/compare/<id,id,…>/<view>`: 2 to 10 experiments side by side. */
export function ComparePage() {
  const { ids = '', view } = useParams();
  const list = Array.from(new Set(ids.split(',').filter(Boolean)));
  const tasks = useQuery({ queryKey: ['compare', list], queryFn: () => fetchCompared(list),
    enabled: list.length >= 2 && list.length <= MAX_COMPARED });
  if (!view) return <Navigate to="scalars" replace />;
  if (list.length < 2 || list.length > MAX_COMPARED) {
    return <section className="page"><ErrorBox error={`Choose 2 to ${MAX_COMPARED} experiments to compare (${list.length} chosen).`} /></section>;
  }
  if (tasks.isPending) return <section className="page"><Loading label="Loading experiments…" /></section>;
  if (tasks.isError) return <section className="page"><ErrorBox error={plainError(tasks.error)} /></section>;
  const names = labels(tasks.data);
  const current = views.find((v) => v.id === view);
  const View = current?.component;
  return (
    <section className="page" aria-labelledby="compare-title">
      <header className="page-header"><h1 id="compare-title">Compare {tasks.data.length} experiments</h1></header>
      <ul className="toolbar" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Compared experiments">
        {tasks.data.map((t) => (
          <li key={t.id} className="tag" style={{ padding: '2px 8px' }}>
            <Link to={`/projects/${refId(t.project) ?? '*'}/experiments/${t.id}`}>{names.get(t.id)}</Link>{' '}
            <StatusBadge status={t.status} />
          </li>
        ))}
      </ul>
      <Tabs tabs={views} current={view} base={`/compare/${list.join(',')}`} label="Compare views" />
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="tab-panel">
        {View ? <View tasks={tasks.data} names={names} /> : <ErrorBox error={`No view "${view}"`} />}
      </div>
    </section>
  );
}
