import { describe, expect, it } from 'vitest';
import type { PersonId } from '../../../src/domain/ids.js';
import { Busy } from '../../../src/domain/summit/schema.js';
import { programmeEvent, summitData } from '../summit/test-data.js';
import { SUMMIT, at, host, meeting, member, request } from '../test-support.js';
import { engagementsOf, engagementsSeenBy, redactBusy } from '../../../src/domain/visibility/busy.js';

const POTUS = 'usa-principal' as PersonId;
const staffTime = Busy.parse({
  id: 'staff-time',
  person: POTUS,
  from: '2017-11-10T02:00:00.000Z',
  to: '2017-11-10T03:00:00.000Z',
  venue: 'icdn',
  label: 'Staff time',
  version: 1,
});
const usaJpn = request({ id: 'usa-jpn', to: ['jpn'], attendees: ['usa-principal'], status: 'scheduled' });
const usaRus = request({
  id: 'usa-rus',
  attendees: ['usa-principal'],
  status: 'scheduled',
  confidential: true,
});
const data = summitData({
  busy: [staffTime],
  requests: [usaJpn, usaRus],
  meetings: [
    meeting({ request: 'usa-jpn', start: '2017-11-10T01:00:00.000Z', end: '2017-11-10T01:30:00.000Z' }),
    meeting({ request: 'usa-rus', start: '2017-11-10T04:00:00.000Z', end: '2017-11-10T04:45:00.000Z' }),
  ],
  programme: [
    programmeEvent({ id: 'gala', from: '2017-11-10T12:00:00.000Z', to: '2017-11-10T14:00:00.000Z' }),
  ],
});
const kinds = (xs: { kind: string }[]) => xs.map((x) => x.kind);

describe('redactBusy', () => {
  it('keeps only when, and says busy', () => {
    expect(redactBusy(staffTime)).toEqual({ kind: 'busy', from: staffTime.from, to: staffTime.to });
    expect(Object.keys(redactBusy(staffTime)).sort()).toEqual(['from', 'kind', 'to']);
  });
});

describe('a principal’s engagements', () => {
  it('are listed in time order with the scope each is read under', () => {
    expect(engagementsOf(data, POTUS).map((e) => [e.engagement.kind, e.scope.kind])).toEqual([
      ['meeting', 'parties'],
      ['private', 'delegation'],
      ['meeting', 'parties'],
      ['programme', 'summit'],
    ]);
  });

  it('are seen in full by their own delegation', () => {
    expect(kinds(engagementsSeenBy(member('usa', 'viewer'), SUMMIT, data, POTUS))).toEqual([
      'meeting',
      'private',
      'meeting',
      'programme',
    ]);
  });

  it('show another delegation only "busy" for private commitments and meetings it is not party to', () => {
    const seen = engagementsSeenBy(member('rus', 'delegation-lead'), SUMMIT, data, POTUS);
    expect(kinds(seen)).toEqual(['busy', 'busy', 'meeting', 'programme']);
    expect(seen[1]).toEqual({
      kind: 'busy',
      from: at('2017-11-10T02:00:00.000Z'),
      to: at('2017-11-10T03:00:00.000Z'),
    });
    expect(JSON.stringify(seen)).not.toContain('Staff time');
    expect(JSON.stringify(seen)).not.toContain('"venue":"icdn"');
  });

  it('show the host open meetings for logistics, but busy for private commitments and confidential meetings', () => {
    const seen = engagementsSeenBy(host('host-staff'), SUMMIT, data, POTUS);
    expect(kinds(seen)).toEqual(['meeting', 'busy', 'busy', 'programme']);
    expect(JSON.stringify(seen)).not.toContain('usa-rus');
  });

  it('show an announced meeting to everyone', () => {
    const announced = { ...data, meetings: data.meetings.map((m) => ({ ...m, announced: true })) };
    expect(kinds(engagementsSeenBy(member('chn', 'viewer'), SUMMIT, announced, POTUS))).toEqual([
      'meeting',
      'busy',
      'meeting',
      'programme',
    ]);
  });

  it('name a person who is not in the summit', () => {
    expect(() => engagementsOf(data, 'nobody' as PersonId)).toThrow('no person "nobody" in summit apec-2017');
  });
});
