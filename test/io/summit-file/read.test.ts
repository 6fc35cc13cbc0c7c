import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatFileError } from '../../../src/io/errors.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { writeSummitFile } from '../../../src/io/summit-file/write.js';

const fixture = readFileSync(new URL('./fixtures/danang.yaml', import.meta.url), 'utf8');

function data(text: string, format: 'yaml' | 'json' = 'yaml') {
  const result = readSummitFile(text, format);
  if (!result.ok) throw new Error(result.errors.map(formatFileError).join('\n'));
  return result.data;
}

function errors(text: string, format: 'yaml' | 'json' = 'yaml'): string[] {
  const result = readSummitFile(text, format);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map(formatFileError);
}

const summit = (zone = 'Asia/Ho_Chi_Minh', days = '{from: 2017-11-08, to: 2017-11-11}') => `
summit:
  id: s
  name: S
  timezone: ${zone}
  days: ${days}
  dayWindow: {from: "07:00", to: "23:00"}
  grainMinutes: 15
`;

const twoDelegations = `
delegations:
  - {id: usa, name: United States, principal: {id: usa-potus, name: Trump}, members: [{id: usa-sos, name: Tillerson}]}
  - {id: rus, name: Russia, principal: {id: rus-president, name: Putin}, members: [{id: rus-fm, name: Lavrov}]}
`;

describe('reading a summit file', () => {
  it('reads every section, converting local times in the summit zone (UTC+7) to exact instants', () => {
    const d = data(fixture);
    expect(d.summit).toMatchObject({
      id: 'apec-2017',
      timezone: 'Asia/Ho_Chi_Minh',
      bufferMinutes: 10,
      version: 1,
    });
    expect(d.rooms[0]?.available).toEqual([
      { from: '2017-11-09T00:00:00.000Z', to: '2017-11-10T16:00:00.000Z' },
    ]);
    expect(d.rooms[1]).toMatchObject({ id: 'ariyana-b2', available: null, delegation: null });
    expect(d.travel).toEqual([
      { a: 'ariyana', b: 'icdn', minutes: 30 },
      { a: 'sheraton', b: 'ariyana', minutes: 15 },
    ]);
    expect(d.persons.filter((p) => p.delegation === 'usa').map((p) => [p.id, p.role])).toEqual([
      ['usa-potus', 'principal'],
      ['usa-sos', 'member'],
      ['usa-nsa', 'member'],
    ]);
    expect(d.programme[1]).toMatchObject({ id: 'gala-dinner', attendees: 'principals', encounter: true });
    expect(d.programme[0]).toMatchObject({ encounter: false, from: '2017-11-10T05:30:00.000Z' });
    expect(d.busy.map((b) => b.id)).toEqual(['busy-usa-potus-1', 'busy-usa-potus-2', 'lavrov-press']);
  });

  it('fills the defaults of requests, conditions and meetings', () => {
    const d = data(fixture);
    const byId = new Map(d.requests.map((r) => [r.id as string, r]));
    expect(byId.get('usa-rus')).toMatchObject({
      seats: 8,
      status: 'conditions-pending',
      acceptedBy: ['usa'],
      confidential: true,
      downgrade: null,
    });
    expect(byId.get('usa-jpn')).toMatchObject({ seats: null, venue: null, allowed: null, preferred: [] });
    expect(byId.get('vnm-usa-jpn')?.acceptedBy).toEqual(['vnm', 'usa', 'jpn']);
    expect(d.conditions.map((c) => [c.request, c.id, c.kind, c.counters])).toEqual([
      ['usa-rus', 'c1', 'deliverable', null],
      ['usa-rus', 'c2', 'other', null],
    ]);
    expect(d.meetings).toEqual([
      {
        request: 'usa-jpn',
        start: '2017-11-10T01:00:00.000Z',
        end: '2017-11-10T01:30:00.000Z',
        room: 'ariyana-b1',
        pinned: true,
        confirmedBy: ['usa', 'jpn'],
        announced: true,
        version: 1,
      },
      {
        request: 'rus-jpn-aside',
        start: '2017-11-10T11:30:00.000Z',
        end: '2017-11-10T11:45:00.000Z',
        room: null,
        pinned: false,
        confirmedBy: [],
        announced: false,
        version: 1,
      },
    ]);
  });

  it('gives the same data from JSON as from YAML', () => {
    const json = JSON.stringify(parseYaml(fixture));
    expect(data(json, 'json')).toEqual(data(fixture));
  });

  it('lists every error of a file at once, each with its path', () => {
    const text = `${summit('Mars/Base')}
venues:
  - {id: ariyana, name: Ariyana}
  - {id: Ariyana, name: Upper case}
rooms:
  - {id: b1, venue: nowhere, name: Room 1, capacity: 0}
  - {id: b2, venue: ariyana, name: Room 2, capacity: 4, available: [{from: 2017-11-09T07:00, to: "10:00"}]}
${twoDelegations}
requests:
  - id: usa-rus
    from: usa
    to: [rus, usa]
    format: bilateral
    level: leaders
    minutes: 40
    priority: 7
    attendees: [usa-potus, rus-fm, ru-fm]
    status: maybe
meetings:
  - {request: usa-chn, start: 2017-11-10T08:00, room: b9}
`;
    expect(errors(text)).toEqual([
      'summit.timezone: unknown IANA time zone "Mars/Base"',
      'venues[1].id: expected an id (lower-case letters, digits, "-" or "_", starting with a letter or digit), got "Ariyana"',
      'rooms[0].capacity: expected a whole number of at least 1, got 0',
      'rooms[0].venue: unknown venue "nowhere"',
      'rooms[1].available[0].to: expected a time YYYY-MM-DDTHH:MM, got "10:00"',
      'requests[0].priority: expected a whole number from 1 to 5, got 7',
      'requests[0].status: expected one of draft, requested, under-consideration, conditions-pending, agreed, scheduled, confirmed, held, declined, withdrawn, downgraded, lapsed, got "maybe"',
      'requests[0].to[1]: "usa" is the requesting delegation; to lists its counterparts',
      "requests[0].minutes: expected a multiple of the summit's 15-minute grain, such as 30 or 45, got 40",
      'requests[0].attendees[2]: unknown person "ru-fm"',
      'meetings[0].request: unknown request "usa-chn"',
      'meetings[0].room: unknown room "b9"',
    ]);
  });

  it('refuses unknown keys at every depth', () => {
    const text = `${summit()}  colour: blue
venue: []
venues: [{id: v, name: V}]
rooms:
  - {id: b1, venue: v, name: B1, capcity: 3, capacity: 3, available: [{from: 2017-11-09T07:00, till: 2017-11-09T08:00}]}
delegations:
  - {id: usa, name: USA, principal: {id: usa-potus, name: Trump, titel: President}}
  - {id: rus, name: Russia, principal: {id: rus-president, name: Putin}}
requests:
  - id: r
    from: usa
    to: [rus]
    format: bilateral
    level: leaders
    minutes: 30
    priority: 3
    attendees: []
    conditions: [{id: c1, by: usa, text: T, status: open, urgent: true}]
`;
    expect(errors(text)).toEqual([
      'summit.colour: unknown key; expected one of id, name, timezone, days, dayWindow, grainMinutes, bufferMinutes, roomTurnoverMinutes, rankParity, confirmation',
      'venue: unknown key; expected one of summit, planning, quotas, venues, travelMinutes, rooms, delegations, programme, busy, requests, meetings',
      'rooms[0].available[0].to: missing; expected a time YYYY-MM-DDTHH:MM',
      'rooms[0].available[0].till: unknown key; expected one of from, to',
      'rooms[0].capcity: unknown key; expected one of id, venue, name, capacity, available, delegation, features',
      'delegations[0].principal.titel: unknown key; expected one of id, name, title, presence, languages, rank',
      'requests[0].conditions[0].urgent: unknown key; expected one of id, by, kind, text, status',
    ]);
  });

  it('refuses a local time in a daylight-saving gap, and a day window that falls in one', () => {
    const text = `${summit('America/New_York', '{from: 2024-03-09, to: 2024-03-10}')}
delegations:
  - {id: usa, name: USA, principal: {id: usa-potus, name: Biden}}
busy:
  - {person: usa-potus, from: 2024-03-10T02:30, to: 2024-03-10T04:00}
`;
    expect(errors(text)).toEqual([
      'busy[0].from: "2024-03-10T02:30" does not exist in America/New_York (daylight-saving gap)',
    ]);
    const early = `${summit('America/New_York', '{from: 2024-03-09, to: 2024-03-10}')}`.replace(
      '"07:00"',
      '"02:15"',
    );
    expect(errors(early)).toEqual([
      'summit.dayWindow.from: "2024-03-10T02:15" does not exist in America/New_York (daylight-saving gap): the day window cannot start or end then',
    ]);
  });

  it('reads an ambiguous local time as the earlier offset, and writes the later one with its offset', () => {
    const text = `${summit('America/New_York', '{from: 2024-11-02, to: 2024-11-03}')}
delegations:
  - {id: usa, name: USA, principal: {id: usa-potus, name: Biden}}
busy:
  - {person: usa-potus, from: 2024-11-03T01:30, to: 2024-11-03T01:45}
  - {person: usa-potus, from: 2024-11-03T01:30-05:00, to: 2024-11-03T01:45-05:00}
`;
    const d = data(text);
    expect(d.busy.map((b) => b.from)).toEqual(['2024-11-03T05:30:00.000Z', '2024-11-03T06:30:00.000Z']);
    const written = writeSummitFile(d, 'yaml');
    expect(written).toContain('from: 2024-11-03T01:30,');
    expect(written).toContain('from: 2024-11-03T01:30-05:00,');
    expect(data(written)).toEqual(d);
  });

  it('converts a time with an offset (+05:30) or Z to the instant it names', () => {
    const text = `${summit('Asia/Kolkata', '{from: 2023-09-08, to: 2023-09-10}')}
delegations:
  - {id: ind, name: India, principal: {id: ind-pm, name: Modi}}
busy:
  - {person: ind-pm, from: 2023-09-09T10:00+05:30, to: 2023-09-09T05:00Z}
  - {person: ind-pm, from: 2023-09-09T10:00, to: 2023-09-09T12:00+07:00}
`;
    const d = data(text);
    expect(d.busy.map((b) => [b.from, b.to])).toEqual([
      ['2023-09-09T04:30:00.000Z', '2023-09-09T05:00:00.000Z'],
      ['2023-09-09T04:30:00.000Z', '2023-09-09T05:00:00.000Z'],
    ]);
    // Written back as local wall-clock time in the summit's zone.
    expect(writeSummitFile(d, 'yaml')).toContain(
      '{person: ind-pm, from: 2023-09-09T10:00, to: 2023-09-09T10:30}',
    );
  });

  it('checks windows, ids and references across sections', () => {
    const text = `${summit()}
venues: [{id: a, name: A}, {id: b, name: B}]
travelMinutes: [[a, b, 10], [b, a, 12], [a, a, 5], [a, z, 5]]
${twoDelegations}
  - {id: chn, name: China, principal: {id: chn-president, name: Xi}, members: [{id: usa-sos, name: Clash}]}
rooms:
  - {id: r1, venue: a, name: R1, capacity: 8, delegation: gbr, available: [{from: 2017-11-09T07:00, to: 2017-11-09T06:00}]}
programme:
  - {id: gala, title: Gala, from: 2017-11-10T19:00, to: 2017-11-10T22:00, attendees: [usa-potus, usa-potus, xi]}
busy:
  - {id: busy-usa-potus-2, person: usa-potus, from: 2017-11-10T09:00, to: 2017-11-10T10:00}
  - {person: usa-potus, from: 2017-11-10T11:00, to: 2017-11-10T12:00}
requests:
  - id: tri
    from: usa
    to: [rus]
    format: multilateral
    level: leaders
    minutes: 60
    priority: 3
    attendees: [usa-potus]
    conditions:
      - {id: c1, by: usa, text: One, status: open}
      - {id: c1, by: chn, text: Two, status: open}
  - {id: aside, from: usa, to: [rus], format: pull-aside, level: leaders, minutes: 15, priority: 1, attendees: []}
  - {id: bil, from: usa, to: [rus], format: bilateral, level: leaders, minutes: 30, priority: 1, attendees: []}
meetings:
  - {request: aside, start: 2017-11-10T08:00, room: r1}
  - {request: bil, start: 2017-11-10T09:00}
  - {request: bil, start: 2017-11-10T10:00, room: r1}
`;
    expect(errors(text)).toEqual([
      'travelMinutes[1]: the pair b, a is already given at travelMinutes[0]',
      'travelMinutes[2][1]: expected a venue other than "a" (a venue is 0 minutes from itself)',
      'travelMinutes[3][1]: unknown venue "z"',
      'delegations[2].members[0].id: duplicate person id "usa-sos" (first used at delegations[0].members[0].id)',
      'rooms[0].delegation: unknown delegation "gbr"',
      'rooms[0].available[0].to: expected a time after from (2017-11-09T07:00), got "2017-11-09T06:00"',
      'programme[0].attendees[2]: unknown person "xi"',
      'programme[0].attendees[1]: person "usa-potus" is already listed at programme[0].attendees[0]',
      'busy[1]: duplicate busy block id "busy-usa-potus-2" (first used at busy[0].id)',
      'requests[0].to: a multilateral meeting needs 3 or more parties, got 2',
      'requests[0].conditions[1].id: duplicate condition id "c1" (first used at requests[0].conditions[0].id)',
      'requests[0].conditions[1].by: expected a party of this request (usa, rus), got "chn"',
      'meetings[0].room: a pull-aside takes no room, got "r1"',
      'meetings[1].room: missing; expected a room id (a bilateral takes a room)',
      'meetings[2].request: request "bil" already has a meeting at meetings[1]',
    ]);
  });

  it('reports syntax errors by line and column, for YAML and for JSON', () => {
    expect(errors('summit:\n  id: s\n  name: "unclosed\n')).toEqual([
      expect.stringMatching(/^\(line \d+, column \d+\): Missing closing "quote/),
    ]);
    expect(errors('summit:\n  id: s\n  id: t\n')).toEqual(['(line 3, column 3): Map keys must be unique']);
    expect(errors('{\n  "summit": {\n    "id": "s",,\n  }\n}', 'json')).toEqual([
      '(line 3, column 15): unexpected ",", expected a key in quotes',
    ]);
    expect(errors('{"summit": {}, "summit": {}}', 'json')).toEqual([
      '(line 1, column 16): duplicate key "summit"',
    ]);
    expect(errors('{"summit": {}', 'json')).toEqual([
      '(line 1, column 14): unexpected end of input, expected "," or "}"',
    ]);
    expect(errors('', 'json')).toEqual(['the file is empty']);
  });

  it('refuses a file that is not a mapping with a summit, or whose sections are not lists', () => {
    expect(errors('- a\n- b\n')).toEqual(['expected a mapping with a summit key, got a list']);
    expect(errors('venues: {id: v}\n')).toEqual([
      'summit: missing; expected a mapping',
      'venues: expected a list, got a mapping',
    ]);
  });
});
