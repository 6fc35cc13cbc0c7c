// Rank parity through the application: a summit that refuses a mismatch refuses the request naming
// both ranks; one that warns takes it and says so, on creation and on every read; one with it off
// says nothing. The same rule (domain/request/rules.ts) judges summit files and CSV sheets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { ValidationError } from '../../../src/app/errors.js';
import type { SummitId } from '../../../src/domain/ids.js';
import { NotFoundError } from '../../../src/store/store.js';
import { BACKENDS, delegate, openTestStore, SYSTEM, testContext, type TestStore } from '../../support/app.js';

const summitFile = (id: string, rankParity: string) => `
summit:
  id: ${id}
  name: Ranks
  timezone: Asia/Ho_Chi_Minh
  days: {from: 2017-11-10, to: 2017-11-11}
  dayWindow: {from: "08:00", to: "18:00"}
  grainMinutes: 15
  rankParity: ${rankParity}
venues: [{id: ariyana, name: Ariyana}]
rooms: [{id: ariyana-b1, venue: ariyana, name: Bilateral Room 1, capacity: 8}]
delegations:
  - {id: usa, name: United States, principal: {id: usa-potus, name: President, rank: head-of-state}, members: [{id: usa-sos, name: Secretary of State, rank: minister}]}
  - {id: chn, name: China, principal: {id: chn-president, name: President, rank: head-of-state}, members: [{id: chn-commerce, name: Minister of Commerce, rank: minister}]}
`;

const leaders = (id: string, attendees: string[]) => ({
  id,
  to: ['chn'],
  format: 'bilateral',
  level: 'leaders',
  minutes: 30,
  attendees,
});

describe.each(BACKENDS)('rank parity on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    for (const [id, parity] of [
      ['ranks-refuse', 'refuse'],
      ['ranks-warn', 'warn'],
      ['ranks-off', 'off'],
    ] as const) {
      await importSummitFile(ctx, SYSTEM, { text: summitFile(id, parity), format: 'yaml' });
    }
  });
  afterAll(() => t.dispose());

  it('refuses a president with a minister under refuse, naming both ranks, and stores nothing', async () => {
    const S = 'ranks-refuse' as SummitId;
    const usa = delegate(S, 'usa', 'protocol-officer');
    const refused = await requestMeeting(
      ctx,
      usa,
      S,
      leaders('usa-chn-1', ['usa-potus', 'chn-commerce']),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      {
        path: 'attendees',
        code: 'rank-mismatch',
        message:
          "ranks differ: usa-potus (head of state) with chn-commerce (minister) (the summit's rankParity is refuse)",
      },
    ]);
    await expect(getRequest(ctx, SYSTEM, S, 'usa-chn-1')).rejects.toBeInstanceOf(NotFoundError);
    const alike = await requestMeeting(ctx, usa, S, leaders('usa-chn-2', ['usa-potus', 'chn-president']));
    expect(alike.warnings).toEqual([]);
  });

  it('takes it under warn and says so on creation and on reading', async () => {
    const S = 'ranks-warn' as SummitId;
    const usa = delegate(S, 'usa', 'protocol-officer');
    const warning = {
      path: 'attendees',
      code: 'rank-mismatch',
      message: 'ranks differ: usa-potus (head of state) with chn-commerce (minister)',
    };
    const created = await requestMeeting(ctx, usa, S, leaders('usa-chn-1', ['usa-potus', 'chn-commerce']));
    expect(created.warnings).toEqual([warning]);
    expect((await getRequest(ctx, delegate(S, 'chn', 'viewer'), S, 'usa-chn-1')).warnings).toEqual([warning]);
    const ministers = await requestMeeting(ctx, usa, S, leaders('usa-chn-2', ['usa-sos', 'chn-commerce']));
    expect(ministers.warnings).toEqual([]);
  });

  it('says nothing when off', async () => {
    const S = 'ranks-off' as SummitId;
    const usa = delegate(S, 'usa', 'protocol-officer');
    const created = await requestMeeting(ctx, usa, S, leaders('usa-chn-1', ['usa-potus', 'chn-commerce']));
    expect(created.warnings).toEqual([]);
    expect((await getRequest(ctx, usa, S, 'usa-chn-1')).warnings).toEqual([]);
  });
});
