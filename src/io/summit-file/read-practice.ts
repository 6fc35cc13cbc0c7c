// Version 2 sections of a summit file: `planning` (how the scheduler treats the meetings already
// placed) and `quotas` (hard limits on each delegation's meetings).
import type { DelegationId } from '../../domain/ids.js';
import { NO_PLANNING_LIMITS, type Planning, type Quota } from '../../domain/summit/practice.js';
import { describeValue, inFile } from '../errors.js';
import { parseFields, parseRecord } from '../resolve/issues.js';
import { checkRef } from '../resolve/refs.js';
import { readTime } from '../resolve/time.js';
import { eachItem, type FileContext } from './context.js';
import { FilePlanning, FileQuota } from './schema.js';

/** Reads the planning mapping; omitted, planning has no limits. */
export function readPlanning(raw: unknown, ctx: FileContext): Planning {
  if (raw === undefined) return NO_PLANNING_LIMITS;
  const at = inFile(ctx.problems, ['planning']);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    at.error([], `expected a mapping {maxMoves, now, freezeHours}, got ${describeValue(raw)}`);
    return NO_PLANNING_LIMITS;
  }
  const { record, fields } = parseFields(FilePlanning, raw, at);
  const now = fields.now === undefined ? null : readTime(fields.now, ctx.zone, at, ['now']);
  if (!record) return NO_PLANNING_LIMITS;
  return { maxMoves: record.maxMoves ?? null, now, freezeHours: record.freezeHours ?? null };
}

/** Reads the quotas section (after the delegations they name). */
export function readQuotas(items: readonly unknown[], ctx: FileContext): Quota[] {
  const out: Quota[] = [];
  eachItem(items, 'quotas', ctx, null, (raw, at) => {
    const q = parseRecord(FileQuota, raw, at);
    if (!q) return;
    const before = ctx.problems.count;
    if (q.delegation !== '*') checkRef(ctx.delegations, q.delegation, 'delegation', at, ['delegation']);
    if (q.meetings === undefined && q.minutes === undefined) {
      at.error([], 'expected meetings, minutes or both: a quota limits something');
    }
    if (ctx.problems.count > before) return;
    out.push({
      delegation: q.delegation as DelegationId | '*',
      per: q.per,
      meetings: q.meetings ?? null,
      minutes: q.minutes ?? null,
      as: q.as ?? 'party',
    });
  });
  return out;
}
