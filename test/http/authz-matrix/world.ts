// The world the matrix runs in: a server on a real store with the APEC demo, a user and an API token
// per actor, the private markers, and fresh records of other delegations for writes that cannot repeat.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sha256Hex } from '../../../src/app/auth/secrets.js';
import { createToken } from '../../../src/app/auth/tokens.js';
import { createDemoAccounts, demoAccounts, type DemoAccount } from '../../../src/app/auth/demo-accounts.js';
import type { AppContext } from '../../../src/app/context.js';
import { DEMO_SUMMIT, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { startPlanJobRunner } from '../../../src/app/planning/runner.js';
import type { Actor, RoleGrant } from '../../../src/domain/actor/schema.js';
import type { UserId } from '../../../src/domain/ids.js';
import { addUser, startTestServer, TEST_PASSWORD, type TestServer } from '../testing.js';
import type { BackendName } from '../../support/app.js';
import { ACTORS, type ActorInfo } from './actors.js';
import { addTokenMarkers, demoMarkers, type Markers } from './markers.js';

/** The system (the CLI's actor): what the matrix uses to set up fresh records, never to send requests. */
export const OPERATOR: Actor = { user: 'matrix-operator' as UserId, grants: [], system: true };

/** A signed-in actor of the matrix. */
export interface MatrixUser {
  id: UserId;
  email: string;
  /** Its API token (the matrix sends every request with it). */
  token: string;
}

/** Everything an entry may use to fill in a request. */
export interface World {
  server: TestServer;
  ctx: AppContext;
  markers: Markers;
  /** The signed-in actors by name (not the anonymous one). */
  users: ReadonlyMap<string, MatrixUser>;
  /** A new number, for unique ids of fresh records. */
  next(): number;
  /** Sends a request as `actor`: with its bearer token, or without credentials when anonymous. */
  send(actor: ActorInfo, request: InjectOptions): Promise<LightMyRequestResponse>;
  /** The user behind an actor name; throws for the anonymous one. */
  user(name: string): MatrixUser;
  /** The Actor a use case sees for a matrix user, to write records in its name. */
  actorOf(name: string): Actor;
  /** A record several rows share, made once on first use. */
  shared<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** Stops the planning worker (PostgreSQL) and the server, and drops the store. */
  dispose(): Promise<void>;
}

/** The demo account an actor of the matrix is, where the demo has one (its id authors demo records). */
function demoAccountOf(accounts: readonly DemoAccount[], actor: ActorInfo): string | undefined {
  return accounts.find((a) =>
    actor.kind === 'host'
      ? a.grant.kind === 'host' && a.grant.role === actor.role
      : actor.kind === 'delegation' &&
        a.grant.kind === 'delegation' &&
        a.grant.delegation === actor.delegation &&
        a.grant.role === actor.role,
  )?.id;
}

function grantsOf(actor: ActorInfo): RoleGrant[] {
  if (actor.kind === 'operator') return [{ kind: 'platform', role: 'operator' }];
  if (actor.kind === 'host') return [{ kind: 'host', summit: DEMO_SUMMIT, role: actor.role }];
  if (actor.kind === 'delegation') {
    return [
      { kind: 'delegation', summit: DEMO_SUMMIT, delegation: actor.delegation as never, role: actor.role },
    ];
  }
  return [];
}

/** Starts a server on `backend`, loads the demo and its accounts, and signs every actor in with a token. */
export async function startWorld(backend: BackendName, pgUrl: string | undefined): Promise<World> {
  const server = await startTestServer(backend, pgUrl, { rateLimits: false });
  const ctx = server.app.deps.app;
  await loadDemo(ctx, OPERATOR);
  const demo = await createDemoAccounts(server.store, TEST_PASSWORD);
  const accounts = await demoAccounts(server.store);
  const users = new Map<string, MatrixUser>();
  const tokens: { owner: string; secret: string; id: string }[] = [];
  for (const actor of ACTORS) {
    if (actor.kind === 'anonymous') continue;
    const account = demoAccountOf(accounts, actor);
    const user = demo.find((u) => u.id === account) ?? (await addUser(server.store, grantsOf(actor)));
    const created = await createToken(server.store, user.id, 'authorisation matrix', server.clock.now());
    users.set(actor.name, { id: user.id, email: user.email, token: created.token });
    tokens.push({ owner: actor.name, secret: created.token, id: created.info.id });
  }
  // on PostgreSQL planning jobs wait for a worker process (`sideline worker`): the matrix runs one
  const worker = backend === 'postgres' ? await startPlanJobRunner(ctx) : undefined;
  const markers = await demoMarkers(
    server.store,
    [...users.values()].map((u) => u.id),
  );
  for (const t of tokens) addTokenMarkers(markers, t.owner, { ...t, hash: sha256Hex(t.secret) });

  let counter = 0;
  const made = new Map<string, Promise<unknown>>();
  const user = (name: string): MatrixUser => {
    const found = users.get(name);
    if (!found) throw new Error(`no matrix user ${name}`);
    return found;
  };
  return {
    server,
    ctx,
    markers,
    users,
    async dispose() {
      await worker?.close();
      await server.dispose();
    },
    next: () => ++counter,
    user,
    shared<T>(key: string, make: () => Promise<T>): Promise<T> {
      if (!made.has(key)) made.set(key, make());
      return made.get(key) as Promise<T>;
    },
    actorOf(name) {
      const info = ACTORS.find((a) => a.name === name);
      if (!info) throw new Error(`no actor ${name}`);
      return { user: user(name).id, grants: grantsOf(info), system: false };
    },
    send(actor, request) {
      if (actor.kind === 'anonymous') return server.app.inject(request);
      const headers = { ...(request.headers ?? {}), authorization: `Bearer ${user(actor.name).token}` };
      return server.app.inject({ ...request, headers });
    },
  };
}
