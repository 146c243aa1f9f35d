export function StatusBadge({ status }: { status?: string }) {
  const value = status ?? 'unknown';
  return <span className={`status status-${value}`} data-status={value}>{value.replace('_', ' ')}</span>;
}
