// Times as people read them: always with their zone, the viewer's clock beside the summit's.
import { describe, expect, it } from 'vitest';
import {
  clockWithZone,
  datesBetween,
  durationLabel,
  instantOfLocal,
  localMillis,
  sameOffset,
  spanLabel,
  viewerClock,
  viewerClockShort,
  viewerSpan,
} from './time';

const ZONE = 'Asia/Ho_Chi_Minh';

describe('time labels', () => {
  it('names the zone of every time shown', () => {
    expect(clockWithZone('2017-11-10T06:45:00.000Z', ZONE)).toBe('13:45 GMT+7');
    expect(spanLabel('2017-11-10T06:45:00.000Z', '2017-11-10T07:15:00.000Z', ZONE)).toBe(
      'Fri 10 Nov, 13:45–14:15 GMT+7',
    );
  });

  it("gives the viewer's own clock, with the day it falls on", () => {
    expect(viewerClock('2017-11-10T06:45:00.000Z', ZONE, 'America/New_York')).toBe('01:45 EST');
    expect(viewerClock('2017-11-10T00:30:00.000Z', ZONE, 'America/New_York')).toBe('19:30 EST (−1 day)');
    expect(viewerClockShort('2017-11-10T00:30:00.000Z', ZONE, 'America/New_York')).toBe('19:30 −1d');
    expect(viewerSpan('2017-11-10T06:45:00.000Z', '2017-11-10T07:15:00.000Z', ZONE, 'Europe/London')).toBe(
      '06:45–07:15 GMT',
    );
  });

  it('says nothing more for a viewer on the summit clock, even under another zone name', () => {
    expect(sameOffset(ZONE, 'Asia/Bangkok', '2017-11-10T06:45:00.000Z')).toBe(true);
    expect(viewerClock('2017-11-10T06:45:00.000Z', ZONE, 'Asia/Bangkok')).toBeNull();
  });

  it('reads local wall-clock times in the summit zone', () => {
    expect(instantOfLocal('2017-11-10T13:45', ZONE)).toBe('2017-11-10T06:45:00.000Z');
    expect(new Date(localMillis('2017-11-10', '24:00', ZONE)).toISOString()).toBe('2017-11-10T17:00:00.000Z');
    expect(datesBetween('2017-11-08', '2017-11-11')).toEqual([
      '2017-11-08',
      '2017-11-09',
      '2017-11-10',
      '2017-11-11',
    ]);
    expect(durationLabel(90)).toBe('1 h 30 min');
    expect(durationLabel(45)).toBe('45 min');
  });
});
