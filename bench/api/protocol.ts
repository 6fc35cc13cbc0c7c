// What the benchmark's server processes tell the runner, and the names both sides share.

/** The demo accounts the mixes act as: the US protocol officer reads and writes. */
export const BENCH_USERS = ['demo-usa-protocol'] as const;

/** An account with the operator's platform role (it may create summits), made when asked for. */
export const BENCH_OPERATOR = 'bench-operator-account';

/** Far above what a 10-second run at 50 connections sends, so no answer is a 429 (the benchmark only). */
export const BENCH_RATE_LIMITS = { timeWindowMs: 60_000, max: 100_000_000, loginMax: 10 };

/** The id of the write mix's request for connection `n`. */
export const benchRequestId = (n: number): string => `bench-usa-rus-${n}`;

/** Sent once over IPC when a server listens. */
export interface ServerReady {
  port: number;
  /** API tokens by user id (none for the bare ceiling server). */
  tokens: Record<string, string>;
  /** How many write-mix requests exist (bench-usa-rus-0 … n-1). */
  requests: number;
}
