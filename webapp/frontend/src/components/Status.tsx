import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';

/** A loading note that appears only when the wait passes 300 ms, so fast answers do not flicker. */
export function Loading({ label = 'Loading…', delayMs = 300 }: { label?: string; delayMs?: number }) {
  const [visible, setVisible] = useState(delayMs === 0);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
  return (
    <div className="loading" role="status" aria-live="polite" data-testid="loading">
      {visible && <><span className="spinner" aria-hidden="true" />{label}</>}
    </div>
  );
}

export function ErrorBox({ error, children }: { error: unknown; children?: ReactNode }) {
  const message = error instanceof ApiError ? `${error.message} (${error.code}/${error.subcode})`
    : error instanceof Error ? error.message : String(error);
  return <div role="alert" className="error-box">{message}{children}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function ServerUnreachable({ onRetry }: { onRetry: () => void }) {
  return (
    <main className="login-page">
      <div className="login-card" role="alert">
        <h1>Server unreachable</h1>
        <p>The xstore API does not answer. It may be starting or stopped.</p>
        <button className="primary" onClick={onRetry}>Try again</button>
      </div>
    </main>
  );
}
