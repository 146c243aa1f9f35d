import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { refId, type Task } from '../../api/types';
import { fetchQueueOptions, taskActions, type Outcome, type ProjectTarget } from './api';
import { ProjectPicker } from './ProjectPicker';
import { ACTION_LABELS, type ActionId } from './rules';

/** Confirmation and inputs of one action on the selected experiments; `run` performs it. */
export function ActionDialog({ action, tasks, busy, error, onRun, onClose }: {
  action: Exclude<ActionId, 'compare'>; tasks: Task[]; busy: boolean; error?: string;
  onRun: (run: () => Promise<Outcome>, doneText: string) => void; onClose: () => void;
}) {
  const ids = tasks.map((t) => t.id);
  const what = tasks.length === 1 ? `“${tasks[0].name}”` : `${tasks.length} experiments`;
  const common = { onClose, busy, footer: error ? <p role="alert" className="error dialog-error">{error}</p> : null };
  switch (action) {
    case 'abort':
      return <Dialog {...common} title={`Abort ${what}?`} confirmLabel="Abort" danger
                     onConfirm={() => onRun(() => taskActions.abort(ids), 'Aborted')}>
        <p>Running experiments are stopped (their worker ends the run); queued ones leave their queue.</p>
      </Dialog>;
    case 'reset':
      return <Dialog {...common} title={`Reset ${what}?`} confirmLabel="Reset" danger
                     onConfirm={() => onRun(() => taskActions.reset(ids), 'Reset')}>
        <p>Their results (metrics, console, artifacts) are cleared and they go back to draft.</p>
      </Dialog>;
    case 'dequeue':
      return <Dialog {...common} title={`Dequeue ${what}?`} confirmLabel="Dequeue"
                     onConfirm={() => onRun(() => taskActions.dequeue(ids), 'Dequeued')}>
        <p>They leave their queue and get back the status they had before.</p>
      </Dialog>;
    case 'archive':
      return <Dialog {...common} title={`Archive ${what}?`} confirmLabel="Archive"
                     onConfirm={() => onRun(() => taskActions.archive(ids), 'Archived')}>
        <p>Archived experiments leave the table; the archive view shows them and can restore them.</p>
      </Dialog>;
    case 'restore':
      return <Dialog {...common} title={`Restore ${what}?`} confirmLabel="Restore"
                     onConfirm={() => onRun(() => taskActions.restore(ids), 'Restored')}>
        <p>They come back from the archive.</p>
      </Dialog>;
    case 'publish':
      return <Dialog {...common} title={`Publish ${what}?`} confirmLabel="Publish"
                     onConfirm={() => onRun(() => taskActions.publish(ids), 'Published')}>
        <p>A published experiment can no longer be changed or reset.</p>
      </Dialog>;
    case 'enqueue': return <EnqueueDialog {...common} ids={ids} what={what} onRun={onRun} />;
    case 'clone': return <CloneDialog {...common} task={tasks[0]} onRun={onRun} />;
    case 'move': return <MoveDialog {...common} ids={ids} what={what} onRun={onRun} />;
    case 'tags': return <TagsDialog {...common} tasks={tasks} what={what} onRun={onRun} />;
    case 'edit': return <EditDialog {...common} task={tasks[0]} onRun={onRun} />;
    case 'delete': return <DeleteDialog {...common} ids={ids} what={what} onRun={onRun} />;
  }
}

type Common = { onClose: () => void; busy: boolean; footer: React.ReactNode;
  onRun: (run: () => Promise<Outcome>, doneText: string) => void };

function EnqueueDialog({ ids, what, onRun, ...common }: Common & { ids: string[]; what: string }) {
  const queues = useQuery({ queryKey: ['actions', 'queues'], queryFn: fetchQueueOptions });
  const [chosen, setChosen] = useState('');
  const fallback = queues.data?.find((q) => q.system_tags?.includes('default'))?.id ?? queues.data?.[0]?.id ?? '';
  const queue = chosen || fallback;
  return (
    <Dialog {...common} title={`Enqueue ${what}`} confirmLabel="Enqueue" confirmDisabled={!queue}
            onConfirm={() => onRun(() => taskActions.enqueue(ids, queue), 'Enqueued')}>
      <label className="field">Queue
        <select value={queue} onChange={(e) => setChosen(e.target.value)} disabled={queues.isPending}>
          {queues.isPending && <option value="">Loading queues…</option>}
          {(queues.data ?? []).map((q) => (
            <option key={q.id} value={q.id}>{q.display_name || q.name} ({q.entries?.length ?? 0} waiting)</option>
          ))}
        </select>
      </label>
    </Dialog>
  );
}

function CloneDialog({ task, onRun, ...common }: Common & { task: Task }) {
  const [name, setName] = useState(`Clone of ${task.name}`);
  const [target, setTarget] = useState<ProjectTarget>({ id: refId(task.project) });
  return (
    <Dialog {...common} title={`Clone “${task.name}”`} confirmLabel="Clone"
            confirmDisabled={!name.trim() || (!target.id && !target.name?.trim())}
            onConfirm={() => onRun(() => taskActions.clone(task.id, name.trim(), target), 'Cloned')}>
      <label className="field">Name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <ProjectPicker label="Project" value={target} onChange={setTarget} />
    </Dialog>
  );
}

function MoveDialog({ ids, what, onRun, ...common }: Common & { ids: string[]; what: string }) {
  const [target, setTarget] = useState<ProjectTarget>({});
  return (
    <Dialog {...common} title={`Move ${what}`} confirmLabel="Move" confirmDisabled={!target.id && !target.name?.trim()}
            onConfirm={() => onRun(() => taskActions.move(ids, target), 'Moved')}>
      <ProjectPicker label="To project" value={target} onChange={setTarget} />
    </Dialog>
  );
}

function TagsDialog({ tasks, what, onRun, ...common }: Common & { tasks: Task[]; what: string }) {
  const current = Array.from(new Set(tasks.flatMap((t) => t.tags ?? []))).sort();
  const [remove, setRemove] = useState<string[]>([]);
  const [add, setAdd] = useState('');
  const added = add.split(',').map((t) => t.trim()).filter(Boolean);
  return (
    <Dialog {...common} title={`Tags of ${what}`} confirmLabel="Save tags"
            confirmDisabled={!added.length && !remove.length}
            onConfirm={() => onRun(() => taskActions.tags(tasks.map((t) => t.id), added, remove), 'Tags saved for')}>
      <label className="field">Add tags (comma separated)
        <input value={add} onChange={(e) => setAdd(e.target.value)} placeholder="best, baseline" />
      </label>
      {current.length > 0 && (
        <fieldset className="field-set">
          <legend>Remove</legend>
          {current.map((tag) => (
            <label key={tag} className="check">
              <input type="checkbox" checked={remove.includes(tag)}
                     onChange={() => setRemove(remove.includes(tag) ? remove.filter((t) => t !== tag) : [...remove, tag])} />
              <span className="tag">{tag}</span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}

function EditDialog({ task, onRun, ...common }: Common & { task: Task }) {
  const [name, setName] = useState(task.name);
  const [comment, setComment] = useState(task.comment ?? '');
  return (
    <Dialog {...common} title="Edit name and comment" confirmLabel="Save" confirmDisabled={!name.trim()}
            onConfirm={() => onRun(() => taskActions.edit(task.id, name.trim(), comment), 'Saved')}>
      <label className="field">Name<input value={name} onChange={(e) => setName(e.target.value)} required /></label>
      <label className="field">Comment
        <textarea rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
    </Dialog>
  );
}

function DeleteDialog({ ids, what, onRun, ...common }: Common & { ids: string[]; what: string }) {
  const [files, setFiles] = useState(true);
  return (
    <Dialog {...common} title={`Delete ${what}?`} confirmLabel="Delete" danger
            onConfirm={() => onRun(() => taskActions.delete(ids, files), 'Deleted')}>
      <p>This cannot be undone. Running experiments are deleted too.</p>
      <label className="check">
        <input type="checkbox" checked={files} onChange={(e) => setFiles(e.target.checked)} />
        Also delete their files on the file server (artifacts, models, debug images)
      </label>
    </Dialog>
  );
}

export { ACTION_LABELS };
