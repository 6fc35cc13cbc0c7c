// Instants with a UTC offset in requests: read as the UTC instant they name, before validation, in the
// query string and in JSON bodies; answers speak UTC. On the demo, through the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestSlots } from '../../src/app/planning/suggest.js';
import type { SummitId, UserId } from '../../src/domain/ids.js';
import { utcFromOffset, withUtcInstants } from '../../src/http/instants.js';
import { startDemoServer, type DemoServer } from './routes/demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const SYSTEM = { user: 'operator' as UserId, grants: [], system: true };

/** `iso` (UTC) written in Da Nang's offset, +07:00, without milliseconds. */
const inDaNang = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/u, '+07:00');

describe('date-times with an offset', () => {
  it('are rewritten as the UTC instant they name; anything else is left alone', () => {
    expect(utcFromOffset('2017-11-10T20:00:00+07:00')).toBe('2017-11-10T13:00:00.000Z');
    expect(utcFromOffset('2017-11-10T08:30-05:00')).toBe('2017-11-10T13:30:00.000Z');
    expect(utcFromOffset('2017-11-10T13:00:00.250+00:00')).toBe('2017-11-10T13:00:00.250Z');
    for (const kept of [
      '2017-11-10T13:00:00.000Z',
      '2017-11-10',
      'see you at 20:00+07:00',
      '2017-11-10T20:00:00+25:00',
    ])
      expect(utcFromOffset(kept)).toBe(kept);
    expect(withUtcInstants({ a: ['2017-11-10T20:00:00+07:00'], b: { c: 3, d: null } })).toEqual({
      a: ['2017-11-10T13:00:00.000Z'],
      b: { c: 3, d: null },
    });
  });
});

describe('the API takes ISO 8601 offsets, not only Z', () => {
  let s: DemoServer;
  let slot: { start: string; room: string | null };

  beforeAll(async () => {
    s = await startDemoServer('sqlite');
    const [free] = await suggestSlots(s.app.deps.app, SYSTEM, 'apec-2017' as SummitId, 'usa-rus-fm', {
      k: 1,
    });
    if (!free) throw new Error('the demo has a free slot for usa-rus-fm');
    slot = { start: free.start, room: free.room };
  }, 120_000);
  afterAll(async () => s?.dispose());

  it('places a meeting whose start is written in the summit offset, and answers in UTC', async () => {
    const placed = await s.as.hostStaff.send({
      method: 'PUT',
      url: `${S}/requests/usa-rus-fm/meeting`,
      payload: { start: inDaNang(slot.start), room: slot.room },
      headers: { 'if-none-match': '*' },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ start: slot.start, room: slot.room });
  });

  it('reads a query-string instant with an offset as the same instant in UTC', async () => {
    const url = (from: string) => `${S}/meetings?from=${encodeURIComponent(from)}&limit=100`;
    const utc = await s.as.hostStaff.send({ method: 'GET', url: url(slot.start) });
    const local = await s.as.hostStaff.send({ method: 'GET', url: url(inDaNang(slot.start)) });
    expect(local.statusCode, local.body).toBe(200);
    expect(local.json()).toEqual(utc.json());
    expect((local.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('still refuses a date-time that is not one, naming the field', async () => {
    const r = await s.as.hostStaff.send({
      method: 'GET',
      url: `${S}/meetings?from=2017-11-10T25:00:00%2B07:00`,
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toMatch(/from/);
  });
});
