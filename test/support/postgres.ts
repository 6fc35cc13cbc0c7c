// A throwaway PostgreSQL server for the tests: Debian's binaries, a cluster in a temp folder,
// listening on a free port of 127.0.0.1, deleted at the end. Missing binaries are an error, not a skip.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A running server; `url` points at its `postgres` database as the superuser. */
export interface PostgresServer {
  readonly url: string;
  stop(): Promise<void>;
  /**
   * Restarts the server as an operator would: `fast` ends every session at once (57P01),
   * `immediate` stops without a checkpoint as after a crash. Resolves once it accepts connections again.
   */
  restart(mode?: 'fast' | 'immediate', downMs?: number): Promise<void>;
}

/** The folder holding initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const found = [...onPath, ...debian].find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin; ' +
        'install them (Debian: apt-get install postgresql) — the store tests run against a real PostgreSQL.',
    );
  }
  return found;
}

/** PostgreSQL refuses to run as root: as root, run it as this user instead. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env.SIDELINE_PG_USER ?? 'postgres';
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { name, uid, gid };
  } catch {
    throw new Error(
      `running as root, PostgreSQL needs a non-root user to run as; user "${name}" does not exist`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Initialises a cluster in a new temp folder and starts it; retries when the chosen port was taken meanwhile. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const user = serverUser();
  const dir = await mkdtemp(join(tmpdir(), 'sideline-pg-'));
  if (user) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const command = (tool: string, args: string[]) =>
    user
      ? run('runuser', ['-u', user.name, '--', join(bin, tool), ...args], { cwd: dir })
      : run(join(bin, tool), args, { cwd: dir });

  try {
    await command('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`initdb failed in ${dir}: ${String(error)}`, { cause: error });
  }
  const stopNow = () => {
    const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
    try {
      execFileSync(
        user ? 'runuser' : join(bin, 'pg_ctl'),
        user ? ['-u', user.name, '--', join(bin, 'pg_ctl'), ...args] : args,
        {
          cwd: dir,
          stdio: 'ignore',
        },
      );
    } catch {
      // Not running: nothing to stop.
    }
  };

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
    ].join(' ');
    try {
      await command('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
    } catch (error) {
      const serverLog = await readFile(log, 'utf8').catch(() => '');
      if (attempt < 3 && /could not bind|address already in use/i.test(serverLog)) continue;
      stopNow();
      await rm(dir, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${String(error)}\n${serverLog}`, { cause: error });
    }
    // Should the run end without teardown (killed by a timeout, say), leave no server or folder behind.
    const onExit = () => {
      stopNow();
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', onExit);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async restart(mode = 'fast', downMs = 0) {
        await command('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
        if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
        await command('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
      },
      async stop() {
        process.off('exit', onExit);
        stopNow();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}

/** A database of its own for one test file, so files can run in parallel. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates an empty database `test_<random>` on the server whose admin URL is `serverUrl`. */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists "${name}" with (force)`),
  };
}
