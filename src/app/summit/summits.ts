// Summits: list what the actor takes part in, read one, create (operators, who then administer it)
// and change (host admin).
import { mayCreateSummits } from '../../domain/actor/authority.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { Summit } from '../../domain/summit/schema.js';
import type { Quota } from '../../domain/summit/practice.js';
import { DuplicateError, NotFoundError } from '../../store/store.js';
import { participates, requireCapability, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { parseInput } from '../validate.js';
import { guardMeetings, type GuardOptions } from '../meetings/guard.js';
import type { SummitData } from '../../domain/summit/data.js';
import { grantCreatorHostAdmin } from './creator.js';

const SummitInput = Summit.omit({ version: true }).strict();

/** The summits the actor takes part in. */
export function listSummits(ctx: AppContext, actor: Actor): Promise<Summit[]> {
  return ctx.store.read(async (tx) => (await tx.summits.list()).filter((s) => participates(actor, s.id)));
}

/** One summit the actor takes part in. */
export function getSummit(ctx: AppContext, actor: Actor, id: SummitId): Promise<Summit> {
  requireParticipant(actor, id);
  return ctx.store.read(async (tx) => {
    const summit = await tx.summits.get(id);
    if (!summit) throw new NotFoundError('summit', id);
    return summit;
  });
}

/**
 * Creates an empty summit; only an operator (or the system) may, and its id must be free
 * (DuplicateError). The operator becomes the new summit's host-admin in the same transaction.
 */
export function createSummit(ctx: AppContext, actor: Actor, input: unknown): Promise<Summit> {
  const data = parseInput(SummitInput, input);
  if (!mayCreateSummits(actor)) throw new ForbiddenError('only an operator may create a summit');
  checkDays(data);
  // a new summit has no delegations yet: only "*" quotas may be set before they are added
  checkQuotaDelegations(data.quotas, new Set());
  return writeWithEvents(ctx, async (tx) => {
    if (await tx.summits.get(data.id)) throw new DuplicateError('summit', data.id);
    const stored = await tx.summits.insert({ ...data, version: 1 });
    await grantCreatorHostAdmin(tx, actor, stored.id);
    await recordEvent(tx, ctx, actor, stored.id, { kind: 'summit' }, 'summit.created', { id: stored.id });
    return stored;
  });
}

/**
 * Changes a summit's settings; the host's admin may. Days, day window, grain or buffer that would
 * break a confirmed or pinned meeting are refused unless `options.force` (meetings/guard.ts).
 */
export function changeSummit(
  ctx: AppContext,
  actor: Actor,
  id: SummitId,
  input: unknown,
  expectedVersion: number,
  options: GuardOptions = {},
): Promise<Summit> {
  const data = parseInput(SummitInput, input);
  requireCapability(actor, id, 'manage-logistics');
  if (data.id !== id)
    throw new ValidationError([{ path: 'id', message: `an id cannot change (was "${id}")` }]);
  checkDays(data);
  return writeWithEvents(ctx, async (tx) => {
    const delegations = await tx.delegations.list(id);
    checkQuotaDelegations(data.quotas, new Set(delegations.map((d) => d.id as string)));
    const change = {
      apply: (before: SummitData) => ({ ...before, summit: { ...data, version: before.summit.version } }),
      touches: () => ({ all: true as const }),
      what: `the summit's settings changed`,
    };
    await guardMeetings(tx, ctx, actor, id, change, options);
    const stored = await tx.summits.update({ ...data, version: expectedVersion });
    await recordEvent(tx, ctx, actor, id, { kind: 'summit' }, 'summit.changed', { id });
    return stored;
  });
}

/** Every quota names "*" or a delegation of the summit; each unknown one is listed by its path. */
function checkQuotaDelegations(quotas: readonly Quota[], known: ReadonlySet<string>): void {
  const issues = quotas.flatMap((q, i) =>
    q.delegation === '*' || known.has(q.delegation)
      ? []
      : [{ path: `quotas[${i}].delegation`, message: `unknown delegation "${q.delegation}"` }],
  );
  if (issues.length > 0) throw new ValidationError(issues);
}

function checkDays(s: { days: { from: string; to: string }; dayWindow: { from: string; to: string } }): void {
  const issues = [];
  if (s.days.from > s.days.to) issues.push({ path: 'days.to', message: 'must not be before days.from' });
  if (s.dayWindow.from >= s.dayWindow.to)
    issues.push({ path: 'dayWindow.to', message: 'must be after dayWindow.from' });
  if (issues.length > 0) throw new ValidationError(issues);
}
