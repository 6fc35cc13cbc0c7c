// `sideline schedule` without a file: plans the summit in the database and stores the placements.
import type { GlobalOptions } from '../program.js';
import type { Output } from '../output.js';
import { table } from '../output.js';
import { acceptPlan, proposePlan } from '../../app/planning/plan.js';
import type { PlanDiff } from '../../app/planning/diff.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import type { Summit } from '../../domain/summit/schema.js';
import { localSpan } from '../format.js';
import { OPERATOR, withApp } from '../session.js';

/** How the database mode was asked to run. */
export interface DatabaseScheduleSettings {
  timeLimitMs: number;
  seed: number;
  dryRun: boolean;
  json: boolean;
}

/**
 * Plans the stored summit (in a worker thread), then writes the placements as events — or, with
 * --dry-run, only prints what would change: placed, moved, removed, every unplaced request's reason,
 * and the plan's warnings (confirmed or pinned meetings it keeps that break a rule).
 */
export async function scheduleDatabase(
  g: GlobalOptions,
  s: DatabaseScheduleSettings,
  output: Output,
): Promise<PlanDiff> {
  const { summit, diff, written, warnings } = await withApp(g, async (app) => {
    const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
    const proposal = await proposePlan(app, OPERATOR, summit.id, {
      timeLimitMs: s.timeLimitMs,
      seed: s.seed,
    });
    const warnings = proposal.plan.warnings ?? [];
    if (s.dryRun) return { summit, diff: proposal.diff, written: false, warnings };
    const diff = await acceptPlan(app, OPERATOR, summit.id, proposal.plan);
    return { summit, diff, written: true, warnings };
  });
  if (s.json) {
    output.out(JSON.stringify({ summit: summit.id, applied: written, ...diff, warnings }, null, 2));
    return diff;
  }
  output.out(describeDiff(summit, diff));
  if (warnings.length > 0) {
    // meetings the plan keeps although they break a rule: a person must move or release them
    output.out(`\nWarnings (${warnings.length}): kept as they are, but they cannot take place as placed:`);
    output.out(warnings.map((w) => `  - ${w}`).join('\n'));
  }
  output.out(
    written
      ? `\nStored: ${diff.placed.length} placed, ${diff.moved.length} moved, ${diff.removed.length} removed.`
      : '\nDry run: nothing was stored.',
  );
  return diff;
}

/** The diff as tables a protocol officer reads: what changes, then why the rest could not be placed. */
function describeDiff(summit: Summit, diff: PlanDiff): string {
  const when = (p: { start: string; end: string }) => localSpan(summit, p.start, p.end);
  const parts: string[] = [];
  if (diff.placed.length + diff.moved.length + diff.removed.length > 0) {
    parts.push(
      table(
        ['change', 'request', `when (${summit.timezone})`, 'room'],
        [
          ...diff.placed.map((p) => ['placed', p.request, when(p), p.room ?? '(pull-aside)']),
          ...diff.moved.map((m) => [
            'moved',
            m.to.request,
            `${when(m.from)} → ${when(m.to)}`,
            m.to.room ?? '',
          ]),
          ...diff.removed.map((p) => ['removed', p.request, when(p), p.room ?? '']),
        ],
      ),
    );
  } else parts.push('No change to the calendar.');
  if (diff.unplaced.length > 0) {
    parts.push(`\nNot placed (${diff.unplaced.length}):`);
    parts.push(
      table(
        ['request', 'reason', 'detail'],
        diff.unplaced.map((u) => [u.request, u.reason, u.detail]),
      ),
    );
  }
  return parts.join('\n');
}
