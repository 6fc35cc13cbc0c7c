// A sorted list of engagements (a person's day, or a room's bookings) that answers, for a candidate
// meeting, whether it clashes and from when on it might not.
import type { Engagement, GapRule } from '../check/engagements.js';
import { engagementClash } from '../check/engagements.js';
import { lowerBound } from '../check/spans.js';

/** Engagements sorted by start, with the gap rule that applies between them. */
export class Timeline {
  private readonly items: Engagement[] = [];
  private readonly starts: number[] = [];
  private longest = 0;

  constructor(
    private readonly rule: GapRule,
    /** The largest gap the rule can ask for, which bounds the search around a candidate. */
    private readonly maxGapMs: number,
    initial: readonly Engagement[] = [],
  ) {
    for (const e of initial) this.add(e);
  }

  add(e: Engagement): void {
    const at = lowerBound(this.starts, e.from);
    this.items.splice(at, 0, e);
    this.starts.splice(at, 0, e.from);
    this.longest = Math.max(this.longest, e.to - e.from);
  }

  /**
   * Null when `candidate` clashes with nothing; otherwise the earliest start a meeting at the
   * candidate's venue could take without clashing with the engagements it clashes with now.
   */
  clash(candidate: Engagement): number | null {
    const reach = this.maxGapMs;
    const end = lowerBound(this.starts, candidate.to + reach);
    let next: number | null = null;
    for (let i = end - 1; i >= 0; i--) {
      const e = this.items[i] as Engagement;
      if (e.from + this.longest + reach <= candidate.from) break;
      if (engagementClash(candidate, e, this.rule) === null) continue;
      const clear = e.to + this.rule.travelMs(e.venue, candidate.venue) + this.rule.bufferMs;
      next = next === null ? clear : Math.max(next, clear);
    }
    return next;
  }
}
