// Starts one PostgreSQL server for the whole test run and hands its URL to the tests:
// `inject('pgUrl')`, then `createTestDatabase(url)` for a database of the file's own.
import type { TestProject } from 'vitest/node';
import { startPostgres } from './support/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL (database `postgres`) of the run's PostgreSQL server. */
    pgUrl: string;
  }
}

/** Starts the server before any test file and stops it after the last. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('pgUrl', server.url);
  return () => server.stop();
}
