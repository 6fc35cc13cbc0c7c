// Rows and blocks of the grid from API records: rooms' closed hours, calendar entries, agendas.
import { describe, expect, it } from 'vitest';
import type { CalendarEntry, Room } from '../../api/models';
import { agendaBlocks, calendarBlocks, closedSpans, NO_ROOM, roomRows } from './rows';

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

  it('labels meetings by their parties and lets the host move only unpinned, unconfirmed ones', () => {
    const [free, pinned, confirmed] = calendarBlocks(
      [meeting({}), meeting({ request: 'p', pinned: true }), meeting({ request: 'c', status: 'confirmed' })],
      true,
    );
    expect(free).toMatchObject({ label: 'USA–RUS', row: 'b1', movable: true, request: 'usa-rus' });
    expect(pinned?.movable).toBe(false);
    expect(confirmed).toMatchObject({ movable: false, confirmed: true });
    expect(calendarBlocks([meeting({})], false)[0]?.movable).toBe(false);
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
    );
    expect(blocks.map((b) => [b.row, b.kind, b.label])).toEqual([
      [NO_ROOM, 'meeting', 'USA–RUS'],
      ['b1', 'busy', 'Busy'],
    ]);
  });
});

describe('rows and agendas', () => {
  it('lists rooms by venue and name, with the pull-aside row first when needed', () => {
    const rows = roomRows([{ ...room(null), id: 'z', name: 'Zeta' }, room(null)], new Map(), true);
    expect(rows.map((r) => r.id)).toEqual([NO_ROOM, 'b1', 'z']);
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
      new Map(),
    );
    expect(blocks.map((b) => [b.kind, b.label, b.movable])).toEqual([
      ['programme', 'Gala dinner', false],
      ['busy', 'Busy', false],
    ]);
  });
});
