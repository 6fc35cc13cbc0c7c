import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as sideline } from './testing.js';

describe('the sideline command', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-cli-'));
    db = join(dir, 'sideline.db');
    expect((await sideline(['demo', '--db', db])).code).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists the demo requests as a table, and as JSON for scripts', async () => {
    const table = await sideline(['--db', db, 'requests']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/usa-rus\s+usa\s+rus\s+bilateral\s+leaders\s+45\s+4\s+conditions-pending/);
    const json = await sideline(['requests', '--json', '--status', 'agreed', '--db', db]);
    const parsed = JSON.parse(json.stdout) as { requests: { status: string }[] };
    expect(parsed.requests.length).toBeGreaterThan(10);
    expect(parsed.requests.every((r) => r.status === 'agreed')).toBe(true);
  });

  it('takes the database from SIDELINE_DB', async () => {
    const r = await sideline(['requests', '--json'], { SIDELINE_DB: db });
    expect(JSON.parse(r.stdout).requests.length).toBeGreaterThan(40);
  });

  it('shows a delegation only what it may see with --as', async () => {
    const chn = JSON.parse((await sideline(['requests', '--as', 'chn', '--json', '--db', db])).stdout) as {
      requests: { id: string; from: string; to: string[] }[];
    };
    expect(chn.requests.every((r) => r.from === 'chn' || r.to.includes('chn'))).toBe(true);
    const hidden = await sideline(['show', 'usa-rus', '--as', 'chn', '--db', db]);
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toBe('sideline: no request "usa-rus"');
  });

  it('shows one request with its open conditions', async () => {
    const r = await sideline(['show', 'usa-rus', '--db', db]);
    expect(r.stdout).toMatch(/c1 \[open\] by usa \(deliverable\): Agreed deliverable on Syria/);
  });

  it('lists where the US and Russian presidents meet anyway', async () => {
    const r = await sideline(['encounters', 'usa', 'rus', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/[Gg]ala dinner/);
    expect(r.stdout).toMatch(/[Ff]amily photo/);
  });

  it('refuses the same delegation twice with exit 1 and a clear line, not a stack trace', async () => {
    const r = await sideline(['encounters', 'usa', 'usa', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'sideline: 1 error:\n  b: names "usa" again: an encounter needs two different delegations',
    );
  });

  it('shows the event log', async () => {
    const r = await sideline(['log', '--json', '--db', db]);
    const types = (JSON.parse(r.stdout) as { events: { type: string }[] }).events.map((e) => e.type);
    expect(types).toContain('summit.imported');
    expect(types).toContain('position.recorded');
  });

  it('refuses a broken file with every error named by path, exit 1, and changes nothing', async () => {
    const before = (await sideline(['export', '--format', 'json', '--db', db])).stdout;
    const text = await readFile(new URL('../../examples/apec-2017-danang.yaml', import.meta.url), 'utf8');
    const broken = text
      .replace(
        'attendees: [usa-potus, usa-sos, rus-president, rus-fm]',
        'attendees: [usa-potus, usa-sos, rus-president, rus-nobody]',
      )
      .replace('timezone: Asia/Ho_Chi_Minh', 'timezone: Mars/Olympus');
    const file = join(dir, 'broken.yaml');
    await writeFile(file, broken);
    const r = await sideline(['import', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/summit\.timezone/);
    expect(r.stderr).toMatch(/requests\[\d+\]\.attendees\[3\]: unknown person "rus-nobody"/);
    expect((await sideline(['export', '--format', 'json', '--db', db])).stdout).toBe(before);
  });

  it('plans the summit in the database: a dry run stores nothing, a run stores placements as events', async () => {
    const events = async () =>
      (
        JSON.parse((await sideline(['log', '--json', '--limit', '1000', '--db', db])).stdout) as {
          events: { type: string }[];
        }
      ).events;
    const before = (await events()).length;
    const dry = await sideline(['schedule', '--dry-run', '--time-limit', '2', '--json', '--db', db]);
    expect(dry.code).toBe(0);
    const diff = JSON.parse(dry.stdout) as {
      applied: boolean;
      placed: unknown[];
      removed: unknown[];
      unplaced: { request: string; reason: string; detail: string }[];
    };
    expect(diff.applied).toBe(false);
    // a summit with meetings keeps its schedule: at most 5 moves, each listed, with the bound and gap
    const shown = JSON.parse(dry.stdout) as {
      bound: number;
      gap: number;
      objective: { weight: number };
      policy: { maxMoves: number | null };
      moves: { fits: boolean }[];
    };
    expect(shown.policy.maxMoves).toBe(5);
    expect(shown.moves.filter((m) => m.fits).length).toBeLessThanOrEqual(5);
    expect(shown.bound).toBeGreaterThanOrEqual(shown.objective.weight);
    expect(shown.gap).toBeCloseTo((shown.bound - shown.objective.weight) / shown.bound, 10);
    const text = await sideline(['schedule', '--dry-run', '--time-limit', '1', '--db', db]);
    expect(text.stdout).toMatch(
      /^Plan: weight \d+ of at most \d+ \(gap \d+\.\d %\); \d+ moves? \(at most 5 moves\)\./m,
    );
    const all = await sideline([
      'schedule',
      '--dry-run',
      '--max-moves',
      'all',
      '--time-limit',
      '1',
      '--json',
      '--db',
      db,
    ]);
    expect(JSON.parse(all.stdout).policy.maxMoves).toBeNull();
    // The demo's held meetings are the past: planning never takes them off the calendar.
    expect(diff.removed).toEqual([]);
    expect(diff.placed.length).toBeGreaterThan(5);
    expect(diff.unplaced.find((u) => u.request === 'usa-rus')).toMatchObject({
      reason: 'conditions-pending',
    });
    expect(diff.unplaced.find((u) => u.request === 'usa-rus')?.detail).toMatch(/c1 \(set by usa\)/);
    expect((await events()).length).toBe(before);
    const run = await sideline(['schedule', '--time-limit', '2', '--json', '--db', db]);
    expect(JSON.parse(run.stdout).applied).toBe(true);
    const placed = (await events()).filter((e) => e.type === 'meeting.placed').length;
    expect(placed).toBe(diff.placed.length);
    const scheduled = JSON.parse(
      (await sideline(['requests', '--status', 'scheduled', '--json', '--db', db])).stdout,
    );
    expect(scheduled.requests.length).toBeGreaterThanOrEqual(diff.placed.length);
  });

  it('exits 1 with one clear line on a usage mistake', async () => {
    const r = await sideline(['requests', '--status', 'bogus', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sideline: --status: expected one of draft, requested/);
  });

  it('has --help with an example on every command', async () => {
    for (const command of [
      'init',
      'demo',
      'import',
      'export',
      'requests',
      'show',
      'encounters',
      'log',
      'schedule',
    ]) {
      const r = await sideline([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(/Example/);
    }
  });
});

describe('sideline show with summit practice', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-cli-ranks-'));
    db = join(dir, 'sideline.db');
    const file = join(dir, 'ranks.yaml');
    await writeFile(
      file,
      `summit:
  id: ranks
  name: Ranks
  timezone: Asia/Ho_Chi_Minh
  days: {from: 2017-11-10, to: 2017-11-11}
  dayWindow: {from: "08:00", to: "18:00"}
  grainMinutes: 15
  rankParity: warn
venues: [{id: ariyana, name: Ariyana}]
rooms: [{id: ariyana-b1, venue: ariyana, name: Bilateral Room 1, capacity: 8, features: [flags]}]
delegations:
  - {id: usa, name: United States, principal: {id: usa-potus, name: President, rank: head-of-state}}
  - {id: chn, name: China, principal: {id: chn-president, name: President, rank: head-of-state}, members: [{id: chn-commerce, name: Minister of Commerce, rank: minister}]}
requests:
  - {id: usa-chn, from: usa, to: [chn], format: bilateral, level: leaders, minutes: 30, priority: 3, attendees: [usa-potus, chn-commerce], needs: [flags], press: pool-spray}
`,
    );
    const imported = await sideline(['import', file, '--db', db, '--create']);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("shows a request's needs, press access and rank warning", async () => {
    const r = await sideline(['show', 'usa-chn', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  needs: flags; press: pool-spray');
    expect(r.stdout).toContain(
      '  warning: ranks differ: usa-potus (head of state) with chn-commerce (minister)',
    );
  });
});
