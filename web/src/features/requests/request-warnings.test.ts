// Before a request is sent: what "Send" still needs, an attendee away during a chosen window, and an
// open request with the same parties.
import { describe, expect, it } from 'vitest';
import type { Delegation, MeetingRequest, Person } from '../../api/models';
import { summitNames } from '../../../../src/domain/words/names.js';
import { absenceWarnings, duplicateWarnings, missingForSend, type DraftRequest } from './request-warnings';

const ZONE = 'Asia/Ho_Chi_Minh';
const person = (id: string, delegation: string, presence: Person['presence'] = null): Person => ({
  id,
  delegation,
  name: id === 'rus-president' ? 'Vladimir Putin' : 'Donald J. Trump',
  title: 'President',
  role: 'principal',
  presence,
  version: 1,
});
const delegation = (id: string, presence: Delegation['presence'] = null): Delegation => ({
  id,
  name: id === 'rus' ? 'Russia' : 'United States',
  principal: `${id}-p`,
  presence,
  version: 1,
});
const request = (over: Partial<MeetingRequest>): MeetingRequest => ({
  id: 'usa-rus',
  from: 'usa',
  to: ['rus'],
  format: 'bilateral',
  level: 'leaders',
  minutes: 45,
  priority: 4,
  topics: ['syria'],
  attendees: [],
  seats: null,
  venue: null,
  allowed: null,
  preferred: [],
  status: 'conditions-pending',
  acceptedBy: ['usa'],
  downgrade: null,
  confidential: false,
  version: 1,
  ...over,
});
const draft = (over: Partial<DraftRequest> = {}): DraftRequest => ({
  from: 'usa',
  to: ['rus'],
  format: 'bilateral',
  level: 'leaders',
  minutes: 30,
  attendees: ['usa-potus', 'rus-president'],
  allowed: [],
  preferred: [],
  ...over,
});
const delegationOf = (p: string) => p.split('-')[0];

describe('missingForSend', () => {
  it('says everything that keeps Send disabled, and nothing once the request is whole', () => {
    expect(missingForSend(draft({ to: [], attendees: [], minutes: 20 }), 15, delegationOf)).toEqual([
      'choose at least one delegation to ask',
      'choose who attends',
      "make the length a multiple of the summit's 15 minutes",
    ]);
    expect(missingForSend(draft({ attendees: ['rus-president'] }), 15, delegationOf)).toEqual([
      'choose who attends for your delegation',
    ]);
    expect(missingForSend(draft({ format: 'multilateral' }), 15, delegationOf)).toEqual([
      'a multilateral meeting needs two delegations or more to ask',
    ]);
    expect(missingForSend(draft(), 15, delegationOf)).toEqual([]);
  });
});

describe('warnings before sending', () => {
  const names = summitNames(
    {
      delegations: [delegation('usa'), delegation('rus')],
      requests: [request({})],
    },
    ZONE,
  );

  it('names an attendee who is away for part of a chosen window, with when they are there', () => {
    const putin = person('rus-president', 'rus', [
      { from: '2017-11-10T05:00:00.000Z', to: '2017-11-11T14:00:00.000Z' },
    ]);
    const persons = new Map([
      ['usa-potus', person('usa-potus', 'usa')],
      ['rus-president', putin],
    ]);
    const delegations = new Map([
      ['usa', delegation('usa')],
      ['rus', delegation('rus')],
    ]);
    const window = { from: '2017-11-10T00:00:00.000Z', to: '2017-11-10T05:00:00.000Z' };
    expect(absenceWarnings(draft({ allowed: [window] }), persons, delegations, names)).toEqual([
      {
        kind: 'absent',
        text: 'Vladimir Putin is not at the summit for all of Fri 10 Nov, 07:00–12:00 GMT+7 (there Fri 10 Nov, 12:00 GMT+7 – Sat 11 Nov, 21:00 GMT+7).',
      },
    ]);
    // inside their presence: nothing to say; a delegation's presence counts when the person has none
    expect(
      absenceWarnings(
        draft({ allowed: [{ from: '2017-11-10T06:00:00.000Z', to: '2017-11-10T07:00:00.000Z' }] }),
        persons,
        delegations,
        names,
      ),
    ).toEqual([]);
    const away = new Map([
      ['rus', delegation('rus', [{ from: '2017-11-11T00:00:00.000Z', to: '2017-11-11T10:00:00.000Z' }])],
    ]);
    expect(
      absenceWarnings(
        draft({ attendees: ['rus-lavrov'], preferred: [window] }),
        new Map([['rus-lavrov', { ...person('rus-lavrov', 'rus'), name: 'Sergey Lavrov' }]]),
        away,
        names,
      ).map((w) => w.text),
    ).toEqual([
      expect.stringMatching(/^Sergey Lavrov is not at the summit for all of Fri 10 Nov, 07:00–12:00/),
    ]);
  });

  it('points at an open request with the same parties, not at a closed one or other parties', () => {
    const warnings = duplicateWarnings(
      draft(),
      [request({}), request({ id: 'old', status: 'declined' }), request({ id: 'x', to: ['rus', 'chn'] })],
      names,
    );
    expect(warnings).toEqual([
      {
        kind: 'duplicate',
        request: 'usa-rus',
        text: 'An open request with the same parties exists: United States → Russia (Conditions pending, leaders, 45 min, syria).',
      },
    ]);
    expect(duplicateWarnings(draft({ to: [] }), [request({})], names)).toEqual([]);
  });
});
