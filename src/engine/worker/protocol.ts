// Messages between the planner thread's owner (planner-thread.ts) and the thread (worker-entry.ts).
import type { SummitData } from '../../domain/summit/data.js';
import type { Plan } from '../result.js';
import type { Progress } from '../search/search.js';
import type { PlanSettings } from '../sessions.js';

/** Solve options that cross the thread boundary (no functions). */
export type WorkerSolveSettings = PlanSettings;

/** A planning run for the thread: the summit, the settings, and a shared stop flag. */
export interface PlanMessage {
  type: 'plan';
  id: number;
  data: SummitData;
  options: WorkerSolveSettings;
  /** Int32 at index 0: set to 1 to stop the search and answer with the best plan so far. */
  stopFlag: SharedArrayBuffer;
}

/** What the thread sends back for run `id`: progress, the answer, the bound, then the whole plan. */
export type WorkerMessage =
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'answer'; id: number; plan: Plan }
  | { type: 'bound'; id: number; bound: number | null }
  | { type: 'done'; id: number; plan: Plan }
  | { type: 'error'; id: number; message: string };
