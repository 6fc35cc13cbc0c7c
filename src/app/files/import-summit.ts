// Imports a summit file: all or nothing; an existing summit is updated in place.
import type { Actor } from '../../domain/actor/schema.js';
import { can, isOperator, mayCreateSummits } from '../../domain/actor/authority.js';
import { emptySummitData, type SummitData } from '../../domain/summit/data.js';
import { readSummitFile } from '../../io/summit-file/read.js';
import { DuplicateError, NotFoundError, StaleVersionError, type Tx } from '../../store/store.js';
import { participates } from '../access.js';
import type { AppContext } from '../context.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { grantCreatorHostAdmin } from '../summit/creator.js';
import { loadSummitData } from '../summit/load.js';
import type { SummitId } from '../../domain/ids.js';
import { authoriseImport, type Locate } from './authorise-import.js';
import { visibleSummitData } from './export-summit.js';
import { keepHidden } from './keep-hidden.js';
import { runSync, syncStep, type SyncCount } from './sync.js';

/** What an import did, per kind of record. */
export type ImportSummary = { summit: string; created: boolean } & Record<
  string,
  SyncCount | string | boolean
>;

/**
 * Reads `text` as a summit file and makes the stored summit equal to it. Records the file does
 * not carry (deliberations, threads, public lines) stay with the requests that remain. Every error
 * of the file is reported at once (ValidationError) and nothing changes.
 */
export async function importSummitFile(
  ctx: AppContext,
  actor: Actor,
  input: { text: string; format: 'yaml' | 'json' },
): Promise<ImportSummary> {
  const read = readSummitFile(input.text, input.format);
  if (!read.ok) throw new ValidationError(read.errors);
  return importSummitData(ctx, actor, read.data);
}

/** How an import into an existing summit reads what the actor sent. */
export interface ImportOptions {
  /** The summit version the caller read (If-Match); 0: the summit must not exist yet. */
  expectedVersion?: number;
  /**
   * Who may import at all, asked before anything is read (default: the host's admin, or the
   * system); each change is then authorised on its own.
   */
  mayImport?: (actor: Actor, summit: SummitId) => boolean;
  /**
   * What the import makes of the summit as the actor sees it (`seen`), inside the write
   * transaction; by default the data given replaces it (a summit file is the actor's whole view).
   */
  incoming?: (seen: SummitData) => SummitData;
  /** How refusals name a record of what was sent (default: summit-file paths, `requests[3]`). */
  locate?: Locate;
}

/**
 * Stores parsed summit data (see importSummitFile). An operator may create a summit; into an
 * existing one, the host's admin (or whom `mayImport` admits) may import, and every change it makes
 * is authorised as the API would authorise it (authoriseImport). What the actor may not see is kept
 * as it is (keepHidden), whichever door the import took.
 */
export async function importSummitData(
  ctx: AppContext,
  actor: Actor,
  data: SummitData,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const id = data.summit.id;
  const mayImport = options.mayImport ?? ((a: Actor, s: SummitId) => can(a, s, 'manage-logistics'));
  return writeWithEvents(ctx, async (tx) => {
    const existing = await tx.summits.get(id);
    const allowed = existing ? actor.system || mayImport(actor, id) : mayCreateSummits(actor);
    if (!allowed) {
      // an operator learns that an id is taken (creating the summit would tell them), nothing more
      const creating = options.expectedVersion === 0 || !participates(actor, id);
      if (existing && isOperator(actor) && creating) throw new DuplicateError('summit', id);
      // to someone with no role in it the summit does not exist: importing it would be creating it
      throw new ForbiddenError(
        existing && participates(actor, id)
          ? `only the host's admin may import into summit ${id}`
          : 'only an operator may create a summit',
      );
    }
    if (options.expectedVersion !== undefined) checkExpected(id, existing?.version, options.expectedVersion);
    let before = emptySummitData(data.summit);
    let wanted = data;
    if (existing) {
      before = await loadSummitData(tx, id);
      const seen = visibleSummitData(actor, before);
      const next = options.incoming ? options.incoming(seen) : data;
      authoriseImport(actor, id, seen, next, ctx.now(), options.locate);
      wanted = keepHidden(actor, before, next, options.locate);
      await refuseRemovingFeedHolders(tx, id, before, wanted);
      await tx.summits.update({ ...wanted.summit, version: existing.version });
    } else {
      await tx.summits.insert(data.summit);
      await grantCreatorHostAdmin(tx, actor, id);
    }
    const summary = await syncAll(tx, wanted, before);
    await tx.travel.replaceAll(id, wanted.travel);
    // Everyone reads this event: it counts only what everyone reads. Counts of busy blocks, requests
    // and meetings, set against what a reader sees, would tell them how many are hidden from them.
    await recordEvent(tx, ctx, actor, id, { kind: 'summit' }, 'summit.imported', {
      created: !existing,
      ...Object.fromEntries(Object.entries(summary).filter(([kind]) => SUMMIT_WIDE.includes(kind))),
    });
    return { summit: id, created: !existing, ...summary };
  });
}

/**
 * Refuses an import that would remove a person holding a live calendar feed, as removing them
 * through the API would be (the other references a removed person could have are the file's own,
 * checked as it is read, or hidden ones, checked by keepHidden).
 */
async function refuseRemovingFeedHolders(
  tx: Tx,
  summit: SummitId,
  before: SummitData,
  wanted: SummitData,
): Promise<void> {
  const kept = new Set<string>(wanted.persons.map((p) => p.id));
  const issues = [];
  for (const p of before.persons.filter((x) => !kept.has(x.id))) {
    const live = (await tx.calendarTokens.listFor(summit, p.id)).some((t) => t.revokedAt === null);
    if (live)
      issues.push({
        path: 'persons',
        message: `"${p.id}" must stay: a calendar feed of theirs is live (revoke it first)`,
      });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** The kinds of record every participant reads (docs/architecture.md, Who sees what: the summit scope). */
const SUMMIT_WIDE = ['venues', 'delegations', 'persons', 'rooms', 'programme'];

/** Refuses an import whose caller read another version of the summit than the stored one. */
function checkExpected(id: string, actual: number | undefined, expected: number): void {
  if ((actual ?? 0) === expected) return;
  if (actual === undefined) throw new NotFoundError('summit', id);
  if (expected === 0) throw new DuplicateError('summit', id);
  throw new StaleVersionError('summit', id, expected, actual);
}

/** Parents are written first and removed last, so references always resolve. */
function syncAll(tx: Tx, data: SummitData, before: SummitData): Promise<Record<string, SyncCount>> {
  const s = data.summit.id;
  const byId = (r: { id: string }) => r.id;
  return runSync([
    syncStep('venues', s, tx.venues, before.venues, data.venues, byId),
    syncStep('delegations', s, tx.delegations, before.delegations, data.delegations, byId),
    syncStep('persons', s, tx.persons, before.persons, data.persons, byId),
    syncStep('rooms', s, tx.rooms, before.rooms, data.rooms, byId),
    syncStep('programme', s, tx.programme, before.programme, data.programme, byId),
    syncStep('busy', s, tx.busy, before.busy, data.busy, byId),
    syncStep('requests', s, tx.requests, before.requests, data.requests, byId),
    syncStep('conditions', s, tx.conditions, before.conditions, data.conditions, (c) => ({
      request: c.request,
      id: c.id,
    })),
    syncStep('meetings', s, tx.meetings, before.meetings, data.meetings, (m) => m.request),
  ]);
}
