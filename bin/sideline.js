#!/usr/bin/env node
// Runs the compiled CLI in dist/ (built by `npm ci` through `prepare`, or by `npm run build`).
// No TypeScript at run time: from the sources, use `npm run dev` or `npx tsx src/cli/main.ts`.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ caches compiled code between runs (a faster start); Node 20 has no such cache.
module.enableCompileCache?.();
const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('sideline: no build in dist/: run `npm run build` (or `npm ci`, which builds it)');
  process.exit(2);
}
await import(main.href);
