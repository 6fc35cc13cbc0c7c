// kill -9 of `sideline serve` in the middle of a burst of writes, on SQLite and on PostgreSQL:
// clients whose request got no answer retry it with the same Idempotency-Key against the restarted
// server. Every acknowledged write is stored, and no write is stored twice. SIDELINE_DRILL_ROUNDS
// (default 1) kills it that many times; `npm run drill:crash` runs more.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../../src/store/open.js';
import { DEMO_THREAD, seedDemo } from '../../support/demo-server.js';
import { createTestDatabase } from '../../support/postgres.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');
const ROUNDS = Number(process.env.SIDELINE_DRILL_ROUNDS ?? '1');
const WRITERS = Number(process.env.SIDELINE_DRILL_WRITERS ?? '12');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `sideline serve` on `env`'s database and resolves with its URL once it listens. */
function serve(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo', '--rate-limit', 'off'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  child.stdout?.resume();
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+)/u.exec(stderr);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`sideline serve exited ${code ?? signal}: ${stderr}`)),
    );
  });
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe(`kill -9 mid-burst on ${backend}`, { timeout: 240_000 + ROUNDS * 120_000 }, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const step of cleanup.reverse()) await step();
    });

    it('keeps every acknowledged write and stores none twice when clients retry with their key', async () => {
      let env: Record<string, string>;
      if (backend === 'sqlite') {
        const dir = await mkdtemp(join(tmpdir(), 'sideline-crash-'));
        cleanup.push(() => rm(dir, { recursive: true, force: true }));
        env = { SIDELINE_DB: join(dir, 'sideline.db') };
      } else {
        const db = await createTestDatabase(inject('pgUrl'));
        cleanup.push(() => db.drop());
        env = { DATABASE_URL: db.url };
      }
      const seeding = await openStore(
        env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { sqlitePath: env.SIDELINE_DB },
      );
      const token = await seedDemo(seeding);
      await seeding.close();

      let server = await serve(env);
      cleanup.push(async () => {
        server.child.kill('SIGKILL');
      });
      const acknowledged: string[] = [];
      let sent = 0;
      let writing = true;

      const post = async (text: string): Promise<void> => {
        const key = randomUUID();
        for (;;) {
          try {
            const r = await fetch(`${server.url}${DEMO_THREAD}`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                'idempotency-key': key,
              },
              body: JSON.stringify({ text }),
              signal: AbortSignal.timeout(20_000),
            });
            await r.arrayBuffer();
            if (r.status === 201) {
              acknowledged.push(text);
              return;
            }
            // 409: the key's first request died with the server; its claim lapses after its lease
            if (r.status !== 409 && r.status !== 503) throw new Error(`unexpected ${r.status}`);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
            // no answer (the server died): the outcome is unknown, retry with the same key
          }
          await sleep(250);
        }
      };
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; writing; i++) {
          sent++;
          await post(`crash w${w} #${i}`);
        }
      });

      for (let round = 0; round < ROUNDS; round++) {
        const before = acknowledged.length;
        while (acknowledged.length < before + WRITERS * 3) await sleep(50);
        server.child.kill('SIGKILL'); // mid-burst: requests in flight get no answer
        await new Promise((resolve) => server.child.once('exit', resolve));
        server = await serve(env);
      }
      const before = acknowledged.length;
      while (acknowledged.length < before + WRITERS) await sleep(50);
      writing = false;
      await Promise.all(writers);

      const store = await openStore(
        env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { sqlitePath: env.SIDELINE_DB },
      );
      try {
        const messages = await store.read((tx) => tx.thread.listFor('apec-2017' as never, 'png-usa'));
        const counts = new Map<string, number>();
        for (const m of messages) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
        expect(acknowledged.filter((text) => !counts.has(text))).toEqual([]);
        expect([...counts].filter(([text, n]) => text.startsWith('crash ') && n > 1)).toEqual([]);
        // every write sent was acknowledged in the end (clients retried until it was)
        expect(acknowledged.length).toBe(sent);
        console.log(
          `crash drill on ${backend}: ${ROUNDS} kill(s), ${acknowledged.length} acknowledged writes, none twice`,
        );
      } finally {
        await store.close();
      }
    });
  });
}
