import { useQuery } from '@tanstack/react-query';
import { fetchProjectOptions, type ProjectTarget } from './api';

/** Choose an existing project or name a new one. */
export function ProjectPicker({ value, onChange, label }: {
  value: ProjectTarget; onChange: (target: ProjectTarget) => void; label: string;
}) {
  const projects = useQuery({ queryKey: ['actions', 'projects'], queryFn: fetchProjectOptions });
  return (
    <>
      <label className="field">{label}
        <select aria-label={label} value={value.id ?? ''} onChange={(e) => onChange({ id: e.target.value || undefined })}
                disabled={projects.isPending}>
          <option value="">{projects.isPending ? 'Loading projects…' : '— a new project —'}</option>
          {(projects.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      {!value.id && (
        <label className="field">New project name
          <input value={value.name ?? ''} onChange={(e) => onChange({ name: e.target.value })} required />
        </label>
      )}
    </>
  );
}
