// How a planning run treats the schedule: keep it (few moves, answered fast) or re-optimise it, and
// the move policy (summit-file.md rules 9 and 10) from the request, the summit's own keys and the
// moment of planning.
import { z } from 'zod';
import type { SummitData } from '../../domain/summit/data.js';
import { Instant } from '../../domain/time.js';
import { MAX_FREEZE_HOURS } from '../../domain/summit/practice.js';
import { noticeHours } from '../../domain/meeting/notice-period.js';
import type { MovePolicy } from '../../engine/policy.js';
import type { PlanJobSettings } from '../../store/store.js';

/** Moves a "keep the schedule" run may make when neither the request nor the summit says. */
export const DEFAULT_KEEP_MOVES = 5;

/** The part of a planning request about the schedule; every key optional. */
export const ScheduleSettingsInput = z.object({
  mode: z
    .enum(['keep-schedule', 're-optimise'])
    .optional()
    .describe(
      'keep-schedule: move at most maxMoves meetings that still fit, answered in a fraction of a second; ' +
        're-optimise: search the whole time limit, moving as many as that gains (the plan lists them). ' +
        'Default: keep-schedule when the summit has meetings, else re-optimise',
    ),
  maxMoves: z
    .union([z.number().int().min(0).max(100_000), z.literal('all')])
    .optional()
    .describe(
      "keep-schedule only: at most this many moves (default: the summit's planning.maxMoves, else 5)",
    ),
  now: Instant.optional().describe(
    "The moment of planning: nothing new starts before it (default: the summit's planning.now, else now when a freeze applies)",
  ),
  freezeHours: z
    .number()
    .int()
    .min(0)
    .max(MAX_FREEZE_HOURS)
    .optional()
    .describe(
      "Meetings starting before now + freezeHours stay where they are (default, and at least: the summit's notice period, planning.freezeHours)",
    ),
});
export type ScheduleSettingsInput = z.infer<typeof ScheduleSettingsInput>;

/** Settings as stored with a job (null: not given). */
export function storedSettings(input: ScheduleSettingsInput): PlanJobSettings {
  return {
    mode: input.mode ?? null,
    maxMoves: input.maxMoves ?? null,
    now: input.now ?? null,
    freezeHours: input.freezeHours ?? null,
  };
}

/** What the engine is asked for: its mode and the policy in force (every key given). */
export interface RunSettings {
  mode: 'keep-schedule' | 're-optimise';
  engineMode: 'repair' | 'solve';
  policy: Required<{ [K in keyof MovePolicy]: NonNullable<MovePolicy[K]> | null }>;
}

/** True when the summit has meetings a plan would keep or move: a schedule to keep. */
export function hasSchedule(data: SummitData): boolean {
  const placeable = new Set(
    data.requests
      .filter((r) => ['agreed', 'scheduled', 'confirmed'].includes(r.status))
      .map((r) => r.id as string),
  );
  return data.meetings.some((m) => placeable.has(m.request));
}

/**
 * Resolves a run's settings (null: every default) against the summit and the moment it runs: the
 * mode, then each policy key from the settings, else the summit's planning keys, else the default
 * (keep-schedule moves at most 5). The freeze is the summit's notice period (noticeHours), which a
 * run may lengthen but never shorten: a plan moving a meeting inside it could not be accepted. A
 * freeze without a moment of planning starts at the summit's planning.now, else now.
 */
export function resolveRun(settings: PlanJobSettings | null, data: SummitData, now: Instant): RunSettings {
  const own = data.summit.planning;
  const mode = settings?.mode ?? (hasSchedule(data) ? 'keep-schedule' : 're-optimise');
  const notice = noticeHours(data.summit);
  const longer = settings?.freezeHours ?? null;
  const freezeHours = longer === null ? notice : notice === null ? longer : Math.max(longer, notice);
  const moment = settings?.now ?? own.now ?? (freezeHours !== null ? now : null);
  const asked = settings?.maxMoves ?? null;
  const maxMoves =
    mode === 're-optimise' || asked === 'all' ? null : (asked ?? own.maxMoves ?? DEFAULT_KEEP_MOVES);
  return {
    mode,
    engineMode: mode === 'keep-schedule' ? 'repair' : 'solve',
    policy: { maxMoves, now: (moment as Instant | null) ?? null, freezeHours },
  };
}
