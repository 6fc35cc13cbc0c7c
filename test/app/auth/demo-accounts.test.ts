// The demo accounts: one per host role and per role of every delegation in the demo summit file,
// each signing in with real argon2 and acting with exactly its role's capabilities.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CAPABILITIES, can, type Capability } from '../../../src/domain/actor/authority.js';
import { DelegationRole, HostRole, type Actor } from '../../../src/domain/actor/schema.js';
import { DeliberationError } from '../../../src/domain/deliberation/record.js';
import type { DelegationId } from '../../../src/domain/ids.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { NotFoundError, type User } from '../../../src/store/store.js';
import { appContext, type AppContext } from '../../../src/app/context.js';
import { readDeliberation, recordRequestPosition } from '../../../src/app/deliberation/deliberation.js';
import { DEMO_FILE, DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { createAuthContext } from '../../../src/app/auth/context.js';
import {
  createDemoAccounts,
  demoAccounts,
  demoAccountsFor,
  type DemoAccount,
} from '../../../src/app/auth/demo-accounts.js';
import { PasswordPolicyError } from '../../../src/app/auth/errors.js';
import { login } from '../../../src/app/auth/sessions.js';
import { BACKENDS, openTestStore, TestClock, type TestStore } from './testing/stores.js';

const PASSWORD = 'lantern harbour sunflower';
const OPERATOR: Actor = { user: 'demo-operator' as never, grants: [], system: true };
const CAPABILITY_LIST = Object.keys(
  Object.fromEntries(Object.values(CAPABILITIES).flatMap((caps) => caps.map((c) => [c, true]))),
) as Capability[];

/** The delegations as the demo's summit file names them, read apart from the store. */
async function fileDelegations(): Promise<{ id: string; name: string }[]> {
  const read = readSummitFile(await readFile(DEMO_FILE, 'utf8'), 'yaml');
  if (!read.ok) throw new Error('the demo summit file should read');
  return read.data.delegations.map((d) => ({ id: d.id, name: d.name }));
}

/** The one account holding `role` (of `delegation`, or of the host when null). */
function accountOf(accounts: readonly DemoAccount[], role: string, delegation: string | null) {
  const found = accounts.filter(
    (a) =>
      a.grant.role === role &&
      (delegation === null
        ? a.grant.kind === 'host'
        : a.grant.kind === 'delegation' && a.grant.delegation === delegation),
  );
  expect(found, `${role} of ${delegation ?? 'the host'}`).toHaveLength(1);
  return found[0] as DemoAccount;
}

describe('the demo accounts', () => {
  it('are one per delegation role for every delegation of the demo file, and one per host role', async () => {
    const delegations = await fileDelegations();
    expect(delegations.length).toBeGreaterThan(20);
    const accounts = demoAccountsFor(delegations);
    expect(accounts).toHaveLength(
      HostRole.options.length + DelegationRole.options.length * delegations.length,
    );
    for (const role of HostRole.options) {
      expect(accountOf(accounts, role, null).grant).toEqual({ kind: 'host', summit: S, role });
    }
    for (const d of delegations) {
      for (const role of DelegationRole.options) {
        const a = accountOf(accounts, role, d.id);
        expect(a.grant).toEqual({ kind: 'delegation', summit: S, delegation: d.id, role });
        expect(a.name).toContain(d.name);
        expect(a.delegationName).toBe(d.name);
        expect(a.email).toMatch(new RegExp(`^${d.id}-[a-z]+@demo\\.test$`));
        expect(a.id).toBe(`demo-${a.email.replace('@demo.test', '')}`);
      }
    }
    expect(new Set(accounts.map((a) => a.id)).size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.email)).size).toBe(accounts.length);
  });

  it('follow demo-<delegation>-<lead|protocol|adviser|viewer>, keeping the seven older accounts', async () => {
    const accounts = demoAccountsFor(await fileDelegations());
    const pairs = accounts.map((a) => [a.id, a.email]);
    // tests, the web tests and the demo's deliberation records sign in as or name these
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['demo-host-admin', 'host-admin@demo.test'],
        ['demo-host-staff', 'host-staff@demo.test'],
        ['demo-usa-lead', 'usa-lead@demo.test'],
        ['demo-usa-protocol', 'usa-protocol@demo.test'],
        ['demo-usa-state', 'usa-state@demo.test'],
        ['demo-rus-lead', 'rus-lead@demo.test'],
        ['demo-rus-protocol', 'rus-protocol@demo.test'],
      ]),
    );
    expect(accountOf(accounts, 'adviser', 'usa').id).toBe('demo-usa-state');
    expect(accountOf(accounts, 'viewer', 'jpn')).toMatchObject({
      id: 'demo-jpn-viewer',
      email: 'jpn-viewer@demo.test',
      name: 'Viewer (Japan)',
    });
    expect(accountOf(accounts, 'protocol-officer', 'chn').email).toBe('chn-protocol@demo.test');
    expect(accountOf(accounts, 'delegation-lead', 'kor').email).toBe('kor-lead@demo.test');
    expect(accountOf(accounts, 'adviser', 'rus').email).toBe('rus-adviser@demo.test');
  });
});

describe.each(BACKENDS)('demo accounts on %s', (backend) => {
  let t: TestStore;
  let ctx: AppContext;
  let accounts: DemoAccount[];
  let users: User[];
  const actors = new Map<string, Actor>();

  beforeAll(async () => {
    t = await openTestStore(backend, backend === 'postgres' ? inject('pgUrl') : undefined);
    ctx = appContext(t.store);
    await loadDemo(ctx, OPERATOR);
    users = await createDemoAccounts(t.store, PASSWORD);
    accounts = await demoAccounts(t.store);
  });
  afterAll(async () => t?.dispose());

  it('creates every account of the loaded summit, each with its own argon2id salt and its grant', async () => {
    expect(accounts).toEqual(demoAccountsFor(await fileDelegations()).sort(byGrant));
    expect(users.map((u) => [u.id, u.email, u.name])).toEqual(accounts.map((a) => [a.id, a.email, a.name]));
    const stored = await t.store.read(async (tx) =>
      Promise.all(
        users.map(async (u) => ({
          hash: await tx.users.passwordHash(u.id),
          grants: await tx.users.grants(u.id),
        })),
      ),
    );
    stored.forEach((s, i) => expect(s.grants).toEqual([accounts[i]?.grant]));
    const hashes = stored.map((s) => s.hash ?? '');
    for (const h of hashes) expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[^$]+\$[^$]+$/);
    expect(new Set(hashes).size).toBe(hashes.length);
    const salts = hashes.map((h) => h.split('$')[4]);
    expect(new Set(salts).size).toBe(hashes.length);
  });

  it('signs each account in with the one password, as an actor holding exactly its grant', async () => {
    const auth = createAuthContext(t.store);
    const clock = new TestClock();
    for (const a of accounts) {
      const session = await login(
        auth,
        { email: a.email, password: PASSWORD, address: '192.0.2.7' },
        clock.now(),
      );
      expect(session.user.id).toBe(a.id);
      expect(session.actor.grants).toEqual([a.grant]);
      actors.set(a.id, session.actor);
    }
    expect(actors.size).toBe(accounts.length);
  });

  it("gives each account its role's capabilities, for its own delegation only", () => {
    for (const a of accounts) {
      const actor = actors.get(a.id) as Actor;
      const own = a.grant.kind === 'delegation' ? a.grant.delegation : null;
      const other = (own === 'usa' ? 'rus' : 'usa') as DelegationId;
      for (const capability of CAPABILITY_LIST) {
        const expected = CAPABILITIES[a.grant.role].includes(capability);
        expect(can(actor, S, capability, own), `${a.email} ${capability}`).toBe(expected);
        if (own !== null) {
          expect(can(actor, S, capability, other), `${a.email} ${capability} for ${other}`).toBe(false);
          expect(can(actor, S, capability, null), `${a.email} ${capability} as host`).toBe(false);
        }
      }
    }
  });

  const position = (delegation?: string) => ({
    holder: 'Ministry of Foreign Affairs',
    stance: 'for',
    rationale: 'A demo account records its view.',
    considerations: [],
    ...(delegation ? { delegation } : {}),
  });

  it('lets the Japanese viewer read a Japanese request and its deliberation, but not record a position', async () => {
    const viewer = actors.get('demo-jpn-viewer') as Actor;
    expect((await getRequest(ctx, viewer, S, 'jpn-can')).request.id).toBe('jpn-can');
    expect((await readDeliberation(ctx, viewer, S, 'jpn-can')).delegation).toBe('jpn');
    const refused = await recordRequestPosition(ctx, viewer, S, 'jpn-can', position()).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DeliberationError);
    expect(String(refused)).toMatch(/only jpn's .* may record positions/);
    expect((await readDeliberation(ctx, viewer, S, 'jpn-can')).positions).toEqual([]);
  });

  it('lets the Chinese adviser record a position for China only', async () => {
    const adviser = actors.get('demo-chn-adviser') as Actor;
    const recorded = await recordRequestPosition(ctx, adviser, S, 'chn-phl', position());
    expect(recorded).toMatchObject({ delegation: 'chn', request: 'chn-phl', author: 'demo-chn-adviser' });
    await expect(recordRequestPosition(ctx, adviser, S, 'chn-phl', position('phl'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(recordRequestPosition(ctx, adviser, S, 'jpn-can', position())).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const phl = actors.get('demo-phl-lead') as Actor;
    expect((await readDeliberation(ctx, phl, S, 'chn-phl')).positions).toEqual([]);
  });

  it('refuses a weak password, and accounts before the demo summit is loaded, creating nothing', async () => {
    await expect(createDemoAccounts(t.store, 'short')).rejects.toBeInstanceOf(PasswordPolicyError);
    const empty = await openTestStore(backend, backend === 'postgres' ? inject('pgUrl') : undefined);
    try {
      await expect(createDemoAccounts(empty.store, PASSWORD)).rejects.toThrow('no summit "apec-2017"');
      expect(await empty.store.read((tx) => tx.users.list())).toEqual([]);
    } finally {
      await empty.dispose();
    }
  });
});

/** The store lists delegations in id order; the summit file in its own. */
function byGrant(a: DemoAccount, b: DemoAccount): number {
  const key = (x: DemoAccount) => (x.grant.kind === 'host' ? '' : x.grant.delegation);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
