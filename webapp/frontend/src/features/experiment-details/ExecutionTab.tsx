import type { TaskTabProps } from './ExperimentDetailsPage';
import { Section, KeyValues } from '../../components/Section';

function requirements(task: TaskTabProps['task']): string {
  const pip = task.script?.requirements?.pip;
  return Array.isArray(pip) ? pip.join('\n') : pip ?? '';
}

export function ExecutionTab({ task }: TaskTabProps) {
  const script = task.script ?? {};
  return (
    <>
      <Section title="Source code">
        <KeyValues entries={[
          ['Repository', script.repository], ['Branch', script.branch], ['Commit', script.version_num],
          ['Script', script.entry_point], ['Working directory', script.working_dir], ['Binary', script.binary],
        ]} />
      </Section>
      <Section title="Uncommitted changes">
        {script.diff ? <pre data-testid="diff">{script.diff}</pre> : <p className="muted">No uncommitted changes</p>}
      </Section>
      <Section title="Installed packages">
        {requirements(task) ? <pre data-testid="packages">{requirements(task)}</pre>
          : <p className="muted">No packages recorded</p>}
      </Section>
      <Section title="Container">
        <KeyValues entries={[['Image', task.container?.image], ['Arguments', task.container?.arguments]]} />
        {task.container?.setup_shell_script && <pre>{task.container.setup_shell_script}</pre>}
      </Section>
    </>
  );
}
