// A planner thread that lives across runs: runs go to it one at a time, and it keeps per summit what
// the next run can reuse (a warm re-plan). Progress, the answer and the bound arrive through hooks
// before the whole plan; an AbortSignal stops a run's search and still yields its best plan.
import { Worker } from 'node:worker_threads';
import type { SummitData } from '../../domain/summit/data.js';
import type { Plan } from '../result.js';
import type { Progress } from '../search/search.js';
import type { PlanMessage, WorkerMessage, WorkerSolveSettings } from './protocol.js';

/** Hooks of one run, called on the owner's thread. */
export interface RunCallbacks {
  onProgress?: (p: Progress) => void;
  /** The meetings, moves and objective, before the bound and the explanations (plan.pending says what is missing). */
  onAnswer?: (plan: Plan) => void;
  onBound?: (bound: number | null) => void;
  /** Aborting stops the search; the run then answers with the best plan so far. */
  signal?: AbortSignal;
}

// Compiled (dist/), the thread starts on worker-entry.js itself. Run from the TypeScript sources (tests,
// `npm run dev`), it starts on a plain-JavaScript module that registers tsx in the thread first.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./worker-bootstrap.mjs', import.meta.url)
  : new URL('./worker-entry.js', import.meta.url);

interface Run {
  callbacks: RunCallbacks;
  resolve: (plan: Plan) => void;
  reject: (e: Error) => void;
}

/** One planner thread; started on the first run, ended by close(). */
export class PlannerThread {
  private worker: Worker | null = null;
  private readonly runs = new Map<number, Run>();
  private next = 1;
  /** Runs go one after another: the thread plans one summit at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Plans `data` in the thread once the runs before it are done. */
  plan(data: SummitData, options: WorkerSolveSettings, callbacks: RunCallbacks = {}): Promise<Plan> {
    const run = this.queue.then(() => this.start(data, options, callbacks));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the thread (a run under way fails). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(data: SummitData, options: WorkerSolveSettings, callbacks: RunCallbacks): Promise<Plan> {
    const worker = this.thread();
    const id = this.next++;
    const stopFlag = new SharedArrayBuffer(4);
    const stop = new Int32Array(stopFlag);
    const onAbort = (): void => {
      Atomics.store(stop, 0, 1);
    };
    if (callbacks.signal?.aborted) onAbort();
    callbacks.signal?.addEventListener('abort', onAbort, { once: true });
    return new Promise<Plan>((resolve, reject) => {
      const settle = (): void => {
        this.runs.delete(id);
        callbacks.signal?.removeEventListener('abort', onAbort);
        // An idle thread must not keep the process alive; a busy one must.
        if (this.runs.size === 0) this.worker?.unref();
      };
      this.runs.set(id, {
        callbacks,
        resolve: (plan) => {
          settle();
          resolve(plan);
        },
        reject: (e) => {
          settle();
          reject(e);
        },
      });
      const message: PlanMessage = { type: 'plan', id, data, options, stopFlag };
      worker.ref();
      worker.postMessage(message);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(ENTRY);
    worker.on('message', (message: WorkerMessage) => {
      const run = this.runs.get(message.id);
      if (!run) return;
      if (message.type === 'progress') run.callbacks.onProgress?.(message.progress);
      else if (message.type === 'answer') run.callbacks.onAnswer?.(message.plan);
      else if (message.type === 'bound') run.callbacks.onBound?.(message.bound);
      else if (message.type === 'done') run.resolve(message.plan);
      else run.reject(new Error(`solver failed: ${message.message}`));
    });
    const fail = (e: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const run of [...this.runs.values()]) run.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`solver thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
