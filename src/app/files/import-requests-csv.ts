// Imports requests kept in a spreadsheet (CSV or .xlsx): every row checked, all or nothing.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { emptySummitData, type SummitData } from '../../domain/summit/data.js';
import { readRequestsCsv, readRequestsRecords, type RequestsCsvResult } from '../../io/csv/requests.js';
import { readXlsxRecords } from '../../io/xlsx/workbook.js';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../store/store.js';
import { requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { importSummitData, type ImportSummary } from './import-summit.js';
import { refuseHiddenReplacements } from './keep-hidden.js';

/** Reads a sheet's requests against the summit as stored. */
type SheetReader = (stored: SummitData) => RequestsCsvResult;

/** The stored summit with the sheet's requests added, or replacing those with the same id. */
function withSheet(stored: SummitData, readSheet: SheetReader): SummitData {
  const read = readSheet(stored);
  if (!read.ok) throw new ValidationError(read.errors);
  const incoming = new Set<string>(read.requests.map((r) => r.id));
  return { ...stored, requests: [...stored.requests.filter((r) => !incoming.has(r.id)), ...read.requests] };
}

/**
 * Adds or replaces the requests of a CSV file in a summit; errors name row and column. Only the
 * host's admin (or an operator) may, and anyone else is refused before the sheet is read against
 * the summit. A row may not replace a request the actor cannot see. `options` go to
 * importSummitData (the summit version the caller read, what to keep of the stored data).
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
  options: Parameters<typeof importSummitData>[3] = {},
): Promise<ImportSummary> {
  return importRequestSheet(ctx, actor, summit, (stored) => readRequestsCsv(text, stored), options);
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
  options: Parameters<typeof importSummitData>[3] = {},
): Promise<ImportSummary> {
  requireParticipant(actor, summit);
  requireCapability(actor, summit, 'manage-logistics');
  const sheet = await readXlsxRecords(bytes);
  if (!sheet.ok) throw new ValidationError(sheet.errors);
  return importRequestSheet(
    ctx,
    actor,
    summit,
    (stored) => readRequestsRecords(sheet.records, stored),
    options,
  );
}

async function importRequestSheet(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  readSheet: SheetReader,
  options: NonNullable<Parameters<typeof importSummitData>[3]>,
): Promise<ImportSummary> {
  requireParticipant(actor, summit);
  requireCapability(actor, summit, 'manage-logistics');
  const merge = options.merge ?? ((stored, next) => refuseHiddenReplacements(actor, stored, next));
  const current = await ctx.store.read((tx) => tx.summits.get(summit));
  if (!current) throw new NotFoundError('summit', summit);
  const expected = options.expectedVersion ?? current.version;
  if (expected !== current.version) {
    if (expected === 0) throw new DuplicateError('summit', summit);
    throw new StaleVersionError('summit', summit, expected, current.version);
  }
  // merge runs inside importSummitData's transaction, given every record as stored at that point
  return importSummitData(ctx, actor, emptySummitData(current), {
    expectedVersion: expected,
    merge: (stored) => merge(stored, withSheet(stored, readSheet)),
  });
}
