// Runs the solver off the main thread: progress arrives through a callback, an AbortSignal stops the
// search early and still yields the best plan found so far.
import { Worker } from 'node:worker_threads';
import type { SummitData } from '../../domain/summit/data.js';
import type { Plan } from '../result.js';
import type { Progress } from '../search/search.js';
import type { WorkerMessage, WorkerRequest, WorkerSolveSettings } from './protocol.js';

/** Settings plus the hooks that stay on the calling thread. */
export interface SolveInWorkerOptions extends WorkerSolveSettings {
  onProgress?: (p: Progress) => void;
  /** Aborting stops the search; the promise then resolves with the best plan so far. */
  signal?: AbortSignal;
}

// Compiled (dist/), the thread starts on worker-entry.js itself. Run from the TypeScript sources (tests,
// `npm run dev`), it starts on a plain-JavaScript module that registers tsx in the thread first.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./worker-bootstrap.mjs', import.meta.url)
  : new URL('./worker-entry.js', import.meta.url);

/** Solves `data` in a worker thread (compiled JavaScript, or the sources through tsx in development). */
export function solveInWorker(data: SummitData, options: SolveInWorkerOptions = {}): Promise<Plan> {
  const { onProgress, signal, ...settings } = options;
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const request: WorkerRequest = { data, options: settings, stopFlag };
  return new Promise<Plan>((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: request });
    let settled = false;
    const onAbort = (): void => {
      Atomics.store(stop, 0, 1);
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.plan));
      else finish(() => reject(new Error(`solver failed: ${message.message}`)));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`solver thread exited with code ${code}`))));
  });
}
