import { describe, expect, it } from 'vitest';
import { summitFileTime } from '../../src/engine/local-time.js';
import { parseSummitTime, type Instant } from '../../src/domain/time.js';

describe('summitFileTime', () => {
  it('writes local wall-clock time, including half-hour offsets', () => {
    expect(summitFileTime('2017-11-10T05:30:00.000Z' as Instant, 'Asia/Ho_Chi_Minh')).toBe(
      '2017-11-10T12:30',
    );
    expect(summitFileTime('2023-09-09T04:30:00.000Z' as Instant, 'Asia/Kolkata')).toBe('2023-09-09T10:00');
  });
  it('adds the offset in the repeated hour when clocks go back, so the time reads back exactly', () => {
    // New York, 3 November 2024: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(summitFileTime('2024-11-03T05:30:00.000Z' as Instant, 'America/New_York')).toBe(
      '2024-11-03T01:30',
    );
    const later = summitFileTime('2024-11-03T06:30:00.000Z' as Instant, 'America/New_York');
    expect(later).toBe('2024-11-03T01:30-05:00');
    expect(parseSummitTime(later, 'America/New_York')).toBe('2024-11-03T06:30:00.000Z');
  });
  it('writes the hour after a spring-forward gap plainly', () => {
    expect(summitFileTime('2024-03-10T07:00:00.000Z' as Instant, 'America/New_York')).toBe(
      '2024-03-10T03:00',
    );
  });
});
