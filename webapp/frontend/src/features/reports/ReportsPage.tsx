import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../components/format';
import { refName } from '../../api/types';
import { plainError } from '../../api/errors';
import { fetchReports, reportActions } from './api';

/** `/reports`: the company's reports, newest first; a new one opens in the editor. */
export function ReportsPage() {
  const navigate = useNavigate();
  const [archived, setArchived] = useState(false);
  const reports = useQuery({ queryKey: ['reports', 'all', archived], queryFn: () => fetchReports(archived) });
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function create() {
    setBusy(true);
    try {
      const created = await reportActions.create(name.trim());
      navigate(`/reports/${created.id}?edit=1`);
    } catch (e) {
      setError(plainError(e));
      setBusy(false);
    }
  }
  return (
    <section className="page" aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">Reports</h1>
        <label className="check"><input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          Archive</label>
        <button type="button" className="primary" onClick={() => { setName(''); setError(undefined); setCreating(true); }}>
          New report</button>
      </header>
      {reports.isPending && <Loading label="Loading reports…" />}
      {reports.isError && <ErrorBox error={plainError(reports.error)} />}
      {reports.data?.length === 0 && <Empty>No reports.</Empty>}
      {reports.data && reports.data.length > 0 && (
        <table className="simple" aria-label="Reports">
          <thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Project</th>
            <th scope="col">User</th><th scope="col">Updated</th></tr></thead>
          <tbody>
            {reports.data.map((r) => (
              <tr key={r.id} data-testid="report-row">
                <td><Link to={`/reports/${r.id}`}>{r.name}</Link>{r.comment && <div className="muted small">{r.comment}</div>}</td>
                <td><StatusBadge status={r.status} /></td><td>{refName(r.project)}</td><td>{refName(r.user)}</td>
                <td>{formatDate(r.last_update)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <Dialog title="New report" confirmLabel="Create" busy={busy} confirmDisabled={!name.trim()}
                footer={error ? <p role="alert" className="error dialog-error">{error}</p> : null}
                onClose={() => setCreating(false)} onConfirm={create}>
          <label className="field">Name<input value={name} onChange={(e) => setName(e.target.value)} /></label>
        </Dialog>
      )}
    </section>
  );
}
