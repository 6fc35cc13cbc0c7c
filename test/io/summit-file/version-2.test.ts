// The version 2 keys of summit-file.md: read into the domain, refused with their paths when wrong,
// written back unchanged, and absent from files (and exports) that do not use them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatFileError } from '../../../src/io/errors.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { writeSummitFile } from '../../../src/io/summit-file/write.js';

const fixture = readFileSync(new URL('./fixtures/danang.yaml', import.meta.url), 'utf8');

function read(text: string) {
  const result = readSummitFile(text, 'yaml');
  if (!result.ok) throw new Error(result.errors.map(formatFileError).join('\n'));
  return result;
}

function errors(text: string): string[] {
  const result = readSummitFile(text, 'yaml');
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map(formatFileError);
}

const summit = (extra = '') => `
summit:
  id: s
  name: S
  timezone: Asia/Ho_Chi_Minh
  days: {from: 2017-11-08, to: 2017-11-11}
  dayWindow: {from: "07:00", to: "23:00"}
  grainMinutes: 15
${extra}`;

const V2_KEYS = new Set([
  'roomTurnoverMinutes',
  'rankParity',
  'planning',
  'quotas',
  'features',
  'languages',
  'interpreters',
  'rank',
  'needs',
  'press',
]);

/** Every mapping key anywhere in a parsed file. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

const full = `${summit('  roomTurnoverMinutes: 15\n  rankParity: refuse\n')}
planning:
  maxMoves: 5
  now: 2017-11-10T18:00
  freezeHours: 12
quotas:
  - {delegation: "*", per: day, meetings: 6}
  - {delegation: usa, per: summit, minutes: 600, as: requester}
venues: [{id: ariyana, name: Ariyana}]
rooms:
  - {id: b1, venue: ariyana, name: B1, capacity: 16, features: [flags, press, interpretation]}
delegations:
  - id: usa
    name: United States
    principal: {id: usa-potus, name: Trump, title: President, rank: head-of-state}
    members: [{id: usa-sos, name: Tillerson, rank: minister, languages: [en, ru]}]
    languages: [en]
  - id: rus
    name: Russia
    principal: {id: rus-president, name: Putin, rank: head-of-state}
    languages: [ru]
    interpreters: 2
requests:
  - id: usa-rus
    from: usa
    to: [rus]
    format: bilateral
    level: leaders
    minutes: 45
    priority: 3
    attendees: [usa-potus, rus-president]
    needs: [flags, press]
    press: pool-spray
`;

describe('summit file, version 2 keys', () => {
  it('reads every key into the domain, times in the summit zone', () => {
    const { data, warnings } = read(full);
    expect(warnings).toEqual([]);
    expect(data.summit).toMatchObject({
      roomTurnoverMinutes: 15,
      rankParity: 'refuse',
      planning: { maxMoves: 5, now: '2017-11-10T11:00:00.000Z', freezeHours: 12 },
      quotas: [
        { delegation: '*', per: 'day', meetings: 6, minutes: null, as: 'party' },
        { delegation: 'usa', per: 'summit', meetings: null, minutes: 600, as: 'requester' },
      ],
    });
    expect(data.rooms[0]?.features).toEqual(['flags', 'press', 'interpretation']);
    expect(data.delegations.map((d) => [d.id, d.languages, d.interpreters])).toEqual([
      ['usa', ['en'], null],
      ['rus', ['ru'], 2],
    ]);
    expect(data.persons.map((p) => [p.id, p.rank, p.languages])).toEqual([
      ['usa-potus', 'head-of-state', null],
      ['usa-sos', 'minister', ['en', 'ru']],
      ['rus-president', 'head-of-state', null],
    ]);
    expect(data.requests[0]).toMatchObject({ needs: ['flags', 'press'], press: 'pool-spray' });
  });

  it('writes every key back unchanged', () => {
    const { data } = read(full);
    const written = writeSummitFile(data, 'yaml');
    expect(read(written).data).toEqual(data);
    for (const line of [
      'roomTurnoverMinutes: 15',
      'rankParity: refuse',
      'maxMoves: 5',
      'now: 2017-11-10T18:00',
      'freezeHours: 12',
      'as: requester',
      'interpreters: 2',
      'rank: head-of-state',
      'press: pool-spray',
    ]) {
      expect(written).toContain(line);
    }
    expect(JSON.parse(writeSummitFile(data, 'json'))).toMatchObject({
      planning: { maxMoves: 5, now: '2017-11-10T18:00', freezeHours: 12 },
      quotas: [{ delegation: '*', per: 'day', meetings: 6 }, { as: 'requester' }],
      rooms: [{ features: ['flags', 'press', 'interpretation'] }],
      requests: [{ needs: ['flags', 'press'], press: 'pool-spray' }],
    });
  });

  it('gives an old file the old meaning: every rule off, and no version 2 key in its export', () => {
    const { data } = read(fixture);
    expect(data.summit).toMatchObject({
      roomTurnoverMinutes: 0,
      rankParity: 'warn',
      planning: { maxMoves: null, now: null, freezeHours: null },
      quotas: [],
    });
    expect(data.rooms.every((r) => r.features.length === 0)).toBe(true);
    expect(data.delegations.every((d) => d.languages === null && d.interpreters === null)).toBe(true);
    expect(data.persons.every((p) => p.languages === null && p.rank === null)).toBe(true);
    expect(data.requests.every((r) => r.needs.length === 0 && r.press === 'closed')).toBe(true);
    const written = [parseYaml(writeSummitFile(data, 'yaml')), JSON.parse(writeSummitFile(data, 'json'))];
    for (const file of written) expect(keysOf(file).filter((k) => V2_KEYS.has(k))).toEqual([]);
  });

  it('names the path of every wrong value', () => {
    const text = `${summit('  roomTurnoverMinutes: -5\n  rankParity: sometimes\n')}
planning: {maxMoves: 1.5, now: 2017-13-40T10:00, freezeHours: -1, horizon: 3}
quotas:
  - {delegation: gbr, per: day, meetings: 2}
  - {delegation: usa, per: week, meetings: 2}
  - {delegation: usa, per: day}
  - {delegation: usa, per: day, minutes: 60, as: host}
venues: [{id: v, name: V}]
rooms:
  - {id: b1, venue: v, name: B1, capacity: 4, features: [Flags]}
  - {id: b2, venue: v, name: B2, capacity: 4, features: [press, press]}
delegations:
  - id: usa
    name: USA
    principal: {id: usa-potus, name: Trump, rank: king, languages: [English]}
    languages: [en, en]
    interpreters: -1
  - {id: rus, name: Russia, principal: {id: rus-president, name: Putin}}
requests:
  - {id: a, from: usa, to: [rus], format: pull-aside, level: leaders, minutes: 15, priority: 1, attendees: [], needs: [flags]}
  - {id: b, from: usa, to: [rus], format: bilateral, level: leaders, minutes: 15, priority: 1, attendees: [], press: tv, needs: [flags, flags]}
`;
    expect(errors(text)).toEqual([
      'summit.roomTurnoverMinutes: expected a whole number from 0 to 240, got -5',
      'summit.rankParity: expected one of warn, refuse, off, got "sometimes"',
      'planning.maxMoves: expected a whole number from 0 to 100000, got 1.5',
      'planning.freezeHours: expected a whole number from 0 to 8784, got -1',
      'planning.horizon: unknown key; expected one of maxMoves, now, freezeHours',
      'planning.now: "2017-13-40T10:00" is not a valid date and time',
      'quotas[0].delegation: unknown delegation "gbr"',
      'quotas[1].per: expected one of day, summit, got "week"',
      'quotas[2]: expected meetings, minutes or both: a quota limits something',
      'quotas[3].as: expected one of party, requester, got "host"',
      'rooms[0].features[0]: expected a feature name (lower-case letters, digits, "-" or "_"), got "Flags"',
      'rooms[1].features[1]: feature "press" is already listed at rooms[1].features[0]',
      'delegations[0].principal.languages[0]: expected a language code such as en, ru or zh, got "English"',
      'delegations[0].principal.rank: expected one of head-of-state, head-of-government, minister, deputy-minister, official, got "king"',
      'delegations[0].interpreters: expected a whole number from 0 to 1000, got -1',
      'delegations[0].languages[1]: language "en" is already listed at delegations[0].languages[0]',
      'requests[0].needs: a pull-aside takes no room, so it needs no room features',
      'requests[1].press: expected one of closed, pool-spray, open, got "tv"',
      'requests[1].needs[1]: feature "flags" is already listed at needs[0]',
    ]);
  });

  const ranked = (parity: string) => `${summit(`  rankParity: ${parity}\n`)}
delegations:
  - {id: usa, name: USA, principal: {id: usa-potus, name: Trump, rank: head-of-state}}
  - {id: chn, name: China, principal: {id: chn-president, name: Xi, rank: head-of-state}, members: [{id: chn-commerce, name: Zhong Shan, rank: minister}]}
  - {id: jpn, name: Japan, principal: {id: jpn-pm, name: Abe, rank: head-of-government}}
requests:
  - {id: usa-chn, from: usa, to: [chn], format: bilateral, level: leaders, minutes: 30, priority: 3, attendees: [usa-potus, chn-commerce]}
  - {id: usa-jpn, from: usa, to: [jpn], format: bilateral, level: leaders, minutes: 30, priority: 3, attendees: [usa-potus, jpn-pm]}
`;

  it('refuses a rank mismatch under rankParity: refuse, naming the ranks and the path', () => {
    expect(errors(ranked('refuse'))).toEqual([
      "requests[0].attendees: ranks differ: usa-potus (head of state) with chn-commerce (minister) (the summit's rankParity is refuse)",
    ]);
  });

  it('accepts it with a warning under warn, and says nothing under off', () => {
    const warned = read(ranked('warn'));
    expect(warned.warnings.map(formatFileError)).toEqual([
      'requests[0].attendees: ranks differ: usa-potus (head of state) with chn-commerce (minister)',
    ]);
    expect(warned.data.requests).toHaveLength(2);
    expect(read(ranked('off')).warnings).toEqual([]);
  });
});
