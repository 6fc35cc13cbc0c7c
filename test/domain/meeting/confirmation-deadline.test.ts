import { describe, expect, it } from 'vitest';
import { deadlineOf, deadlinePassed } from '../../../src/domain/meeting/confirmation-deadline.js';
import type { Instant } from '../../../src/domain/time.js';

const at = (s: string) => s as Instant;
const ZONE = 'Asia/Ho_Chi_Minh';
const evening = { at: '18:00', daysBefore: 1, lapse: 'keep' } as const;

describe('the confirmation deadline', () => {
  it('falls at the given time of the day before, in summit time', () => {
    // Friday 10 November 14:00 in Da Nang: confirm by Thursday 18:00 there (11:00 UTC)
    expect(deadlineOf(evening, at('2017-11-10T07:00:00.000Z'), ZONE)).toBe('2017-11-09T11:00:00.000Z');
    // 06:30 on Friday in Da Nang is 23:30 UTC on Thursday: still Friday's meeting
    expect(deadlineOf(evening, at('2017-11-09T23:30:00.000Z'), ZONE)).toBe('2017-11-09T11:00:00.000Z');
    // the same morning, at 08:00
    expect(deadlineOf({ ...evening, at: '08:00', daysBefore: 0 }, at('2017-11-10T07:00:00.000Z'), ZONE)).toBe(
      '2017-11-10T01:00:00.000Z',
    );
  });
  it('has passed from its moment on', () => {
    const start = at('2017-11-10T07:00:00.000Z');
    expect(deadlinePassed(evening, start, ZONE, at('2017-11-09T10:59:00.000Z'))).toBe(false);
    expect(deadlinePassed(evening, start, ZONE, at('2017-11-09T11:00:00.000Z'))).toBe(true);
  });
});
