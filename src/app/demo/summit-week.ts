// The summit week in the demo: on Thursday evening in Da Nang the host sets the confirmation deadline
// (18:00 the evening before, unconfirmed meetings kept and flagged), moves png-usa out of the US
// room with a stated reason (its parties are offered another slot), and the deadline passes with
// Friday's scheduled meetings still unconfirmed, so they are flagged to both sides and the host.
import type { Actor } from '../../domain/actor/schema.js';
import type { UserId } from '../../domain/ids.js';
import type { Instant } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { sweepConfirmationDeadlines } from '../meetings/deadlines.js';
import { placeMeeting } from '../meetings/place.js';
import { suggestSlots } from '../planning/suggest.js';
import { changeSummit, getSummit } from '../summit/summits.js';
import { DEMO_SUMMIT } from './apec-2017.js';

/** The demo's host admin. */
const HOST_ADMIN: Actor = {
  user: 'demo-host-admin' as UserId,
  grants: [{ kind: 'host', summit: DEMO_SUMMIT, role: 'host-admin' }],
  system: false,
};

/** Thursday 9 November, 17:00 and 18:05 in Da Nang: the move, then the sweep after the deadline. */
const MOVED_AT = '2017-11-09T10:00:00.000Z' as Instant;
const SWEPT_AT = '2017-11-09T11:05:00.000Z' as Instant;

/**
 * Plays the demo's summit week once (a summit that already sets a confirmation deadline is left as
 * it is). Only an operator may, as for loadDemo.
 */
export async function playSummitWeek(ctx: AppContext, operator: Actor): Promise<void> {
  if (!operator.system) throw new ForbiddenError('only an operator may load the demo');
  const { version, ...settings } = await getSummit(ctx, operator, DEMO_SUMMIT);
  if (settings.confirmation !== null) return;
  const at = (now: Instant): AppContext => ({ ...ctx, now: () => now });
  await changeSummit(
    at(MOVED_AT),
    HOST_ADMIN,
    DEMO_SUMMIT,
    { ...settings, confirmation: { at: '18:00', daysBefore: 1, lapse: 'keep' } },
    version,
  );
  const meeting = await ctx.store.read((tx) => tx.meetings.get(DEMO_SUMMIT, 'png-usa'));
  const [elsewhere] = await suggestSlots(at(MOVED_AT), HOST_ADMIN, DEMO_SUMMIT, 'png-usa', { k: 1 });
  if (meeting && elsewhere) {
    await placeMeeting(
      at(MOVED_AT),
      HOST_ADMIN,
      DEMO_SUMMIT,
      'png-usa',
      {
        start: elsewhere.start,
        room: elsewhere.room,
        reason: "The US room is needed for the President's briefing before the leaders' dinner",
      },
      { expectedVersion: meeting.version },
    );
  }
  await sweepConfirmationDeadlines(at(SWEPT_AT), operator, DEMO_SUMMIT);
}
