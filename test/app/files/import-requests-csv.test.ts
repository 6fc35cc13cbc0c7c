// A requests sheet imported while someone else writes to the summit: what they wrote just before the
// import's write is seen (checked against, kept), or the import fails whole; never lost, never half-applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, delegate, openTestStore, SYSTEM, testContext, type TestStore } from '../../support/app.js';
import type { PersonId } from '../../../src/domain/ids.js';
import { StaleVersionError, type Store, type Tx } from '../../../src/store/store.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError, ValidationError } from '../../../src/app/errors.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { importRequestsCsv } from '../../../src/app/files/import-requests-csv.js';

const HEADER = 'id,from,to,format,level,minutes,priority,topics,attendees';
const sheet = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

describe.each(BACKENDS)('a requests sheet and a concurrent writer on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  // a sheet of US requests is the US protocol officer's to import (the host may not create them)
  const usaPo = delegate(S, 'usa', 'protocol-officer');
  const order: string[] = [];

  /**
   * The store as the import sees it: `meanwhile` (another writer, on the real store) commits after
   * the import has started reading and just before its write transaction opens, the window in
   * which a read-then-write import loses what was written.
   */
  function interleaved(meanwhile: () => Promise<unknown>): Store {
    const store = t.store;
    let pending: (() => Promise<unknown>) | undefined = meanwhile;
    order.length = 0;
    return {
      ...store,
      read: <T>(fn: (tx: Tx) => Promise<T>) => {
        order.push('read');
        return store.read(fn);
      },
      write: async <T>(fn: (tx: Tx) => Promise<T>) => {
        const run = pending;
        pending = undefined;
        if (run) {
          await run();
          order.push('meanwhile');
        }
        order.push('write');
        return store.write(fn);
      },
    };
  }
  const importWith = (meanwhile: () => Promise<unknown>, text: string) =>
    importRequestsCsv({ ...ctx, store: interleaved(meanwhile) }, usaPo, S, text);
  const stored = (id: string) => t.store.read((tx) => tx.requests.get(S, id));
  const chlFm = () => t.store.read(async (tx) => (await tx.persons.get(S, 'chl-fm'))!);

  it('keeps a request another delegation created meanwhile, and adds the sheet’s', async () => {
    const summary = await importWith(
      () =>
        requestMeeting(ctx, usaPo, S, {
          id: 'usa-chn-meanwhile',
          to: ['chn'],
          format: 'bilateral',
          level: 'ministers',
          minutes: 30,
          attendees: ['usa-ustr', 'chn-commerce'],
        }),
      sheet('usa-chl-sheet-1,usa,chl,bilateral,ministers,30,2,trade,usa-ustr;chl-fm'),
    );
    expect(order).toEqual(['read', 'meanwhile', 'write']);
    expect(summary.requests).toEqual({ inserted: 1, updated: 0, removed: 0 });
    expect(await stored('usa-chn-meanwhile')).toMatchObject({ status: 'requested', to: ['chn'] });
    expect(await stored('usa-chl-sheet-1')).toMatchObject({ to: ['chl'], attendees: ['usa-ustr', 'chl-fm'] });
  });

  it('keeps a change made meanwhile to a request the sheet does not name', async () => {
    const before = (await stored('chn-rus'))!;
    await importWith(
      () => t.store.write((tx) => tx.requests.update(S, { ...before, topics: ['changed meanwhile'] })),
      sheet('usa-chl-sheet-2,usa,chl,bilateral,ministers,30,2,trade,usa-ustr;chl-fm'),
    );
    expect(await stored('chn-rus')).toMatchObject({
      topics: ['changed meanwhile'],
      version: before.version + 1,
    });
    expect(await stored('usa-chl-sheet-2')).toBeDefined();
  });

  it('checks the sheet against a person added meanwhile', async () => {
    const person = { ...(await chlFm()), id: 'chl-added' as PersonId, name: 'Added Meanwhile', version: 1 };
    const summary = await importWith(
      () => t.store.write((tx) => tx.persons.insert(S, person)),
      sheet('usa-chl-sheet-3,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-added'),
    );
    expect(summary.requests).toMatchObject({ inserted: 1 });
    expect(await stored('usa-chl-sheet-3')).toMatchObject({ attendees: ['usa-ustr', 'chl-added'] });
  });

  it('refuses a sheet naming a person removed meanwhile, by row and column, writing none of its rows', async () => {
    const person = {
      ...(await chlFm()),
      id: 'chl-removed' as PersonId,
      name: 'Removed Meanwhile',
      version: 1,
    };
    await t.store.write((tx) => tx.persons.insert(S, person));
    const refused = await importWith(
      () => t.store.write((tx) => tx.persons.remove(S, 'chl-removed', 1)),
      sheet(
        'usa-chl-sheet-4,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm',
        'usa-chl-sheet-5,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-removed',
      ),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      {
        path: expect.stringMatching(/row 3.*attendees/),
        message: expect.stringContaining('unknown person "chl-removed"'),
        code: 'unknown-person',
      },
    ]);
    expect(await stored('usa-chl-sheet-4')).toBeUndefined();
    expect(await stored('usa-chl-sheet-5')).toBeUndefined();
    // and the removal stands: the person is not written back from an older copy
    expect(await t.store.read((tx) => tx.persons.get(S, 'chl-removed'))).toBeUndefined();
  });

  it('fails whole when a request hidden from the importer took a sheet row’s id meanwhile', async () => {
    // only the system names requests outside their requester's id space: a confidential one between others
    const hidden = {
      id: 'usa-chl-same',
      from: 'chn',
      to: ['jpn'],
      format: 'bilateral',
      level: 'leaders',
      minutes: 30,
      attendees: ['chn-president'],
      confidential: true,
    };
    const refused = await importWith(
      () => requestMeeting(ctx, SYSTEM, S, hidden),
      sheet(
        'usa-chl-sheet-6,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm',
        'usa-chl-same,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm',
      ),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      { path: 'row 3.id', message: expect.stringContaining('usa-chl-same') },
    ]);
    expect(JSON.stringify((refused as ValidationError).issues)).not.toMatch(/chn|jpn|confidential/);
    expect(await stored('usa-chl-sheet-6')).toBeUndefined();
    expect(await stored('usa-chl-same')).toMatchObject({ from: 'chn', confidential: true, version: 1 });
  });

  it('refuses to change the terms of a request sent meanwhile, as it would any stored one', async () => {
    const refused = await importWith(
      () =>
        requestMeeting(ctx, usaPo, S, {
          id: 'usa-chl-sent',
          to: ['chl'],
          format: 'bilateral',
          level: 'leaders',
          minutes: 30,
          attendees: ['usa-potus'],
        }),
      sheet('usa-chl-sent,usa,chl,bilateral,ministers,45,2,,usa-ustr;chl-fm'),
    ).catch((e: unknown) => e);
    // the import saw the request: a change of its terms, which no import may make, not a free id
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect((refused as ForbiddenError).issues).toEqual([
      { path: 'row 2', message: expect.stringContaining('attendees, level, minutes') },
    ]);
    expect(await stored('usa-chl-sent')).toMatchObject({ level: 'leaders', minutes: 30, version: 1 });
  });

  it('fails with a stale version when the summit’s own record changed meanwhile, changing nothing', async () => {
    const summit = (await t.store.read((tx) => tx.summits.get(S)))!;
    const refused = await importWith(
      () => t.store.write((tx) => tx.summits.update({ ...summit, name: 'Renamed meanwhile' })),
      sheet('usa-chl-sheet-7,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm'),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaleVersionError);
    expect(await t.store.read((tx) => tx.summits.get(S))).toMatchObject({
      name: 'Renamed meanwhile',
      version: summit.version + 1,
    });
    expect(await stored('usa-chl-sheet-7')).toBeUndefined();
  });

  it('racing a request with the same id: one of them wins whole, the other fails cleanly or sees it', async () => {
    for (let round = 0; round < 4; round++) {
      const id = `usa-chl-race-${round}`;
      const other = `usa-chl-race-other-${round}`;
      const [imported, created] = await Promise.allSettled([
        importRequestsCsv(
          ctx,
          usaPo,
          S,
          sheet(
            `${other},usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm`,
            `${id},usa,chl,bilateral,ministers,45,2,,usa-ustr;chl-fm`,
          ),
        ),
        requestMeeting(ctx, usaPo, S, {
          id,
          to: ['chl'],
          format: 'bilateral',
          level: 'leaders',
          minutes: 30,
          attendees: ['usa-potus'],
        }),
      ]);
      const request = await stored(id);
      if (imported.status === 'rejected') {
        // nothing of the sheet is written; the created request stands as made (the import, seeing
        // it, would have changed its terms, which it may not)
        expect(created.status).toBe('fulfilled');
        expect(await stored(other)).toBeUndefined();
        expect(request).toMatchObject({ level: 'leaders', version: 1 });
        continue;
      }
      expect(await stored(other)).toBeDefined();
      const replaced = imported.value.requests as { inserted: number; updated: number };
      // imported first: the creation found the id taken and wrote nothing
      if (created.status === 'fulfilled') throw new Error('both the import and the creation took the id');
      expect(String(created.reason)).toMatch(/already exists|usa-chl-race/);
      expect(replaced).toMatchObject({ inserted: 2, updated: 0 });
      expect(request).toMatchObject({ level: 'ministers', minutes: 45, version: 1 });
    }
  });
});
