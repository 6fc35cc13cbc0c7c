// Messages between solveInWorker and its worker thread.
import type { SummitData } from '../../domain/summit/data.js';
import type { Plan } from '../result.js';
import type { Progress } from '../search/search.js';
import type { MovePolicy } from '../policy.js';

/** Solve options that cross the thread boundary (no functions). */
export interface WorkerSolveSettings {
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  progressIntervalMs?: number;
  boundIterations?: number;
  policy?: MovePolicy;
}

/** What the worker receives at start: the summit, the settings, and a shared stop flag. */
export interface WorkerRequest {
  data: SummitData;
  options: WorkerSolveSettings;
  /** Int32 at index 0: set to 1 to stop the search and get the best plan so far. */
  stopFlag: SharedArrayBuffer;
}

/** What the worker sends back. */
export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; plan: Plan }
  | { type: 'error'; message: string };
