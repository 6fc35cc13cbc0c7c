// Starts a benchmark server (server.ts or hello.ts) in a child process and waits until it listens.
import { fork, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerReady } from './protocol.js';

/** A server process that listens, and how to stop it. */
export interface RunningServer {
  ready: ServerReady;
  url: string;
  stop(): Promise<void>;
}

const STARTUP_MS = 180_000;
const STOP_MS = 10_000;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Forks `module` (a file of this folder) under tsx with `env`, its stdout (the request log) written to
 * `logFile`, and resolves once it reports that it listens.
 */
export async function startServer(
  module: 'server.ts' | 'hello.ts',
  env: Record<string, string>,
  logFile: string,
): Promise<RunningServer> {
  const log = openSync(logFile, 'a');
  const child = fork(fileURLToPath(new URL(module, import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', log, 'inherit', 'ipc'],
  });
  closeSync(log);
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${module} did not listen within ${STARTUP_MS} ms`)),
      STARTUP_MS,
    );
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as ServerReady);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${module} exited with ${code} before it listened (its log: ${logFile})`));
    });
  });
  return {
    ready,
    url: `http://127.0.0.1:${ready.port}`,
    async stop() {
      const done = exited(child);
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
      await done;
      clearTimeout(timer);
    },
  };
}
