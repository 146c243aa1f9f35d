import type { KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';

export interface TabDef {
  id: string;
  label: string;
}

/** Tabs as links (`<base>/<tab>`), so a tab survives a reload; arrow keys move between them. */
export function Tabs({ tabs, current, base, label }: { tabs: TabDef[]; current: string; base: string; label: string }) {
  const navigate = useNavigate();
  function onKeyDown(event: KeyboardEvent) {
    const index = tabs.findIndex((t) => t.id === current);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    navigate(`${base}/${next.id}`);
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  }
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <Link key={t.id} id={`tab-${t.id}`} role="tab" to={`${base}/${t.id}`} aria-selected={t.id === current}
              aria-controls={`panel-${t.id}`} tabIndex={t.id === current ? 0 : -1}>
          {t.label}
        </Link>
      ))}
    </div>
  );
}
