// `sideline schedule` on the database after a change made a confirmed meeting impossible: a dry run
// prints the plan's warnings (the meeting it keeps, and why it cannot take place), and a run stores
// the plan instead of failing for ever on that meeting.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUMMIT as S } from '../../../src/app/demo/apec-2017.js';
import { persons } from '../../../src/app/logistics/specs.js';
import { openStore } from '../../../src/store/open.js';
import { SYSTEM, testContext } from '../../support/app.js';
import { runCli as sideline } from '../testing.js';

describe('sideline schedule on the database, with a meeting a forced change broke', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-schedule-db-'));
    db = join(dir, 'sideline.db');
    expect((await sideline(['demo', '--db', db])).code).toBe(0);
    // Putin leaves at Saturday noon: the confirmed Russia-Viet Nam meeting at 15:00 cannot take place
    const store = await openStore({ sqlitePath: db });
    try {
      const ctx = testContext(store);
      const { version, ...putin } = await persons.get(ctx, SYSTEM, S, 'rus-president');
      const presence = [{ from: '2017-11-10T05:00:00.000Z', to: '2017-11-11T05:00:00.000Z' }];
      await persons.change(ctx, SYSTEM, S, 'rus-president', { ...putin, presence }, version, { force: true });
    } finally {
      await store.close();
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the warnings on a dry run, and stores the plan on a run', async () => {
    const dry = await sideline(['schedule', '--dry-run', '--time-limit', '2', '--db', db]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Warnings \(\d+\)/);
    expect(dry.stdout).toMatch(/confirmed meeting rus-vnm .*rus-president is not present then/);
    const json = JSON.parse(
      (await sideline(['schedule', '--dry-run', '--time-limit', '2', '--json', '--db', db])).stdout,
    ) as { warnings: string[] };
    expect(json.warnings.some((w) => w.includes('rus-vnm'))).toBe(true);
    const run = await sideline(['schedule', '--time-limit', '2', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Stored: \d+ placed/);
  });
});
