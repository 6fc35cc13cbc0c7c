import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SummitData } from '../../../src/domain/summit/data.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { toSummitFileObject, writeSummitFile } from '../../../src/io/summit-file/write.js';

function fixtureData(): SummitData {
  const result = readSummitFile(
    readFileSync(new URL('./fixtures/danang.yaml', import.meta.url), 'utf8'),
    'yaml',
  );
  if (!result.ok) throw new Error('fixture does not read');
  return result.data;
}

describe('writing a summit file', () => {
  it('keeps the section and key order of summit-file.md', () => {
    const file = toSummitFileObject(fixtureData());
    expect(Object.keys(file)).toEqual([
      'summit',
      'venues',
      'travelMinutes',
      'rooms',
      'delegations',
      'programme',
      'busy',
      'requests',
      'meetings',
    ]);
    expect(Object.keys(file.summit)).toEqual([
      'id',
      'name',
      'timezone',
      'days',
      'dayWindow',
      'grainMinutes',
      'bufferMinutes',
    ]);
    expect(Object.keys(file.requests?.[0] ?? {})).toEqual([
      'id',
      'from',
      'to',
      'format',
      'level',
      'minutes',
      'priority',
      'topics',
      'attendees',
      'seats',
      'venue',
      'allowed',
      'preferred',
      'status',
      'confidential',
      'conditions',
    ]);
  });

  it('leaves out optional keys that hold their default, and empty sections', () => {
    const data = fixtureData();
    const file = toSummitFileObject({ ...data, programme: [], busy: [] });
    expect(file.programme).toBeUndefined();
    expect(file.busy).toBeUndefined();
    // usa-jpn: no seats, venue, windows or conditions; status and flags shown only when set.
    expect(file.requests?.[1]).toEqual({
      id: 'usa-jpn',
      from: 'usa',
      to: ['jpn'],
      format: 'bilateral',
      level: 'leaders',
      minutes: 30,
      priority: 5,
      topics: ['dprk', 'trade'],
      attendees: ['usa-potus', 'jpn-pm'],
      status: 'confirmed',
    });
    expect(file.rooms?.[1]).toEqual({
      id: 'ariyana-b2',
      venue: 'ariyana',
      name: 'Bilateral Room 2',
      capacity: 10,
    });
    expect(file.meetings?.[1]).toEqual({ request: 'rus-jpn-aside', start: '2017-11-10T18:30' });
    // Generated busy ids are left out; a chosen one is kept.
    expect(file.busy).toBeUndefined();
    expect(toSummitFileObject(data).busy?.map((b) => b.id)).toEqual([undefined, undefined, 'lavrov-press']);
  });

  it('writes local wall-clock times in the summit zone', () => {
    const file = toSummitFileObject(fixtureData());
    expect(file.rooms?.[0]?.available).toEqual([{ from: '2017-11-09T07:00', to: '2017-11-10T23:00' }]);
    expect(file.programme?.[0]).toMatchObject({ from: '2017-11-10T12:30', to: '2017-11-10T13:30' });
  });

  it('quotes strings that a YAML 1.1 reader would take for something else', () => {
    const data = fixtureData();
    const tricky = ['yes', 'No', 'off', '07:00', '2017-11-08', '1e3', ':colon', '~'];
    data.venues = tricky.map((name, i) => ({
      ...data.venues[0]!,
      id: `${data.venues[0]!.id}${i}` as never,
      name,
    }));
    const text = writeSummitFile(data, 'yaml');
    for (const name of tricky) expect(text).toContain(`name: ${JSON.stringify(name)}`);
    expect(text).toContain('name: Bilateral Room 1');
  });

  it('writes JSON with the same object as YAML', () => {
    const data = fixtureData();
    expect(JSON.parse(writeSummitFile(data, 'json'))).toEqual(toSummitFileObject(data));
  });
});
