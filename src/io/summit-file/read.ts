// Reading a summit file (summit-file.md): text → shape → references and times → SummitData.
// Every error is collected, so a user fixes a file in one pass; any error means no data.
import type { SummitData } from '../../domain/summit/data.js';
import { describeValue, Problems, type FileError } from '../errors.js';
import { newFileContext } from './context.js';
import { readBusy, readDelegations, readProgramme } from './read-people.js';
import { readRooms, readTravel, readVenues } from './read-places.js';
import { readMeetings, readRequests } from './read-plans.js';
import { readPlanning, readQuotas } from './read-practice.js';
import { readSummitSection } from './read-summit.js';
import { SummitFile } from './schema.js';
import { parseFileText, type SummitFileFormat } from './syntax.js';

/**
 * The data of a valid summit file with what it should be told (a rank mismatch under
 * `rankParity: warn`), or every error found in it.
 */
export type SummitFileResult =
  { ok: true; data: SummitData; warnings: FileError[] } | { ok: false; errors: FileError[] };

const SECTIONS = Object.keys(SummitFile.shape);

/** Reads a summit file in YAML or JSON into SummitData, or lists every error with its path. */
export function readSummitFile(text: string, format: SummitFileFormat): SummitFileResult {
  const parsed = parseFileText(text, format);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return fail([{ path: '', message: `expected a mapping with a summit key, got ${describeValue(root)}` }]);
  }
  const problems = new Problems();
  const record = root as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!SECTIONS.includes(key)) problems.add(key, `unknown key; expected one of ${SECTIONS.join(', ')}`);
  }
  const section = (key: string): unknown[] => {
    const value = record[key];
    if (value === undefined) return [];
    if (Array.isArray(value)) return value;
    problems.add(key, `expected a list, got ${describeValue(value)}`);
    return [];
  };

  const { summit, zone, grainMinutes } = readSummitSection(record.summit, problems);
  const ctx = newFileContext(problems, zone, grainMinutes, summit?.rankParity ?? 'off');
  const planning = readPlanning(record.planning, ctx);
  const venues = readVenues(section('venues'), ctx);
  const { delegations, persons } = readDelegations(section('delegations'), ctx);
  const quotas = readQuotas(section('quotas'), ctx);
  const rooms = readRooms(section('rooms'), ctx);
  const travel = readTravel(section('travelMinutes'), ctx);
  const programme = readProgramme(section('programme'), ctx);
  const busy = readBusy(section('busy'), ctx);
  const { requests, conditions } = readRequests(section('requests'), ctx);
  const meetings = readMeetings(section('meetings'), ctx, requests);

  if (problems.count > 0 || summit === null) return fail(inFileOrder(problems.list, Object.keys(record)));
  return {
    ok: true,
    warnings: ctx.warnings.list,
    data: {
      summit: { ...summit, planning, quotas },
      venues,
      travel,
      rooms,
      delegations,
      persons,
      programme,
      busy,
      requests,
      conditions,
      meetings,
    },
  };
}

function fail(errors: FileError[]): SummitFileResult {
  return { ok: false, errors };
}

/** Sections are read in dependency order; errors are listed in the order the file has its sections. */
function inFileOrder(errors: FileError[], keys: string[]): FileError[] {
  const rank = (e: FileError) => {
    const i = keys.indexOf(/^[A-Za-z]+/.exec(e.path)?.[0] ?? '');
    // A key the file lacks (a missing summit) is named first.
    return i;
  };
  return errors
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((x, y) => x.r - y.r || x.i - y.i)
    .map((x) => x.e);
}
