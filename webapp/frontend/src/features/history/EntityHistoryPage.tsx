import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { HistoryTimeline } from './HistoryTimeline';

async function entityName(type: 'project' | 'model', id: string): Promise<string> {
  const data = await call<Record<string, { name?: string }[]>>(`${type}s.get_all_ex`,
    { id: [id], only_fields: ['id', 'name'] });
  return data[`${type}s`]?.[0]?.name ?? id;
}

/** The history page of a project (`/projects/:projectId/history`); models have it as a tab of their page. */
export function EntityHistoryPage({ type }: { type: 'project' | 'model' }) {
  const params = useParams();
  const id = (type === 'project' ? params.projectId : params.modelId) ?? '';
  const name = useQuery({ queryKey: ['history', 'name', type, id], queryFn: () => entityName(type, id) });
  const back = type === 'project' ? `/projects/${id}/experiments` : `/models/${id}`;
  return (
    <section className="page" aria-labelledby="history-title">
      <nav aria-label="Breadcrumb" className="muted small">
        <Link to={type === 'project' ? '/projects' : '/models'}>{type === 'project' ? 'Projects' : 'Models'}</Link>
        {' / '}<Link to={back}>{name.data ?? '…'}</Link>
      </nav>
      <header className="page-header"><h1 id="history-title">History of {type} {name.data ?? ''}</h1></header>
      <HistoryTimeline type={type} id={id} />
    </section>
  );
}
