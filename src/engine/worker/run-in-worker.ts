// Runs the solver off the main thread: progress arrives through a callback, an AbortSignal stops the
// search early and still yields the best plan found so far. One thread per call; a server keeps a
// PlannerThread instead, so that re-plans are warm.
import type { SummitData } from '../../domain/summit/data.js';
import type { Plan } from '../result.js';
import { PlannerThread, type RunCallbacks } from './planner-thread.js';
import type { WorkerSolveSettings } from './protocol.js';

/** Settings plus the hooks that stay on the calling thread. */
export interface SolveInWorkerOptions extends WorkerSolveSettings, RunCallbacks {}

/** Solves `data` in a worker thread of its own (compiled JavaScript, or the sources through tsx in development). */
export async function solveInWorker(data: SummitData, options: SolveInWorkerOptions = {}): Promise<Plan> {
  const { onProgress, onAnswer, onBound, signal, ...settings } = options;
  const thread = new PlannerThread();
  try {
    return await thread.plan(data, settings, { onProgress, onAnswer, onBound, signal });
  } finally {
    await thread.close();
  }
}
