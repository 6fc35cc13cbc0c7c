// The plan under check, with each placement resolved against the summit once for every rule.
import type { Request } from '../../domain/request/schema.js';
import type { Room } from '../../domain/summit/schema.js';
import type { Placement } from '../result.js';
import type { PlanRuleName, Violation } from './violation.js';
import type { SummitIndex } from './summit-index.js';
import { ms } from './summit-index.js';
import type { Span } from './spans.js';
import { formatSpan } from './local-time.js';

/** A placement of a known request with readable times, resolved against the summit. */
export interface PlacedRequest extends Span {
  placement: Placement;
  request: Request;
  /** The room, when the placement names one the summit knows. */
  room: Room | null;
  /** Where the meeting happens: its room's venue, else the request's venue (a pull-aside's). */
  venue: string | null;
}

/** What every rule reads. */
export interface PlanContext {
  index: SummitIndex;
  placements: readonly Placement[];
  /** The placements whose request exists and whose start and end are instants. */
  placed: readonly PlacedRequest[];
}

/** One hard rule of the scheduler: a name, its meaning in one line, and its check. */
export interface Rule {
  name: PlanRuleName;
  meaning: string;
  check(ctx: PlanContext): Violation[];
}

/** Resolves `placements` against the summit. */
export function planContext(index: SummitIndex, placements: readonly Placement[]): PlanContext {
  const placed: PlacedRequest[] = [];
  for (const placement of placements) {
    const request = index.requests.get(placement.request);
    const from = ms(placement.start);
    const to = ms(placement.end);
    if (!request || Number.isNaN(from) || Number.isNaN(to)) continue;
    const room = placement.room === null ? null : (index.rooms.get(placement.room) ?? null);
    placed.push({ placement, request, room, venue: room ? room.venue : request.venue, from, to });
  }
  return { index, placements, placed };
}

/** `usa-jpn (10 Nov 08:00–08:30)`. */
export function describePlaced(ctx: PlanContext, p: PlacedRequest): string {
  return `${p.request.id} (${formatSpan(p, ctx.index.zone)})`;
}
