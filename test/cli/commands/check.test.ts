import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as sideline } from '../testing.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { greedyPlan } from '../../../src/engine/baseline/greedy.js';
import { baselineResultFile } from '../../../src/engine/baseline/result-file.js';
import type { ResultFile } from '../../../src/engine/result.js';

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
  - {id: plenary, title: Plenary, venue: ariyana, from: 2017-11-10T10:00, to: 2017-11-10T11:00, attendees: principals}
requests:
  - {id: usa-jpn, from: usa, to: [jpn], format: bilateral, level: leaders, minutes: 30, priority: 4, attendees: [usa-potus, jpn-pm], status: agreed}
  - {id: jpn-chn, from: jpn, to: [chn], format: bilateral, level: leaders, minutes: 30, priority: 3, attendees: [jpn-pm, chn-president], status: agreed}
  - {id: usa-chn, from: usa, to: [chn], format: bilateral, level: leaders, minutes: 30, priority: 2, attendees: [usa-potus, chn-president], status: requested}
`;

describe('sideline check', () => {
  let dir: string;
  let summitFile: string;
  let valid: ResultFile;
  const write = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-check-'));
    summitFile = await write('mini.yaml', SUMMIT);
    const read = readSummitFile(SUMMIT, 'yaml');
    if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    valid = baselineResultFile(read.data, greedyPlan(read.data));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('accepts a valid result and prints the recomputed objective', async () => {
    const r = await sideline(['check', summitFile, await write('valid.json', valid)]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${join(dir, 'valid.json')} is valid: weight 7, preferred 0, moved 0`);
  });

  it('lists every violation on its own line and exits 1', async () => {
    const broken = {
      ...valid,
      meetings: [
        { request: 'usa-jpn', start: '2017-11-10T10:30', end: '2017-11-10T11:00', room: 'b1' },
        { request: 'jpn-chn', start: '2017-11-10T10:45', end: '2017-11-10T11:15', room: 'b1' },
      ],
    };
    const file = await write('broken.json', broken);
    const r = await sideline(['check', summitFile, file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      `sideline: ${file} is not a valid plan for mini-summit: 6 violations (its meetings give weight 7, preferred 0, moved 0)`,
      '  person-overlap: usa-potus in usa-jpn (10 Nov 10:30–11:00) and programme plenary (10 Nov 10:00–11:00)',
      '  person-overlap: jpn-pm in usa-jpn (10 Nov 10:30–11:00) and jpn-chn (10 Nov 10:45–11:15)',
      '  person-overlap: jpn-pm in usa-jpn (10 Nov 10:30–11:00) and programme plenary (10 Nov 10:00–11:00)',
      '  person-overlap: jpn-pm in jpn-chn (10 Nov 10:45–11:15) and programme plenary (10 Nov 10:00–11:00)',
      '  person-overlap: chn-president in jpn-chn (10 Nov 10:45–11:15) and programme plenary (10 Nov 10:00–11:00)',
      '  room-exclusive: b1 holds usa-jpn (10 Nov 10:30–11:00) and jpn-chn (10 Nov 10:45–11:15) at once',
    ]);
  });

  it('prints {valid, violations, objective} with --json', async () => {
    const ok = await sideline(['check', '--json', summitFile, await write('valid.json', valid)]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      valid: true,
      violations: [],
      objective: { weight: 7, preferred: 0, moved: 0 },
    });
    const wrongClaim = { ...valid, objective: { weight: 9, preferred: 0, moved: 0 } };
    const bad = await sideline(['check', summitFile, await write('claim.json', wrongClaim), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      valid: false,
      violations: [
        {
          rule: 'objective-claim',
          requests: [],
          message:
            'objective-claim: the file claims weight 9, preferred 0, moved 0; its meetings give weight 7, preferred 0, moved 0',
        },
      ],
      objective: { weight: 7, preferred: 0, moved: 0 },
    });
  });

  it('names the path of every error in a malformed result file', async () => {
    const file = await write('shape.json', { ...valid, meetings: [{ request: 'usa-jpn', start: 8 }] });
    const r = await sideline(['check', summitFile, file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  result-shape: meetings[0].start: ');
    expect(r.stderr).toContain('  result-shape: meetings[0].end: ');
    const notJson = await sideline(['check', summitFile, await write('text.json', 'weight: 7')]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/ {2}result-shape: \(the whole file\): not JSON: /);
  });

  it('refuses a bad summit file with every path-named error', async () => {
    const bad = SUMMIT.replace('attendees: [usa-potus, jpn-pm]', 'attendees: [usa-vp, jpn-pm]').replace(
      'minutes: 30, priority: 3',
      'minutes: 31, priority: 3',
    );
    const file = await write('bad.yaml', bad);
    const r = await sideline(['check', file, await write('valid.json', valid)]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(`sideline: ${file} has 2 errors; nothing was checked`);
    expect(
      lines
        .slice(1)
        .map((l) => l.trim().split(':')[0])
        .sort(),
    ).toEqual(['requests[0].attendees[0]', 'requests[1].minutes']);
  });

  it('shows an example in its help', async () => {
    const r = await sideline(['check', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ sideline check examples/apec-2017-danang.yaml result.json');
  });
});

describe('sideline check on the practice rules (summit file version 2)', () => {
  const fixture = (name: string, file: string) =>
    fileURLToPath(new URL(`../../engine/check/fixtures/practice/${name}.${file}`, import.meta.url));

  it.each([
    [
      'room-turnover',
      'room-turnover: ariyana-b1 holds usa-jpn (10 Nov 10:00–10:30) and chn-usa (10 Nov 10:30–11:00) 0 min apart (turnover 15 min)',
    ],
    ['room-features', 'room-features: ariyana-b1 lacks press for usa-jpn (10 Nov 10:00–10:30)'],
    ['quota', 'quota: usa has 2 meetings on 10 Nov (limit 1): usa-jpn, usa-chn'],
    [
      'interpreters',
      "interpreters: 2 meetings need rus's 1 interpreters at 10 Nov 15:00–15:30: rus-jpn, rus-chn",
    ],
  ])('rejects the %s fixture with exit 1, naming the rule', async (name, message) => {
    const result = fixture(name, 'result.json');
    const r = await sideline(['check', fixture(name, 'summit.yaml'), result]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(1)).toEqual([`  ${message}`]);
  });
});
