import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SummitData } from '../../../src/domain/summit/data.js';
import { formatFileError } from '../../../src/io/errors.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { readRequestsCsv } from '../../../src/io/csv/requests.js';

function summit(): SummitData {
  const text = readFileSync(new URL('../summit-file/fixtures/danang.yaml', import.meta.url), 'utf8');
  const result = readSummitFile(text, 'yaml');
  if (!result.ok) throw new Error('fixture does not read');
  return result.data;
}

function errors(text: string): string[] {
  const result = readRequestsCsv(text, summit());
  if (result.ok) throw new Error('expected the sheet to be refused');
  return result.errors.map(formatFileError);
}

const HEADER =
  'id,from,to,format,level,minutes,priority,topics,attendees,seats,venue,allowed,preferred,status';

describe('requests from CSV', () => {
  it('reads the same requests as the summit file holds', () => {
    const csv = [
      HEADER,
      'usa-rus,usa,rus,bilateral,leaders,45,3,syria;ukraine;dprk,usa-potus;usa-sos;rus-president;rus-fm,8,icdn,2017-11-10T07:00/2017-11-11T12:00,2017-11-10T14:00/2017-11-10T18:00,conditions-pending',
      'usa-jpn,usa,jpn,bilateral,leaders,30,5,dprk; trade,usa-potus;jpn-pm,,,,,confirmed',
      'vnm-usa-jpn,vnm,usa|jpn,multilateral,leaders,60,2,,vnm-president;usa-potus;jpn-pm,,,,,agreed',
      'rus-jpn-aside,rus,jpn,pull-aside,leaders,15,1,,rus-president;jpn-pm,,sheraton,,,scheduled',
    ].join('\n');
    const result = readRequestsCsv(csv, summit());
    if (!result.ok) throw new Error(result.errors.map(formatFileError).join('\n'));
    // The sheet has no confidential column; everything else matches the file's reading.
    expect(result.requests).toEqual(summit().requests.map((r) => ({ ...r, confidential: false })));
  });

  it('defaults status, windows, seats and venue when their cells or columns are absent', () => {
    const csv =
      'ID,From,To,Format,Level,Minutes,Priority,Attendees\r\nq,usa,rus,bilateral,ministers,30,2,\r\n';
    const result = readRequestsCsv(csv, summit());
    expect(result).toEqual({
      ok: true,
      requests: [
        expect.objectContaining({
          id: 'q',
          status: 'requested',
          topics: [],
          attendees: [],
          seats: null,
          venue: null,
          allowed: null,
          preferred: [],
          acceptedBy: ['usa'],
          needs: [],
          press: 'closed',
        }),
      ],
      warnings: [],
      rows: [2], // each request's row as the spreadsheet numbers it, for errors that name it
    });
  });

  it('names the row as a spreadsheet shows it, and the column, for every error', () => {
    const csv = [
      HEADER,
      'a,usa,rus,bilateral,leaders,30,3,,usa-potus,,,,,',
      '"b, quoted",usa,rus,bilateral,leaders,30,3,,usa-potus,,,,,',
      'c,usa,rus,bilateral,leaders,40,9,"multi',
      'line topic",usa-potus;rus-fm;ru-fm,,nowhere,2017-11-10T07:00,,maybe',
      '',
      'a,usa,usa;chn,multilateral,leaders,30,3,,,0,,2017-11-10T09:00/2017-11-10T08:00,,',
    ].join('\n');
    expect(errors(csv)).toEqual([
      'row 3, column "id": expected an id (lower-case letters, digits, "-" or "_", starting with a letter or digit), got "b, quoted"',
      'row 4, column "allowed": expected windows FROM/TO separated by ";" (e.g. 2017-11-10T07:00/2017-11-11T12:00), got "2017-11-10T07:00"',
      'row 4, column "priority": expected a whole number from 1 to 5, got 9',
      'row 4, column "status": expected one of draft, requested, under-consideration, conditions-pending, agreed, scheduled, confirmed, held, declined, withdrawn, downgraded, lapsed, got "maybe"',
      `row 4, column "minutes": expected a multiple of the summit's 15-minute grain, such as 30 or 45, got 40`,
      'row 4, column "attendees": unknown person "ru-fm"',
      'row 4, column "venue": unknown venue "nowhere"',
      'row 6, column "id": duplicate request id "a" (first used at row 2, column "id")',
      'row 6, column "seats": expected a whole number of at least 1, got 0',
      'row 6, column "to": "usa" is the requesting delegation; to lists its counterparts',
      'row 6, column "to": unknown delegation "chn"',
      'row 6, column "to": a multilateral meeting needs 3 or more parties, got 2',
      'row 6, column "allowed": expected a time after from (2017-11-10T09:00), got "2017-11-10T08:00"',
    ]);
  });

  it('reads needs (separated by ";") and press, with the summit file\'s rules', () => {
    const csv = [
      'id,from,to,format,level,minutes,priority,attendees,needs,press',
      'a,usa,rus,bilateral,leaders,30,3,usa-potus,flags; press,pool-spray',
      'b,usa,rus,bilateral,leaders,30,3,usa-potus,,',
    ].join('\n');
    const result = readRequestsCsv(csv, summit());
    if (!result.ok) throw new Error(result.errors.map(formatFileError).join('\n'));
    expect(result.requests.map((r) => [r.id, r.needs, r.press])).toEqual([
      ['a', ['flags', 'press'], 'pool-spray'],
      ['b', [], 'closed'],
    ]);
    expect(
      errors(
        [
          'id,from,to,format,level,minutes,priority,attendees,needs,press',
          'a,usa,rus,pull-aside,leaders,15,3,usa-potus,flags,tv',
          'b,usa,rus,bilateral,leaders,30,3,usa-potus,Flags,',
        ].join('\n'),
      ),
    ).toEqual([
      'row 2, column "press": expected one of closed, pool-spray, open, got "tv"',
      'row 2, column "needs": a pull-aside takes no room, so it needs no room features',
      'row 3, column "needs": expected a feature name (lower-case letters, digits, "-" or "_"), got "Flags"',
    ]);
  });

  it('warns of a rank mismatch, or refuses it when the summit says so, naming row and column', () => {
    const data = summit();
    const ranked: SummitData = {
      ...data,
      persons: data.persons.map((p) =>
        p.id === 'usa-potus'
          ? { ...p, rank: 'head-of-state' }
          : p.id === 'rus-fm'
            ? { ...p, rank: 'minister' }
            : p,
      ),
    };
    const csv =
      'id,from,to,format,level,minutes,priority,attendees\nq,usa,rus,bilateral,leaders,30,3,usa-potus;rus-fm\n';
    const warned = readRequestsCsv(csv, ranked);
    expect(warned.ok && warned.warnings.map(formatFileError)).toEqual([
      'row 2, column "attendees": ranks differ: usa-potus (head of state) with rus-fm (minister)',
    ]);
    const refusing = { ...ranked, summit: { ...ranked.summit, rankParity: 'refuse' as const } };
    const refused = readRequestsCsv(csv, refusing);
    expect(refused.ok ? [] : refused.errors.map(formatFileError)).toEqual([
      'row 2, column "attendees": ranks differ: usa-potus (head of state) with rus-fm (minister) (the summit\'s rankParity is refuse)',
    ]);
  });

  it('refuses unknown and repeated columns, and a missing required one', () => {
    expect(errors('id,from,to,format,level,minutes,priority,Colour,ID\n')).toEqual([
      'row 1, column "Colour": unknown column; expected one of id, from, to, format, level, minutes, priority, topics, attendees, seats, venue, allowed, preferred, status, needs, press',
      'row 1, column "ID": column 9 repeats this column',
      'row 1: missing the required column "attendees"',
    ]);
    expect(errors('')).toEqual(['row 1: expected a header row naming the columns']);
  });

  it('refuses a value in a column the header does not name', () => {
    expect(errors(`${HEADER}\nq,usa,rus,bilateral,leaders,30,2,,,,,,,,stray`)).toEqual([
      'row 2: a value in cell 15, a column the header row does not name',
    ]);
  });

  it('reports a CSV syntax error by line', () => {
    expect(errors(`${HEADER}\n"q,usa`)).toEqual([expect.stringMatching(/^\(line \d\): Quote Not Closed/)]);
  });

  it('reads windows in the summit zone, with the same daylight-saving rule as the summit file', () => {
    const data = summit();
    const ny: SummitData = { ...data, summit: { ...data.summit, timezone: 'America/New_York' } };
    const row = (allowed: string) =>
      `${HEADER}\nq,usa,rus,bilateral,leaders,30,2,,usa-potus,,,${allowed},,\n`;
    const ok = readRequestsCsv(
      row('2024-11-03T01:30/2024-11-03T03:00;2024-11-04T09:00+05:30/2024-11-04T10:00Z'),
      ny,
    );
    expect(ok.ok && ok.requests[0]?.allowed).toEqual([
      { from: '2024-11-03T05:30:00.000Z', to: '2024-11-03T08:00:00.000Z' },
      { from: '2024-11-04T03:30:00.000Z', to: '2024-11-04T10:00:00.000Z' },
    ]);
    const gap = readRequestsCsv(row('2024-03-10T02:30/2024-03-10T04:00'), ny);
    expect(gap.ok ? [] : gap.errors.map(formatFileError)).toEqual([
      'row 2, column "allowed": "2024-03-10T02:30" does not exist in America/New_York (daylight-saving gap)',
    ]);
  });
});
