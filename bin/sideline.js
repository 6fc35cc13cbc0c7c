#!/usr/bin/env node
// Runs the CLI from its TypeScript sources through tsx, so `npx sideline` works
// in a fresh checkout after `npm ci` with no build step to forget or go stale.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
