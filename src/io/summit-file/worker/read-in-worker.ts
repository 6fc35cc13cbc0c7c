// Reads a summit file in a worker thread: parsing and checking a large file (100,000 requests) takes
// seconds of CPU and a lot of memory, which must not stop the server's event loop nor stay in its
// heap. The thread starts as the solver's does: on read-entry.js when compiled (dist/), through a
// plain-JavaScript bootstrap that registers tsx when run from the TypeScript sources.
import { Worker } from 'node:worker_threads';
import type { SummitFileResult } from '../read.js';
import type { SummitFileFormat } from '../syntax.js';

const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./read-bootstrap.mjs', import.meta.url)
  : new URL('./read-entry.js', import.meta.url);

/** The thread's heap limit: a file at the import size limit fits with room to spare. */
const THREAD_HEAP_MB = 2048;

/** Reads and checks `text` as readSummitFile does, in a thread of its own. */
export function readSummitFileInWorker(text: string, format: SummitFileFormat): Promise<SummitFileResult> {
  return new Promise<SummitFileResult>((resolve, reject) => {
    const worker = new Worker(ENTRY, {
      workerData: { text, format },
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on(
      'message',
      (message: { type: 'done'; result: SummitFileResult } | { type: 'error'; message: string }) => {
        if (message.type === 'done') finish(() => resolve(message.result));
        else finish(() => reject(new Error(`reading the summit file failed: ${message.message}`)));
      },
    );
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the summit-file reader thread exited with code ${code}`))),
    );
  });
}
