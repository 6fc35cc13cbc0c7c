import { describe, expect, it } from 'vitest';
import { dayWindows, formatSummitTime, parseSummitTime } from '../../src/domain/time.js';

describe('summit times', () => {
  it('reads local time in the summit zone (Da Nang, UTC+7)', () => {
    expect(parseSummitTime('2017-11-10T12:30', 'Asia/Ho_Chi_Minh')).toBe('2017-11-10T05:30:00.000Z');
  });
  it('reads a half-hour offset zone exactly (Kolkata, UTC+5:30)', () => {
    expect(parseSummitTime('2023-09-09T10:00', 'Asia/Kolkata')).toBe('2023-09-09T04:30:00.000Z');
  });
  it('accepts a time with an offset or Z as the instant it names', () => {
    expect(parseSummitTime('2017-11-10T12:30+07:00', 'UTC')).toBe('2017-11-10T05:30:00.000Z');
    expect(parseSummitTime('2017-11-10T05:30Z', 'Asia/Ho_Chi_Minh')).toBe('2017-11-10T05:30:00.000Z');
  });
  it('refuses a time in a daylight-saving gap (New York, 2 a.m. on 10 March 2024)', () => {
    expect(() => parseSummitTime('2024-03-10T02:30', 'America/New_York')).toThrow(/does not exist/);
  });
  it('takes the earlier offset for an ambiguous time (New York, 1:30 a.m. on 3 November 2024)', () => {
    // 01:30 happens twice; the earlier is EDT (UTC-4).
    expect(parseSummitTime('2024-11-03T01:30', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
  });
  it('formats instants back to local wall-clock time', () => {
    expect(formatSummitTime(parseSummitTime('2023-09-09T10:00', 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(
      '2023-09-09T10:00',
    );
  });
  it('gives a shorter day window across a spring-forward night', () => {
    const days = dayWindows(
      { from: '2024-03-09', to: '2024-03-10' },
      { from: '00:00', to: '24:00' },
      'America/New_York',
    );
    const hours = days.map((d) => (Date.parse(d.to) - Date.parse(d.from)) / 3_600_000);
    expect(hours).toEqual([24, 23]);
  });
});
