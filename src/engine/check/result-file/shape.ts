// The shape of a result file (summit-file.md, "The result"), read into placements in instants.
// Every error names its path (`meetings[3].start`) and what was expected there.
import { z } from 'zod';
import type { RequestId, RoomId } from '../../../domain/ids.js';
import { LocalTimeError, parseSummitTime } from '../../../domain/time.js';
import type { Placement, UnplacedReason } from '../../result.js';
import type { MovePolicy } from '../../policy.js';

const REASONS = [
  'draft',
  'requested',
  'under-consideration',
  'conditions-pending',
  'declined',
  'withdrawn',
  'downgraded',
  'lapsed',
  'held',
  'not-held',
  'no-slot',
  'displaced',
] as const satisfies readonly UnplacedReason[];

const count = z.number().int().min(0);

/** The result file as JSON; unknown keys are allowed (the format only ever gains optional keys). */
export const ResultFileShape = z.object({
  summit: z.string(),
  objective: z.object({ weight: count, preferred: count, moved: count }),
  bound: z.number().nullable().optional(),
  meetings: z.array(
    z.object({
      request: z.string(),
      start: z.string(),
      end: z.string(),
      room: z.string().nullable().optional(),
    }),
  ),
  unscheduled: z.array(z.object({ request: z.string(), reason: z.enum(REASONS), detail: z.string().min(1) })),
  stats: z.looseObject({ millis: z.number().optional(), seed: z.number().optional() }).optional(),
  /** The move policy the plan was made under (rules 9 and 10), when the scheduler was given one. */
  policy: z
    .object({
      maxMoves: count.nullable().optional(),
      now: z.string().nullable().optional(),
      freezeHours: z.number().min(0).nullable().optional(),
    })
    .optional(),
});

/** A well-formed result file (its times still as written). */
export type ResultFileValue = z.infer<typeof ResultFileShape>;

/** One problem with the file's shape or times. */
export interface ShapeError {
  path: string;
  message: string;
}

/** A well-formed result file with its meetings as placements, or every shape error. */
export type ReadResult =
  | { ok: true; file: ResultFileValue; placements: Placement[]; policy: MovePolicy }
  | { ok: false; errors: ShapeError[] };

/** Reads a parsed JSON value as a result file, converting local times in the summit's `zone`. */
export function readResultFile(value: unknown, zone: string): ReadResult {
  const parsed = ResultFileShape.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const file = parsed.data;
  const errors: ShapeError[] = [];
  const time = (text: string, path: string) => {
    try {
      return parseSummitTime(text, zone);
    } catch (e) {
      if (!(e instanceof LocalTimeError)) throw e;
      errors.push({ path, message: e.message });
      return null;
    }
  };
  const placements: Placement[] = [];
  file.meetings.forEach((m, i) => {
    const start = time(m.start, `meetings[${i}].start`);
    const end = time(m.end, `meetings[${i}].end`);
    if (start === null || end === null) return;
    placements.push({
      request: m.request as RequestId,
      start,
      end,
      room: (m.room ?? null) as RoomId | null,
    });
  });
  const policy: MovePolicy = {};
  if (file.policy) {
    const { maxMoves, now, freezeHours } = file.policy;
    if (maxMoves !== undefined) policy.maxMoves = maxMoves;
    if (freezeHours !== undefined) policy.freezeHours = freezeHours;
    if (now !== undefined) policy.now = now === null ? null : time(now, 'policy.now');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file, placements, policy };
}

/** `meetings[3].start`, the way the file reads. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out ? `.${String(step)}` : String(step);
  }
  return out || '(the whole file)';
}
