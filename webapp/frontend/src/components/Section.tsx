import type { ReactNode } from 'react';

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="section" aria-label={title}>
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A definition list of the entries that have a value. */
export function KeyValues({ entries }: { entries: [string, ReactNode | undefined | null][] }) {
  const shown = entries.filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (!shown.length) return <p className="muted">Nothing recorded</p>;
  return (
    <dl className="kv">
      {shown.map(([k, v]) => <div key={k} style={{ display: 'contents' }}><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}
