// The worker thread's side of readSummitFileInWorker: reads and checks one summit file.
import { parentPort, workerData } from 'node:worker_threads';
import { readSummitFile } from '../read.js';
import type { SummitFileFormat } from '../syntax.js';

const port = parentPort;
if (!port) throw new Error('read-entry.ts must run in a worker thread');
const { text, format } = workerData as { text: string; format: SummitFileFormat };
try {
  port.postMessage({ type: 'done', result: readSummitFile(text, format) });
} catch (e) {
  port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
