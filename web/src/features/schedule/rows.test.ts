// Rows and blocks of the grid from API records, in names: rooms' closed hours, calendar entries,
// agendas, late meetings, and a plan's proposal drawn over the calendar.
import { describe, expect, it } from 'vitest';
import type { CalendarEntry, Room } from '../../api/models';
import { summitNames } from '../../../../src/domain/words/names.js';
import {
  agendaBlocks,
  calendarBlocks,
  closedSpans,
  NO_ROOM,
  requestsOfCalendar,
  roomRows,
  withProposal,
} from './rows';

const ZONE = 'Asia/Ho_Chi_Minh';
const names = (entries: CalendarEntry[] = []) =>
  summitNames(
    {
      delegations: [
        { id: 'usa', name: 'United States' },
        { id: 'rus', name: 'Russia' },
      ],
      venues: [{ id: 'v', name: 'Ariyana' }],
      requests: requestsOfCalendar(entries),
    },
    ZONE,
  );
const never = () => null;

const room = (available: Room['available']): Room => ({
  id: 'b1',
  venue: 'v',
  name: 'Bilateral 1',
  capacity: 10,
  available,
  delegation: null,
  version: 1,
});
const t = (hhmm: string) => Date.parse(`2017-11-10T${hhmm}:00Z`);

describe('closedSpans', () => {
  it('is empty for a room that is always open', () => {
    expect(closedSpans(room(null), t('00:00'), t('16:00'))).toEqual([]);
  });
  it('is the day minus the open windows, clipped to the day', () => {
    const r = room([
      { from: '2017-11-10T02:00:00.000Z', to: '2017-11-10T04:00:00.000Z' },
      { from: '2017-11-10T10:00:00.000Z', to: '2017-11-11T04:00:00.000Z' },
    ]);
    expect(closedSpans(r, t('00:00'), t('16:00'))).toEqual([
      { from: t('00:00'), to: t('02:00') },
      { from: t('04:00'), to: t('10:00') },
    ]);
  });
});

describe('calendarBlocks', () => {
  const meeting = (over: Partial<Extract<CalendarEntry, { kind: 'meeting' }>>): CalendarEntry => ({
    kind: 'meeting',
    request: 'usa-rus',
    start: '2017-11-10T07:00:00.000Z',
    end: '2017-11-10T07:30:00.000Z',
    room: 'b1',
    pinned: false,
    announced: false,
    confirmedBy: [],
    version: 3,
    status: 'scheduled',
    format: 'bilateral',
    parties: ['usa', 'rus'],
    attendees: [],
    ...over,
  });

  it('names meetings by their parties and lets the host move only unpinned, unconfirmed ones', () => {
    const entries = [
      meeting({}),
      meeting({ request: 'p', pinned: true }),
      meeting({ request: 'c', status: 'confirmed' }),
    ];
    const [free, pinned, confirmed] = calendarBlocks(entries, true, names(entries), never);
    expect(free).toMatchObject({
      label: 'United States – Russia',
      title: 'Bilateral meeting: United States – Russia',
      row: 'b1',
      movable: true,
      request: 'usa-rus',
    });
    expect(pinned?.movable).toBe(false);
    expect(confirmed).toMatchObject({ movable: false, confirmed: true });
    expect(calendarBlocks([meeting({})], false, names(), never)[0]?.movable).toBe(false);
  });

  it('marks late meetings, and draws a proposal over the calendar', () => {
    const entries = [meeting({}), meeting({ request: 'gone' })];
    const late = (start: number) =>
      start >= Date.parse('2017-11-10T15:00:00.000Z') ? 'after the gala' : null;
    const blocks = calendarBlocks(entries, true, names(entries), late);
    const proposed = withProposal(
      blocks,
      {
        placed: [
          { request: 'new', start: '2017-11-10T15:30:00.000Z', end: '2017-11-10T16:00:00.000Z', room: 'b1' },
        ],
        moved: [
          {
            from: {
              request: 'usa-rus',
              start: entries[0]!.start,
              end: '2017-11-10T07:30:00.000Z',
              room: 'b1',
            },
            to: {
              request: 'usa-rus',
              start: '2017-11-10T09:00:00.000Z',
              end: '2017-11-10T09:30:00.000Z',
              room: null,
            },
          },
        ],
        removed: [{ request: 'gone', start: entries[1]!.start, end: '2017-11-10T07:30:00.000Z', room: 'b1' }],
        unplaced: [],
      },
      names(entries),
      late,
    );
    expect(
      proposed.map((b) => [b.key, b.kind, b.change ?? b.proposal ?? '', b.row, b.movable, b.late ?? '']),
    ).toEqual([
      ['m:usa-rus', 'meeting', 'moving', 'b1', false, ''],
      ['m:gone', 'meeting', 'removing', 'b1', false, ''],
      ['p:new', 'proposed', 'placed', 'b1', false, 'after the gala'],
      ['p:usa-rus', 'proposed', 'moved', NO_ROOM, false, ''],
    ]);
  });

  it('puts pull-asides on the no-room row and what the viewer may not read as busy in its room', () => {
    const blocks = calendarBlocks(
      [
        meeting({ room: null }),
        {
          kind: 'busy',
          start: '2017-11-10T08:00:00.000Z',
          end: '2017-11-10T09:00:00.000Z',
          person: null,
          room: 'b1',
        },
        {
          kind: 'busy',
          start: '2017-11-10T08:00:00.000Z',
          end: '2017-11-10T09:00:00.000Z',
          person: 'x',
          room: null,
        },
      ],
      true,
      names([meeting({})]),
      never,
    );
    expect(blocks.map((b) => [b.row, b.kind, b.label])).toEqual([
      [NO_ROOM, 'meeting', 'United States – Russia'],
      ['b1', 'busy', 'Busy'],
    ]);
  });
});

describe('rows and agendas', () => {
  it('lists rooms by venue and name, with the pull-aside row first when needed', () => {
    const rows = roomRows([{ ...room(null), id: 'z', name: 'Zeta' }, room(null)], names(), true);
    expect(rows.map((r) => r.id)).toEqual([NO_ROOM, 'b1', 'z']);
    expect(rows[1]?.sub).toBe('Ariyana · 10 seats');
  });

  it("shows a person's engagements, others' private ones only as busy, none movable", () => {
    const blocks = agendaBlocks(
      'usa-potus',
      [
        {
          kind: 'programme',
          event: 'gala',
          title: 'Gala dinner',
          from: '2017-11-10T12:30:00.000Z',
          to: '2017-11-10T15:00:00.000Z',
          venue: 'a',
        },
        { kind: 'busy', from: '2017-11-10T02:00:00.000Z', to: '2017-11-10T03:00:00.000Z' },
      ],
      names(),
      () => false,
      never,
    );
    expect(blocks.map((b) => [b.kind, b.label, b.movable])).toEqual([
      ['programme', 'Gala dinner', false],
      ['busy', 'Busy', false],
    ]);
  });
});
