// First module of the summit-file reader's worker thread, as the solver's (src/engine/worker):
// loader hooks are per thread and Node 20 ignores `--import` in a worker's execArgv, so the thread
// registers tsx itself, then loads the TypeScript entry.
import { URL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
await import(new URL('./read-entry.ts', import.meta.url).href);
