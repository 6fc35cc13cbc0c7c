// Which schedule treatment and move policy a planning run gets: from its settings, the summit's own
// planning keys, or the defaults (keep a schedule that exists, at most 5 moves).
import { describe, expect, it } from 'vitest';
import { resolveRun, storedSettings } from '../../../src/app/planning/run-settings.js';
import type { SummitData } from '../../../src/domain/summit/data.js';
import type { Instant } from '../../../src/domain/time.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';

const summitFile = (planning: string, meetings: boolean): SummitData => {
  const read = readSummitFile(
    `
summit:
  id: s
  name: S
  timezone: UTC
  days: {from: 2017-11-10, to: 2017-11-10}
  dayWindow: {from: "08:00", to: "10:00"}
  grainMinutes: 30
  bufferMinutes: 0
${planning}
venues:
  - {id: hall, name: Hall}
rooms:
  - {id: b1, venue: hall, name: B1, capacity: 8}
delegations:
  - {id: usa, name: United States, principal: {id: usa-potus, name: President}}
  - {id: jpn, name: Japan, principal: {id: jpn-pm, name: Prime Minister}}
requests:
  - {id: usa-jpn, from: usa, to: [jpn], format: bilateral, level: leaders, minutes: 60, priority: 1, attendees: [usa-potus, jpn-pm], status: scheduled}
${meetings ? 'meetings:\n  - {request: usa-jpn, start: 2017-11-10T08:30, room: b1}' : ''}
`,
    'yaml',
  );
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return read.data;
};

const NOW = '2017-11-10T07:00:00.000Z' as Instant;

describe('resolveRun', () => {
  it('keeps a schedule that exists by default: at most 5 moves, no freeze the summit does not ask for', () => {
    expect(resolveRun(null, summitFile('', true), NOW)).toEqual({
      mode: 'keep-schedule',
      engineMode: 'repair',
      policy: { maxMoves: 5, now: null, freezeHours: null },
    });
  });

  it('re-optimises a summit without meetings, and on request, with no move limit', () => {
    expect(resolveRun(null, summitFile('', false), NOW)).toMatchObject({
      mode: 're-optimise',
      engineMode: 'solve',
      policy: { maxMoves: null },
    });
    expect(resolveRun(storedSettings({ mode: 're-optimise' }), summitFile('', true), NOW)).toMatchObject({
      engineMode: 'solve',
      policy: { maxMoves: null },
    });
  });

  it("freezes inside the summit's notice period from now, and takes its move limit", () => {
    const data = summitFile('planning:\n  maxMoves: 3\n  freezeHours: 12', true);
    expect(resolveRun(null, data, NOW).policy).toEqual({ maxMoves: 3, now: NOW, freezeHours: 12 });
  });

  it("lets the run's own settings win key by key; all lifts the limit", () => {
    const data = summitFile('planning:\n  maxMoves: 3\n  freezeHours: 12', true);
    const at = '2017-11-10T08:00:00.000Z' as Instant;
    expect(resolveRun(storedSettings({ maxMoves: 'all', now: at, freezeHours: 24 }), data, NOW)).toEqual({
      mode: 'keep-schedule',
      engineMode: 'repair',
      policy: { maxMoves: null, now: at, freezeHours: 24 },
    });
    expect(resolveRun(storedSettings({ maxMoves: 1 }), data, NOW).policy.maxMoves).toBe(1);
  });

  it("never freezes less than the summit's notice period: a plan moving a meeting inside it could not be accepted", () => {
    const data = summitFile('planning:\n  freezeHours: 12', true);
    expect(resolveRun(storedSettings({ freezeHours: 0 }), data, NOW).policy).toMatchObject({
      now: NOW,
      freezeHours: 12,
    });
    // without a notice period the run's own freeze holds
    expect(resolveRun(storedSettings({ freezeHours: 2 }), summitFile('', true), NOW).policy).toMatchObject({
      now: NOW,
      freezeHours: 2,
    });
  });
});
