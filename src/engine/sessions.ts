// Planning runs that remember, per summit, what the next run can reuse: the compiled start masks
// (so a re-plan after one change recompiles only what changed) and the requests the last run left
// off (so those the change displaced or added are tried first). Pure apart from the clock it is given.
import type { SummitData } from '../domain/summit/data.js';
import { CompileCache } from './model/compile.js';
import type { PhasedPlan } from './phased.js';
import type { Plan } from './result.js';
import { repairPhased } from './replan.js';
import type { Progress } from './search/search.js';
import { solvePhased } from './solve.js';
import type { MovePolicy } from './policy.js';

/** The settings of one run (plain data: they cross a thread boundary). */
export interface PlanSettings {
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  progressIntervalMs?: number;
  boundIterations?: number;
  policy?: MovePolicy;
  /**
   * `solve`: search until the time limit (summit files, "re-optimise"). `repair`: keep what still
   * fits, place what is new or displaced, answer fast (default `solve`).
   */
  mode?: 'solve' | 'repair';
  /**
   * Which summit the run is for: runs with one session key reuse what was kept from the last one
   * (compiled start masks, what it left off). Omitted: nothing is kept.
   */
  session?: string;
}

/** What a run reports as it goes. */
export interface RunHooks {
  clock?: () => number;
  shouldStop?: () => boolean;
  onProgress?: (p: Progress) => void;
  /** The plan's meetings, moves and objective, before the bound and the explanations. */
  onAnswer?: (answer: Plan) => void;
  /** The bound, once computed (when the answer did not have it yet). */
  onBound?: (bound: number | null) => void;
}

interface Session {
  cache: CompileCache;
  /** The requests the last run left off. */
  unplaced: string[];
}

/** How many summits' caches are kept (least recently used go first). */
const KEPT = 4;

/** Runs plans one at a time, keeping a few summits' reusable work. */
export class PlannerSessions {
  private readonly sessions = new Map<string, Session>();

  /** Plans `data` as `options` say; returns the whole plan after reporting the answer and the bound. */
  plan(data: SummitData, options: PlanSettings, hooks: RunHooks = {}): Plan {
    const session = this.session(options.session);
    const common = {
      seed: options.seed,
      timeLimitMs: options.timeLimitMs,
      boundIterations: options.boundIterations,
      policy: options.policy,
      clock: hooks.clock,
      shouldStop: hooks.shouldStop,
    };
    let run: PhasedPlan;
    if (options.mode === 'repair') {
      const base = {
        meetings: data.meetings,
        unscheduled: (session?.unplaced ?? []).map((request) => ({ request })),
      };
      run = repairPhased(data, common, base, session?.cache);
    } else {
      run = solvePhased(
        data,
        {
          ...common,
          maxIterations: options.maxIterations,
          progressIntervalMs: options.progressIntervalMs,
          onProgress: hooks.onProgress,
        },
        session?.cache,
      );
    }
    hooks.onAnswer?.(run.answer);
    if (run.answer.pending?.includes('bound')) hooks.onBound?.(run.bound());
    const plan = run.complete();
    if (session) session.unplaced = plan.unscheduled.map((u) => u.request);
    return plan;
  }

  private session(key: string | undefined): Session | null {
    if (key === undefined) return null;
    let s = this.sessions.get(key);
    if (s) this.sessions.delete(key);
    else s = { cache: new CompileCache(), unplaced: [] };
    this.sessions.set(key, s);
    while (this.sessions.size > KEPT) this.sessions.delete(this.sessions.keys().next().value!);
    return s;
  }
}
