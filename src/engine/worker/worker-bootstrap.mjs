// First module of the solver's worker thread. Loader hooks are per thread and Node 20 ignores
// `--import` in a worker's execArgv, so the thread registers tsx itself, then loads the TypeScript entry.
import { URL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker-entry.ts', import.meta.url).href);
