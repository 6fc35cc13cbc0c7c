// Rule 5 (summit-file.md): between two meetings in one room at least `roomTurnoverMinutes`. A meeting
// holds its room from its start until the first grid start at or after its end plus the turnover;
// two meetings in one room may not hold it at the same grid step. That is exact: meeting B at t_B
// after A may take the room iff t_B >= end_A + turnover, and t_B is a grid start.
import type { Timeline } from '../timeline.js';
import { firstGridAtOrAfter } from '../timeline.js';

/**
 * For meetings of `minutes`, the grid step (exclusive) up to which one starting at each grid step
 * holds its room: firstGridAtOrAfter(start + minutes + turnover). Without turnover that is the end of
 * its own steps; across a day's end it stops at the next day's first start, unless that comes sooner.
 */
export function roomHoldEnds(tl: Timeline, minutes: number, turnover: number): Int32Array {
  const out = new Int32Array(tl.G);
  for (let g = 0; g < tl.G; g++) out[g] = firstGridAtOrAfter(tl, tl.gridMin[g]! + minutes + turnover);
  return out;
}

/** One array per distinct duration, shared by the requests of that duration. */
export class RoomHoldCache {
  private readonly byMinutes = new Map<number, Int32Array>();

  constructor(
    private readonly tl: Timeline,
    private readonly turnover: number,
  ) {}

  /** The hold ends of meetings of `minutes` (see roomHoldEnds). */
  of(minutes: number): Int32Array {
    let ends = this.byMinutes.get(minutes);
    if (!ends) {
      ends = roomHoldEnds(this.tl, minutes, this.turnover);
      this.byMinutes.set(minutes, ends);
    }
    return ends;
  }
}

/**
 * The span of a fixed meeting [start, end) in its room as the others must keep clear of it: widened
 * by the turnover on both sides, so no meeting ends less than the turnover before it or starts less
 * than the turnover after it.
 */
export function turnoverBlock(start: number, end: number, turnover: number): [number, number] {
  return [start - turnover, end + turnover];
}
