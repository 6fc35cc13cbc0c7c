// Summit-file imports as the API offers them: into one named summit under If-Match, or creating a new one.
import { mayCreateSummits } from '../../domain/actor/authority.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { SummitData } from '../../domain/summit/data.js';
import { readSummitFileInWorker } from '../../io/summit-file/worker/read-in-worker.js';
import { requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { importRequestsCsv } from './import-requests-csv.js';
import { importSummitData, type ImportSummary } from './import-summit.js';

/** The file kinds an import accepts: a whole summit file, or a sheet of requests. */
export type ImportFormat = 'yaml' | 'json' | 'csv';

/** The raw text of an uploaded file and how to read it. */
export interface ImportText {
  text: string;
  format: ImportFormat;
}

/**
 * Reads a summit file off the event loop (a worker thread), or throws a ValidationError listing
 * every error with its path.
 */
async function readFile(text: string, format: 'yaml' | 'json'): Promise<SummitData> {
  const read = await readSummitFileInWorker(text, format);
  if (!read.ok) throw new ValidationError(read.errors);
  return read.data;
}

/**
 * Makes summit `summit` equal to the file (YAML or JSON; the file must describe that same summit) as
 * far as the actor can see it, or adds and replaces the requests of a CSV sheet; all or nothing. A
 * summit file is the host's admin's to import; a sheet, also a delegation's lead or protocol officer's.
 * Every change is authorised as the API would authorise it (a ForbiddenError lists each refused one).
 * `expectedVersion` is the summit version the caller read (stale ⇒ StaleVersionError).
 */
export async function importIntoSummit(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  input: ImportText,
  expectedVersion: number,
): Promise<ImportSummary> {
  requireParticipant(actor, summit);
  // a sheet of requests: whoever may create or change a request may try, each row authorised on its own
  if (input.format === 'csv') return importRequestsCsv(ctx, actor, summit, input.text, { expectedVersion });
  // refused before reading, so a file's errors never tell a non-admin anything about the summit
  requireCapability(actor, summit, 'manage-logistics');
  const data = await readFile(input.text, input.format);
  if (data.summit.id !== summit) {
    throw new ValidationError([
      { path: 'summit.id', message: `the file describes summit "${data.summit.id}", not "${summit}"` },
    ]);
  }
  // each change is authorised as the API would; what the actor cannot see is kept as it is
  return importSummitData(ctx, actor, data, { expectedVersion });
}

/**
 * Creates a summit from a file; only an operator (or the system) may, and a summit with the file's
 * id must not exist (DuplicateError). The operator becomes the new summit's host-admin.
 */
export async function createSummitFromFile(
  ctx: AppContext,
  actor: Actor,
  input: { text: string; format: 'yaml' | 'json' },
): Promise<ImportSummary> {
  // refused before reading, so a file's errors tell no one else anything
  if (!mayCreateSummits(actor)) throw new ForbiddenError('only an operator may create a summit');
  return importSummitData(ctx, actor, await readFile(input.text, input.format), { expectedVersion: 0 });
}
