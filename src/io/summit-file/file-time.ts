// How an instant is written in a summit file or an export: local wall-clock time in the zone.
import { DateTime } from 'luxon';
import { formatSummitTime, instantMillis, parseSummitTime, type Instant } from '../../domain/time.js';

/**
 * A formatter of instants as local `YYYY-MM-DDTHH:MM` in `zone`. A time that local text cannot
 * name exactly (the later of two equal wall-clock times in a daylight-saving overlap, or one
 * with seconds) keeps its offset, so that reading it back gives the same instant.
 */
export function fileTimeIn(zone: string): (i: Instant) => string {
  return (i) => {
    const local = formatSummitTime(i, zone);
    if (parseSummitTime(local, zone) === i) return local;
    return DateTime.fromMillis(instantMillis(i), { zone }).toISO({
      suppressMilliseconds: true,
      suppressSeconds: true,
      includeOffset: true,
    }) as string;
  };
}
