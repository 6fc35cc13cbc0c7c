// What the guard on logistics writes tells a writer of a meeting they may not see: that a private
// engagement stands in the way, never which; and what a forced change tells: the meeting's parties
// only, in words every one of them may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, delegate } from '../../support/app.js';
import { ConflictError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { persons } from '../../../src/app/logistics/specs.js';
import { setPinned } from '../../../src/app/meetings/place.js';
import { ACTORS, buildWorld, leaksIn, S, type World } from './world.js';

describe.each(BACKENDS)('the guard on meetings, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
    // the US pins its confidential meeting with Russia: from now on a change that breaks it is refused
    await setPinned(w.ctx, delegate(S, 'usa', 'protocol-officer'), S, 'usa-rus-officials', true);
  });
  afterAll(() => w.t.dispose());

  /** Ushakov (an attendee of usa-rus-officials) leaving before it. */
  async function departure() {
    const aide = await persons.get(w.ctx, ACTORS['host-admin'], S, 'rus-aide');
    const { version, ...record } = aide;
    const start = w.hiddenMeetings['usa-rus-officials'].start;
    return { record: { ...record, presence: [{ from: '2017-11-08T00:00:00.000Z', to: start }] }, version };
  }

  it('refuses the host a change that breaks a confidential meeting without naming it', async () => {
    const host = ACTORS['host-admin'];
    const { record, version } = await departure();
    const error = await persons.change(w.ctx, host, S, 'rus-aide', record, version).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const refusal = error as ConflictError;
    expect(refusal.code).toBe('breaks-meeting');
    expect(refusal.message).toMatch(/a private engagement/);
    expect(refusal.details.conflicts?.map((c) => c.request)).toEqual(['private']);
    expect(leaksIn({ message: refusal.message, details: refusal.details }, w.markersFor(host))).toEqual([]);
  });

  it('tells only the parties when the host forces it', async () => {
    const host = ACTORS['host-admin'];
    const { record, version } = await departure();
    await persons.change(w.ctx, host, S, 'rus-aide', record, version, { force: true });
    const hostLog = await readEventLog(w.ctx, host, S, { limit: 1000 });
    expect(hostLog.filter((e) => e.type === 'meeting.broken')).toEqual([]);
    expect(leaksIn(hostLog, w.markersFor(host))).toEqual([]);
    const chnLog = await readEventLog(w.ctx, ACTORS.chn, S, { limit: 1000 });
    expect(chnLog.filter((e) => e.type === 'meeting.broken')).toEqual([]);
    const rusLog = await readEventLog(w.ctx, ACTORS.rus, S, { limit: 1000 });
    const broken = rusLog.filter((e) => e.type === 'meeting.broken');
    expect(broken.map((e) => e.payload.request)).toEqual(['usa-rus-officials']);
    expect(leaksIn(broken, w.markersFor(ACTORS.rus))).toEqual([]);
  });
});
