import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as sideline } from '../testing.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { checkResultFile } from '../../../src/engine/check/index.js';

const SUMMIT = `
summit:
  id: mini-summit
  name: Mini summit
  timezone: Asia/Ho_Chi_Minh
  days: {from: 2017-11-10, to: 2017-11-10}
  dayWindow: {from: "08:00", to: "12:00"}
  grainMinutes: 15
  bufferMinutes: 0
venues:
  - {id: ariyana, name: Ariyana}
rooms:
  - {id: b1, venue: ariyana, name: Bilateral Room 1, capacity: 8}
delegations:
  - id: usa
    name: United States
    principal: {id: usa-potus, name: President}
  - id: jpn
    name: Japan
    principal: {id: jpn-pm, name: Prime Minister}
  - id: chn
    name: China
    principal: {id: chn-president, name: President}
programme:
  - {id: plenary, title: Plenary, venue: ariyana, from: 2017-11-10T08:00, to: 2017-11-10T11:00, attendees: principals}
requests:
  - {id: usa-jpn, from: usa, to: [jpn], format: bilateral, level: leaders, minutes: 60, priority: 4, attendees: [usa-potus, jpn-pm], status: agreed}
  - {id: jpn-chn, from: jpn, to: [chn], format: bilateral, level: leaders, minutes: 30, priority: 3, attendees: [jpn-pm, chn-president], status: agreed}
  - {id: usa-chn, from: usa, to: [chn], format: bilateral, level: leaders, minutes: 30, priority: 2, attendees: [usa-potus, chn-president], status: requested}
`;

// One room, two hours: usa-jpn sits across both hour slots, so jpn-chn (priority 5) fits only if it moves.
const MOVES = `
summit:
  id: moves-summit
  name: Moves summit
  timezone: Asia/Ho_Chi_Minh
  days: {from: 2017-11-10, to: 2017-11-10}
  dayWindow: {from: "08:00", to: "10:00"}
  grainMinutes: 30
  bufferMinutes: 0
venues:
  - {id: ariyana, name: Ariyana}
rooms:
  - {id: b1, venue: ariyana, name: Bilateral Room 1, capacity: 8}
delegations:
  - {id: usa, name: United States, principal: {id: usa-potus, name: President}}
  - {id: jpn, name: Japan, principal: {id: jpn-pm, name: Prime Minister}}
  - {id: chn, name: China, principal: {id: chn-president, name: President}}
requests:
  - {id: usa-jpn, from: usa, to: [jpn], format: bilateral, level: leaders, minutes: 60, priority: 1, attendees: [usa-potus, jpn-pm], status: scheduled}
  - {id: jpn-chn, from: jpn, to: [chn], format: bilateral, level: leaders, minutes: 60, priority: 5, attendees: [jpn-pm, chn-president], status: agreed}
meetings:
  - {request: usa-jpn, start: 2017-11-10T08:30, room: b1}
`;

describe('sideline schedule', () => {
  let dir: string;
  let summitFile: string;
  const write = async (name: string, content: string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-schedule-'));
    summitFile = await write('mini.yaml', SUMMIT);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('plans the file in a worker, writes a result file the checker accepts, and prints a summary', async () => {
    const out = join(dir, 'result.json');
    const r = await sideline(['schedule', summitFile, '--time-limit', '0.5', '--seed', '7', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Placed 1 of 2 plannable requests');
    // jpn-pm's free hour holds usa-jpn or jpn-chn, not both: the person-by-person knapsack proves 4.
    expect(r.stdout).toContain('weight 4 (bound 4), preferred 0, moved 0.');
    expect(r.stdout).toMatch(/usa-jpn +2017-11-10T11:00 +2017-11-10T12:00 +b1/);
    expect(r.stdout).toMatch(
      // every blocker of every start is named: both principals' and the rooms'
      /jpn-chn +displaced +Every possible slot is taken: jpn-pm: Plenary 10 Nov 08:00–11:00; jpn-pm: meeting usa-jpn 10 Nov 11:00–12:00; chn-president: Plenary 10 Nov 08:00–11:00; Ariyana rooms taken 10 Nov 10:45–12:00\./,
    );
    expect(r.stdout).toMatch(/usa-chn +requested/);
    const file = JSON.parse(await readFile(out, 'utf8'));
    expect(file).toMatchObject({
      summit: 'mini-summit',
      objective: { weight: 4 },
      bound: 4,
      stats: { seed: 7 },
    });
    const read = readSummitFile(SUMMIT, 'yaml');
    if (!read.ok) throw new Error('fixture');
    expect(checkResultFile(read.data, file).violations).toEqual([]);
  });

  it('prints the result file with --json', async () => {
    const r = await sideline(['schedule', summitFile, '--json', '--time-limit', '0.3']);
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout);
    expect(file.meetings).toEqual([
      { request: 'usa-jpn', start: '2017-11-10T11:00', end: '2017-11-10T12:00', room: 'b1' },
    ]);
    expect(file.unscheduled.map((u: { request: string }) => u.request).sort()).toEqual([
      'jpn-chn',
      'usa-chn',
    ]);
  });

  it('refuses a bad summit file with every path-named error and plans nothing', async () => {
    const bad = SUMMIT.replace('attendees: [usa-potus, jpn-pm]', 'attendees: [usa-vp, jpn-pm]').replace(
      'minutes: 30, priority: 3',
      'minutes: 31, priority: 3',
    );
    const out = join(dir, 'never.json');
    const r = await sideline(['schedule', await write('bad.yaml', bad), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sideline: .*bad\.yaml has 2 errors; nothing was planned/);
    expect(r.stderr).toContain('requests[0].attendees[0]');
    expect(r.stderr).toContain('requests[1].minutes');
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });

  it('moves as the flags allow: none with --max-moves 0, one (listed with what it made room for) with 1', async () => {
    const file = await write('moves.yaml', MOVES);
    const none = await sideline(['schedule', file, '--max-moves', '0', '--json', '--time-limit', '0.5']);
    expect(none.stderr).toBe('');
    expect(JSON.parse(none.stdout)).toMatchObject({ objective: { weight: 1 }, policy: { maxMoves: 0 } });
    expect(JSON.parse(none.stdout).moves).toBeUndefined();

    const one = await sideline(['schedule', file, '--max-moves', '1', '--time-limit', '0.5']);
    expect(one.stdout).toContain('weight 6 (bound 6)');
    expect(one.stdout).toMatch(/Moves \(1\):/);
    expect(one.stdout).toMatch(/usa-jpn +2017-11-10T08:30 b1 +2017-11-10T0[89]:00 b1 +jpn-chn/);

    // frozen: usa-jpn starts before 08:00 + 1 hour, so it stays even with no limit on moves
    const frozen = await sideline([
      'schedule',
      file,
      '--max-moves',
      'all',
      '--now',
      '2017-11-10T08:00',
      '--freeze-hours',
      '1',
      '--json',
      '--time-limit',
      '0.5',
    ]);
    expect(JSON.parse(frozen.stdout)).toMatchObject({
      objective: { weight: 1 },
      policy: { maxMoves: null, now: '2017-11-10T08:00', freezeHours: 1 },
    });
  });

  it('refuses bad move flags with one clear line each', async () => {
    expect((await sideline(['schedule', summitFile, '--max-moves', '-1'])).stderr).toBe(
      'sideline: --max-moves must be a whole number from 0 up, or all, got "-1"',
    );
    expect((await sideline(['schedule', summitFile, '--freeze-hours', '1.5'])).stderr).toBe(
      'sideline: --freeze-hours must be a whole number of hours from 0 to 8784, got "1.5"',
    );
    expect((await sideline(['schedule', summitFile, '--now', 'tomorrow'])).stderr).toBe(
      'sideline: --now must be a time YYYY-MM-DDTHH:MM (local to Asia/Ho_Chi_Minh) or with an offset, got "tomorrow"',
    );
  });

  it('refuses bad options and unknown file kinds with one clear line', async () => {
    expect((await sideline(['schedule', summitFile, '--time-limit', 'soon'])).stderr).toBe(
      'sideline: --time-limit must be a positive number of seconds, got "soon"',
    );
    expect((await sideline(['schedule', summitFile, '--seed', '-3'])).stderr).toBe(
      'sideline: --seed must be a whole number from 0 to 4294967295, got "-3"',
    );
    const txt = await write('summit.txt', SUMMIT);
    expect(await sideline(['schedule', txt])).toMatchObject({
      code: 1,
      stderr: `sideline: ${txt}: a summit file ends in .yaml, .yml or .json`,
    });
    // Without a file it plans the database's summit: an empty database has none to plan.
    const empty = await sideline(['schedule', '--db', join(dir, 'empty.db'), '--create']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/summit: no summit yet/);
  });
});
