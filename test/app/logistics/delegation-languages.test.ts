// A delegation keeps its own languages and interpreters up to date (summit-file.md rule 8); every
// other field of its record is the host's, and another delegation's record is not its to touch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';
import type { Delegation } from '../../../src/domain/summit/schema.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError } from '../../../src/app/errors.js';
import { delegations } from '../../../src/app/logistics/specs.js';

describe.each(BACKENDS)('a delegation’s languages and interpreters on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  const stored = async (id: string): Promise<Delegation> =>
    (await t.store.read((tx) => tx.delegations.get(S, id as never)))!;
  const input = ({ version: _v, ...rest }: Delegation) => rest;

  it('lets its protocol officer change its languages and interpreters', async () => {
    const usa = await stored('usa');
    const changed = await delegations.change(
      ctx,
      delegate(S, 'usa', 'protocol-officer'),
      S,
      'usa',
      { ...input(usa), languages: ['en', 'es'], interpreters: 3 },
      usa.version,
    );
    expect(changed).toMatchObject({ languages: ['en', 'es'], interpreters: 3, version: usa.version + 1 });
  });

  it('refuses it anything else of its record, naming what the host changes, and changes nothing', async () => {
    const usa = await stored('usa');
    const attempt = delegations.change(
      ctx,
      delegate(S, 'usa', 'delegation-lead'),
      S,
      'usa',
      { ...input(usa), name: 'United States of America', languages: ['en'] },
      usa.version,
    );
    await expect(attempt).rejects.toThrow(ForbiddenError);
    await expect(attempt).rejects.toThrow(/only its languages and interpreters; the host changes its name/);
    expect(await stored('usa')).toEqual(usa);
  });

  it('refuses another delegation’s languages, and a viewer its own', async () => {
    const rus = await stored('rus');
    const change = { ...input(rus), interpreters: 0 };
    await expect(
      delegations.change(ctx, delegate(S, 'usa', 'delegation-lead'), S, 'rus', change, rus.version),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      delegations.change(ctx, delegate(S, 'rus', 'viewer'), S, 'rus', change, rus.version),
    ).rejects.toThrow(ForbiddenError);
    expect(await stored('rus')).toEqual(rus);
  });

  it('leaves the host free to change the whole record', async () => {
    const jpn = await stored('jpn');
    const renamed = await delegations.change(
      ctx,
      host(S, 'host-admin'),
      S,
      'jpn',
      { ...input(jpn), name: 'Japan (host-corrected)', languages: ['ja', 'en'] },
      jpn.version,
    );
    expect(renamed).toMatchObject({ name: 'Japan (host-corrected)', languages: ['ja', 'en'] });
  });
});
