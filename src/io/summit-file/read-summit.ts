// The `summit` section: its zone, days, day window and grain, which every other section relies on.
import { DateTime, IANAZone } from 'luxon';
import type { SummitId } from '../../domain/ids.js';
import type { Summit } from '../../domain/summit/schema.js';
import { NO_PLANNING_LIMITS } from '../../domain/summit/practice.js';
import { LocalTimeError, parseSummitTime } from '../../domain/time.js';
import { inFile, type Located, type Problems } from '../errors.js';
import { parseRecord } from '../resolve/issues.js';
import { FileSummit } from './schema.js';

/** The summit record (null when invalid) and the settings other sections are read with. */
export interface SummitSection {
  summit: Summit | null;
  /** null when the zone is invalid, so that times elsewhere are not reported a second time. */
  zone: string | null;
  grainMinutes: number | null;
}

const MAX_DAYS = 366;

/** Reads and checks the summit section. */
export function readSummitSection(raw: unknown, problems: Problems): SummitSection {
  const at = inFile(problems, ['summit']);
  const before = problems.count;
  const file = parseRecord(FileSummit, raw, at);
  const zone = checkZone(raw, at);
  const grainMinutes = salvageGrain(raw);
  if (file === null) return { summit: null, zone, grainMinutes };
  checkDays(file, at);
  if (file.dayWindow.from >= file.dayWindow.to) {
    at.error(
      ['dayWindow', 'to'],
      `expected a time of day after from (${file.dayWindow.from}), got "${file.dayWindow.to}"`,
    );
  }
  if (zone !== null && problems.count === before) checkDayWindowExists(file, zone, at);
  if (problems.count > before) return { summit: null, zone, grainMinutes };
  const summit: Summit = {
    id: file.id as SummitId,
    name: file.name,
    timezone: file.timezone,
    days: { ...file.days },
    dayWindow: { ...file.dayWindow },
    grainMinutes: file.grainMinutes,
    bufferMinutes: file.bufferMinutes ?? 0,
    roomTurnoverMinutes: file.roomTurnoverMinutes ?? 0,
    rankParity: file.rankParity ?? 'warn',
    confirmation: file.confirmation
      ? {
          at: file.confirmation.at,
          daysBefore: file.confirmation.daysBefore ?? 1,
          lapse: file.confirmation.lapse ?? 'keep',
        }
      : null,
    // planning and quotas are sections of their own, read with the rest of the file
    planning: NO_PLANNING_LIMITS,
    quotas: [],
    version: 1,
  };
  return { summit, zone, grainMinutes };
}

/** The zone, when the raw section names a known one; an unknown name is reported here. */
function checkZone(raw: unknown, at: Located): string | null {
  // A missing or non-text zone is a shape error, reported with the others.
  const zone = (raw as { timezone?: unknown } | null)?.timezone;
  if (typeof zone !== 'string') return null;
  if (IANAZone.isValidZone(zone)) return zone;
  at.error(['timezone'], `unknown IANA time zone "${zone}"`);
  return null;
}

function salvageGrain(raw: unknown): number | null {
  const g = (raw as { grainMinutes?: unknown } | null)?.grainMinutes;
  return typeof g === 'number' && Number.isInteger(g) && g >= 1 && g <= 240 ? g : null;
}

function checkDays(file: FileSummit, at: Located): void {
  const from = DateTime.fromISO(file.days.from, { zone: 'UTC' });
  const to = DateTime.fromISO(file.days.to, { zone: 'UTC' });
  if (!from.isValid) at.error(['days', 'from'], `"${file.days.from}" is not a valid date`);
  if (!to.isValid) at.error(['days', 'to'], `"${file.days.to}" is not a valid date`);
  if (!from.isValid || !to.isValid) return;
  const days = to.diff(from, 'days').days + 1;
  if (days < 1) {
    at.error(['days', 'to'], `expected a date on or after from (${file.days.from}), got "${file.days.to}"`);
  } else if (days > MAX_DAYS) {
    at.error(['days', 'to'], `a summit lasts at most ${MAX_DAYS} days, got ${days}`);
  }
}

/** Each day's window must exist in the zone: a bound inside a daylight-saving gap has no instant. */
function checkDayWindowExists(file: FileSummit, zone: string, at: Located): void {
  let date = DateTime.fromISO(file.days.from, { zone: 'UTC' });
  const last = DateTime.fromISO(file.days.to, { zone: 'UTC' });
  for (; date <= last; date = date.plus({ days: 1 })) {
    for (const bound of ['from', 'to'] as const) {
      const time = file.dayWindow[bound];
      if (time === '24:00') continue;
      try {
        parseSummitTime(`${date.toISODate()}T${time}`, zone);
      } catch (e) {
        if (!(e instanceof LocalTimeError)) throw e;
        at.error(['dayWindow', bound], `${e.message}: the day window cannot start or end then`);
        return;
      }
    }
  }
}
