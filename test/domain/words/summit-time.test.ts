// Summit time as people read it: exact wall-clock text for exact instants, half-hour zones and
// spans that end at midnight included.
import { describe, expect, it } from 'vitest';
import {
  clockWithZone,
  dayLabel,
  durationLabel,
  localWithOffset,
  momentLabel,
  spanLabel,
  zoneCity,
} from '../../../src/domain/words/summit-time.js';

const DANANG = 'Asia/Ho_Chi_Minh';

describe('summit time', () => {
  it('names the day, the time and the zone of an instant', () => {
    expect(dayLabel('2017-11-10T05:30:00.000Z', DANANG)).toBe('Fri 10 Nov');
    expect(clockWithZone('2017-11-10T05:30:00.000Z', DANANG)).toBe('12:30 GMT+7');
    expect(momentLabel('2017-11-10T05:30:00.000Z', DANANG)).toBe('Fri 10 Nov, 12:30 GMT+7');
    expect(clockWithZone('2017-11-10T05:30:00.000Z', 'Asia/Kolkata')).toBe('11:00 GMT+5:30');
    expect(zoneCity(DANANG)).toBe('Ho Chi Minh');
  });

  it('writes a span within a day once, an end at midnight as 24:00, and a longer one in full', () => {
    expect(spanLabel('2017-11-10T07:00:00.000Z', '2017-11-10T07:45:00.000Z', DANANG)).toBe(
      'Fri 10 Nov, 14:00–14:45 GMT+7',
    );
    expect(spanLabel('2017-11-10T15:00:00.000Z', '2017-11-10T17:00:00.000Z', DANANG)).toBe(
      'Fri 10 Nov, 22:00–24:00 GMT+7',
    );
    expect(spanLabel('2017-11-10T16:00:00.000Z', '2017-11-10T17:30:00.000Z', DANANG)).toBe(
      'Fri 10 Nov, 23:00 – Sat 11 Nov, 00:30 GMT+7',
    );
  });

  it('writes local time with its offset for sheets, and durations in hours and minutes', () => {
    expect(localWithOffset('2017-11-10T07:00:00.000Z', DANANG)).toBe('2017-11-10T14:00+07:00');
    expect(localWithOffset('2017-11-10T07:00:00.000Z', 'Asia/Kolkata')).toBe('2017-11-10T12:30+05:30');
    expect(durationLabel(45)).toBe('45 min');
    expect(durationLabel(90)).toBe('1 h 30 min');
    expect(durationLabel(120)).toBe('2 h');
  });
});
