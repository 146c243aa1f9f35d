import { Navigate, Outlet, useLocation } from 'react-router';
import { SessionUserProvider, useSession } from '../features/auth/session';
import { Loading, ServerUnreachable, ErrorBox } from '../components/Status';
import { ApiError } from '../api/client';

/** The authenticated part of the app: the login page when there is no session, a clear page when the API is down. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Connecting…" />;
  if (session.isError) {
    const error = session.error;
    if (error instanceof ApiError && error.unreachable) return <ServerUnreachable onRetry={() => session.refetch()} />;
    if (!(error instanceof ApiError && error.unauthorized)) return <ErrorBox error={error} />;
  }
  const user = session.data?.user;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <SessionUserProvider user={user}>
      <Outlet />
    </SessionUserProvider>
  );
}
