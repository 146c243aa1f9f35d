import { Link } from 'react-router';
import type { TaskTabProps } from './ExperimentDetailsPage';
import { KeyValues, Section } from '../../components/Section';
import { formatDate, formatDuration } from '../../components/format';
import { refId, refName } from '../../api/types';

export function InfoTab({ task }: TaskTabProps) {
  // get_all_ex answers references as {id} objects.
  const queue = refId(task.execution?.queue as unknown as { id: string } | string | undefined);
  const parent = refId(task.parent as unknown as { id: string } | string | undefined);
  const runtime = task.started && task.completed
    ? (new Date(task.completed).getTime() - new Date(task.started).getTime()) / 1000 : task.active_duration;
  return (
    <Section title="Info">
      <KeyValues entries={[
        ['ID', <code key="id">{task.id}</code>],
        ['Status', task.status],
        ['Status message', task.status_message],
        ['Status reason', task.status_reason],
        ['Type', task.type],
        ['User', refName(task.user)],
        ['Created', formatDate(task.created)],
        ['Started', formatDate(task.started)],
        ['Completed', formatDate(task.completed)],
        ['Last update', formatDate(task.last_update)],
        ['Run time', runtime ? formatDuration(runtime) : undefined],
        ['Last iteration', task.last_iteration],
        ['Queue', queue && <Link to={`/queues/${queue}`}>{queue}</Link>],
        ['Parent', parent && <Link to={`/projects/*/experiments/${parent}`}>{parent}</Link>],
        ['Tags', (task.tags ?? []).map((t) => <span key={t} className="tag">{t}</span>)],
        ['Description', task.comment],
      ]} />
    </Section>
  );
}
