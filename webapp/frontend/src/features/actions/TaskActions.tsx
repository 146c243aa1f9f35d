import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { plainError } from '../../api/errors';
import type { Task } from '../../api/types';
import type { Outcome } from './api';
import { ActionDialog } from './ActionDialog';
import { ACTION_LABELS, availableActions, type ActionId } from './rules';

interface Result {
  text: string;
  failures: string[];
  clone?: string;
}

/**
 * The actions on the selected experiments (table multi-select or one experiment's page): a toolbar of buttons,
 * each opening its confirmation; the outcome, with every refusal in plain words, is announced below.
 */
export function TaskActions({ tasks, onDeleted }: { tasks: Task[]; onDeleted?: () => void }) {
  const [open, setOpen] = useState<Exclude<ActionId, 'compare'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<Result>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const actions = availableActions(tasks);
  const names = new Map(tasks.map((t) => [t.id, t.name]));

  async function run(perform: () => Promise<Outcome>, doneText: string) {
    const action = open;
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await perform();
      const count = outcome.done.length;
      setResult({
        text: `${doneText} ${count === 1 && tasks.length === 1 ? `“${tasks[0].name}”` : `${count} of ${tasks.length}`}.`,
        failures: outcome.failed.map((f) => `${names.get(f.id) ?? f.id}: ${f.message}`),
        clone: outcome.created,
      });
      setOpen(null);
      await queryClient.invalidateQueries();
      if (action === 'delete' && count > 0) onDeleted?.();
    } catch (e) {
      setError(plainError(e));
    } finally {
      setBusy(false);
    }
  }

  function choose(action: ActionId) {
    setResult(undefined);
    setError(undefined);
    if (action === 'compare') navigate(`/compare/${tasks.map((t) => t.id).join(',')}`);
    else setOpen(action);
  }

  return (
    <>
      <div role="toolbar" aria-label="Experiment actions" className="toolbar action-bar">
        {actions.map((action) => (
          <button key={action} type="button" onClick={() => choose(action)}
                  className={action === 'delete' || action === 'abort' ? 'danger-text' : undefined}>
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {result && (
        <div role="status" className={result.failures.length ? 'notice warn' : 'notice'} data-testid="action-result">
          {result.text}
          {result.clone && <> <Link to={`/projects/*/experiments/${result.clone}`}>Open the clone</Link></>}
          {result.failures.length > 0 && (
            <ul className="failures">{result.failures.map((f) => <li key={f}>{f}</li>)}</ul>
          )}
          <button type="button" className="link" aria-label="Dismiss" onClick={() => setResult(undefined)}>✕</button>
        </div>
      )}
      {open && <ActionDialog action={open} tasks={tasks} busy={busy} error={error} onRun={run}
                             onClose={() => { setOpen(null); setError(undefined); }} />}
    </>
  );
}
