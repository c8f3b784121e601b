import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserView } from '../../shared/api/system-contract';
import type { Role } from '../../shared/api/define';
import { api } from '../api/client';

interface SessionState {
  user: UserView | null;
  loading: boolean;
  setSession(token: string, user: UserView): void;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserView | null>(null);
  const [loading, setLoading] = useState(api.hasSession);

  useEffect(() => {
    const off = api.onUnauthenticated(() => setUser(null));
    if (api.hasSession) {
      void api.call('auth.me', {}).then((r) => {
        setUser(r.ok ? r.value : null);
        setLoading(false);
      });
    }
    return off;
  }, []);

  const setSession = useCallback((token: string, u: UserView) => {
    api.setToken(token);
    setUser(u);
  }, []);
  const logout = useCallback(async () => {
    await api.call('auth.logout', {});
    api.setToken(null);
    setUser(null);
  }, []);
  const hasRole = useCallback((...roles: Role[]) => !!user && roles.includes(user.role), [user]);
  const value = useMemo(() => ({ user, loading, setSession, logout, hasRole }), [user, loading, setSession, logout, hasRole]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
