// The iCalendar writer against a reader (ical.js): exact instants in zones with daylight saving, a
// VTIMEZONE that says when the offset changes, and the hour that happens twice written in UTC.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../../../src/domain/time.js';
import { renderFeed, type FeedEvent } from '../../../src/io/ical/feed.js';
import { offsetChanges } from '../../../src/io/ical/vtimezone.js';

const at = (iso: string) => iso as Instant;

function event(uid: string, start: string, end: string): FeedEvent {
  return {
    uid,
    start: at(start),
    end: at(end),
    summary: `Event ${uid}; with, commas`,
    location: null,
    description: null,
    status: 'confirmed',
    sequence: 1,
  };
}

function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tzid: v.getFirstProperty('dtstart')?.getParameter('tzid') ?? null,
    };
  });
}

describe('renderFeed', () => {
  it('writes New York times on both sides of the spring change, each read back as the same instant', () => {
    const text = renderFeed({
      name: 'UNGA',
      zone: 'America/New_York',
      stamp: at('2025-03-01T00:00:00.000Z'),
      events: [
        // 8 March 09:00 EST (UTC-5) and 10 March 09:00 EDT (UTC-4)
        event('before', '2025-03-08T14:00:00.000Z', '2025-03-08T15:00:00.000Z'),
        event('after', '2025-03-10T13:00:00.000Z', '2025-03-10T14:00:00.000Z'),
      ],
    });
    expect(text).toContain('DTSTART;TZID=America/New_York:20250308T090000');
    expect(text).toContain('DTSTART;TZID=America/New_York:20250310T090000');
    expect(text).toContain('DTSTAMP:20250301T000000Z');
    expect(text).toMatch(
      /BEGIN:DAYLIGHT\r\nDTSTART:20250309T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400/u,
    );
    expect(read(text)).toEqual([
      expect.objectContaining({ uid: 'before', start: '2025-03-08T14:00:00.000Z', tzid: 'America/New_York' }),
      expect.objectContaining({
        uid: 'after',
        start: '2025-03-10T13:00:00.000Z',
        end: '2025-03-10T14:00:00.000Z',
      }),
    ]);
    expect(read(text)[0]?.summary).toBe('Event before; with, commas');
  });

  it('writes a time in the hour that happens twice in UTC, so it means one instant', () => {
    // 2 November 2025 01:30 happens at 05:30Z (EDT) and at 06:30Z (EST)
    const text = renderFeed({
      name: 'Fall back',
      zone: 'America/New_York',
      stamp: at('2025-11-01T00:00:00.000Z'),
      events: [event('second', '2025-11-02T06:30:00.000Z', '2025-11-02T07:00:00.000Z')],
    });
    expect(text).toContain('DTSTART:20251102T063000Z');
    expect(read(text)).toEqual([
      expect.objectContaining({
        start: '2025-11-02T06:30:00.000Z',
        end: '2025-11-02T07:00:00.000Z',
        tzid: null,
      }),
    ]);
  });

  it('handles a half-hour zone without daylight saving, and an empty feed', () => {
    const text = renderFeed({
      name: 'Delhi',
      zone: 'Asia/Kolkata',
      stamp: at('2025-01-01T00:00:00.000Z'),
      events: [event('delhi', '2025-01-10T04:30:00.000Z', '2025-01-10T05:00:00.000Z')],
    });
    expect(text).toContain('DTSTART;TZID=Asia/Kolkata:20250110T100000');
    expect(text).toContain('TZOFFSETTO:+0530');
    expect(read(text)[0]?.start).toBe('2025-01-10T04:30:00.000Z');
    const empty = renderFeed({
      name: 'Empty',
      zone: 'Asia/Kolkata',
      stamp: at('2025-01-01T00:00:00.000Z'),
      events: [],
    });
    expect(empty).toMatch(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE[\s\S]*END:VCALENDAR(\r\n)?$/u);
  });
});

describe('offsetChanges', () => {
  it('finds each change to the minute', () => {
    const changes = offsetChanges(
      'Europe/Berlin',
      Date.parse('2025-01-01T00:00:00Z'),
      Date.parse('2026-01-01T00:00:00Z'),
    );
    expect(changes.map((c) => [new Date(c.at).toISOString(), c.from, c.to])).toEqual([
      ['2025-03-30T01:00:00.000Z', 60, 120],
      ['2025-10-26T01:00:00.000Z', 120, 60],
    ]);
  });
});
