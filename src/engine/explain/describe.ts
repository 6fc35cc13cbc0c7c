// Words for blockers: what a protocol officer reads, with times in the summit's zone.
import { DateTime } from 'luxon';
import { instantMillis, type Instant } from '../../domain/time.js';
import type { Blocker } from '../result.js';

/** "10 Nov 12:30" in the zone. */
export function localTime(i: Instant, zone: string): string {
  return DateTime.fromMillis(instantMillis(i), { zone }).toFormat('d LLL HH:mm');
}

/** "10 Nov 12:30–13:30", or with both dates when the range crosses midnight. */
export function localRange(from: Instant, to: Instant, zone: string): string {
  const a = DateTime.fromMillis(instantMillis(from), { zone });
  const b = DateTime.fromMillis(instantMillis(to), { zone });
  return a.hasSame(b, 'day')
    ? `${a.toFormat('d LLL HH:mm')}–${b.toFormat('HH:mm')}`
    : `${a.toFormat('d LLL HH:mm')}–${b.toFormat('d LLL HH:mm')}`;
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
          return `${where} too small`;
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
  }
}
