import type { PlacedRequest, PlanContext, Rule } from '../plan-context.js';
import type { Engagement } from '../engagements.js';
import { engagementClash } from '../engagements.js';
import { formatSpan } from '../local-time.js';
import { MINUTE_MS } from '../spans.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

/** The engagement a placed meeting gives each of its attendees. */
export function meetingEngagement(p: PlacedRequest): Engagement {
  return { kind: 'meeting', ref: p.request.id, from: p.from, to: p.to, venue: p.venue };
}

/** No attendee is in two engagements (meetings, programme events, busy blocks) at once. */
export const personOverlap: Rule = {
  name: 'person-overlap',
  meaning: 'no attendee is in two engagements at once',
  check: (ctx) => personClashes(ctx, 'overlap'),
};

/**
 * Between two engagements of a person at venues a then b lie at least travel(a, b) + buffer
 * minutes; an engagement without a venue adds the buffer only.
 */
export const personTravel: Rule = {
  name: 'person-travel',
  meaning: 'between two engagements of a person lie at least the travel minutes plus the buffer',
  check: (ctx) => personClashes(ctx, 'travel'),
};

/**
 * Every clash of `kind` in the plan. Every pair with a meeting is judged (not only neighbours in
 * time); clashes between programme events and busy blocks are the summit's own, not the plan's.
 */
function personClashes(ctx: PlanContext, kind: 'overlap' | 'travel'): Violation[] {
  const meetingsOf = new Map<string, Engagement[]>();
  for (const p of ctx.placed) {
    for (const person of new Set<string>(p.request.attendees)) {
      meetingsOf.set(person, [...(meetingsOf.get(person) ?? []), meetingEngagement(p)]);
    }
  }
  const out: Violation[] = [];
  for (const [person, meetings] of meetingsOf) {
    const fixed = ctx.index.fixedEngagements(person);
    meetings.forEach((m, i) => {
      for (const other of [...meetings.slice(i + 1), ...fixed]) {
        const v = judge(ctx, person, m, other, kind);
        if (v) out.push(v);
      }
    });
  }
  return out;
}

function judge(
  ctx: PlanContext,
  person: string,
  a: Engagement,
  b: Engagement,
  kind: 'overlap' | 'travel',
): Violation | null {
  const clash = engagementClash(a, b, ctx.index);
  if (clash === null || clash.kind !== kind) return null;
  const requests = [a, b].filter((e) => e.kind === 'meeting').map((e) => e.ref);
  if (clash.kind === 'overlap') {
    return violation('person-overlap', `${person} in ${describe(ctx, a)} and ${describe(ctx, b)}`, {
      requests,
      person,
    });
  }
  const min = (x: number) => Math.round(x / MINUTE_MS);
  const { first, second } = clash;
  return violation(
    'person-travel',
    `${person} has ${min(clash.gapMs)} min from ${describe(ctx, first, true)} to ${describe(ctx, second, true)}; ` +
      `needs ${min(clash.travelMs)} travel + ${min(clash.bufferMs)} buffer`,
    { requests, person },
  );
}

function describe(ctx: PlanContext, e: Engagement, withVenue = false): string {
  const what = e.kind === 'meeting' ? e.ref : `${e.kind} ${e.ref}`;
  const where = withVenue ? ` at ${e.venue ?? 'no venue'}` : '';
  return `${what} (${formatSpan(e, ctx.index.zone)}${where})`;
}
