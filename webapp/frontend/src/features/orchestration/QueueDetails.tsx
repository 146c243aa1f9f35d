import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { Empty, ErrorBox } from '../../components/Status';
import { formatDate, formatDuration } from '../../components/format';
import { plainError } from '../../api/errors';
import { entryTask, fetchQueueMetrics, queueActions, type EntryMove, type Queue } from './api';
import { TimeChart } from './TimeChart';

const MOVES: [EntryMove, string, string][] = [
  ['move_task_to_front', '⤒', 'Move to front'], ['move_task_forward', '↑', 'Move up'],
  ['move_task_backward', '↓', 'Move down'], ['move_task_to_back', '⤓', 'Move to back'],
];

/** One queue: its entries in order (next first) with reorder/remove, rename/delete, and its wait/length charts. */
export function QueueDetails({ queue, onDeleted }: { queue: Queue; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);
  const [name, setName] = useState(queue.name);
  const [hours, setHours] = useState(1);
  const metrics = useQuery({ queryKey: ['queues', 'metrics', queue.id, hours],
    queryFn: () => fetchQueueMetrics(queue.id, hours), refetchInterval: 15_000 });

  async function act(work: () => Promise<unknown>, after?: () => void) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      setDialog(null);
      after?.();
      await queryClient.invalidateQueries({ queryKey: ['queues'] });
    } catch (e) {
      setError(plainError(e));
    } finally {
      setBusy(false);
    }
  }
  const now = Date.now();
  const footer = error ? <p role="alert" className="error dialog-error">{error}</p> : null;

  return (
    <section className="tab-panel" aria-label={`Queue ${queue.name}`}>
      <header className="page-header">
        <h2 style={{ flex: 1 }}>{queue.display_name || queue.name}
          {queue.system_tags?.includes('default') && <span className="tag" style={{ marginLeft: 8 }}>default</span>}</h2>
        <button type="button" onClick={() => { setName(queue.name); setError(undefined); setDialog('rename'); }}>Rename</button>
        <button type="button" className="danger-text" onClick={() => { setError(undefined); setDialog('delete'); }}>Delete</button>
      </header>
      {error && !dialog && <p role="alert" className="error">{error}</p>}
      <p className="muted small">
        {queue.entries.length} waiting · workers listening: {(queue.workers ?? []).map((w) => w.name ?? w.key).join(', ') || 'none'}
      </p>
      {queue.entries.length === 0 ? <Empty>The queue is empty.</Empty> : (
        <table className="simple" aria-label="Queue entries">
          <thead><tr><th scope="col">#</th><th scope="col">Experiment</th><th scope="col">Added</th>
            <th scope="col">Waiting</th><th scope="col">Order</th></tr></thead>
          <tbody>
            {queue.entries.map((entry, index) => {
              const task = entryTask(entry);
              return (
                <tr key={task.id} data-testid="queue-entry">
                  <td>{index + 1}</td>
                  <td><Link to={`/projects/*/experiments/${task.id}`}>{task.name}</Link></td>
                  <td>{formatDate(entry.added)}</td>
                  <td>{entry.added ? formatDuration((now - new Date(entry.added).getTime()) / 1000) : ''}</td>
                  <td className="toolbar">
                    {MOVES.map(([move, icon, label]) => (
                      <button key={move} type="button" title={label} aria-label={`${label}: ${task.name}`} disabled={busy}
                              onClick={() => act(() => queueActions.move(queue.id, task.id, move))}>{icon}</button>
                    ))}
                    <button type="button" className="danger-text" aria-label={`Remove ${task.name}`} disabled={busy}
                            onClick={() => act(() => queueActions.removeEntry(queue.id, task.id))}>Remove</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <label>Period{' '}
          <select aria-label="Chart period" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            <option value={1}>last hour</option><option value={6}>last 6 hours</option>
            <option value={24}>last day</option><option value={168}>last week</option>
          </select>
        </label>
      </div>
      {metrics.isError && <ErrorBox error={plainError(metrics.error)} />}
      <div className="charts">
        <TimeChart title="Average wait (s)" series={[{ name: 'wait', dates: metrics.data?.dates ?? [],
          values: metrics.data?.avg_waiting_times ?? [] }]} />
        <TimeChart title="Queue length" series={[{ name: 'length', dates: metrics.data?.dates ?? [],
          values: metrics.data?.queue_lengths ?? [] }]} />
      </div>
      {dialog === 'rename' && (
        <Dialog title={`Rename queue ${queue.name}`} confirmLabel="Rename" busy={busy} footer={footer}
                confirmDisabled={name.trim().length < 3} onClose={() => setDialog(null)}
                onConfirm={() => act(() => queueActions.rename(queue.id, name.trim()))}>
          <label className="field">Name<input value={name} onChange={(e) => setName(e.target.value)} /></label>
        </Dialog>
      )}
      {dialog === 'delete' && (
        <Dialog title={`Delete queue ${queue.name}?`} confirmLabel="Delete" danger busy={busy} footer={footer}
                onClose={() => setDialog(null)}
                onConfirm={() => act(() => queueActions.remove(queue.id, true), onDeleted)}>
          <p>{queue.entries.length ? `Its ${queue.entries.length} waiting experiments go back to the status they had before.`
            : 'The queue is empty.'}</p>
        </Dialog>
      )}
    </section>
  );
}
