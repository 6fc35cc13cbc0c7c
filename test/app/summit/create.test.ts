// Creating summits, empty or from a file, on both backends: an operator's account may, and becomes the
// new summit's host-admin in the same transaction; it gains nothing in summits it did not make; the
// system (CLI) may and is given nothing; everyone else is refused and nothing changes.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, host, openTestStore, SYSTEM, testContext, type TestStore } from '../../support/app.js';
import type { Actor, RoleGrant } from '../../../src/domain/actor/schema.js';
import type { SummitId, UserId } from '../../../src/domain/ids.js';
import { DuplicateError, NotFoundError } from '../../../src/store/store.js';
import { actorFor } from '../../../src/app/auth/actor.js';
import { createUser } from '../../../src/app/auth/users.js';
import { DEMO_FILE, DEMO_SUMMIT, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { exportSummitFile } from '../../../src/app/files/export-summit.js';
import { createSummitFromFile, importIntoSummit } from '../../../src/app/files/import-file.js';
import { changeSummit, createSummit, getSummit, listSummits } from '../../../src/app/summit/summits.js';

const OPERATOR_GRANT: RoleGrant = { kind: 'platform', role: 'operator' };

/** What calling `fn` comes to, as a promise, whether it throws at once or rejects later. */
const attempt = <T>(fn: () => Promise<T>): Promise<T> => Promise.resolve().then(fn);

/** Settings of a new summit `id`. */
const settings = (id: string) => ({
  id,
  name: `Summit ${id}`,
  timezone: 'Europe/Berlin',
  days: { from: '2017-07-07', to: '2017-07-08' },
  dayWindow: { from: '08:00', to: '20:00' },
  grainMinutes: 15,
  bufferMinutes: 5,
});

describe.each(BACKENDS)('creating summits on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  let demoText: string;
  let n = 0;

  /** A stored account with `grants`, and the Actor a sign-in would give it now. */
  const account = async (grants: RoleGrant[]): Promise<{ id: UserId; actor: () => Promise<Actor> }> => {
    n += 1;
    const user = await createUser(t.store, {
      email: `account${n}@example.org`,
      name: `Account ${n}`,
      password: 'a quiet harbour at dawn',
      grants,
    });
    return { id: user.id, actor: () => t.store.read((tx) => actorFor(tx, user)) };
  };
  const grantsOf = (id: UserId) => t.store.read((tx) => tx.users.grants(id));
  const summitIds = () => t.store.read(async (tx) => (await tx.summits.list()).map((s) => s.id));

  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
    demoText = await readFile(DEMO_FILE, 'utf8');
  });
  afterAll(() => t.dispose());

  it('lets an operator create an empty summit, which it then administers and alone lists', async () => {
    const op = await account([OPERATOR_GRANT]);
    const before = await op.actor();
    expect(before.system).toBe(false);
    expect(await listSummits(ctx, before)).toEqual([]);

    const created = await createSummit(ctx, before, settings('g20-2017'));
    expect(created).toEqual({
      ...settings('g20-2017'),
      // settings without the practice rules leave every rule off
      roomTurnoverMinutes: 0,
      rankParity: 'warn',
      planning: { maxMoves: null, now: null, freezeHours: null },
      quotas: [],
      // and set no confirmation deadline
      confirmation: null,
      version: 1,
    });
    const id = created.id;
    expect(await grantsOf(op.id)).toEqual([OPERATOR_GRANT, { kind: 'host', summit: id, role: 'host-admin' }]);

    const after = await op.actor();
    expect((await listSummits(ctx, after)).map((s) => s.id)).toEqual([id]);
    expect(await getSummit(ctx, after, id)).toEqual(created);
    const renamed = await changeSummit(ctx, after, id, { ...settings(id), name: 'G20 Hamburg' }, 1);
    expect(renamed).toMatchObject({ name: 'G20 Hamburg', version: 2 });
    const log = await readEventLog(ctx, after, id);
    expect(log.map((e) => [e.type, e.actor])).toEqual([
      ['summit.created', op.id],
      ['summit.changed', op.id],
    ]);
    // the platform grant reads nothing of a summit the operator did not make
    await expect(attempt(() => getSummit(ctx, after, DEMO_SUMMIT))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses an id already taken (DuplicateError), granting nothing', async () => {
    const op = await account([OPERATOR_GRANT]);
    const actor = await op.actor();
    for (const id of [DEMO_SUMMIT, 'g20-2017']) {
      const before = await t.store.read((tx) => tx.summits.get(id as SummitId));
      await expect(createSummit(ctx, actor, settings(id))).rejects.toBeInstanceOf(DuplicateError);
      expect(await t.store.read((tx) => tx.summits.get(id as SummitId))).toEqual(before);
    }
    expect(await grantsOf(op.id)).toEqual([OPERATOR_GRANT]);
  });

  it('refuses everyone but operators and the system, creating nothing', async () => {
    const admin = await account([{ kind: 'host', summit: DEMO_SUMMIT, role: 'host-admin' }]);
    const nobody = await account([]);
    const ids = await summitIds();
    for (const actor of [await admin.actor(), await nobody.actor(), host(DEMO_SUMMIT)]) {
      const refused = attempt(() => createSummit(ctx, actor, settings('unga-2017')));
      await expect(refused).rejects.toThrow(new ForbiddenError('only an operator may create a summit'));
      const fromFile = attempt(() =>
        createSummitFromFile(ctx, actor, {
          text: demoText.replace('id: apec-2017', 'id: unga-2017'),
          format: 'yaml',
        }),
      );
      await expect(fromFile).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await summitIds()).toEqual(ids);
    expect(await grantsOf(admin.id)).toEqual([{ kind: 'host', summit: DEMO_SUMMIT, role: 'host-admin' }]);
  });

  it('lets the system create a summit without giving any account a role in it', async () => {
    const created = await createSummit(ctx, SYSTEM, settings('cli-made'));
    const holders = await t.store.read(async (tx) => {
      const users = await tx.users.list();
      const grants = await Promise.all(users.map((u) => tx.users.grants(u.id)));
      return grants.flat().filter((g) => g.kind !== 'platform' && g.summit === created.id);
    });
    expect(holders).toEqual([]);
  });

  it('lets an operator create a summit from a file and administer it, never over an existing one', async () => {
    const op = await account([OPERATOR_GRANT]);
    const text = demoText.replace('id: apec-2017', 'id: apec-2017-copy');
    const summary = await createSummitFromFile(ctx, await op.actor(), { text, format: 'yaml' });
    expect(summary).toMatchObject({ summit: 'apec-2017-copy', created: true });
    const copy = 'apec-2017-copy' as SummitId;
    expect(await grantsOf(op.id)).toEqual([
      OPERATOR_GRANT,
      { kind: 'host', summit: copy, role: 'host-admin' },
    ]);
    const actor = await op.actor();
    expect((await listSummits(ctx, actor)).map((s) => s.id)).toEqual([copy]);
    // host-admin of the copy: it imports into it, and reads what a host reads, no delegation's secrets
    const version = (await getSummit(ctx, actor, copy)).version;
    const exported = await exportSummitFile(ctx, actor, copy, 'json');
    const again = await importIntoSummit(ctx, actor, copy, { text: exported, format: 'json' }, version);
    expect(again).toMatchObject({ summit: copy, created: false });
    const system = await exportSummitFile(ctx, SYSTEM, copy, 'json');
    const busy = (file: string) => ((JSON.parse(file) as { busy?: unknown[] }).busy ?? []).length;
    expect(busy(system)).toBeGreaterThan(0);
    expect(busy(exported)).toBe(0);

    // the demo's id is taken: 409, whether the operator holds a role there or not, and nothing changes
    const demoBefore = await exportSummitFile(ctx, SYSTEM, DEMO_SUMMIT, 'json');
    await expect(createSummitFromFile(ctx, actor, { text: demoText, format: 'yaml' })).rejects.toBeInstanceOf(
      DuplicateError,
    );
    const staff = await account([OPERATOR_GRANT, { kind: 'host', summit: DEMO_SUMMIT, role: 'host-staff' }]);
    await expect(
      createSummitFromFile(ctx, await staff.actor(), { text: demoText, format: 'yaml' }),
    ).rejects.toBeInstanceOf(DuplicateError);
    // …and importing into it is the host-admin's alone: to an operator with no role it does not exist
    const demoVersion = (await getSummit(ctx, SYSTEM, DEMO_SUMMIT)).version;
    await expect(
      importIntoSummit(ctx, actor, DEMO_SUMMIT, { text: demoText, format: 'yaml' }, demoVersion),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await exportSummitFile(ctx, SYSTEM, DEMO_SUMMIT, 'json')).toBe(demoBefore);
    expect(await grantsOf(op.id)).toHaveLength(2);
  });

  it('rolls the summit back when its creator cannot be given the role', async () => {
    // an operator Actor whose account is gone: the grant fails, and so does the whole creation
    const ghost: Actor = { user: 'u-gone' as UserId, grants: [OPERATOR_GRANT], system: false };
    await expect(attempt(() => createSummit(ctx, ghost, settings('ghost-summit')))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      createSummitFromFile(ctx, ghost, {
        text: demoText.replace('id: apec-2017', 'id: ghost-copy'),
        format: 'yaml',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await summitIds()).not.toContain('ghost-summit');
    expect(await summitIds()).not.toContain('ghost-copy');
  });
});
