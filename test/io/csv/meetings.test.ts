import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoomId } from '../../../src/domain/ids.js';
import type { SummitData } from '../../../src/domain/summit/data.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { writeMeetingsCsv } from '../../../src/io/csv/meetings.js';
import { csvField, csvText } from '../../../src/io/csv/rfc4180.js';

function summit(): SummitData {
  const text = readFileSync(new URL('../summit-file/fixtures/danang.yaml', import.meta.url), 'utf8');
  const result = readSummitFile(text, 'yaml');
  if (!result.ok) throw new Error('fixture does not read');
  return result.data;
}

describe('meetings to CSV', () => {
  const HEADER = 'meeting,date,start,end,utc offset,room,venue,parties,attendees,request';

  it('writes one row per meeting in names and summit time, with the offset and the request id last', () => {
    expect(writeMeetingsCsv(summit())).toBe(
      `${HEADER}\r\n` +
        'Bilateral meeting: United States – Japan,2017-11-10,08:00,08:30,+07:00,Bilateral Room 1,Ariyana Convention Centre,United States; Japan,Donald J. Trump; Shinzo Abe,usa-jpn\r\n' +
        'Pull-aside: Russian Federation – Japan,2017-11-10,18:30,18:45,+07:00,,Sheraton Grand Danang,Russian Federation; Japan,Vladimir Putin; Shinzo Abe,rus-jpn-aside\r\n',
    );
  });

  it('writes only the meetings it is given, and no id where a name exists', () => {
    const data = summit();
    const rows = parse(writeMeetingsCsv(data, data.meetings.slice(1))) as string[][];
    expect(rows).toEqual([
      HEADER.split(','),
      [
        'Pull-aside: Russian Federation – Japan',
        '2017-11-10',
        '18:30',
        '18:45',
        '+07:00',
        '',
        'Sheraton Grand Danang',
        'Russian Federation; Japan',
        'Vladimir Putin; Shinzo Abe',
        'rus-jpn-aside',
      ],
    ]);
    // ids appear in the request column only
    expect(rows[1]!.slice(0, -1).join(',')).not.toMatch(/rus-president|jpn-pm|sheraton\b|rus;jpn/);
  });

  it('tells apart the two 01:00s of the night the clocks go back by their offset', () => {
    const data = summit();
    data.summit = { ...data.summit, timezone: 'America/New_York' };
    const meeting = { ...data.meetings[0]!, room: 'ariyana-b1' as RoomId };
    data.meetings = [
      { ...meeting, start: '2024-11-03T05:00:00.000Z' as never, end: '2024-11-03T05:30:00.000Z' as never },
      { ...meeting, start: '2024-11-03T06:00:00.000Z' as never, end: '2024-11-03T06:30:00.000Z' as never },
    ];
    const rows = parse(writeMeetingsCsv(data)) as string[][];
    expect(rows.slice(1).map((r) => r.slice(1, 5))).toEqual([
      ['2024-11-03', '01:00', '01:30', '-04:00'],
      ['2024-11-03', '01:00', '01:30', '-05:00'],
    ]);
  });

  it('ends a meeting that closes the day at 24:00 on its own date', () => {
    const data = summit();
    data.meetings = [
      {
        ...data.meetings[0]!,
        start: '2017-11-10T16:30:00.000Z' as never,
        end: '2017-11-10T17:00:00.000Z' as never,
      },
    ];
    expect((parse(writeMeetingsCsv(data)) as string[][])[1]!.slice(1, 4)).toEqual([
      '2017-11-10',
      '23:30',
      '24:00',
    ]);
  });
});

describe('RFC 4180 fields', () => {
  it('quotes a field with a comma, a quote or a line break, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes tables that a CSV reader reads back cell for cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          expect(parse(csvText(rows), { relax_column_count: true })).toEqual(rows);
        },
      ),
    );
  });
});
