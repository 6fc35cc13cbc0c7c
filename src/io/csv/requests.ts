// Importing requests from a spreadsheet, one row per request, as protocol offices keep them.
// Each row is checked by the same schema and rules as a request in a summit file.
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { Problems, type FileError } from '../errors.js';
import { parseFields } from '../resolve/issues.js';
import { IdRegistry, refsFromData } from '../resolve/refs.js';
import { resolveRequest } from '../resolve/request.js';
import { FileRequest } from '../summit-file/schema.js';
import { REQUEST_COLUMNS, rowToFileRequest } from './request-row.js';
import { inRow, readTable, tableOf, type Table } from './table.js';

/** The requests of a valid sheet with what it should be told (rank mismatches), or every error found in it. */
export type RequestsCsvResult =
  | {
      ok: true;
      requests: Request[];
      /** Each request's row, as the spreadsheet numbers it. */ rows: number[];
      warnings: FileError[];
    }
  | { ok: false; errors: FileError[] };

/**
 * Reads a CSV sheet of requests against an existing summit (its delegations, persons, venues,
 * zone and grain). Errors name the row as a spreadsheet numbers it and the column:
 * `row 4, column "attendees": unknown person "rus-fm"`. Request ids must be unique in the sheet;
 * whether an id already in the summit replaces that request is the caller's decision.
 */
export function readRequestsCsv(text: string, context: SummitData): RequestsCsvResult {
  return readRequestsTable(readTable(text, REQUEST_COLUMNS), context);
}

/** The same for the rows of a workbook sheet as text (io/xlsx), with the same errors. */
export function readRequestsRecords(
  records: readonly (readonly string[])[],
  context: SummitData,
): RequestsCsvResult {
  return readRequestsTable(tableOf(records, REQUEST_COLUMNS), context);
}

function readRequestsTable(table: Table, context: SummitData): RequestsCsvResult {
  if (!table.ok) return table;
  const problems = new Problems();
  const refs = refsFromData(context);
  const ids = new IdRegistry('request');
  const requests: Request[] = [];
  const rows: number[] = [];
  for (const { row, cells } of table.rows) {
    const at = inRow(problems, row);
    const { raw, complete } = rowToFileRequest(cells, at);
    if (typeof raw.id === 'string') ids.claim(raw.id, at, ['id']);
    const { record, fields } = parseFields(FileRequest, raw, at);
    const resolved = resolveRequest(fields, complete && record !== null, refs, at);
    if (resolved) {
      requests.push(resolved.request);
      rows.push(row);
    }
  }
  return problems.count > 0
    ? { ok: false, errors: problems.list }
    : { ok: true, requests, rows, warnings: refs.warnings.list };
}
