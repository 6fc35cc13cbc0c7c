import { describe, expect, it } from 'vitest';
import { insideNoticePeriod } from '../../../src/domain/meeting/notice-period.js';
import type { Instant } from '../../../src/domain/time.js';

const at = (s: string) => s as Instant;
const summit = (freezeHours: number | null) => ({ planning: { maxMoves: null, now: null, freezeHours } });

describe('the notice period', () => {
  const now = at('2017-11-10T11:00:00.000Z');
  it('holds the meetings that start before now + freezeHours, and those that began', () => {
    expect(insideNoticePeriod(summit(12), at('2017-11-10T22:59:00.000Z'), now)).toBe(true);
    expect(insideNoticePeriod(summit(12), at('2017-11-10T23:00:00.000Z'), now)).toBe(false);
    expect(insideNoticePeriod(summit(12), at('2017-11-10T10:00:00.000Z'), now)).toBe(true);
  });
  it('holds nothing where the summit sets none, and only what began with 0 hours', () => {
    expect(insideNoticePeriod(summit(null), at('2017-11-10T11:30:00.000Z'), now)).toBe(false);
    expect(insideNoticePeriod(summit(0), at('2017-11-10T11:00:00.000Z'), now)).toBe(false);
    expect(insideNoticePeriod(summit(0), at('2017-11-10T10:59:00.000Z'), now)).toBe(true);
  });
});
