// What test/global-setup.ts provides to every test file through vitest's `inject`.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL (database `postgres`) of the run's PostgreSQL server. */
    pgUrl: string;
    /** The WebSocket endpoint of the run's Chromium, or '' when the run has no browser test. */
    chromiumWs: string;
  }
}
