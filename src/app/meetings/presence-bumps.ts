// A change of someone's presence that leaves a movable meeting without one of its attendees takes
// the meeting off the calendar (its request back to agreed), telling its parties why and offering
// them the engine's best slot for it now: a meeting that cannot take place is not left standing.
import type { Actor } from '../../domain/actor/schema.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Request } from '../../domain/request/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Violation } from '../../engine/check/violation.js';
import type { Tx } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { saveRequest } from '../requests/write.js';
import { noticeSlot, recordBumps } from './bumps.js';
import { redactForReaders } from './readers.js';

/** A meeting a write newly broke, with the rules it broke. */
export interface NewlyBroken {
  meeting: Meeting;
  request: Request;
  violations: Violation[];
}

/** True when what broke a movable meeting is a presence (an attendee no longer there then). */
export function brokenByPresence(broken: NewlyBroken): boolean {
  return broken.violations.some((v) => v.rule === 'presence');
}

/**
 * Takes each meeting off the calendar as a bump caused by presence, `after` being the summit as the
 * write leaves it (meetings included). The life-cycle step is the system's: the writer changed a
 * presence, and taking the meeting off follows from it whoever they are.
 */
export async function takeOffForPresence(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  after: SummitData,
  broken: readonly NewlyBroken[],
): Promise<void> {
  if (broken.length === 0) return;
  const summit = after.summit.id;
  const system = { actor: { ...actor, system: true }, summit };
  const gone = new Set<string>(broken.map((b) => b.request.id));
  const requests = new Map(after.requests.map((r) => [r.id as string, r]));
  for (const { meeting, request } of broken) {
    const conditions = after.conditions.filter((c) => c.request === request.id);
    await tx.meetings.remove(summit, meeting.request, meeting.version);
    const next = applyTransition(request, conditions, 'unschedule', system, ctx.now());
    requests.set(
      request.id,
      await saveRequest(tx, ctx, actor, summit, request, next, ['unschedule'], undefined),
    );
  }
  const left = {
    ...after,
    meetings: after.meetings.filter((m) => !gone.has(m.request)),
    requests: [...requests.values()],
  };
  await recordBumps(
    tx,
    ctx,
    actor,
    left,
    broken.map(({ meeting, request, violations }) => {
      const presence = redactForReaders(
        after,
        request,
        violations.filter((v) => v.rule === 'presence'),
      );
      return {
        request: requests.get(request.id)!,
        previous: noticeSlot(meeting),
        now: null,
        cause: 'presence' as const,
        why: { rule: 'presence', for: null, detail: presence.map((v) => v.message).join('; ') },
      };
    }),
  );
}
