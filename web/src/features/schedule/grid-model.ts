// The time grid's geometry, kept pure: one summit day as slots of the scheduling grain, blocks laid
// out in lanes where they overlap, and the slot a pointer position falls on.
import { localMillis } from '../../lib/time';

/** Sizes of the grid, in pixels. */
export const GRID = { rowHeight: 46, slotWidth: 24, rowHeaderWidth: 190, headerHeight: 46 };

/** One summit day cut into grain-sized slots. */
export interface DayAxis {
  date: string;
  /** The first slot's start (ms). */
  start: number;
  /** The end of the day window (ms). */
  end: number;
  grainMs: number;
  count: number;
  /** The calendar day in the summit's zone, midnight to midnight (ms): what belongs to this day. */
  day: Span;
}

/** The axis of one day, from the summit's daily window in its zone. */
export function dayAxis(
  summit: { timezone: string; dayWindow: { from: string; to: string }; grainMinutes: number },
  date: string,
): DayAxis {
  const start = localMillis(date, summit.dayWindow.from, summit.timezone);
  const end = localMillis(date, summit.dayWindow.to, summit.timezone);
  const grainMs = summit.grainMinutes * 60_000;
  // the calendar date after `date` (counted in UTC, so no clock change can skip or repeat one)
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const day = {
    from: localMillis(date, '00:00', summit.timezone),
    to: localMillis(next, '00:00', summit.timezone),
  };
  return { date, start, end, grainMs, count: Math.max(0, Math.floor((end - start) / grainMs)), day };
}

/** The start of slot `i` (ms). */
export function slotStart(axis: DayAxis, i: number): number {
  return axis.start + i * axis.grainMs;
}

/** The slot an instant falls in, clamped to the day. */
export function slotOf(axis: DayAxis, ms: number): number {
  return Math.min(axis.count - 1, Math.max(0, Math.floor((ms - axis.start) / axis.grainMs)));
}

/** Something that occupies a row from `from` to `to` (ms). */
export interface Span {
  from: number;
  to: number;
}

/** Where a span sits on the row, in pixels, clipped to the day; null when it misses the day. */
export function geometry(
  axis: DayAxis,
  span: Span,
  slotWidth: number,
): { left: number; width: number } | null {
  const from = Math.max(span.from, axis.start);
  const to = Math.min(span.to, axis.end);
  if (to <= from) return null;
  const px = slotWidth / axis.grainMs;
  return { left: (from - axis.start) * px, width: Math.max(2, (to - from) * px) };
}

/**
 * Lanes for overlapping spans (interval partitioning): each span gets the first lane free at its
 * start. Returns each span's lane, in input order, and how many lanes the row needs.
 */
export function assignLanes(spans: readonly Span[]): { lanes: number[]; count: number } {
  const order = spans.map((s, i) => ({ s, i })).sort((a, b) => a.s.from - b.s.from || b.s.to - a.s.to);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(spans.length).fill(0);
  for (const { s, i } of order) {
    let lane = laneEnds.findIndex((end) => end <= s.from);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(s.to);
    } else {
      laneEnds[lane] = s.to;
    }
    lanes[i] = lane;
  }
  return { lanes, count: Math.max(1, laneEnds.length) };
}

/** The row and slot a point of the grid's content falls on, or null outside the lanes. */
export function cellAt(
  axis: DayAxis,
  point: { x: number; y: number },
  layout: {
    rowHeaderWidth: number;
    headerHeight: number;
    rowHeight: number;
    slotWidth: number;
    rows: number;
  },
): { row: number; slot: number } | null {
  const x = point.x - layout.rowHeaderWidth;
  const y = point.y - layout.headerHeight;
  if (x < 0 || y < 0) return null;
  const row = Math.floor(y / layout.rowHeight);
  const slot = Math.floor(x / layout.slotWidth);
  if (row >= layout.rows || slot >= axis.count) return null;
  return { row, slot };
}

/** The slot a block of `length` slots may start at so it stays within the day. */
export function clampStart(axis: DayAxis, slot: number, length: number): number {
  return Math.max(0, Math.min(slot, axis.count - Math.max(1, length)));
}

/** Hour marks of the axis: the slot index of every hour from the start of the day window. */
export function hourMarks(axis: DayAxis): { slot: number; ms: number }[] {
  const out: { slot: number; ms: number }[] = [];
  for (let i = 0; i < axis.count; i++) {
    const ms = slotStart(axis, i);
    // the day window starts on a local whole hour or half hour; marks fall every hour from it
    if ((ms - axis.start) % 3_600_000 === 0) out.push({ slot: i, ms });
  }
  return out;
}

/** The blocks a reader counts as on the calendar: meetings and proposed meetings. */
export function isMeetingLike(b: { kind: string }): boolean {
  return b.kind === 'meeting' || b.kind === 'proposed';
}

/** The start (ms) of the first meeting of the day in the axis, or of the first block at all, or null. */
export function firstOfDay(axis: DayAxis, blocks: readonly (Span & { kind: string })[]): number | null {
  const inDay = blocks.filter((b) => b.to > axis.start && b.from < axis.end);
  const meetings = inDay.filter(isMeetingLike);
  const pool = meetings.length ? meetings : inDay.filter((b) => b.kind !== 'busy');
  return pool.length ? Math.max(axis.start, Math.min(...pool.map((b) => b.from))) : null;
}

/**
 * The meetings of the day on either side of the visible stretch [from, to) (ms): how many, and the
 * nearest start on each side to scroll to.
 */
export function offscreen(
  blocks: readonly (Span & { kind: string; key: string; request?: string | undefined })[],
  visible: Span,
): { before: number; after: number; nearestBefore: number | null; nearestAfter: number | null } {
  const seen = new Set<string>();
  let before = 0;
  let after = 0;
  let nearestBefore: number | null = null;
  let nearestAfter: number | null = null;
  for (const b of blocks) {
    // one meeting on several persons' rows counts once
    const id = b.request ?? b.key;
    if (!isMeetingLike(b) || seen.has(id)) continue;
    seen.add(id);
    if (b.to <= visible.from) {
      before++;
      nearestBefore = nearestBefore === null ? b.from : Math.max(nearestBefore, b.from);
    } else if (b.from >= visible.to) {
      after++;
      nearestAfter = nearestAfter === null ? b.from : Math.min(nearestAfter, b.from);
    }
  }
  return { before, after, nearestBefore, nearestAfter };
}

/**
 * Meetings of the axis's day that start before or end after its window: the grid cannot show them
 * whole. Those of other days are not this day's to list.
 */
export function outsideWindow<T extends Span & { kind: string }>(axis: DayAxis, blocks: readonly T[]): T[] {
  return blocks.filter(
    (b) =>
      isMeetingLike(b) &&
      b.to > axis.day.from &&
      b.from < axis.day.to &&
      (b.from < axis.start || b.to > axis.end),
  );
}
