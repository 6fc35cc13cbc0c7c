import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baselineResultFile, writeSummitTime } from '../../../src/engine/baseline/result-file.js';
import { greedyPlan } from '../../../src/engine/baseline/greedy.js';
import { checkResultFile } from '../../../src/engine/check/result-file/check-result-file.js';
import { summitDataArbitrary } from '../check/arbitrary.js';
import type { Instant } from '../../../src/domain/time.js';

describe('baseline result files', () => {
  it('writes local time, with the offset only where local time would read back wrong', () => {
    expect(writeSummitTime('2017-11-10T01:00:00.000Z' as Instant, 'Asia/Ho_Chi_Minh')).toBe(
      '2017-11-10T08:00',
    );
    // 05:30Z is the first 01:30 in New York on 3 November 2024 (EDT), 06:30Z the second (EST).
    expect(writeSummitTime('2024-11-03T05:30:00.000Z' as Instant, 'America/New_York')).toBe(
      '2024-11-03T01:30',
    );
    expect(writeSummitTime('2024-11-03T06:30:00.000Z' as Instant, 'America/New_York')).toBe(
      '2024-11-03T01:30-05:00',
    );
  });

  it('passes the result file checker for greedy plans of random summits', () => {
    fc.assert(
      fc.property(summitDataArbitrary(), (data) => {
        const file = JSON.parse(JSON.stringify(baselineResultFile(data, greedyPlan(data)))) as unknown;
        expect(checkResultFile(data, file).violations).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
