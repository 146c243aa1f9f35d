import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TaskTabProps } from './ExperimentDetailsPage';
import { fetchLog, type LogEvent } from './api';
import { API_VERSION } from '../../api/client';
import { ErrorBox, Loading } from '../../components/Status';

const TAIL = 2000;

function line(e: LogEvent) {
  return `${new Date(e.timestamp).toISOString().replace('T', ' ').slice(0, 19)} ${e.worker ?? ''} ${e.level ?? ''} ${e.msg}`;
}

function Highlighted({ text, term }: { text: string; term: string }) {
  if (!term) return <>{text}</>;
  const parts = text.split(new RegExp(`(${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`, 'gi'));
  return <>{parts.map((p, i) => (i % 2 ? <mark key={i}>{p}</mark> : p))}</>;
}

/** The console: the latest lines, tailed every 2 s while the run is live; search filters and marks lines. */
export function ConsoleTab({ task, live }: TaskTabProps) {
  const [search, setSearch] = useState('');
  const [follow, setFollow] = useState(true);
  const log = useQuery({ queryKey: ['log', task.id], queryFn: () => fetchLog(task.id, TAIL),
    refetchInterval: live ? 2_000 : false });
  const ref = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => (log.data?.events ?? []).map(line), [log.data]);
  const shown = search ? lines.filter((l) => l.toLowerCase().includes(search.toLowerCase())) : lines;
  useEffect(() => {
    if (follow && ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [shown.length, follow]);

  return (
    <>
      <div className="toolbar">
        <input type="search" placeholder="Search the console" aria-label="Search the console" value={search}
               onChange={(e) => setSearch(e.target.value)} />
        <label><input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow</label>
        <a href={`/api/${API_VERSION}/events.download_task_log?task=${task.id}&line_type=text`} download>
          Download</a>
        <span className="muted small" aria-live="polite">
          {search ? `${shown.length} of ${lines.length} lines` : `${lines.length} of ${log.data?.total ?? 0} lines`}
        </span>
      </div>
      {log.isPending && <Loading label="Loading console…" />}
      {log.isError && <ErrorBox error={log.error} />}
      {log.data && (
        <pre className="console" ref={ref} data-testid="console" tabIndex={0} aria-label="Console output">
          {shown.length === 0 ? <span className="muted">No console output</span>
            : shown.map((l, i) => <div key={i}><Highlighted text={l} term={search} /></div>)}
        </pre>
      )}
    </>
  );
}
