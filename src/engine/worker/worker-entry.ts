// The worker thread's side of solveInWorker: runs solve with the real clock and reports progress.
// Only this folder may touch threads and the clock; the solver itself stays pure.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { solve } from '../solve.js';
import type { WorkerRequest, WorkerMessage } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts must run in a worker thread');
const { data, options, stopFlag } = workerData as WorkerRequest;
const stop = new Int32Array(stopFlag);
const post = (message: WorkerMessage): void => port.postMessage(message);

try {
  const plan = solve(data, {
    ...options,
    clock: () => performance.now(),
    shouldStop: () => Atomics.load(stop, 0) === 1,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'done', plan });
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
