import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TUserDto } from '@charla/protocol';
import { api, ApiError, onUnauthenticated } from '../../lib/api-client';
import { applyAccountLanguage } from '../../lib/i18n';

type Session =
  { status: 'loading' } | { status: 'anonymous' } | { status: 'error' } | { status: 'user'; user: TUserDto };

type SessionValue = {
  session: Session;
  setUser: (user: TUserDto) => void;
  logout: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const load = useCallback(() => {
    setSession({ status: 'loading' });
    api.get<TUserDto>('/me').then(
      (user) => setSession({ status: 'user', user }),
      (error: unknown) =>
        setSession(
          error instanceof ApiError && error.status === 401 ? { status: 'anonymous' } : { status: 'error' },
        ),
    );
  }, []);
  useEffect(load, [load]);
  // The account's language (chosen at setup or in the language menu) follows the user to every device.
  const language = session.status === 'user' ? session.user.language : null;
  useEffect(() => {
    if (language) applyAccountLanguage(language);
  }, [language]);
  useEffect(() => onUnauthenticated(() => setSession({ status: 'anonymous' })), []);

  const setUser = useCallback((user: TUserDto) => setSession({ status: 'user', user }), []);
  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setSession({ status: 'anonymous' });
    }
  }, []);
  const value = useMemo(() => ({ session, setUser, logout, retry: load }), [session, setUser, logout, load]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The logged-in user; only for components rendered inside the authenticated shell. */
export function useMe(): TUserDto {
  const { session } = useSession();
  if (session.status !== 'user') throw new Error('useMe without a user');
  return session.user;
}
