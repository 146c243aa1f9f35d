import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { formatDate } from '../../components/format';
import { plainError } from '../../api/errors';
import { clearmlConf, credentials } from './api';

/** The caller's API key pairs: create (the secret is shown once, with a ready clearml.conf), list, revoke. */
export function CredentialsSection() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['settings', 'credentials'], queryFn: credentials.list });
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<{ access_key: string; secret_key: string }>();
  const [revoking, setRevoking] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['settings', 'credentials'] });
    } catch (e) {
      setError(plainError(e));
    } finally {
      setBusy(false);
    }
  }
  const conf = created ? clearmlConf(window.location.origin, created.access_key, created.secret_key) : '';
  async function copy() {
    try {
      await navigator.clipboard.writeText(conf);
      setCopied(true);
    } catch {
      setError('The browser did not allow copying; select the text and copy it.');
    }
  }

  return (
    <section className="section" aria-label="API credentials">
      <h2>API credentials</h2>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); act(async () => {
        setCopied(false);
        setCreated(await credentials.create(label.trim()));
        setLabel('');
      }); }}>
        <input aria-label="Label of the new credentials" placeholder="label (optional)" value={label}
               onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" className="primary" disabled={busy}>Create credentials</button>
      </form>
      {error && !revoking && <p role="alert" className="error">{error}</p>}
      {created && (
        <div className="notice" data-testid="new-credentials">
          <p style={{ margin: 0, flexBasis: '100%' }}>Copy the secret now: it is not shown again. Paste this into
            <code> ~/clearml.conf</code>:</p>
          <pre className="snippet" aria-label="clearml.conf snippet" style={{ flexBasis: '100%' }}>{conf}</pre>
          <button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
          <button type="button" onClick={() => setCreated(undefined)}>Done</button>
        </div>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={plainError(list.error)} />}
      {list.data?.length === 0 && <Empty>No credentials.</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="simple" aria-label="Credentials">
          <thead><tr><th scope="col">Access key</th><th scope="col">Label</th><th scope="col">Last used</th>
            <th scope="col"><span className="sr-only">Revoke</span></th></tr></thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.access_key} data-testid="credential-row">
                <td><code>{c.access_key}</code></td><td>{c.label}</td>
                <td>{formatDate(c.last_used)}{c.last_used_from ? ` from ${c.last_used_from}` : ''}</td>
                <td><button type="button" className="danger-text" aria-label={`Revoke ${c.access_key}`}
                            onClick={() => { setError(undefined); setRevoking(c.access_key); }}>Revoke</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <Dialog title="Revoke these credentials?" confirmLabel="Revoke" danger busy={busy}
                footer={error ? <p role="alert" className="error dialog-error">{error}</p> : null}
                onClose={() => setRevoking(undefined)}
                onConfirm={() => act(async () => { await credentials.revoke(revoking); setRevoking(undefined); })}>
          <p>Programs using <code>{revoking}</code> can no longer call the server.</p>
        </Dialog>
      )}
    </section>
  );
}
