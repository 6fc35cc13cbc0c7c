// Test support for the HTTP layer: a real server on a real store, users, and signed-in clients.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createUser } from '../../src/app/auth/users.js';
import { openTestStore, TestClock, type Backend } from '../app/auth/testing/stores.js';
import type { RoleGrant } from '../../src/domain/actor/schema.js';
import type { Store, User } from '../../src/store/store.js';
import type { StoreOptions } from '../../src/store/open.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/http/auth/cookie.js';
import { buildServer, type ServerOptions } from '../../src/http/server.js';

/** The password every test user gets. */
export const TEST_PASSWORD = 'lantern harbour sunflower';

/** A server under test, its store and clock, and every log line it wrote. */
export interface TestServer {
  app: FastifyInstance;
  store: Store;
  /** How the store was opened: another store on the same database is another server's. */
  storeOptions: StoreOptions;
  clock: TestClock;
  logs: string[];
  dispose(): Promise<void>;
}

/** Builds a server on a fresh store of `backend`, logging into memory, with the clock under test control. */
export async function startTestServer(
  backend: Backend,
  pgServerUrl: string | undefined,
  options: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const t = await openTestStore(backend, pgServerUrl);
  const clock = new TestClock();
  const logs: string[] = [];
  const app = await buildServer({
    store: t.store,
    now: clock.now,
    logger: { level: 'info', stream: { write: (line: string) => void logs.push(line) } },
    ...options,
  });
  return {
    app,
    store: t.store,
    storeOptions: t.options,
    clock,
    logs,
    async dispose() {
      await app.close();
      await t.dispose();
    },
  };
}

let counter = 0;

/** Creates a user with the test password and a unique email. */
export function addUser(store: Store, grants: RoleGrant[] = [], email?: string): Promise<User> {
  counter += 1;
  return createUser(store, {
    email: email ?? `user${counter}-${process.pid}@example.org`,
    name: `User ${counter}`,
    password: TEST_PASSWORD,
    grants,
  });
}

/** The session cookie value a response set, if any. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie?.value || undefined;
}

/** A signed-in browser: its session cookie and CSRF token, and a way to send requests as it. */
export interface Browser {
  cookie: string;
  csrf: string;
  /** Sends a request with the cookie, and the CSRF header unless `csrf: false`. */
  send(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

/** Signs in through POST /api/auth/login and returns the resulting browser. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Browser> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error('sign-in set no session cookie');
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    send: ({ csrf: withCsrf = true, ...options }) =>
      app.inject({
        ...options,
        cookies: { ...(options.cookies ?? {}), [SESSION_COOKIE]: cookie },
        headers: { ...(options.headers ?? {}), ...(withCsrf ? { [CSRF_HEADER]: csrf } : {}) },
      }),
  };
}
