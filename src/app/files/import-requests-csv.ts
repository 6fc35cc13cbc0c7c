// Imports requests kept in a spreadsheet (CSV or .xlsx): every row checked and authorised, all or nothing.
import { can, delegationsOf } from '../../domain/actor/authority.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { emptySummitData, type SummitData } from '../../domain/summit/data.js';
import { readRequestsCsv, readRequestsRecords, type RequestsCsvResult } from '../../io/csv/requests.js';
import { cellLocation } from '../../io/csv/table.js';
import { readXlsxRecords } from '../../io/xlsx/workbook.js';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../store/store.js';
import { participates, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { fileLocation, type Locate } from './authorise-import.js';
import { importSummitData, type ImportSummary } from './import-summit.js';

/**
 * True when the actor may import a sheet of requests at all: the host's admin, or one who acts on
 * requests for a delegation (each row is then authorised as creating or changing that request
 * through the API would be).
 */
export function mayImportRequests(actor: Actor, summit: SummitId): boolean {
  if (!participates(actor, summit)) return false;
  if (can(actor, summit, 'manage-logistics')) return true;
  return delegationsOf(actor, summit).some((d) => can(actor, summit, 'act-on-request', d));
}

/** Refuses, before the sheet is read, one who may make no change a sheet could ask for. */
export function requireRequestImporter(actor: Actor, summit: SummitId): void {
  requireParticipant(actor, summit);
  if (!mayImportRequests(actor, summit)) {
    throw new ForbiddenError(
      "only the host's admin or a delegation's lead or protocol officer may import requests",
    );
  }
}

/** Reads a sheet's requests against the summit as the actor sees it. */
type SheetReader = (seen: SummitData) => RequestsCsvResult;

/** The actor's view with the sheet's requests added, or replacing those with the same id, and their rows. */
function withSheet(
  seen: SummitData,
  readSheet: SheetReader,
): { data: SummitData; rows: Map<string, number> } {
  const read = readSheet(seen);
  if (!read.ok) throw new ValidationError(read.errors);
  const incoming = new Set<string>(read.requests.map((r) => r.id));
  const rows = new Map(read.requests.map((r, i) => [r.id as string, read.rows[i] ?? 0]));
  return {
    data: { ...seen, requests: [...seen.requests.filter((r) => !incoming.has(r.id)), ...read.requests] },
    rows,
  };
}

/**
 * Adds or replaces the requests of a CSV file in a summit; errors name row and column. The host's
 * admin and whoever acts on requests for a delegation may try; each row is then authorised as the
 * API would authorise the same request created or changed by the same actor (a delegation creates
 * its own requests, as drafts or sent; nobody takes another party's steps), and a row that may not
 * be written refuses the sheet whole, naming its row. `options` go to importSummitData.
 *
 * The sheet is read, checked and written in one write transaction, against the summit as it is
 * then: a record changed just before (a request created, a person removed) is seen, never
 * overwritten with an older copy. Only the summit's own record is read ahead, and it is written
 * back under its version, so a change to it meanwhile fails the import with StaleVersionError.
 */
export function importRequestsCsv(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  text: string,
  options: { expectedVersion?: number } = {},
): Promise<ImportSummary> {
  return importRequestSheet(ctx, actor, summit, (seen) => readRequestsCsv(text, seen), options);
}

/**
 * The same for an .xlsx workbook: its first sheet has the CSV file's columns, and its errors name
 * the same rows and columns. A file that is not a workbook is a ValidationError; nothing changes.
 */
export async function importRequestsXlsx(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  bytes: Buffer,
  options: { expectedVersion?: number } = {},
): Promise<ImportSummary> {
  requireRequestImporter(actor, summit);
  const sheet = await readXlsxRecords(bytes);
  if (!sheet.ok) throw new ValidationError(sheet.errors);
  return importRequestSheet(ctx, actor, summit, (seen) => readRequestsRecords(sheet.records, seen), options);
}

/** Imports the requests a sheet reader yields, each authorised as the same change through the API. */
async function importRequestSheet(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  readSheet: SheetReader,
  options: { expectedVersion?: number },
): Promise<ImportSummary> {
  requireRequestImporter(actor, summit);
  const current = await ctx.store.read((tx) => tx.summits.get(summit));
  if (!current) throw new NotFoundError('summit', summit);
  const expected = options.expectedVersion ?? current.version;
  if (expected !== current.version) {
    if (expected === 0) throw new DuplicateError('summit', summit);
    throw new StaleVersionError('summit', summit, expected, current.version);
  }
  let rows = new Map<string, number>();
  const locate: Locate = (section, key, index) => {
    const row = section === 'requests' ? rows.get(key) : undefined;
    return row === undefined ? fileLocation(section, key, index) : cellLocation(row);
  };
  // runs inside importSummitData's transaction, given the summit as the actor sees it at that point
  return importSummitData(ctx, actor, emptySummitData(current), {
    expectedVersion: expected,
    mayImport: mayImportRequests,
    locate,
    incoming: (seen) => {
      const sheet = withSheet(seen, readSheet);
      rows = sheet.rows;
      return sheet.data;
    },
  });
}
