// One spreadsheet row of a request, turned into the summit file's request shape so that the
// same schema and checks apply to both.
import type { Located } from '../errors.js';
import type { FileRequest } from '../summit-file/schema.js';
import type { ColumnSpec } from './table.js';

/** The columns of a requests sheet; the required ones are those a summit file requires. */
export const REQUEST_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', required: true },
  { name: 'from', required: true },
  { name: 'to', required: true },
  { name: 'format', required: true },
  { name: 'level', required: true },
  { name: 'minutes', required: true },
  { name: 'priority', required: true },
  { name: 'topics', required: false },
  { name: 'attendees', required: true },
  { name: 'seats', required: false },
  { name: 'venue', required: false },
  { name: 'allowed', required: false },
  { name: 'preferred', required: false },
  { name: 'status', required: false },
  { name: 'needs', required: false },
  { name: 'press', required: false },
];

const NUMBER_COLUMNS = new Set(['minutes', 'priority', 'seats']);
const WINDOW_COLUMNS = new Set(['allowed', 'preferred']);
/** Counterparts may be separated by ";" or "|"; other lists by ";". */
const LIST_SEPARATORS: ReadonlyMap<string, RegExp> = new Map([
  ['to', /[;|]/],
  ['topics', /;/],
  ['attendees', /;/],
  ['needs', /;/],
]);
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * The request a row states, in the summit file's shape. A cell that cannot be split into the
 * shape (a malformed window) is reported here, and makes `complete` false.
 */
export function rowToFileRequest(
  cells: ReadonlyMap<string, string>,
  at: Located,
): { raw: Record<string, unknown>; complete: boolean } {
  const raw: Record<string, unknown> = {};
  let complete = true;
  for (const [column, value] of cells) {
    const separator = LIST_SEPARATORS.get(column);
    if (separator) raw[column] = splitList(value, separator);
    else if (NUMBER_COLUMNS.has(column)) raw[column] = NUMBER.test(value) ? Number(value) : value;
    else if (WINDOW_COLUMNS.has(column)) {
      const windows = splitWindows(value);
      if (windows) raw[column] = windows;
      else {
        complete = false;
        at.error(
          [column],
          `expected windows FROM/TO separated by ";" (e.g. 2017-11-10T07:00/2017-11-11T12:00), got ${JSON.stringify(value)}`,
          'invalid-value',
        );
      }
    } else raw[column] = value;
  }
  // An empty attendees cell means none; the column itself is still required.
  if (!cells.has('attendees')) raw.attendees = [];
  return { raw, complete };
}

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function splitWindows(value: string): { from: string; to: string }[] | null {
  const out: { from: string; to: string }[] = [];
  for (const part of splitList(value, /;/)) {
    const bounds = part.split('/').map((s) => s.trim());
    if (bounds.length !== 2 || !bounds[0] || !bounds[1]) return null;
    out.push({ from: bounds[0], to: bounds[1] });
  }
  return out;
}

/**
 * The row of a request in REQUEST_COLUMNS order, the inverse of rowToFileRequest: lists joined by
 * ";", windows as `FROM/TO` (local time) joined by ";", numbers as numbers, blanks for what is unset.
 */
export function fileRequestToRow(r: FileRequest): (string | number)[] {
  const windows = (ws: readonly { from: string; to: string }[] | undefined) =>
    (ws ?? []).map((w) => `${w.from}/${w.to}`).join(';');
  const cells: Record<string, string | number> = {
    id: r.id,
    from: r.from,
    to: r.to.join(';'),
    format: r.format,
    level: r.level,
    minutes: r.minutes,
    priority: r.priority,
    topics: (r.topics ?? []).join(';'),
    attendees: r.attendees.join(';'),
    seats: r.seats ?? '',
    venue: r.venue ?? '',
    allowed: windows(r.allowed),
    preferred: windows(r.preferred),
    status: r.status ?? '',
  };
  return REQUEST_COLUMNS.map((c) => cells[c.name] ?? '');
}
