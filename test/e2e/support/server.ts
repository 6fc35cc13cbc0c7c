// A real Sideline server for browser tests: `sideline serve` on a temporary SQLite file, with the
// demo loaded on first start, listening on a free port, serving the built web app.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The password of every demo account in tests (it passes the password policy). */
export const DEMO_PASSWORD = 'harbour lantern sideline 2017';

/** A running server: its address, what it printed, and how to stop it. */
export interface RunningServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `sideline serve --port 0` on a new database in a temp folder; resolves once it listens. */
export async function startServer(options: { timeoutMs?: number } = {}): Promise<RunningServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sideline-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'sideline.js'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      join(dir, 'e2e.db'),
      // a new file each run: serve refuses a missing database unless told to create it
      '--create',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, SIDELINE_DEMO_PASSWORD: DEMO_PASSWORD, DATABASE_URL: '', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout?.on('data', (b: Buffer) => (text += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (text += b.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in time; it printed:\n${text}`)),
      // the first start loads the demo and hashes its 86 logins: minutes on a busy machine
      options.timeoutMs ?? 180_000,
    );
    const look = () => {
      const m = /listening on (http:\/\/[^\s)]+)/u.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening; it printed:\n${text}`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });
  return { url, output: () => text, stop };
}
