// Events, conflicts and unplaced requests in names and summit time, never in ids or UTC.
import { describe, expect, it } from 'vitest';
import { describeConflict } from '../../../src/domain/words/conflict-words.js';
import { describeEvent } from '../../../src/domain/words/event-words.js';
import { meetingTitle } from '../../../src/domain/words/meeting-title.js';
import { unplacedGroup, unplacedWords } from '../../../src/domain/words/unplaced-words.js';
import { NAMES } from './fixture.js';

describe('meeting titles', () => {
  it('names a meeting by its format and parties, as the calendar feed does', () => {
    expect(NAMES.meeting('usa-rus')).toBe('Bilateral meeting: United States – Russia');
    expect(meetingTitle({ from: 'usa', to: ['rus', 'png'], format: 'working-meal' }, NAMES.delegation)).toBe(
      'Working meal: United States – Russia – Papua New Guinea',
    );
    expect(NAMES.ask('png-usa')).toBe('Papua New Guinea → United States');
  });
});

describe('history lines', () => {
  const at = '2017-11-10T01:00:00.000Z';
  it('words a decision and names the user who took it', () => {
    expect(
      describeEvent(
        {
          at,
          actor: 'demo-usa-lead',
          type: 'decision.taken',
          payload: { request: 'usa-rus', outcome: 'defer' },
        },
        NAMES,
      ),
    ).toEqual({ text: 'Decided: defer', by: 'Delegation lead (United States)' });
  });

  it('words a move in summit time and room names, and says when the planner made it', () => {
    const e = describeEvent(
      {
        at,
        actor: 'demo-usa-lead',
        type: 'meeting.moved',
        payload: {
          request: 'usa-rus',
          start: '2017-11-10T08:30:00.000Z',
          end: '2017-11-10T09:00:00.000Z',
          room: 'ariyana-b3',
          previous: { start: '2017-11-10T07:00:00.000Z', room: null },
          by: 'planner',
        },
      },
      NAMES,
    );
    expect(e.text).toBe(
      'Moved from Fri 10 Nov, 14:00 (standing) to Fri 10 Nov, 15:30–16:00 GMT+7 in Bilateral Room 3',
    );
    expect(e.by).toBe('the planner (plan accepted by Delegation lead (United States))');
  });

  it('says on whose behalf a message was posted, not to whom', () => {
    expect(
      describeEvent(
        {
          at,
          actor: 'demo-usa-lead',
          type: 'thread.posted',
          payload: { request: 'usa-rus', delegation: 'usa' },
        },
        NAMES,
      ).text,
    ).toBe('Posted to the thread on behalf of United States');
  });

  it('quotes the condition an answer is about, and names the system', () => {
    expect(
      describeEvent(
        {
          at,
          actor: 'operator',
          type: 'condition.accepted',
          payload: { request: 'usa-rus', conditions: [{ id: 'c1', status: 'accepted', by: 'usa' }] },
        },
        NAMES,
      ),
    ).toEqual({ text: 'Accepted the condition “A deliverable on Syria”', by: 'Sideline (system)' });
  });
});

describe('conflicts at the drop point', () => {
  it('says who is busy with what, by name and title', () => {
    const words = describeConflict(
      {
        rule: 'person-overlap',
        requests: ['png-usa'],
        person: 'usa-potus',
        message:
          'person-overlap: usa-potus in png-usa (10 Nov 12:45–13:15) and programme ceo-summit-address-usa (10 Nov 12:30–13:30)',
      },
      NAMES,
    );
    expect(words.title).toBe('Donald J. Trump is already busy then');
    expect(words.detail).toBe(
      'Donald J. Trump in Papua New Guinea – United States (10 Nov 12:45–13:15) and “APEC CEO Summit, address by the President” (10 Nov 12:30–13:30)',
    );
    expect(words.detail).not.toMatch(/usa-potus|png-usa|ceo-summit/);
  });

  it('names rooms, venues and private commitments the reader may see', () => {
    const travel = describeConflict(
      {
        rule: 'person-travel',
        requests: ['usa-rus'],
        person: 'usa-potus',
        message:
          'person-travel: usa-potus has 10 min from busy usa-potus-prep (10 Nov 09:00–11:30 at ariyana) to usa-rus (10 Nov 11:40–12:25 at ariyana); needs 15 travel + 5 buffer',
      },
      NAMES,
    );
    expect(travel.detail).toBe(
      'Donald J. Trump has 10 minutes to get from Address preparation (10 Nov 09:00–11:30 at Ariyana Convention Centre) to United States – Russia (10 Nov 11:40–12:25 at Ariyana Convention Centre); it needs 15 minutes of travel and 5 of buffer',
    );
    expect(
      describeConflict(
        {
          rule: 'room-capacity',
          requests: ['usa-rus'],
          room: 'ariyana-b3',
          message: 'room-capacity: ariyana-b3 seats 12, usa-rus needs 14',
        },
        NAMES,
      ),
    ).toEqual({
      title: 'Bilateral Room 3 is too small',
      detail: 'Bilateral Room 3 seats 12, United States – Russia needs 14',
    });
  });
});

describe('unplaced requests', () => {
  it('groups by what must happen and words blockers in names', () => {
    const absent = {
      request: 'usa-rus',
      reason: 'no-slot',
      detail: 'No slot satisfies the rules: rus-president departs 11 Nov 12:00.',
      blockers: [
        { kind: 'presence', person: 'rus-president', arrives: null, departs: '2017-11-11T05:00:00.000Z' },
      ],
    };
    expect(unplacedGroup(absent)).toBe('absent');
    expect(unplacedWords(absent, NAMES)).toBe('No slot fits: Vladimir Putin leaves Sat 11 Nov, 12:00 GMT+7.');
    const waiting = {
      request: 'usa-rus',
      reason: 'requested',
      detail: 'Requested by usa; waiting for rus to accept.',
      blockers: [],
    };
    expect(unplacedGroup(waiting)).toBe('decision');
    expect(unplacedWords(waiting, NAMES, { from: 'usa', to: ['rus'], acceptedBy: ['usa'] })).toBe(
      'Waiting for Russia to accept.',
    );
    expect(unplacedGroup({ ...waiting, reason: 'held' })).toBe('closed');
    // a meeting whose time came and went without it (no-show, late cancellation) is closed too
    expect(unplacedGroup({ ...waiting, reason: 'not-held' })).toBe('closed');
    expect(
      unplacedGroup({
        ...absent,
        blockers: [{ kind: 'rooms', venue: 'ariyana', reason: 'too-small', seats: 30, largest: 16 }],
      }),
    ).toBe('room');
  });
});
