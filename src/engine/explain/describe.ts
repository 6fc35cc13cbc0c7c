// Words for blockers: what a protocol officer reads, with times in the summit's zone.
import { instantMillis, type Instant } from '../../domain/time.js';
import type { Blocker } from '../result.js';

const formatters = new Map<string, (ms: number) => { day: string; time: string }>();

/** A cached formatter of epoch milliseconds to local "10 Nov" and "12:30" in a zone. */
function formatterFor(zone: string): (ms: number) => { day: string; time: string } {
  let f = formatters.get(zone);
  if (!f) {
    const intl = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const memo = new Map<number, { day: string; time: string }>();
    f = (ms) => {
      let v = memo.get(ms);
      if (!v) {
        const parts: Record<string, string> = {};
        for (const p of intl.formatToParts(ms)) parts[p.type] = p.value;
        v = { day: `${parts.day} ${parts.month}`, time: `${parts.hour}:${parts.minute}` };
        if (memo.size < 100_000) memo.set(ms, v);
      }
      return v;
    };
    formatters.set(zone, f);
  }
  return f;
}

/** "10 Nov 12:30" in the zone. */
export function localTime(i: Instant, zone: string): string {
  const { day, time } = formatterFor(zone)(instantMillis(i));
  return `${day} ${time}`;
}

/** "10 Nov 12:30–13:30", or with both dates when the range crosses midnight. */
export function localRange(from: Instant, to: Instant, zone: string): string {
  const f = formatterFor(zone);
  const a = f(instantMillis(from));
  // An end at midnight belongs to the day it closes.
  const b = f(instantMillis(to));
  const sameDay =
    a.day === b.day ||
    (b.time === '00:00' &&
      instantMillis(to) - instantMillis(from) < 86_400_000 &&
      f(instantMillis(to) - 1).day === a.day);
  return sameDay
    ? `${a.day} ${a.time}–${b.time === '00:00' && a.day !== b.day ? '24:00' : b.time}`
    : `${a.day} ${a.time}–${b.day} ${b.time}`;
}

/** Names used when describing blockers: venue names by id. */
export interface Names {
  zone: string;
  venue(id: string | null): string;
}

/** One blocker as a short phrase, e.g. "usa-potus: APEC CEO Summit address 10 Nov 12:30–13:30". */
export function describeBlocker(b: Blocker, n: Names): string {
  switch (b.kind) {
    case 'programme':
      return `${b.person}: ${b.title} ${localRange(b.from, b.to, n.zone)}`;
    case 'busy':
      return `${b.person}: ${b.label ?? 'private commitment'} ${localRange(b.from, b.to, n.zone)}`;
    case 'meeting':
      return `${b.person}: meeting ${b.request} ${localRange(b.from, b.to, n.zone)}`;
    case 'presence': {
      const parts: string[] = [];
      if (b.arrives) parts.push(`arrives ${localTime(b.arrives, n.zone)}`);
      if (b.departs) parts.push(`departs ${localTime(b.departs, n.zone)}`);
      return `${b.person} ${parts.length ? parts.join(', ') : 'is not present'}`;
    }
    case 'rooms': {
      const where = b.venue === null ? 'rooms' : `${n.venue(b.venue)} rooms`;
      const when = b.from && b.to ? ` ${localRange(b.from, b.to, n.zone)}` : '';
      switch (b.reason) {
        case 'taken':
          return `${where} taken${when}`;
        case 'too-small':
          return b.seats !== undefined && b.largest !== undefined
            ? `no ${where.replace(/ rooms$/, '')} room seats ${b.seats}${b.largest > 0 ? ` (the largest seats ${b.largest})` : ''}`.replace(
                'no rooms room',
                'no room',
              )
            : `${where} too small`;
        case 'lent':
          return `${where} lent to other delegations`;
        case 'unavailable':
          return `${where} unavailable${when}`;
      }
      return where;
    }
    case 'travel':
      return `${b.person}: ${b.minutes} min from ${n.venue(b.fromVenue)} to ${n.venue(b.toVenue)}`;
    case 'window':
      return b.detail;
    case 'quota':
      return describeQuota(b);
    case 'interpreters': {
      const meetings = b.meetings.length > 0 ? ` in ${andList(b.meetings)}` : '';
      return `${b.delegation} interpreters (${b.interpreters}) busy ${localRange(b.from, b.to, n.zone)}${meetings}`;
    }
    case 'features': {
      const where = b.venue === null ? 'room' : `${n.venue(b.venue)} room`;
      const when = b.from && b.to ? ` free ${localRange(b.from, b.to, n.zone)}` : '';
      return `no ${where} with ${andList(b.needs)}${when}`;
    }
    case 'turnover':
      return b.frees
        ? `room turnover: ${b.room} frees at ${localTime(b.frees, n.zone)}`
        : `room turnover: ${b.room} must be free by ${localTime(b.needed!, n.zone)}`;
  }
}

/** "a", "a and b", "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "10 Nov" for the calendar date 2017-11-10. */
function dateInWords(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]!}`;
}

/** "quota: usa has 6 meetings on 10 Nov (limit 6)", "quota: usa requested 540 minutes of meetings over the summit (limit 600)". */
function describeQuota(b: Extract<Blocker, { kind: 'quota' }>): string {
  const when = b.per === 'summit' || b.day === null ? 'over the summit' : `on ${dateInWords(b.day)}`;
  const what = b.measure === 'meetings' ? `${b.used} meetings` : `${b.used} minutes of meetings`;
  return `quota: ${b.delegation} ${b.requester ? 'requested' : 'has'} ${what} ${when} (limit ${b.limit})`;
}
