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
import { toResultFile } from '../../engine/result-file.js';
import { gapOf } from '../../engine/gap.js';
import type { ScheduleSettingsInput } from '../../app/planning/run-settings.js';
import type { Plan } from '../../engine/result.js';
import { movesTable, nowFlag, valueLine, type MoveFlags } from './schedule.js';
import { loadSummitData } from '../../app/summit/load.js';

/** How the database mode was asked to run. */
export interface DatabaseScheduleSettings {
  timeLimitMs: number;
  seed: number;
  /** --max-moves, --now, --freeze-hours; `all` re-optimises, otherwise a summit with meetings keeps its schedule. */
  moves: MoveFlags;
  dryRun: boolean;
  json: boolean;
}

/** The flags as a run's schedule settings, --now read in the summit's zone. */
function scheduleOf(flags: MoveFlags, summit: Summit): ScheduleSettingsInput {
  return {
    ...(flags.maxMoves === 'all' ? { mode: 're-optimise' as const } : {}),
    ...(typeof flags.maxMoves === 'number' && { maxMoves: flags.maxMoves }),
    ...(flags.now !== undefined && { now: nowFlag(flags.now, summit.timezone) }),
    ...(flags.freezeHours !== undefined && { freezeHours: flags.freezeHours }),
  };
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
  const { summit, diff, written, plan, moves, warnings } = await withApp(g, async (app) => {
    const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
    const proposal = await proposePlan(app, OPERATOR, summit.id, {
      timeLimitMs: s.timeLimitMs,
      seed: s.seed,
      schedule: scheduleOf(s.moves, summit),
    });
    // the moves in the summit's local time, as a result file gives them
    const data = await app.store.read((tx) => loadSummitData(tx, summit.id));
    const moves = toResultFile(proposal.plan, data).moves ?? [];
    const plan = proposal.plan;
    const warnings = plan.warnings ?? [];
    if (s.dryRun) return { summit, diff: proposal.diff, written: false, plan, moves, warnings };
    const diff = await acceptPlan(app, OPERATOR, summit.id, proposal.plan);
    return { summit, diff, written: true, plan, moves, warnings };
  });
  if (s.json) {
    const { objective, bound, policy } = plan;
    const gap = gapOf(objective.weight, bound);
    output.out(
      JSON.stringify(
        { summit: summit.id, applied: written, objective, bound, gap, policy, moves, ...diff, warnings },
        null,
        2,
      ),
    );
    return diff;
  }
  output.out(planLine(plan, moves.length));
  if (moves.length > 0) output.out(movesTable(moves));
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

/** The plan's value, bound and gap, and the move limit it kept. */
function planLine(plan: Plan, moves: number): string {
  const limit = plan.policy.maxMoves === null ? 'no move limit' : `at most ${plan.policy.maxMoves} moves`;
  return `Plan: ${valueLine(plan.objective.weight, plan.bound)}; ${moves} move${moves === 1 ? '' : 's'} (${limit}).\n`;
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
