// Person agendas (redacted to "busy") and room utilisation on the APEC demo, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';
import { NotFoundError } from '../../../src/store/store.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError } from '../../../src/app/errors.js';
import { personAgenda } from '../../../src/app/logistics/agenda.js';
import { roomUtilisation } from '../../../src/app/logistics/utilisation.js';

describe.each(BACKENDS)('agendas and room utilisation on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  const usa = delegate(S, 'usa', 'viewer');
  const rus = delegate(S, 'rus', 'viewer');
  // 09:00-11:30 in Da Nang (UTC+7) on 10 November
  const prep = { from: '2017-11-10T02:00:00.000Z', to: '2017-11-10T04:30:00.000Z' };

  it("shows a delegation its principal's private commitment in full", async () => {
    const agenda = await personAgenda(ctx, usa, S, 'usa-potus');
    expect(agenda).toContainEqual({
      kind: 'private',
      busy: 'usa-potus-prep',
      venue: 'hyatt',
      label: 'Staff time and address preparation',
      ...prep,
    });
    // the scheduled, unannounced meeting with Papua New Guinea is the US's to read
    expect(agenda.some((e) => e.kind === 'meeting' && e.request === 'png-usa')).toBe(true);
  });

  it('shows another delegation and the host only "busy" for it, and announced meetings in full', async () => {
    for (const reader of [rus, host(S)]) {
      const agenda = await personAgenda(ctx, reader, S, 'usa-potus');
      expect(agenda).toContainEqual({ kind: 'busy', ...prep });
      expect(JSON.stringify(agenda)).not.toMatch(/usa-potus-prep|address preparation/);
      expect(agenda.some((e) => e.kind === 'meeting' && e.request === 'usa-vnm')).toBe(true);
      expect(agenda.some((e) => e.kind === 'programme' && e.event === 'gala-dinner')).toBe(true);
    }
    // the unannounced meeting with Papua New Guinea: Russia sees only that the President is busy
    const russian = await personAgenda(ctx, rus, S, 'usa-potus');
    expect(JSON.stringify(russian)).not.toContain('png-usa');
    expect(russian).toContainEqual({
      kind: 'busy',
      from: '2017-11-10T07:30:00.000Z',
      to: '2017-11-10T08:00:00.000Z',
    });
    // the host books the room, so it reads the slot (never a confidential one)
    const hosted = await personAgenda(ctx, host(S), S, 'usa-potus');
    expect(hosted.some((e) => e.kind === 'meeting' && e.request === 'png-usa')).toBe(true);
    const times = russian.map((e) => e.from);
    expect(times).toEqual([...times].sort());
  });

  it('answers "not found" for an unknown person or a summit the reader takes no part in', async () => {
    await expect(personAgenda(ctx, usa, S, 'nobody')).rejects.toBeInstanceOf(NotFoundError);
    await expect(personAgenda(ctx, delegate('g20', 'usa', 'viewer'), S, 'usa-potus')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('gives the host booked against available minutes per room and day', async () => {
    const days = await roomUtilisation(ctx, host(S, 'host-staff'), S);
    const day = (room: string, date: string) => days.find((d) => d.room === room && d.date === date);
    // 07:00-23:00 open; the courtesy call on the US (30 min) and China-Russia (45 min)
    expect(day('ariyana-b1', '2017-11-10')).toEqual({
      room: 'ariyana-b1',
      date: '2017-11-10',
      availableMinutes: 960,
      bookedMinutes: 75,
      ratio: 75 / 960,
    });
    // available until noon on the last day, nothing booked
    expect(day('ariyana-b1', '2017-11-11')).toMatchObject({
      availableMinutes: 300,
      bookedMinutes: 0,
      ratio: 0,
    });
    // the US office opens on the 10th only
    expect(day('ariyana-usa', '2017-11-08')).toMatchObject({ availableMinutes: 0, ratio: null });
    expect(day('ariyana-usa', '2017-11-10')).toMatchObject({ availableMinutes: 960, bookedMinutes: 60 });
    const rooms = new Set(days.map((d) => d.room));
    expect(days).toHaveLength(rooms.size * 4);
  });

  it('refuses room utilisation to a delegation', async () => {
    await expect(roomUtilisation(ctx, usa, S)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
