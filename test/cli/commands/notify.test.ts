// `sideline notify dispatch` as separate processes on one PostgreSQL database, against a real SMTP
// server: one is killed with SIGKILL mid-way, two more finish the outbox together. Nothing is lost;
// nothing goes twice but, at most, the one message the killed process had handed to the server
// without living to record it (it carries the same Message-ID, so a receiver can drop it).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemo } from '../../../src/app/demo/apec-2017.js';
import { proposeRequestCondition } from '../../../src/app/requests/conditions.js';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { SYSTEM, testContext } from '../../support/app.js';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.js';
import { addUser, S } from '../../app/notify/kit.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');
const PROPOSALS = 15;

function dispatcher(env: Record<string, string>): ChildProcess {
  const args = ['notify', 'dispatch', '--lease', '2', '--poll', '100'];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

describe('notification dispatchers killed and restarted on PostgreSQL', () => {
  let db: TestDatabase;
  let store: Store;
  let sink: SmtpSink;
  beforeAll(async () => {
    db = await createTestDatabase(inject('pgUrl'));
    store = await openStore({ databaseUrl: db.url });
    sink = await startSmtpSink({ delayMs: 40 });
    const ctx = testContext(store);
    await loadDemo(ctx, SYSTEM);
    await addUser(store, 'usPo', [
      { kind: 'delegation', summit: S, delegation: 'usa' as never, role: 'protocol-officer' },
    ]);
    await addUser(store, 'usLead', [
      { kind: 'delegation', summit: S, delegation: 'usa' as never, role: 'delegation-lead' },
    ]);
    const ruPo = await addUser(store, 'ruPo', [
      { kind: 'delegation', summit: S, delegation: 'rus' as never, role: 'protocol-officer' },
    ]);
    for (let i = 0; i < PROPOSALS; i++)
      await proposeRequestCondition(ctx, ruPo, S, 'usa-rus', { kind: 'agenda', text: `Topic ${i}` });
  });
  afterAll(async () => {
    await sink.close();
    await store.close();
    await db.drop();
  });

  it('loses nothing and sends nothing twice but the one in flight, across kill -9 and two dispatchers', async () => {
    const pending = await store.read((tx) => tx.deliveries.listByStatus('pending', 1000));
    expect(pending).toHaveLength(PROPOSALS * 2);
    const env = {
      DATABASE_URL: db.url,
      SMTP_URL: sink.url,
      SIDELINE_PUBLIC_URL: 'https://sideline.example.org',
    };

    const first = dispatcher(env);
    await sink.waitFor(8, 60_000);
    first.kill('SIGKILL');
    await exited(first);
    const beforeRestart = sink.received.length;
    expect(beforeRestart).toBeLessThan(PROPOSALS * 2);

    const [b, c] = [dispatcher(env), dispatcher(env)];
    const ids = new Set(pending.map((d) => `<${d.id}@sideline.invalid>`));
    const until = Date.now() + 60_000;
    while (new Set(sink.received.map((m) => m.messageId)).size < ids.size && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 3000)); // past a lease: anything left to resend would go now
    for (const child of [b, c]) child.kill('SIGTERM');
    await Promise.all([exited(b), exited(c)]);

    const received = sink.received.map((m) => m.messageId);
    expect(new Set(received)).toEqual(ids);
    const repeats = received.filter((id, i) => received.indexOf(id) !== i);
    expect(repeats.length).toBeLessThanOrEqual(1);
    const after = await store.read(async (tx) => ({
      pending: await tx.deliveries.listByStatus('pending', 1000),
      sent: await tx.deliveries.listByStatus('sent', 1000),
    }));
    expect(after.pending).toEqual([]);
    expect(after.sent).toHaveLength(PROPOSALS * 2);
  }, 120_000);
});
