import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../api/auth.ts';
import { ApiError, onSessionProblem } from '../api/client.ts';
import type { Me } from '../api/types.ts';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; me: Me };

interface Session {
  state: SessionState;
  /** Logs in; throws ApiError with the server's message on failure. */
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** Reloads the current user, e.g. after a password change. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const me = await authApi.me();
      setState({ status: 'authenticated', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
      else throw error;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous' }));
    onSessionProblem((problem) => {
      if (problem === 'UNAUTHENTICATED') setState({ status: 'anonymous' });
      else setState((current) => (current.status === 'authenticated' ? { status: 'authenticated', me: { ...current.me, mustChangePassword: true } } : current));
    });
    return () => onSessionProblem(null);
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const me = await authApi.login(username, password);
    setState({ status: 'authenticated', me });
    return me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setState({ status: 'anonymous' });
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}

/** The logged-in user; only for components rendered behind RequireSession. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe needs an authenticated session');
  return state.me;
}
