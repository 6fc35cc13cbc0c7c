// Imports requests kept in a spreadsheet: every row checked, all or nothing.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { readRequestsCsv } from '../../io/csv/requests.js';
import { requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ValidationError } from '../errors.js';
import { loadSummitData } from '../summit/load.js';
import { importSummitData, type ImportSummary } from './import-summit.js';
import { refuseHiddenReplacements } from './keep-hidden.js';

/**
 * Adds or replaces the requests of a CSV file in a summit; errors name row and column. Only the
 * host's admin (or an operator) may, and anyone else is refused before the sheet is read against
 * the summit. A row may not replace a request the actor cannot see. `options` go to
 * importSummitData (the summit version the caller read, what to keep of the stored data).
 */
export async function importRequestsCsv(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  text: string,
  options: Parameters<typeof importSummitData>[3] = {},
): Promise<ImportSummary> {
  requireParticipant(actor, summit);
  requireCapability(actor, summit, 'manage-logistics');
  const merge = options.merge ?? ((stored, next) => refuseHiddenReplacements(actor, stored, next));
  const data = await ctx.store.read((tx) => loadSummitData(tx, summit));
  const read = readRequestsCsv(text, data);
  if (!read.ok) throw new ValidationError(read.errors);
  const incoming = new Map(read.requests.map((r) => [r.id as string, r]));
  const requests = [...data.requests.filter((r) => !incoming.has(r.id)), ...read.requests];
  return importSummitData(ctx, actor, { ...data, requests }, { ...options, merge });
}
