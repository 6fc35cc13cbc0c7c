// The planner thread: runs one planning run after another with the real clock, and keeps per summit
// what the next run can reuse. Only this folder may touch threads and the clock; the solver itself
// stays pure.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { PlanMessage, WorkerMessage } from './protocol.js';
import { PlannerSessions } from '../sessions.js';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts must run in a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);
const sessions = new PlannerSessions();

port.on('message', (message: PlanMessage) => {
  const { id, data, options, stopFlag } = message;
  const stop = new Int32Array(stopFlag);
  try {
    const plan = sessions.plan(data, options, {
      clock: () => performance.now(),
      shouldStop: () => Atomics.load(stop, 0) === 1,
      onProgress: (progress) => post({ type: 'progress', id, progress }),
      onAnswer: (answer) => post({ type: 'answer', id, plan: answer }),
      onBound: (bound) => post({ type: 'bound', id, bound }),
    });
    post({ type: 'done', id, plan });
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
