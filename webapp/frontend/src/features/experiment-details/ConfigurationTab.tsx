import type { TaskTabProps } from './ExperimentDetailsPage';
import { Section } from '../../components/Section';

export function ConfigurationTab({ task }: TaskTabProps) {
  const sections = Object.entries(task.hyperparams ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const objects = Object.values(task.configuration ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <Section title="Hyperparameters">
        {sections.length === 0 && <p className="muted">No hyperparameters</p>}
        {sections.map(([section, params]) => (
          <div key={section}>
            <h3>{section}</h3>
            <table className="simple" aria-label={`Hyperparameters ${section}`}>
              <thead><tr><th scope="col">Name</th><th scope="col">Value</th><th scope="col">Description</th></tr></thead>
              <tbody>
                {Object.values(params).sort((a, b) => a.name.localeCompare(b.name)).map((p) => (
                  <tr key={p.name}><td>{p.name}</td><td><code>{p.value}</code></td>
                    <td className="muted">{p.description}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </Section>
      <Section title="Configuration objects">
        {objects.length === 0 && <p className="muted">No configuration objects</p>}
        {objects.map((o) => (
          <div key={o.name}>
            <h3>{o.name} {o.type && <span className="muted small">({o.type})</span>}</h3>
            <pre>{o.value}</pre>
          </div>
        ))}
      </Section>
    </>
  );
}
