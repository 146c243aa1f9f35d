import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A modal form: focus moves into it, Escape or Cancel closes it, Tab stays inside. `danger` colours the confirm
 * button for changes that destroy or stop something.
 */
export function Dialog({ title, children, confirmLabel, onConfirm, onClose, busy = false, danger = false,
  confirmDisabled = false, footer }: {
  title: string; children: ReactNode; confirmLabel?: string; onConfirm?: () => void; onClose: () => void;
  busy?: boolean; danger?: boolean; confirmDisabled?: boolean; footer?: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  const titleId = useId();
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button.primary, button');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      const focusable = Array.from(ref.current?.querySelectorAll<HTMLElement>(
        'input, select, textarea, button, a[href]') ?? []).filter((el) => !el.hasAttribute('disabled'));
      if (!focusable.length) return;
      const [first, last] = [focusable[0], focusable[focusable.length - 1]];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy && !confirmDisabled) onConfirm?.();
  }
  return (
    <div className="backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget && !busy) onClose(); }}>
      <form ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog"
            onKeyDown={onKeyDown} onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          {footer}
          <button type="button" onClick={onClose} disabled={busy}>{onConfirm ? 'Cancel' : 'Close'}</button>
          {onConfirm && (
            <button type="submit" className={danger ? 'primary danger' : 'primary'} disabled={busy || confirmDisabled}>
              {busy ? 'Working…' : confirmLabel ?? 'OK'}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
