// Several processes on one PostgreSQL database, as in production: two `sideline serve` and one
// `sideline worker`. An event written through one server reaches a live stream on the other; a plan
// job started through one server is solved by the worker and read (and accepted) through the other.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');
const PASSWORD = 'demo passphrase for tests';
const S = '/api/summits/apec-2017';

/** A running `sideline` process, what it printed, and how to stop it. */
interface Running {
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `sideline <args>` and resolves once its stderr matches `ready`. */
function start(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<Running & { match: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stderr = '';
  child.stdout?.resume(); // the server's JSON log
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = ready.exec(stderr);
      if (m) resolve({ child, stderr: () => stderr, stop, match: m[1] ?? m[0] });
    });
    child.on('exit', (code) => reject(new Error(`sideline ${args[0]} exited ${code}: ${stderr}`)));
  });
}

/** A signed-in session on one server: its cookie and CSRF token. */
interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

async function signIn(base: string, email: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`sign-in at ${base}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { base, cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

async function call(
  s: Session,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const r = await fetch(`${s.base}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return {
    status: r.status,
    headers: r.headers,
    json: () => JSON.parse(text) as Record<string, unknown>,
    text,
  };
}

/** Opens the event stream of a server as a session and collects the events' types and seqs. */
function openStream(s: Session): Promise<{ events: { seq: number; type: string }[]; close(): void }> {
  const url = new URL(`${s.base}${S}/events`);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, headers: { cookie: s.cookie } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`events: ${res.statusCode}`));
        const events: { seq: number; type: string }[] = [];
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const data = buffer
              .slice(0, cut)
              .split('\n')
              .find((l) => l.startsWith('data: '));
            buffer = buffer.slice(cut + 2);
            if (data) events.push(JSON.parse(data.slice(6)) as { seq: number; type: string });
          }
        });
        resolve({ events, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two servers and a worker on one PostgreSQL', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  const processes: Running[] = [];
  let a: Session;
  let b: Session;
  let worker: Running;

  beforeAll(async () => {
    db = await createTestDatabase(inject('pgUrl'));
    const env = { DATABASE_URL: db.url, SIDELINE_DEMO_PASSWORD: PASSWORD };
    const listening = /listening on (http:\/\/\S+)/u;
    // the first server loads the demo into the empty database; the second finds it there
    const first = await start(['serve', '--port', '0'], env, listening);
    processes.push(first);
    const second = await start(['serve', '--port', '0'], env, listening);
    processes.push(second);
    worker = await start(['worker'], { DATABASE_URL: db.url }, /waiting for planning jobs/u);
    processes.push(worker);
    a = await signIn(first.match, 'host-staff@demo.test');
    b = await signIn(second.match, 'host-staff@demo.test');
  }, 180_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
  });

  it('refuses a bad worker option with exit 1 and one line', () => {
    const r = spawnSync(process.execPath, [BIN, 'worker', '--concurrency', 'lots'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('sideline: --concurrency must be a whole number from 1 to 64, got "lots"');
  });

  it('delivers an event written through one server to a stream on the other', async () => {
    const stream = await openStream(b);
    try {
      const usa = await signIn(a.base, 'usa-protocol@demo.test');
      const posted = await call(usa, 'POST', `${S}/requests/png-usa/thread`, { text: 'Across processes' });
      expect(posted.status, posted.text).toBe(201);
      const event = await waitFor('the event on the other server', () =>
        stream.events.find((e) => e.type === 'thread.posted'),
      );
      expect(event.seq).toBeGreaterThan(0);
    } finally {
      stream.close();
    }
  });

  it('runs a plan job started on one server in the worker, and answers for it on the other', async () => {
    const started = await call(a, 'POST', `${S}/plans`, { timeLimitSeconds: 3, seed: 5 });
    expect(started.status, started.text).toBe(202);
    const id = started.json().id as string;
    // the other server reads the job's row: its progress while the worker solves, then the plan
    const done = await waitFor(
      'the plan',
      async () => {
        const job = (await call(b, 'GET', `${S}/plans/${id}`)).json() as {
          status: string;
          version: number;
          progress: { elapsedMs: number; objective: { weight: number } | null };
          result: { plan: { meetings: unknown[] } } | null;
        };
        return job.status === 'done' ? job : undefined;
      },
      120_000,
    );
    expect(done.progress.elapsedMs).toBeGreaterThan(0);
    expect(done.progress.objective?.weight).toBeGreaterThan(0);
    expect(done.result?.plan.meetings.length).toBeGreaterThan(10);
    expect(worker.stderr()).toContain(`planning job ${id} of summit apec-2017 started`);
    const accepted = await call(a, 'POST', `${S}/plans/${id}/accept`, undefined, {
      'if-match': `"${done.version}"`,
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect((await call(b, 'GET', `${S}/plans/${id}`)).json().status).toBe('accepted');
  });

  it('a SIGTERM’d worker gives its job back at once; one killed -9 loses it to another, and the job says so', async () => {
    // the summit has a schedule now: keeping it answers at once, re-optimising searches all along
    const started = await call(a, 'POST', `${S}/plans`, {
      timeLimitSeconds: 120,
      seed: 9,
      mode: 're-optimise',
    });
    expect(started.status, started.text).toBe(202);
    const id = started.json().id as string;
    type Job = { status: string; version: number; attempts: number; recoveries: string[] };
    const read = async () => (await call(b, 'GET', `${S}/plans/${id}`)).json() as Job;
    await waitFor('the worker to take the job', async () =>
      (await read()).status === 'running' ? true : undefined,
    );

    // SIGTERM: the job is queued again the moment the worker has stopped, not 30 s later
    await worker.stop();
    expect(worker.stderr()).toContain(`planning job ${id} given back to the queue`);
    expect(await read()).toMatchObject({ status: 'queued', attempts: 0 });

    // kill -9 mid-search: the next worker takes it over once the first has been silent 5 s
    const doomed = await start(
      ['worker', '--stale-after', '5'],
      { DATABASE_URL: db.url },
      /waiting for planning jobs/u,
    );
    processes.push(doomed);
    await waitFor('the job to run again', async () =>
      (await read()).status === 'running' ? true : undefined,
    );
    doomed.child.kill('SIGKILL');
    const heir = await start(
      ['worker', '--stale-after', '5'],
      { DATABASE_URL: db.url },
      /waiting for planning jobs/u,
    );
    processes.push(heir);
    const taken = await waitFor('the takeover', async () => {
      const job = await read();
      return job.status === 'running' && job.attempts === 2 ? job : undefined;
    });
    expect(taken.recoveries).toHaveLength(1);
    expect(taken.recoveries[0]).toMatch(/^the runner \S+ stopped answering; taken over by \S+$/u);
    const discarded = await call(a, 'DELETE', `${S}/plans/${id}`, undefined, {
      'if-match': `"${taken.version}"`,
    });
    expect(discarded.status, discarded.text).toBe(200);
  });
});
