// Test support for the summit routes: a real server on a real store holding the APEC demo, and
// signed-in clients (bearer tokens) for the roles the tests act as.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { Backend } from '../../app/auth/testing/stores.js';
import { createToken } from '../../../src/app/auth/tokens.js';
import { DEMO_SUMMIT, loadDemo } from '../../../src/app/demo/apec-2017.js';
import type { RoleGrant } from '../../../src/domain/actor/schema.js';
import type { UserId } from '../../../src/domain/ids.js';
import { addUser, startTestServer, type TestServer } from '../testing.js';

/** The roles the tests act as: a grant each (none for the stranger); all but the operator's in the demo. */
const ROLES = {
  usaLead: { delegation: 'usa', role: 'delegation-lead' },
  usaPo: { delegation: 'usa', role: 'protocol-officer' },
  usaAdviser: { delegation: 'usa', role: 'adviser' },
  usaViewer: { delegation: 'usa', role: 'viewer' },
  rusLead: { delegation: 'rus', role: 'delegation-lead' },
  rusPo: { delegation: 'rus', role: 'protocol-officer' },
  jpnPo: { delegation: 'jpn', role: 'protocol-officer' },
  hostAdmin: { host: 'host-admin' },
  hostStaff: { host: 'host-staff' },
  /** An operator's account: may create summits, holds no role in the demo. */
  operator: { platform: 'operator' },
  stranger: null,
} as const;

/** A role's name. */
export type RoleName = keyof typeof ROLES;

/** A signed-in API client: every request carries its bearer token. */
export interface Client {
  user: UserId;
  email: string;
  send(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** The server, its store and a client per role. */
export interface DemoServer extends TestServer {
  as: Record<RoleName, Client>;
  /** Sends without credentials. */
  anonymous(options: InjectOptions): Promise<LightMyRequestResponse>;
}

function grantOf(role: (typeof ROLES)[RoleName]): RoleGrant[] {
  if (role === null) return [];
  if ('platform' in role) return [{ kind: 'platform', role: role.platform }];
  if ('host' in role) return [{ kind: 'host', summit: DEMO_SUMMIT, role: role.host }];
  return [{ kind: 'delegation', summit: DEMO_SUMMIT, delegation: role.delegation as never, role: role.role }];
}

/** Starts a server on `backend`, loads the demo and signs a client in for each role. */
export async function startDemoServer(backend: Backend): Promise<DemoServer> {
  const s = await startTestServer(backend, backend === 'postgres' ? inject('pgUrl') : undefined, {
    rateLimits: false,
  });
  await loadDemo(s.app.deps.app, { user: 'operator' as UserId, grants: [], system: true });
  const as = {} as Record<RoleName, Client>;
  for (const [name, role] of Object.entries(ROLES) as [RoleName, (typeof ROLES)[RoleName]][]) {
    const user = await addUser(s.store, grantOf(role));
    const { token } = await createToken(s.store, user.id, 'tests', s.clock.now());
    as[name] = {
      user: user.id,
      email: user.email,
      send: (options) =>
        s.app.inject({
          ...options,
          headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` },
        }),
    };
  }
  return { ...s, as, anonymous: (options) => s.app.inject(options) };
}

/** The paths of a problem's validation errors, sorted. */
export function errorPaths(response: LightMyRequestResponse): string[] {
  const body = response.json() as { errors?: { path: string }[] };
  return (body.errors ?? []).map((e) => e.path).sort();
}
