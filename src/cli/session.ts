// Opens the database a command names, runs it as the operator, and closes the database again.
import { appContext, type AppContext } from '../app/context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../app/errors.js';
import type { Actor } from '../domain/actor/schema.js';
import type { DelegationId, SummitId, UserId } from '../domain/ids.js';
import { DuplicateError, NotFoundError, StaleVersionError } from '../store/store.js';
import { MissingDatabaseError, openStore } from '../store/open.js';
import { UserError } from './errors.js';
import type { GlobalOptions } from './program.js';

/** The person at the terminal of the server's own database: may do anything. */
export const OPERATOR: Actor = { user: 'operator' as UserId, grants: [], system: true };

/** What a delegation's viewer sees, for `--as DELEGATION`. */
export function viewerOf(summit: SummitId, delegation: string): Actor {
  return {
    user: `viewer-${delegation}` as UserId,
    grants: [{ kind: 'delegation', summit, delegation: delegation as DelegationId, role: 'viewer' }],
    system: false,
  };
}

/** How a command opens its database. */
export interface OpenOptions {
  /** The command makes databases (init, demo): a missing SQLite file is created, as with --create. */
  create?: boolean;
}

/**
 * Runs `fn` with an application context on the database of the global options. A SQLite file that
 * does not exist is refused (a mistyped --db would otherwise make a new, empty database) unless the
 * command creates databases or --create was given.
 */
export async function withApp<T>(
  g: GlobalOptions,
  fn: (ctx: AppContext) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  let store;
  try {
    const mustExist = !(g.create || options.create);
    store = await openStore(g.databaseUrl ? { databaseUrl: g.databaseUrl } : { sqlitePath: g.db, mustExist });
  } catch (e) {
    if (e instanceof MissingDatabaseError) {
      throw new UserError(
        `no database at ${g.db}: check --db (or SIDELINE_DB); to create one there, run \`sideline init --db ${g.db}\` or add --create`,
      );
    }
    throw new UserError(
      `cannot open the database (${g.databaseUrl ? 'DATABASE_URL' : g.db}): ${(e as Error).message}`,
    );
  }
  try {
    return await fn(appContext(store));
  } catch (e) {
    throw asUserError(e);
  } finally {
    await store.close();
  }
}

/** Errors that are the user's to fix become one clear line (exit 1); anything else stays internal. */
export function asUserError(e: unknown): unknown {
  if (e instanceof UserError) return e;
  if (e instanceof ValidationError) {
    return new UserError(
      `${e.issues.length} error${e.issues.length === 1 ? '' : 's'}:`,
      e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)),
    );
  }
  const refusals = [NotFoundError, StaleVersionError, DuplicateError, ForbiddenError, ConflictError];
  if (refusals.some((k) => e instanceof k)) return new UserError((e as Error).message);
  // The domain's refusals (illegal transition, condition, deliberation, public line) carry their reason.
  if (e instanceof Error && /^(Transition|Condition|Deliberation|PublicLine)Error$/.test(e.name))
    return new UserError(e.message);
  return e;
}
