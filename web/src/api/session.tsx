// The signed-in session: who I am, my grants and CSRF token; sign in and sign out.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { api, onUnauthorised, setCsrfToken, unwrap } from './client';
import { ApiError } from './problem';
import type { Me } from './types';

/** What the session context offers. */
export interface Session {
  /** The signed-in user, null when signed out, undefined while it is being found out. */
  me: Me | null | undefined;
  /** An error other than "not signed in" while reading the session (server down). */
  error: unknown;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const ME_KEY = ['session', 'me'] as const;

async function readMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/api/auth/me'));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Provides the session to the app; reads it once at start. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: ME_KEY, queryFn: readMe, staleTime: 5 * 60_000, retry: 1 });
  const me = query.data;

  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);
  useEffect(
    () =>
      onUnauthorised(() => {
        // the session ended (timeout, signed out elsewhere): forget everything read under it
        setCsrfToken(null);
        client.setQueryData(ME_KEY, null);
      }),
    [client],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const signed = await unwrap(api.POST('/api/auth/login', { body: { email, password } }));
      const next: Me = {
        user: signed.user,
        grants: signed.grants,
        via: signed.via,
        csrfToken: signed.csrfToken,
      };
      setCsrfToken(next.csrfToken);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      client.setQueryData(ME_KEY, next);
      return next;
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(ME_KEY, null);
    }
  }, [client]);

  const value = useMemo<Session>(
    () => ({ me: query.isPending ? undefined : (me ?? null), error: query.error, signIn, signOut }),
    [query.isPending, query.error, me, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; only inside SessionProvider. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (screens behind the sign-in guard only). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe needs a signed-in user');
  return me;
}
