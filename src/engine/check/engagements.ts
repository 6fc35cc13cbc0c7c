// A person's engagements (meetings, programme events, busy blocks) and the gap rule between two of them.
import type { Span } from './spans.js';
import { spansOverlap } from './spans.js';

/** Something that occupies a person from `from` to `to`, at a venue or at none known. */
export interface Engagement extends Span {
  kind: 'meeting' | 'programme' | 'busy';
  /** The request, programme event or busy block id. */
  ref: string;
  venue: string | null;
}

/** How two engagements of one person clash: they overlap, or leave too little time to travel. */
export type EngagementClash =
  | { kind: 'overlap' }
  | {
      kind: 'travel';
      gapMs: number;
      travelMs: number;
      bufferMs: number;
      first: Engagement;
      second: Engagement;
    };

/** Travel minutes and buffer, as the two numbers the gap rule needs. */
export interface GapRule {
  travelMs(a: string | null, b: string | null): number;
  bufferMs: number;
}

/**
 * The clash between two engagements of one person, or null. Between an engagement at venue `a`
 * and a later one at `b` there must be travel(a, b) + buffer; an unknown venue adds the buffer only.
 */
export function engagementClash(a: Engagement, b: Engagement, rule: GapRule): EngagementClash | null {
  if (spansOverlap(a, b)) return { kind: 'overlap' };
  const [first, second] = a.to <= b.from ? [a, b] : [b, a];
  const travelMs = rule.travelMs(first.venue, second.venue);
  const gapMs = second.from - first.to;
  if (gapMs < travelMs + rule.bufferMs) {
    return { kind: 'travel', gapMs, travelMs, bufferMs: rule.bufferMs, first, second };
  }
  return null;
}
