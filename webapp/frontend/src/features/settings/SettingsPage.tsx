import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '../auth/session';
import { KeyValues } from '../../components/Section';
import { ErrorBox, Loading } from '../../components/Status';
import { formatDate } from '../../components/format';
import { plainError } from '../../api/errors';
import { ADMIN_ROLES } from '../history/AuditPage';
import { fetchServerHealth, fetchUsers } from './api';
import { CredentialsSection } from './CredentialsSection';

function UsersSection() {
  const users = useQuery({ queryKey: ['settings', 'users'], queryFn: fetchUsers });
  return (
    <section className="section" aria-label="Users">
      <h2>Users</h2>
      {users.isPending && <Loading />}
      {users.isError && <ErrorBox error={plainError(users.error)} />}
      {users.data && (
        <table className="simple" aria-label="Users of the company">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Email</th>
            <th scope="col">Created</th></tr></thead>
          <tbody>
            {users.data.map((u) => <tr key={u.id}><td>{u.name}</td><td>{u.role}</td><td>{u.email}</td>
              <td>{formatDate(u.created)}</td></tr>)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ServerSection() {
  const health = useQuery({ queryKey: ['settings', 'server'], queryFn: fetchServerHealth, refetchInterval: 30_000 });
  return (
    <section className="section" aria-label="Server">
      <h2>Server</h2>
      {health.isPending && <Loading />}
      {health.isError && <ErrorBox error={plainError(health.error)} />}
      {health.data && (
        <KeyValues entries={[
          ['Health', <span key="h" className="status status-completed" data-testid="server-health">healthy</span>],
          ['Version', health.data.info.version], ['API version', health.data.info.api_version],
          ['Build', health.data.info.build], ['Commit', health.data.info.commit],
          ['API round trip', `${health.data.pingMs} ms`],
        ]} />
      )}
    </section>
  );
}

/** Profile, API credentials, users (admins) and the server's version and health. */
export function SettingsPage() {
  const user = useCurrentUser();
  const admin = ADMIN_ROLES.includes(user.role ?? '');
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header"><h1 id="settings-title">Settings</h1></header>
      <section className="section" aria-label="Profile">
        <h2>Profile</h2>
        <KeyValues entries={[['Name', user.name], ['Role', user.role], ['Company', user.company?.name ?? user.company?.id],
          ['User id', <code key="id">{user.id}</code>]]} />
      </section>
      <CredentialsSection />
      {admin && <UsersSection />}
      <ServerSection />
    </section>
  );
}
