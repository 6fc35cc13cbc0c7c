// Attacks on the reports over the summit week: what each reader may count.
import { expect } from 'vitest';
import type { AttendanceReport } from '../../../../src/app/reports/attendance.js';
import { attendanceReport } from '../../../../src/app/reports/attendance.js';
import type { AppContext } from '../../../../src/app/context.js';
import type { Instant } from '../../../../src/domain/time.js';
import { attack, attacks, type Attack } from '../probe.js';
import { S } from '../world.js';

/** No confidential meeting of others is counted: the host's report never names usa-rus-officials or twn-jpn. */
function noConfidentialMeetings(value: unknown): void {
  const report = value as AttendanceReport;
  expect(report.meetings.length, 'meetings to judge').toBeGreaterThan(0);
  expect(report.meetings.map((m) => m.request)).not.toContain('usa-rus-officials');
  expect(report.meetings.map((m) => m.request)).not.toContain('twn-jpn');
}

/** The world's context, at a moment when every meeting of the summit has started. */
const afterTheSummit = (ctx: AppContext): AppContext => ({
  ...ctx,
  now: () => '2017-11-12T00:00:00.000Z' as Instant,
});

/** Every report use case, with the attempts that must fail (or read nothing private). */
export const REPORT_ATTACKS: Record<string, Attack[]> = {
  'reports/attendance.ts#attendanceReport': [
    ...attacks(
      ['host-admin', 'host-staff'],
      'counts attendance',
      'read',
      (w, a) => attendanceReport(afterTheSummit(w.ctx), a, S),
      noConfidentialMeetings,
    ),
    attack('chn', 'counts attendance', 'read', (w, a) => attendanceReport(w.ctx, a, S)),
    ...attacks(['other-summit', 'other-host', 'nobody', 'operator'], 'counts attendance', 'hidden', (w, a) =>
      attendanceReport(w.ctx, a, S),
    ),
  ],
};
