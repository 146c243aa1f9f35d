import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { plainError } from '../../api/errors';
import { fetchQueues, queueActions } from './api';
import { QueueDetails } from './QueueDetails';

/** `/queues[/:queueId]`: every queue with its length; the chosen one's entries and charts. */
export function QueuesPage() {
  const { queueId } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queues = useQuery({ queryKey: ['queues', 'all'], queryFn: fetchQueues, refetchInterval: 5_000 });
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const selected = queues.data?.find((q) => q.id === queueId) ?? queues.data?.[0];

  async function create() {
    setBusy(true);
    setError(undefined);
    try {
      const created = await queueActions.create(name.trim());
      await queryClient.invalidateQueries({ queryKey: ['queues'] });
      setCreating(false);
      navigate(`/queues/${created.id}`);
    } catch (e) {
      setError(plainError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page" aria-labelledby="queues-title">
      <header className="page-header">
        <h1 id="queues-title">Queues</h1>
        <button type="button" className="primary" onClick={() => { setName(''); setError(undefined); setCreating(true); }}>
          New queue</button>
      </header>
      {queues.isPending && <Loading label="Loading queues…" />}
      {queues.isError && <ErrorBox error={plainError(queues.error)} />}
      {queues.data && queues.data.length === 0 && <Empty>No queues yet.</Empty>}
      {queues.data && selected && (
        <div className="split">
          <ul className="list-select" aria-label="Queues">
            {queues.data.map((q) => (
              <li key={q.id}>
                <button type="button" aria-current={q.id === selected.id} onClick={() => navigate(`/queues/${q.id}`)}>
                  <span>{q.display_name || q.name}</span><span className="muted" data-testid="queue-length">{q.entries.length}</span>
                </button>
              </li>
            ))}
          </ul>
          <QueueDetails key={selected.id} queue={selected} onDeleted={() => navigate('/queues')} />
        </div>
      )}
      {creating && (
        <Dialog title="New queue" confirmLabel="Create" busy={busy} confirmDisabled={name.trim().length < 3}
                footer={error ? <p role="alert" className="error dialog-error">{error}</p> : null}
                onClose={() => setCreating(false)} onConfirm={create}>
          <label className="field">Name (at least 3 characters)
            <input value={name} onChange={(e) => setName(e.target.value)} /></label>
        </Dialog>
      )}
    </section>
  );
}
