// The summit week over HTTP: a meeting the host moves or takes off tells its parties why and offers
// them another slot, taken in one call; the summit's confirmation deadline is set with the summit,
// listed per reader and swept by the host's admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { startDemoServer, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';

interface Slot {
  start: string;
  end: string;
  room: string | null;
}
interface View {
  meeting: (Slot & { version: number }) | null;
  notices: { bumped: { reason: string; moved: boolean; alternative: Slot | null } | null };
}

describe.each(BACKENDS)('the summit week over HTTP, on %s', (backend) => {
  let s: DemoServer;
  beforeAll(async () => {
    s = await startDemoServer(backend);
  });
  afterAll(() => s?.dispose());

  const view = async (request: string): Promise<View> =>
    (await s.as.usaPo.send({ method: 'GET', url: `${S}/requests/${request}` })).json() as View;

  it('moves a meeting with a reason; its parties take the slot offered in one call', async () => {
    const before = await view('usa-jpn-kor');
    const { suggestions } = (
      await s.as.hostStaff.send({ method: 'GET', url: `${S}/requests/usa-jpn-kor/suggestions?k=1` })
    ).json() as { suggestions: Slot[] };
    const elsewhere = suggestions[0];
    const moved = await s.as.hostStaff.send({
      method: 'PUT',
      url: `${S}/requests/usa-jpn-kor/meeting`,
      payload: {
        start: elsewhere!.start,
        room: elsewhere!.room,
        reason: 'Room 3 is needed for the ABAC dialogue',
      },
      headers: { 'if-match': `"${before.meeting!.version}"` },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const bumped = (await view('usa-jpn-kor')).notices.bumped!;
    expect(bumped.reason).toBe('The host moved it (“Room 3 is needed for the ABAC dialogue”).');
    expect(bumped.alternative).not.toBeNull();

    const viewer = await s.as.usaViewer.send({
      method: 'POST',
      url: `${S}/requests/usa-jpn-kor/meeting/alternative`,
      payload: bumped.alternative!,
    });
    expect(viewer.statusCode).toBe(403);
    const outsider = await s.as.rusPo.send({
      method: 'POST',
      url: `${S}/requests/usa-jpn-kor/meeting/alternative`,
      payload: bumped.alternative!,
    });
    expect(outsider.statusCode).toBe(404);
    const taken = await s.as.usaPo.send({
      method: 'POST',
      url: `${S}/requests/usa-jpn-kor/meeting/alternative`,
      payload: bumped.alternative!,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.headers.etag).toBeDefined();
    expect((taken.json() as Slot).start).toBe(bumped.alternative!.start);
    const again = await s.as.usaPo.send({
      method: 'POST',
      url: `${S}/requests/usa-jpn-kor/meeting/alternative`,
      payload: bumped.alternative!,
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as { code: string }).code).toBe('no-alternative');
  });

  it('takes a meeting off with ?reason=, which its parties read', async () => {
    const before = await view('png-usa');
    const r = await s.as.hostStaff.send({
      method: 'DELETE',
      url: `${S}/requests/png-usa/meeting?reason=${encodeURIComponent('The leaders’ retreat runs long')}`,
      headers: { 'if-match': `"${before.meeting!.version}"` },
    });
    expect(r.statusCode, r.body).toBe(204);
    const after = await view('png-usa');
    expect(after.meeting).toBeNull();
    expect(after.notices.bumped).toMatchObject({
      moved: false,
      reason: 'The host took it off the calendar (“The leaders’ retreat runs long”).',
    });
  });

  it('sets the confirmation deadline with the summit; lists and sweeps it', async () => {
    const read = await s.as.hostAdmin.send({ method: 'GET', url: S });
    const { version: _, ...summit } = read.json() as { version: number };
    const bad = await s.as.hostAdmin.send({
      method: 'PUT',
      url: S,
      payload: { ...summit, confirmation: { at: '6pm', lapse: 'drop' } },
      headers: { 'if-match': read.headers.etag as string },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.confirmation.at', 'body.confirmation.lapse']));
    const put = await s.as.hostAdmin.send({
      method: 'PUT',
      url: S,
      payload: { ...summit, confirmation: { at: '18:00', daysBefore: 1, lapse: 'release' } },
      headers: { 'if-match': read.headers.etag as string },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as { confirmation: unknown }).confirmation).toEqual({
      at: '18:00',
      daysBefore: 1,
      lapse: 'release',
    });
    // the server's clock stands in 2026: every demo meeting has begun, none awaits confirmation
    const list = await s.as.usaPo.send({ method: 'GET', url: `${S}/confirmations` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toEqual([]);
    expect((await s.as.stranger.send({ method: 'GET', url: `${S}/confirmations` })).statusCode).toBe(404);
    const staff = await s.as.hostStaff.send({ method: 'POST', url: `${S}/confirmations/sweep` });
    expect(staff.statusCode).toBe(403);
    const admin = await s.as.hostAdmin.send({ method: 'POST', url: `${S}/confirmations/sweep` });
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json()).toEqual({ flagged: [], released: [] });
  });
});
