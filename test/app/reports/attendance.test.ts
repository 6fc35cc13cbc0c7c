// The attendance report: per delegation, what happened at the meetings whose time has come, counted
// only over the meetings its reader may open; on both backends.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../../src/app/demo/apec-2017.js';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import { recordMeetingOutcome } from '../../../src/app/meetings/outcome.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { suggestSlots } from '../../../src/app/planning/suggest.js';
import { attendanceReport, type AttendanceReport } from '../../../src/app/reports/attendance.js';
import type { SummitId } from '../../../src/domain/ids.js';
import { NotFoundError } from '../../../src/store/store.js';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';

const S = 'apec-2017' as SummitId;
const demo = await readFile(DEMO_FILE, 'utf8');

const row = (report: AttendanceReport, delegation: string) =>
  report.delegations.find((d) => d.delegation === delegation);

describe.each(BACKENDS)('the attendance report on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  const staff = host(S, 'host-staff');
  const rusPo = delegate(S, 'rus', 'protocol-officer');
  const chnViewer = delegate(S, 'chn', 'viewer');

  beforeAll(async () => {
    t = await openTestStore(backend);
    // 10 Nov, 12:00 in Da Nang: the confidential US-Russia officials' meeting is placed after noon
    ctx = testContext(t.store, '2017-11-10T05:00:00.000Z');
    await importSummitFile(ctx, SYSTEM, { text: demo, format: 'yaml' });
    const [slot] = await suggestSlots(ctx, SYSTEM, S, 'usa-rus-officials', { k: 1 });
    await placeMeeting(ctx, SYSTEM, S, 'usa-rus-officials', { start: slot!.start, room: slot!.room });
    // 11 Nov, 07:00 UTC (14:00 in Da Nang): the 10th is over
    ctx.advance(26 * 60);
    await recordMeetingOutcome(ctx, staff, S, 'usa-vnm', { kind: 'held' });
    await recordMeetingOutcome(ctx, staff, S, 'chn-rus', { kind: 'no-show', by: ['rus'] });
    await recordMeetingOutcome(ctx, rusPo, S, 'jpn-rus', {
      kind: 'held-late',
      lateMinutes: 25,
      by: ['rus'],
    });
    await recordMeetingOutcome(ctx, rusPo, S, 'kor-rus', { kind: 'cancelled-late', by: ['kor'] });
    await recordMeetingOutcome(ctx, rusPo, S, 'usa-rus-officials', { kind: 'no-show', by: ['usa'] });
  });
  afterAll(() => t.dispose());

  it('counts held, late, no-shows, late cancellations and what is unrecorded, per delegation', async () => {
    const report = await attendanceReport(ctx, staff, S);
    expect(row(report, 'rus')).toMatchObject({
      name: 'Russia',
      held: 0,
      heldLate: 2, // rus-vnm-fm, 10 minutes late in the file, and jpn-rus, 25
      late: 2,
      lateMinutes: 35,
      noShows: 1,
      lateCancellations: 0,
    });
    expect(row(report, 'kor')).toMatchObject({ lateCancellations: 1, noShows: 0 });
    expect(row(report, 'chn')).toMatchObject({ noShows: 0 });
    // usa-jpn-kor (scheduled, 10 Nov 16:00) started with nothing recorded
    expect(row(report, 'jpn')?.unrecorded).toBeGreaterThanOrEqual(1);
    const recorded = report.meetings.filter((m) => m.outcome !== null).map((m) => m.request);
    // the four recorded here, and those the demo file records (per-vnm a no-show among them)
    expect(recorded).toEqual(expect.arrayContaining(['chn-rus', 'jpn-rus', 'kor-rus', 'usa-vnm', 'per-vnm']));
    expect(recorded).not.toContain('usa-jpn-kor');
    // every meeting counted has started
    expect(report.meetings.every((m) => m.start <= report.at)).toBe(true);
  });

  it('leaves out of the host’s report a confidential meeting it may not read', async () => {
    const forHost = await attendanceReport(ctx, staff, S);
    expect(forHost.meetings.map((m) => m.request)).not.toContain('usa-rus-officials');
    expect(row(forHost, 'usa')?.noShows).toBe(0);
    const forRussia = await attendanceReport(ctx, rusPo, S);
    expect(forRussia.meetings.map((m) => m.request)).toContain('usa-rus-officials');
    expect(row(forRussia, 'usa')?.noShows).toBe(1);
  });

  it('shows a delegation only its own meetings, and an outsider nothing', async () => {
    const forChina = await attendanceReport(ctx, chnViewer, S);
    expect(forChina.meetings.length).toBeGreaterThan(0);
    expect(forChina.meetings.every((m) => m.parties.includes('chn' as never))).toBe(true);
    const stranger = delegate('another-summit', 'usa', 'delegation-lead');
    await expect(attendanceReport(ctx, stranger, S)).rejects.toBeInstanceOf(NotFoundError);
  });
});
