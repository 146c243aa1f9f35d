import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorBox, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/StatusBadge';
import { Dialog } from '../../components/Dialog';
import { plainError } from '../../api/errors';
import { fetchReport, reportActions, type Report } from './api';
import { renderMarkdown } from './markdown';
import { reportEmbeds } from './ReportEmbeds';
import { isArchived } from '../actions/rules';

function Editor({ report, onDone }: { report: Report; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(report.report ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const preview = useMemo(() => renderMarkdown(text, reportEmbeds), [text]);
  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await reportActions.update(report.id, { report: text });
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      onDone();
    } catch (e) {
      setError(plainError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="tab-panel">
      <div className="toolbar">
        <button type="button" className="primary" onClick={save} disabled={busy}>Save</button>
        <button type="button" onClick={onDone} disabled={busy}>Cancel</button>
        <span className="muted small">Markdown; a <code>```scalar</code> block with <code>task:</code> and
          <code> metric:</code> lines embeds an experiment's chart.</span>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="charts" style={{ gridTemplateColumns: '1fr 1fr' }}>
        <textarea aria-label="Report Markdown" value={text} onChange={(e) => setText(e.target.value)}
                  style={{ minHeight: 480, fontFamily: 'ui-monospace, monospace' }} />
        <article className="section markdown" aria-label="Preview">{preview}</article>
      </div>
    </div>
  );
}

/** `/reports/:reportId`: the report rendered (never as raw HTML), edited side by side with a live preview. */
export function ReportPage() {
  const { reportId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const report = useQuery({ queryKey: ['reports', 'one', reportId], queryFn: () => fetchReport(reportId) });
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const [error, setError] = useState<string>();
  const editing = params.get('edit') === '1';
  const body = useMemo(() => renderMarkdown(report.data?.report ?? '', reportEmbeds), [report.data?.report]);
  if (report.isPending) return <section className="page"><Loading label="Loading report…" /></section>;
  if (report.isError) return <section className="page"><ErrorBox error={plainError(report.error)} /></section>;
  if (!report.data) return <section className="page"><ErrorBox error="This report does not exist." /></section>;
  const r = report.data;
  async function act(work: () => Promise<unknown>, after?: () => void) {
    setError(undefined);
    try {
      await work();
      setConfirm(null);
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      after?.();
    } catch (e) {
      setError(plainError(e));
    }
  }
  const setEditing = (on: boolean) => setParams(on ? { edit: '1' } : {}, { replace: true });
  return (
    <section className="page" aria-labelledby="report-title">
      <nav aria-label="Breadcrumb" className="muted small"><Link to="/reports">Reports</Link></nav>
      <header className="page-header">
        <h1 id="report-title">{r.name}</h1>
        <StatusBadge status={r.status} />
        {!editing && r.status !== 'published' && <button type="button" onClick={() => setEditing(true)}>Edit</button>}
        {r.status !== 'published' && <button type="button" onClick={() => setConfirm('publish')}>Publish</button>}
        <button type="button" onClick={() => act(() => isArchived(r) ? reportActions.unarchive(r.id) : reportActions.archive(r.id))}>
          {isArchived(r) ? 'Restore' : 'Archive'}</button>
        <button type="button" className="danger-text" onClick={() => setConfirm('delete')}>Delete</button>
      </header>
      {error && !confirm && <p role="alert" className="error">{error}</p>}
      {editing ? <Editor report={r} onDone={() => setEditing(false)} />
        : <article className="section markdown" aria-label="Report">{body}</article>}
      {confirm && (
        <Dialog title={confirm === 'publish' ? 'Publish this report?' : 'Delete this report?'} danger={confirm === 'delete'}
                confirmLabel={confirm === 'publish' ? 'Publish' : 'Delete'} onClose={() => setConfirm(null)}
                footer={error ? <p role="alert" className="error dialog-error">{error}</p> : null}
                onConfirm={() => confirm === 'publish' ? act(() => reportActions.publish(r.id))
                  : act(() => reportActions.delete(r.id), () => navigate('/reports'))}>
          <p>{confirm === 'publish' ? 'A published report can no longer be edited.' : 'This cannot be undone.'}</p>
        </Dialog>
      )}
    </section>
  );
}
