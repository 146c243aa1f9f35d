import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auth, call, onUnauthorized } from '../../api/client';

export interface CurrentUser {
  id: string;
  name: string;
  role?: string;
  company?: { id: string; name?: string };
}

export interface Session {
  user: CurrentUser | null;
  basicLogin: boolean;
}

export const SESSION_KEY = ['session'] as const;

/** Whether the cookie session is valid, and whose it is. */
export async function fetchSession(): Promise<Session> {
  const modes = await auth.supportedModes();
  if (!modes.authenticated) return { user: null, basicLogin: modes.basic?.enabled ?? false };
  const current = await call<{ user: CurrentUser }>('users.get_current_user');
  return { user: current.user, basicLogin: modes.basic?.enabled ?? false };
}

const SessionContext = createContext<CurrentUser | null>(null);

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** The signed-in user; only inside the authenticated part of the app. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useCurrentUser outside of a session');
  return user;
}

export function SessionUserProvider({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const queryClient = useQueryClient();
  // A 401 on any call means the session ended (expired, revoked, logged out elsewhere): back to the login page.
  useEffect(() => onUnauthorized(() => {
    queryClient.setQueryData(SESSION_KEY, (old: Session | undefined) => ({ basicLogin: old?.basicLogin ?? true, user: null }));
  }), [queryClient]);
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useLogout() {
  const queryClient = useQueryClient();
  return async () => {
    try {
      await auth.logout();
    } finally {
      // The session query stays (its observers move the app to the login page); everything read as this user goes.
      queryClient.setQueryData(SESSION_KEY, { user: null, basicLogin: true });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    }
  };
}
