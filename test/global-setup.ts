// Once per test run, before any test file: starts one PostgreSQL server for every file
// (`inject('pgUrl')`, then `createTestDatabase(url)` for a database of the file's own) and, when the
// run includes tests that start the compiled CLI (test/cli, test/e2e, test/build), builds it (and the
// web app for the browser and build tests), and for browser tests starts one Chromium that every
// browser test connects to (`inject('chromiumWs')`).
import type { TestProject } from 'vitest/node';
import type {} from './support/provided.js';
import { startPostgres } from './support/postgres.js';
import { startChromiumServer } from './e2e/support/browser.js';
import { ensureWebBuild } from './e2e/support/build.js';
// plain JavaScript (it must run without dev tools in a production install): typed by build.d.mts
import { buildServer } from '../scripts/build.mjs';

/** Starts the servers before any test file and stops them after the last. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { testFiles } = await project.globTestFiles(project.config.filters);
  const needs = (folder: string) =>
    testFiles.some((f) => f.replaceAll('\\', '/').includes(`/test/${folder}/`));
  const browserTests = needs('e2e');
  // the compiled CLI that the browser and CLI tests start, and the tree the build tests inspect
  if (browserTests || needs('build') || needs('cli')) await buildServer();
  if (browserTests || needs('build')) await ensureWebBuild();
  const [postgres, chromium] = await Promise.all([
    startPostgres(),
    browserTests ? startChromiumServer() : Promise.resolve(undefined),
  ]);
  project.provide('pgUrl', postgres.url);
  project.provide('chromiumWs', chromium?.wsEndpoint() ?? '');
  return async () => {
    await chromium?.close();
    await postgres.stop();
  };
}
