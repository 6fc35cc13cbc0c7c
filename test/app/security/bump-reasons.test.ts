// What a bump tells a meeting's readers when a confidential meeting took its place: its parties who
// may see that meeting read its name; every other reader (the other party, the host) reads "for a
// higher-priority engagement", with no rule or detail that hints at whose time or which room it took.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, delegate, host } from '../../support/app.js';
import { ConflictError } from '../../../src/app/errors.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { acceptPlan } from '../../../src/app/planning/plan.js';
import { hiddenRequests } from '../../../src/app/planning/plan-view.js';
import { currentPlan } from '../../../src/app/planning/suggest.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { loadSummitData } from '../../../src/app/summit/load.js';
import type { Actor } from '../../../src/domain/actor/schema.js';
import type { RequestId, UserId } from '../../../src/domain/ids.js';
import { partiesOf } from '../../../src/domain/request/agreement.js';
import { addMinutes, type Instant } from '../../../src/domain/time.js';
import { ACTORS, buildWorld, leaksIn, S, type World } from './world.js';

/** A host planner who is also a US protocol officer: sees usa-rus-officials, and plans. */
const liaison: Actor = {
  user: 'us-liaison' as UserId,
  grants: [...host(S, 'host-staff').grants, ...delegate(S, 'usa', 'protocol-officer').grants],
  system: false,
};

describe.each(BACKENDS)('bump reasons, on %s', (backend) => {
  let w: World;
  /** The visible meeting the confidential one took the room of. */
  let bumped: string;
  beforeAll(async () => {
    w = await buildWorld(backend);
    // The liaison's plan puts usa-rus-officials in the room and at the start of a visible US meeting,
    // which it takes off: the first such meeting where the confidential one fits.
    const data = await w.t.store.read((tx) => loadSummitData(tx, S));
    // the plan a planner in the liaison's view could make: nothing of what it may not see
    const hidden = hiddenRequests(liaison, data);
    const all = currentPlan(data);
    const placeable = new Set(
      data.requests.filter((r) => ['scheduled', 'confirmed'].includes(r.status)).map((r) => r.id as string),
    );
    const plan = {
      ...all,
      meetings: all.meetings.filter((p) => !hidden.has(p.request) && placeable.has(p.request)),
    };
    const visible = data.meetings.filter(
      (m) =>
        m.room !== null &&
        !m.pinned &&
        data.requests.some(
          (r) =>
            r.id === m.request &&
            !r.confidential &&
            r.status === 'scheduled' &&
            (r.from === 'usa' || r.to.includes('usa' as never)),
        ),
    );
    for (const m of visible) {
      const meetings = plan.meetings
        .filter((p) => p.request !== m.request && p.request !== 'usa-rus-officials')
        .concat({
          request: 'usa-rus-officials' as RequestId,
          start: m.start,
          end: addMinutes(m.start, 30) as Instant,
          room: m.room,
        });
      try {
        await acceptPlan(w.ctx, liaison, S, { ...plan, meetings });
        bumped = m.request;
        return;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
    throw new Error('no US meeting whose slot usa-rus-officials fits');
  });
  afterAll(() => w.t.dispose());

  it('names the confidential meeting to its parties only', async () => {
    const us = await getRequest(w.ctx, delegate(S, 'usa', 'protocol-officer'), S, bumped);
    expect(us.notices.bumped).toMatchObject({
      cause: 'planner',
      moved: false,
      for: 'usa-rus-officials',
    });
    expect(['room-exclusive', 'person-overlap']).toContain(us.notices.bumped!.rule);
    expect(us.notices.bumped!.reason).toMatch(
      /^The planner took it off the calendar to make room for usa-rus-officials: /,
    );
  });

  it('tells every other reader only that it was for a higher-priority engagement', async () => {
    const request = (await w.t.store.read((tx) => tx.requests.get(S, bumped)))!;
    // the party that is no party to usa-rus-officials
    const counterpart = partiesOf(request).find((d) => d !== 'usa' && d !== 'rus')!;
    for (const reader of [
      delegate(S, counterpart, 'delegation-lead'),
      ACTORS['host-admin'],
      ACTORS['host-staff'],
    ]) {
      const view = await getRequest(w.ctx, reader, S, bumped);
      expect(view.notices.bumped).toMatchObject({ cause: 'planner', for: null, rule: null });
      expect(view.notices.bumped!.reason).toBe(
        'The planner took it off the calendar for a higher-priority engagement.',
      );
      const markers = [
        ...w.markersFor(reader),
        { text: 'usa-rus-officials', what: 'the confidential request' },
      ];
      expect(leaksIn(view, markers)).toEqual([]);
      const events = await readEventLog(w.ctx, reader, S, { limit: 1000 });
      const removed = events.filter((e) => e.type === 'meeting.removed' && e.payload.request === bumped);
      expect(removed).toHaveLength(1);
      expect(removed[0]!.payload).toMatchObject({ by: 'planner', reason: { for: null, rule: null } });
      expect(leaksIn(events, markers)).toEqual([]);
    }
  });
});
