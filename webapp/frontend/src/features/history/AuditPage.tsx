import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '../auth/session';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { plainError } from '../../api/errors';
import { fetchAudit, NO_FILTERS, type HistoryEntry } from './api';
import { HistoryFilterBar } from './HistoryFilterBar';
import { HistoryEntryItem } from './HistoryEntryItem';

export const ADMIN_ROLES = ['admin', 'root', 'system'];

function linkOf(entry: HistoryEntry): string | undefined {
  const entity = entry.entity;
  if (!entity || entry.kind === 'deleted') return undefined;
  if (entity.type === 'task') return `/projects/*/experiments/${entity.id}/history`;
  if (entity.type === 'model') return `/models/${entity.id}/history`;
  if (entity.type === 'project') return `/projects/${entity.id}/history`;
  return undefined;
}

/** Every change in the company, newest first (`history.get_all`, admins only). */
export function AuditPage() {
  const user = useCurrentUser();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [page, setPage] = useState(0);
  const admin = ADMIN_ROLES.includes(user.role ?? '');
  const audit = useQuery({ queryKey: ['history', 'audit', filters, page], queryFn: () => fetchAudit(filters, page),
    enabled: admin, placeholderData: keepPreviousData });
  return (
    <section className="page" aria-labelledby="audit-title">
      <header className="page-header"><h1 id="audit-title">Audit log</h1></header>
      {!admin && <ErrorBox error="The audit log is for administrators." />}
      {admin && <HistoryFilterBar filters={filters} entries={audit.data?.entries ?? []}
                                  onChange={(f) => { setFilters(f); setPage(0); }} />}
      {audit.isLoading && <Loading label="Loading the audit log…" />}
      {audit.isError && <ErrorBox error={plainError(audit.error)} />}
      {audit.data && audit.data.entries.length === 0 && <Empty>No changes match.</Empty>}
      <ol className="timeline">
        {(audit.data?.entries ?? []).map((entry) => (
          <HistoryEntryItem key={`${entry.entity?.id}-${entry.seq}-${entry.kind}`} entry={entry}
                            entityLink={linkOf(entry)} />
        ))}
      </ol>
      {admin && (page > 0 || audit.data?.hasMore) && (
        <div className="toolbar">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Newer</button>
          <span className="muted">page {page + 1}</span>
          <button type="button" disabled={!audit.data?.hasMore} onClick={() => setPage(page + 1)}>Older</button>
        </div>
      )}
    </section>
  );
}
