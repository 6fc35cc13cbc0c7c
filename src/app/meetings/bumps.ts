// A meeting moved or taken off by the planner, the host or a change of presence is a bump: its record
// says why in words its readers may see, and its parties are offered the engine's best slot for it at
// that moment, to take in one step (alternative.ts). Each bump is a `bumped` notice and the
// `meeting.moved` or `meeting.removed` event, carrying the reason and the alternative.
import type { Actor } from '../../domain/actor/schema.js';
import { bumpReason } from '../../domain/meeting/bump-words.js';
import type { Bump, BumpCause, NoticeSlot } from '../../domain/meeting/notice.js';
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Placement } from '../../engine/result.js';
import { suggestEach } from '../../engine/suggest.js';
import type { Tx } from '../../store/store.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { recordEvent } from '../events/record.js';
import type { BumpWhy } from '../planning/bump-reasons.js';
import { planningInput } from '../planning/plan.js';
import { currentPlan } from '../planning/suggest.js';
import { putNotice } from './notices.js';
import { everyReaderSees } from './readers.js';

/** One meeting bumped by a write: where it was, where it is now (null: taken off), who and why. */
export interface BumpInput {
  request: Request;
  previous: NoticeSlot;
  now: NoticeSlot | null;
  cause: BumpCause;
  why: BumpWhy;
  /** The host's own words, if any. */
  stated?: string | null;
}

function slotOf(p: {
  start: NoticeSlot['start'];
  end: NoticeSlot['end'];
  room: NoticeSlot['room'];
}): NoticeSlot {
  return { start: p.start, end: p.end, room: p.room };
}

function sameSlot(a: NoticeSlot, b: NoticeSlot | null): boolean {
  return b !== null && a.start === b.start && a.room === b.room;
}

/**
 * The engine's best slot for each bumped meeting on the calendar as it now is (`after`), other than
 * where it now is and where it was; compiled once for all of them, each holding its slot while the
 * next is looked for.
 */
function alternatives(after: SummitData, bumps: readonly BumpInput[]): Map<string, NoticeSlot | null> {
  const data = planningInput(after);
  const each = suggestEach(
    data,
    currentPlan(data),
    bumps.map((b) => b.request.id),
    3,
  );
  return new Map(
    bumps.map((b) => {
      // neither where it is now nor where it was: the slot it lost is not offered back
      const offered = (each.get(b.request.id) ?? []).find(
        (s) => !sameSlot(slotOf(s), b.now) && !sameSlot(slotOf(s), b.previous),
      );
      return [b.request.id, offered ? slotOf(offered) : null];
    }),
  );
}

/**
 * Records the bumps of one write, inside its transaction, after its meetings are written: a notice
 * each (over any earlier one) and the moved or removed event, in words every reader may see.
 * `after` is the summit as the write leaves it.
 */
export async function recordBumps(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  after: SummitData,
  bumps: readonly BumpInput[],
): Promise<void> {
  if (bumps.length === 0) return;
  const offered = alternatives(after, bumps);
  const requests = new Map(after.requests.map((r) => [r.id as string, r]));
  for (const b of bumps) {
    const bump: Bump = {
      kind: 'bumped',
      cause: b.cause,
      rule: b.why.rule,
      for: b.why.for,
      detail: b.why.detail,
      stated: b.stated ?? null,
      previous: b.previous,
      alternative: offered.get(b.request.id) ?? null,
      by: actor.user,
    };
    await putNotice(tx, after.summit.id, {
      request: b.request.id,
      start: b.now?.start ?? null,
      room: b.now?.room ?? null,
      at: ctx.now(),
      detail: bump,
    });
    const taker = bump.for === null ? undefined : requests.get(bump.for);
    const showFor = taker !== undefined && everyReaderSees(after, b.request, taker);
    // a hidden taker is not hinted at either: no rule that says whose time or which room it took
    const hidden = bump.for !== null && !showFor;
    const reason = {
      cause: bump.cause,
      rule: hidden ? null : bump.rule,
      for: showFor ? bump.for : null,
      text: bumpReason(bump, b.now !== null, showFor),
    };
    const by = b.cause === 'host' ? {} : { by: b.cause };
    const type = b.now === null ? 'meeting.removed' : 'meeting.moved';
    await recordEvent(tx, ctx, actor, after.summit.id, partiesScope(b.request), type, {
      request: b.request.id,
      ...(b.now ? { ...b.now, previous: { start: b.previous.start, room: b.previous.room } } : {}),
      ...by,
      reason,
      alternative: bump.alternative,
    });
  }
}

/** A stored meeting or a plan's placement as the slot a notice keeps. */
export function noticeSlot(p: Pick<Placement, 'start' | 'end' | 'room'>): NoticeSlot {
  return slotOf(p);
}
