// Runs one solver process and reads its report; a process that overruns is killed and reported.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReplanRun, SolverRun } from './report-types.js';

const SOLVER_PROCESS = fileURLToPath(new URL('./solver-process.ts', import.meta.url));

/** A solver process that ended without a report. */
export interface SolverFailure {
  kind: 'failure';
  solver: string;
  message: string;
}

/** Arguments of one solver process. */
export interface SpawnArgs {
  solver: string;
  file: string;
  out: string;
  timeLimitMs: number;
  seed: number;
  base?: string;
  /** Kill the process after this many milliseconds. */
  killAfterMs: number;
}

/** Runs a solver process to completion (or until killed). */
export function runSolverProcess(a: SpawnArgs): Promise<SolverRun | ReplanRun | SolverFailure> {
  if (existsSync(a.out)) rmSync(a.out);
  const args = [
    '--import',
    'tsx',
    SOLVER_PROCESS,
    '--solver',
    a.solver,
    '--file',
    a.file,
    '--out',
    a.out,
    '--time-limit-ms',
    String(a.timeLimitMs),
    '--seed',
    String(a.seed),
    ...(a.base ? ['--base', a.base] : []),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, a.killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(a.out)) {
        resolve(JSON.parse(readFileSync(a.out, 'utf8')) as SolverRun | ReplanRun);
        return;
      }
      const why = killed
        ? `killed after ${Math.round(a.killAfterMs / 1000)} s`
        : `exited with ${signal ?? `code ${code}`}`;
      resolve({ kind: 'failure', solver: a.solver, message: why });
    });
  });
}
