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
  it('writes one row per meeting with local times, room, venue, parties and attendees', () => {
    expect(writeMeetingsCsv(summit())).toBe(
      'request,parties,start,end,room,venue,attendees\r\n' +
        'usa-jpn,usa;jpn,2017-11-10T08:00,2017-11-10T08:30,ariyana-b1,ariyana,usa-potus;jpn-pm\r\n' +
        'rus-jpn-aside,rus;jpn,2017-11-10T18:30,2017-11-10T18:45,,sheraton,rus-president;jpn-pm\r\n',
    );
  });

  it('writes only the meetings it is given', () => {
    const data = summit();
    const text = writeMeetingsCsv(data, data.meetings.slice(1));
    expect(parse(text)).toEqual([
      ['request', 'parties', 'start', 'end', 'room', 'venue', 'attendees'],
      [
        'rus-jpn-aside',
        'rus;jpn',
        '2017-11-10T18:30',
        '2017-11-10T18:45',
        '',
        'sheraton',
        'rus-president;jpn-pm',
      ],
    ]);
  });

  it('keeps the offset of a time that local text cannot name exactly', () => {
    const data = summit();
    data.summit = { ...data.summit, timezone: 'America/New_York' };
    data.meetings = [
      {
        ...data.meetings[0]!,
        start: '2024-11-03T06:00:00.000Z' as never,
        end: '2024-11-03T06:30:00.000Z' as never,
      },
    ];
    data.meetings[0]!.room = 'ariyana-b1' as RoomId;
    expect(writeMeetingsCsv(data).split('\r\n')[1]).toBe(
      'usa-jpn,usa;jpn,2024-11-03T01:00-05:00,2024-11-03T01:30-05:00,ariyana-b1,ariyana,usa-potus;jpn-pm',
    );
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
