// The checker's rules 5–8 (summit-file.md, version 2), each on its own minimal fixture (a summit file
// and a result file in fixtures/practice) that the rule, and only it, rejects; moving one meeting
// (or giving the room its feature) makes the same result valid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SummitData } from '../../../../src/domain/summit/data.js';
import { checkResultFile } from '../../../../src/engine/check/result-file/check-result-file.js';
import { readSummitFile } from '../../../../src/io/summit-file/read.js';

/** The summit and result of one fixture. */
function fixture(name: string): {
  data: SummitData;
  result: { meetings: { request: string; start: string; end: string; room: string }[] };
} {
  const at = (file: string) =>
    readFileSync(new URL(`../fixtures/practice/${name}.${file}`, import.meta.url), 'utf8');
  const read = readSummitFile(at('summit.yaml'), 'yaml');
  if (!read.ok) throw new Error(read.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return { data: read.data, result: JSON.parse(at('result.json')) as never };
}

/** The result with one meeting moved. */
function moved<T extends { meetings: { request: string }[] }>(
  result: T,
  request: string,
  to: { start: string; end: string },
): T {
  return { ...result, meetings: result.meetings.map((m) => (m.request === request ? { ...m, ...to } : m)) };
}

const cases = [
  {
    rule: 'room-turnover',
    message:
      'room-turnover: ariyana-b1 holds usa-jpn (10 Nov 10:00–10:30) and chn-usa (10 Nov 10:30–11:00) 0 min apart (turnover 15 min)',
    repair: (f: ReturnType<typeof fixture>) => ({
      data: f.data,
      result: moved(f.result, 'chn-usa', { start: '2017-11-10T10:45', end: '2017-11-10T11:15' }),
    }),
  },
  {
    rule: 'room-features',
    message: 'room-features: ariyana-b1 lacks press for usa-jpn (10 Nov 10:00–10:30)',
    repair: (f: ReturnType<typeof fixture>) => ({
      data: { ...f.data, rooms: f.data.rooms.map((r) => ({ ...r, features: [...r.features, 'press'] })) },
      result: f.result,
    }),
  },
  {
    rule: 'quota',
    message: 'quota: usa has 2 meetings on 10 Nov (limit 1): usa-jpn, usa-chn',
    repair: (f: ReturnType<typeof fixture>) => ({
      data: f.data,
      result: moved(f.result, 'usa-chn', { start: '2017-11-11T14:00', end: '2017-11-11T14:30' }),
    }),
  },
  {
    rule: 'interpreters',
    message: "interpreters: 2 meetings need rus's 1 interpreters at 10 Nov 15:00–15:30: rus-jpn, rus-chn",
    repair: (f: ReturnType<typeof fixture>) => ({
      data: f.data,
      result: moved(f.result, 'rus-chn', { start: '2017-11-10T15:30', end: '2017-11-10T16:00' }),
    }),
  },
] as const;

describe.each(cases)('the $rule fixture', ({ rule, message, repair }) => {
  const f = fixture(rule === 'quota' ? 'quota' : rule);

  it('is rejected by that rule alone', () => {
    const check = checkResultFile(f.data, f.result);
    expect(check.violations.map((v) => v.message)).toEqual([message]);
  });

  it('is valid once the meeting moves (or the room offers the feature)', () => {
    const fixed = repair(f);
    expect(checkResultFile(fixed.data, fixed.result).violations).toEqual([]);
  });
});

describe('interpretation', () => {
  it('needs no interpreter where one person shares a language, or has none given', () => {
    const f = fixture('interpreters');
    const speaking = (languages: string[] | null) => ({
      ...f.data,
      persons: f.data.persons.map((p) => (p.id === 'rus-fm' ? { ...p, languages } : p)),
    });
    // rus-fm speaks Chinese: rus-chn needs no Russian interpreter, so one is enough for rus-jpn.
    expect(checkResultFile(speaking(['ru', 'zh']), f.result).violations).toEqual([]);
    // A person without languages (and a delegation with none) shares every language.
    const noneGiven = {
      ...speaking(null),
      delegations: f.data.delegations.map((d) => (d.id === 'rus' ? { ...d, languages: null } : d)),
    };
    expect(checkResultFile(noneGiven, f.result).violations).toEqual([]);
  });
});
