import { describe, expect, it } from 'vitest';
import { formatSpan } from '../../../src/engine/check/local-time.js';

const at = (iso: string) => Date.parse(iso);

describe('times in messages', () => {
  it('reads local time in the summit zone, half-hour offsets included', () => {
    expect(
      formatSpan({ from: at('2017-11-10T01:00:00Z'), to: at('2017-11-10T01:30:00Z') }, 'Asia/Ho_Chi_Minh'),
    ).toBe('10 Nov 08:00–08:30');
    expect(
      formatSpan({ from: at('2023-09-09T04:30:00Z'), to: at('2023-09-09T05:00:00Z') }, 'Asia/Kolkata'),
    ).toBe('9 Sep 10:00–10:30');
  });
  it('names the day of the end when a span crosses midnight', () => {
    expect(
      formatSpan({ from: at('2017-11-10T16:00:00Z'), to: at('2017-11-10T17:30:00Z') }, 'Asia/Ho_Chi_Minh'),
    ).toBe('10 Nov 23:00–11 Nov 00:30');
  });
  it('tells the two 01:30s apart on the night New York clocks go back', () => {
    // 05:30Z is 01:30 EDT; 06:30Z is 01:30 EST.
    expect(
      formatSpan({ from: at('2024-11-03T05:30:00Z'), to: at('2024-11-03T06:30:00Z') }, 'America/New_York'),
    ).toBe('3 Nov 01:30 EDT–01:30 EST');
  });
});
