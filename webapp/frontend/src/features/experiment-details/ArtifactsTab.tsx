import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { TaskTabProps } from './ExperimentDetailsPage';
import { Section } from '../../components/Section';
import { call, fileUrl } from '../../api/client';
import type { Artifact, Model } from '../../api/types';
import { formatBytes, formatDate } from '../../components/format';

function ArtifactRow({ artifact }: { artifact: Artifact }) {
  const href = fileUrl(artifact.uri);
  const preview = artifact.type_data?.preview;
  return (
    <article className="artifact" data-testid="artifact" aria-label={`Artifact ${artifact.key}`}>
      <h3>{artifact.key} <span className="muted small">{artifact.type} · {artifact.mode ?? 'output'}</span></h3>
      <dl className="kv">
        {artifact.content_size !== undefined && <><dt>Size</dt><dd>{formatBytes(artifact.content_size)}</dd></>}
        {artifact.hash && <><dt>Hash</dt><dd><code>{artifact.hash}</code></dd></>}
        {artifact.timestamp && <><dt>Uploaded</dt><dd>{formatDate(artifact.timestamp * 1000)}</dd></>}
        {artifact.uri && <><dt>Location</dt><dd>{href
          ? <a href={`${href}${href.includes('?') ? '&' : '?'}download`} download>{artifact.uri}</a>
          : artifact.uri}</dd></>}
      </dl>
      {preview && <pre aria-label={`Preview of ${artifact.key}`}>{preview}</pre>}
    </article>
  );
}

type ModelRef = { name: string; model: string | { id: string; name?: string } };

function ModelList({ title, refs }: { title: string; refs: ModelRef[] }) {
  const ids = refs.map((r) => (typeof r.model === 'string' ? r.model : r.model.id));
  const models = useQuery({
    queryKey: ['models', 'by-id', ids],
    queryFn: () => call<{ models: Model[] }>('models.get_all_ex',
      { id: ids, only_fields: ['id', 'name', 'uri', 'framework', 'ready'] }).then((d) => d.models ?? []),
    enabled: ids.length > 0,
  });
  if (!refs.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <table className="simple" aria-label={title}>
        <thead><tr><th scope="col">Role</th><th scope="col">Model</th><th scope="col">Framework</th>
          <th scope="col">File</th></tr></thead>
        <tbody>
          {refs.map((r, i) => {
            const model = models.data?.find((m) => m.id === ids[i]);
            const href = fileUrl(model?.uri);
            return (
              <tr key={`${r.name}-${ids[i]}`}>
                <td>{r.name}</td>
                <td><Link to={`/models/${ids[i]}`}>{model?.name ?? ids[i]}</Link></td>
                <td>{model?.framework}</td>
                <td>{href ? <a href={`${href}?download`} download>download</a> : model?.uri}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function ArtifactsTab({ task }: TaskTabProps) {
  const artifacts = task.execution?.artifacts ?? [];
  const input = task.models?.input ?? [];
  const output = task.models?.output ?? [];
  return (
    <>
      <Section title="Artifacts">
        {artifacts.length === 0 && <p className="muted">No artifacts</p>}
        {artifacts.map((a) => <ArtifactRow key={`${a.key}-${a.mode}`} artifact={a} />)}
      </Section>
      <Section title="Models">
        {input.length + output.length === 0 && <p className="muted">No models</p>}
        <ModelList title="Input models" refs={input} />
        <ModelList title="Output models" refs={output} />
      </Section>
    </>
  );
}
