// `sideline schedule SUMMIT_FILE`: plans the agreed requests of a summit file and writes the result file.
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { json, table, type Output } from '../output.js';
import { UserError } from '../errors.js';
import { scheduleDatabase } from './schedule-db.js';
import type { SummitData } from '../../domain/summit/data.js';
import { readSummitFile } from '../../io/summit-file/read.js';
import { formatFileError } from '../../io/errors.js';
import { solveInWorker } from '../../engine/worker/run-in-worker.js';
import { toResultFile } from '../../engine/result-file.js';
import type { Plan, ResultFile } from '../../engine/result.js';
import type { MovePolicy } from '../../engine/policy.js';
import { MAX_FREEZE_HOURS } from '../../domain/summit/practice.js';
import { parseSummitTime } from '../../domain/time.js';
import { gapOf } from '../../engine/gap.js';

/** What `schedule` was asked to do, once its options are read. */
export interface ScheduleSettings {
  timeLimitMs: number;
  seed: number;
  out: string | undefined;
  json: boolean;
  moves: MoveFlags;
}

/** The move policy flags as given (undefined: not given; the file's or the summit's keys apply). */
export interface MoveFlags {
  maxMoves?: number | 'all';
  /** Summit-local `YYYY-MM-DDTHH:MM` or a time with an offset; read in the summit's zone. */
  now?: string;
  freezeHours?: number;
}

interface ScheduleFlags {
  timeLimit: string;
  seed: string;
  out?: string;
  dryRun?: boolean;
  maxMoves?: string;
  now?: string;
  freezeHours?: string;
}

/** Adds `schedule` to the program. */
export function registerSchedule(program: Command, ctx: CliContext): void {
  withGlobals(program.command('schedule [summit-file]'))
    .description('Plan the agreed requests of a summit file and write the result (times local to the summit)')
    .option('--time-limit <seconds>', 'how long to search', '10')
    .option('--seed <n>', 'seed of the search (same file, seed and limit: same plan)', '1')
    .option('--out <result.json>', 'write the result file here')
    .option('--dry-run', 'without a file: print what planning the database would change, store nothing')
    .option(
      '--max-moves <n|all>',
      "at most n existing meetings that still fit may move; all: re-optimise (default: the summit's planning.maxMoves; in the database 5)",
    )
    .option('--now <time>', 'the moment of planning, local to the summit (nothing new starts before it)')
    .option('--freeze-hours <h>', 'meetings starting before --now + h hours stay where they are')
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline schedule examples/apec-2017-danang.yaml\n' +
        '  $ sideline schedule unga.json --time-limit 30 --seed 7 --out unga-result.json\n' +
        '  $ sideline schedule --dry-run          # the summit in the database: show the diff\n' +
        '  $ sideline schedule --max-moves 5 --now 2017-11-10T18:00 --freeze-hours 12 --dry-run\n',
    )
    .action(async (file: string | undefined, opts: ScheduleFlags, cmd: Command) => {
      const g = ctx.globals(cmd);
      const settings = readSettings(opts, g.json);
      if (file === undefined) {
        const { timeLimitMs, seed, moves } = settings;
        await scheduleDatabase(
          g,
          { timeLimitMs, seed, moves, dryRun: Boolean(opts.dryRun), json: g.json },
          ctx.output,
        );
        return;
      }
      await scheduleSummitData(await readSummit(file), settings, ctx.output);
    });
}

function readSettings(opts: ScheduleFlags, asJson: boolean): ScheduleSettings {
  const seconds = Number(opts.timeLimit);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UserError(`--time-limit must be a positive number of seconds, got "${opts.timeLimit}"`);
  }
  const seed = Number(opts.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new UserError(`--seed must be a whole number from 0 to 4294967295, got "${opts.seed}"`);
  }
  return {
    timeLimitMs: Math.round(seconds * 1000),
    seed,
    out: opts.out,
    json: asJson,
    moves: readMoveFlags(opts),
  };
}

/** Reads --max-moves, --now and --freeze-hours; each bad one is one clear line. */
function readMoveFlags(opts: ScheduleFlags): MoveFlags {
  const flags: MoveFlags = {};
  if (opts.maxMoves !== undefined) {
    const n = Number(opts.maxMoves);
    if (opts.maxMoves === 'all') flags.maxMoves = 'all';
    else if (Number.isInteger(n) && n >= 0 && opts.maxMoves.trim() !== '') flags.maxMoves = n;
    else throw new UserError(`--max-moves must be a whole number from 0 up, or all, got "${opts.maxMoves}"`);
  }
  if (opts.freezeHours !== undefined) {
    const h = Number(opts.freezeHours);
    if (!Number.isInteger(h) || h < 0 || h > MAX_FREEZE_HOURS || opts.freezeHours.trim() === '') {
      throw new UserError(
        `--freeze-hours must be a whole number of hours from 0 to ${MAX_FREEZE_HOURS}, got "${opts.freezeHours}"`,
      );
    }
    flags.freezeHours = h;
  }
  if (opts.now !== undefined) flags.now = opts.now;
  return flags;
}

/** --now read in the summit's zone (local) or as the instant its offset names. */
export function nowFlag(text: string, zone: string): ReturnType<typeof parseSummitTime> {
  try {
    return parseSummitTime(text, zone);
  } catch (e) {
    throw new UserError(`--now must be ${(e as Error).message}`);
  }
}

/** The flags as a policy over the file's own keys (`all`: no limit). */
function policyOf(flags: MoveFlags, zone: string): MovePolicy {
  return {
    ...(flags.maxMoves !== undefined && { maxMoves: flags.maxMoves === 'all' ? null : flags.maxMoves }),
    ...(flags.now !== undefined && { now: nowFlag(flags.now, zone) }),
    ...(flags.freezeHours !== undefined && { freezeHours: flags.freezeHours }),
  };
}

/** `weight 848 of at most 863 (gap 1.7 %)`: the plan's value, its bound and the gap between them. */
export function valueLine(weight: number, bound: number | null): string {
  const gap = gapOf(weight, bound);
  return bound === null || gap === null
    ? `weight ${weight} (no bound computed)`
    : `weight ${weight} of at most ${bound} (gap ${(gap * 100).toFixed(1)} %)`;
}

/** Reads and validates a summit file; every problem is reported with its path. */
async function readSummit(file: string): Promise<SummitData> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const ext = extname(file).toLowerCase();
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : null;
  if (format === null) throw new UserError(`${file}: a summit file ends in .yaml, .yml or .json`);
  const read = readSummitFile(text, format);
  if (!read.ok) {
    const n = read.errors.length;
    throw new UserError(
      `${file} has ${n} error${n === 1 ? '' : 's'}; nothing was planned`,
      read.errors.map(formatFileError),
    );
  }
  return read.data;
}

/**
 * Plans `data` in a worker thread with a progress line on a terminal (Ctrl-C stops the search and keeps
 * the best plan so far), writes the result file to `--out`, and prints it (--json) or a summary.
 */
export async function scheduleSummitData(
  data: SummitData,
  s: ScheduleSettings,
  output: Output,
): Promise<ResultFile> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const live = output.isTTY && !s.json;
  const t0 = performance.now();
  let plan: Plan;
  const policy = policyOf(s.moves, data.summit.timezone);
  try {
    plan = await solveInWorker(data, {
      policy,
      seed: s.seed,
      timeLimitMs: s.timeLimitMs,
      progressIntervalMs: 250,
      signal: controller.signal,
      onProgress: live
        ? (p) =>
            process.stdout.write(
              `\r${(p.elapsedMs / 1000).toFixed(1)} s  weight ${p.objective.weight}` +
                `${p.bound === null ? '' : ` of at most ${p.bound}`}  preferred ${p.objective.preferred}` +
                `  moved ${p.objective.moved}   `,
            )
        : undefined,
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
    if (live) process.stdout.write('\r\x1b[K');
  }
  const result = toResultFile(plan, data);
  if (s.out) await writeFile(s.out, `${JSON.stringify(result, null, 2)}\n`);
  if (s.json) {
    json(output, result);
    return result;
  }
  const placeable =
    plan.meetings.length +
    plan.unscheduled.filter((u) => u.reason === 'no-slot' || u.reason === 'displaced').length;
  output.out(
    `Placed ${plan.meetings.length} of ${placeable} plannable requests in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
      `weight ${plan.objective.weight}${plan.bound === null ? '' : ` (bound ${plan.bound})`}, ` +
      `preferred ${plan.objective.preferred}, moved ${plan.objective.moved}.`,
  );
  if (result.moves && result.moves.length > 0) {
    output.out(`\n${movesTable(result.moves)}`);
  }
  if (result.meetings.length > 0 && result.meetings.length <= 60) {
    output.out(
      `\n${table(
        ['request', 'start', 'end', 'room'],
        result.meetings.map((m) => [m.request, m.start, m.end, m.room ?? '(pull-aside)']),
      )}`,
    );
  }
  if (result.unscheduled.length > 0) {
    const shown = result.unscheduled.slice(0, 200);
    output.out(`\nNot placed (${result.unscheduled.length}):`);
    output.out(
      table(
        ['request', 'reason', 'detail'],
        shown.map((u) => [u.request, u.reason, u.detail]),
      ),
    );
    if (shown.length < result.unscheduled.length)
      output.out(`… and ${result.unscheduled.length - shown.length} more (see --out).`);
  }
  if (s.out) output.out(`\nResult written to ${s.out}.`);
  return result;
}

/** The moves of a result file as a table: what moved or was left off, and what it made room for. */
export function movesTable(moves: NonNullable<ResultFile['moves']>): string {
  const repairs = moves.filter((m) => !m.fits).length;
  return (
    `Moves (${moves.length}${repairs > 0 ? `, ${repairs} of them repairs of meetings that no longer fit` : ''}):\n` +
    table(
      ['request', 'from', 'to', 'for'],
      moves.map((m) => [
        m.request,
        `${m.from.start} ${m.from.room ?? '(pull-aside)'}`,
        m.to === null ? 'left off' : `${m.to.start} ${m.to.room ?? '(pull-aside)'}`,
        m.for ?? (m.fits ? '' : '(repair)'),
      ]),
    )
  );
}
