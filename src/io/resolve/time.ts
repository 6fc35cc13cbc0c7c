// Reading the times and windows of an imported record in the summit's zone.
import { LocalTimeError, parseSummitTime, type Instant, type Window } from '../../domain/time.js';
import type { Located, PathSegment } from '../errors.js';

/** The instant a file time names in `zone`; null (and an error) when it does not exist. */
export function readTime(
  text: string,
  zone: string | null,
  at: Located,
  path: PathSegment[],
): Instant | null {
  if (zone === null) return null;
  try {
    return parseSummitTime(text, zone);
  } catch (e) {
    if (!(e instanceof LocalTimeError)) throw e;
    // A daylight-saving gap has its own explanation; anything else is an impossible date.
    const message = /does not exist/.test(e.message) ? e.message : `"${text}" is not a valid date and time`;
    at.error(path, message, 'invalid-value');
    return null;
  }
}

/** Reports a `to` that does not come after `from`; true when the order is right. */
export function checkAfter(
  from: Instant,
  to: Instant,
  texts: { from: string; to: string },
  at: Located,
  path: PathSegment[],
): boolean {
  if (from < to) return true;
  at.error(path, `expected a time after from (${texts.from}), got "${texts.to}"`, 'window-order');
  return false;
}

/** A half-open window; null (and errors) when a time does not exist or it does not end after it starts. */
export function readWindow(
  w: { from: string; to: string },
  zone: string | null,
  at: Located,
  path: PathSegment[],
): Window | null {
  const from = readTime(w.from, zone, at, [...path, 'from']);
  const to = readTime(w.to, zone, at, [...path, 'to']);
  if (from === null || to === null) return null;
  return checkAfter(from, to, w, at, [...path, 'to']) ? { from, to } : null;
}

/**
 * The instants of each window of a list, in the list's order (null where a time does not exist),
 * leaving the order of from and to to the caller: the request rules judge it for requests.
 */
export function readWindowTimes(
  list: readonly { from: string; to: string }[],
  zone: string | null,
  at: Located,
  path: PathSegment[],
): ({ from: Instant; to: Instant } | null)[] {
  return list.map((w, i) => {
    const from = readTime(w.from, zone, at, [...path, i, 'from']);
    const to = readTime(w.to, zone, at, [...path, i, 'to']);
    return from === null || to === null ? null : { from, to };
  });
}

/** The valid windows of a list, reporting each invalid one. */
export function readWindows(
  list: readonly { from: string; to: string }[],
  zone: string | null,
  at: Located,
  path: PathSegment[],
): Window[] {
  const out: Window[] = [];
  list.forEach((w, i) => {
    const window = readWindow(w, zone, at, [...path, i]);
    if (window) out.push(window);
  });
  return out;
}
