import { Link, Navigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { fetchModel } from './api';
import { Tabs } from '../../components/Tabs';
import { KeyValues, Section } from '../../components/Section';
import { ErrorBox, Loading } from '../../components/Status';
import { formatDate } from '../../components/format';
import { fileUrl } from '../../api/client';
import { refId, refName, type Model } from '../../api/types';
import { HistoryTimeline } from '../history/HistoryTimeline';

const TABS = [
  { id: 'general', label: 'General' },
  { id: 'labels', label: 'Labels' },
  { id: 'metadata', label: 'Metadata' },
  { id: 'lineage', label: 'Lineage' },
  { id: 'history', label: 'History' },
];

function General({ model }: { model: Model }) {
  const href = fileUrl(model.uri);
  const design = typeof model.design === 'string' ? model.design : model.design?.design;
  return (
    <>
      <Section title="General">
        <KeyValues entries={[
          ['ID', <code key="id">{model.id}</code>],
          ['Status', model.ready ? 'published' : 'draft'],
          ['Framework', model.framework],
          ['File', model.uri && (href ? <a href={`${href}?download`} download>{model.uri}</a> : model.uri)],
          ['Project', refName(model.project)],
          ['User', refName(model.user)],
          ['Created', formatDate(model.created)],
          ['Updated', formatDate(model.last_update)],
          ['Tags', (model.tags ?? []).map((t) => <span key={t} className="tag">{t}</span>)],
          ['Description', model.comment],
        ]} />
      </Section>
      {design && <Section title="Network design"><pre>{design}</pre></Section>}
    </>
  );
}

function Labels({ model }: { model: Model }) {
  const labels = Object.entries(model.labels ?? {}).sort(([, a], [, b]) => a - b);
  return (
    <Section title="Labels">
      {labels.length === 0 ? <p className="muted">No labels</p> : (
        <table className="simple" aria-label="Labels">
          <thead><tr><th scope="col">Label</th><th scope="col">ID</th></tr></thead>
          <tbody>{labels.map(([name, id]) => <tr key={name}><td>{name}</td><td>{id}</td></tr>)}</tbody>
        </table>
      )}
    </Section>
  );
}

function Metadata({ model }: { model: Model }) {
  const items = Object.values(model.metadata ?? {});
  return (
    <Section title="Metadata">
      {items.length === 0 ? <p className="muted">No metadata</p> : (
        <table className="simple" aria-label="Metadata">
          <thead><tr><th scope="col">Key</th><th scope="col">Type</th><th scope="col">Value</th></tr></thead>
          <tbody>{items.map((m) => <tr key={m.key}><td>{m.key}</td><td>{m.type}</td><td>{m.value}</td></tr>)}</tbody>
        </table>
      )}
    </Section>
  );
}

function Lineage({ model }: { model: Model }) {
  const task = refId(model.task);
  return (
    <Section title="Lineage">
      <KeyValues entries={[
        ['Created by experiment', task && <Link to={`/projects/*/experiments/${task}`}>{refName(model.task)}</Link>],
        ['Parent model', model.parent && <Link to={`/models/${model.parent}`}>{model.parent}</Link>],
      ]} />
    </Section>
  );
}

export function ModelDetailsPage() {
  const { modelId = '', tab } = useParams();
  const model = useQuery({ queryKey: ['model', modelId], queryFn: () => fetchModel(modelId) });
  if (!tab) return <Navigate to="general" replace />;
  if (model.isPending) return <section className="page"><Loading label="Loading model…" /></section>;
  if (model.isError) return <section className="page"><ErrorBox error={model.error} /></section>;
  if (!model.data) return <section className="page"><ErrorBox error="This model does not exist." /></section>;
  const m = model.data;
  return (
    <section className="page" aria-labelledby="model-title">
      <nav aria-label="Breadcrumb" className="muted small"><Link to="/models">Models</Link></nav>
      <header className="page-header"><h1 id="model-title">{m.name}</h1>
        <span className="muted">{m.framework}</span></header>
      <Tabs tabs={TABS} current={tab} base={`/models/${modelId}`} label="Model details" />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'general' && <General model={m} />}
        {tab === 'labels' && <Labels model={m} />}
        {tab === 'metadata' && <Metadata model={m} />}
        {tab === 'lineage' && <Lineage model={m} />}
        {tab === 'history' && <HistoryTimeline type="model" id={m.id} />}
      </div>
    </section>
  );
}
