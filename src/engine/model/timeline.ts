// The summit's clock as integers: minutes from the first day's opening, and the grid of start times.
import type { Summit } from '../../domain/summit/schema.js';
import { dayWindows, instantFromMillis, instantMillis, type Instant } from '../../domain/time.js';

/** One summit day as minutes relative to the timeline's origin, with its grid indices [firstG, endG). */
export interface TimelineDay {
  date: string;
  from: number;
  to: number;
  firstG: number;
  endG: number;
}

/**
 * Integer time for the engine. Minute 0 is the first day window's opening; the grid lists every
 * allowed start (each day from dayWindow.from every grainMinutes while before dayWindow.to), in time order.
 */
export interface Timeline {
  zone: string;
  originMs: number;
  grain: number;
  buffer: number;
  days: TimelineDay[];
  /** Minute of each grid start. */
  gridMin: Int32Array;
  /** Day index of each grid start. */
  gridDay: Int32Array;
  /** Number of grid starts. */
  G: number;
}

/** Builds the timeline of a summit (daylight-saving days come out shorter or longer, as dayWindows says). */
export function buildTimeline(summit: Summit): Timeline {
  const windows = dayWindows(summit.days, summit.dayWindow, summit.timezone);
  const originMs = windows.length > 0 ? floorMinuteMs(instantMillis(windows[0]!.from)) : 0;
  const grain = summit.grainMinutes;
  const mins: number[] = [];
  const dayOf: number[] = [];
  const days: TimelineDay[] = [];
  windows.forEach((w, k) => {
    const from = Math.ceil((instantMillis(w.from) - originMs) / 60_000);
    const to = Math.floor((instantMillis(w.to) - originMs) / 60_000);
    const firstG = mins.length;
    for (let t = from; t < to; t += grain) {
      mins.push(t);
      dayOf.push(k);
    }
    days.push({ date: w.date, from, to, firstG, endG: mins.length });
  });
  return {
    zone: summit.timezone,
    originMs,
    grain,
    buffer: summit.bufferMinutes,
    days,
    gridMin: Int32Array.from(mins),
    gridDay: Int32Array.from(dayOf),
    G: mins.length,
  };
}

function floorMinuteMs(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

/** Minute of an instant, rounded down (the start of something that blocks). */
export function minuteFloor(tl: Timeline, i: Instant): number {
  return Math.floor((instantMillis(i) - tl.originMs) / 60_000);
}

/** Minute of an instant, rounded up (the start of something that allows, or the end of a blocker). */
export function minuteCeil(tl: Timeline, i: Instant): number {
  return Math.ceil((instantMillis(i) - tl.originMs) / 60_000);
}

/** The instant of a timeline minute. */
export function instantOfMinute(tl: Timeline, minute: number): Instant {
  return instantFromMillis(tl.originMs + minute * 60_000);
}

/** The first grid index whose start is >= minute (G when none). */
export function firstGridAtOrAfter(tl: Timeline, minute: number): number {
  let lo = 0;
  let hi = tl.G;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tl.gridMin[mid]! < minute) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
