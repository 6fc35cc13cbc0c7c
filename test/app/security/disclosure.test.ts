// What a party's own legitimate acts may disclose: never a confidential request to those who are
// not its parties, whatever one party says or does about it, and never a draft to anyone but the
// delegation drafting it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, delegate } from '../../support/app.js';
import type { Actor } from '../../../src/domain/actor/schema.js';
import { NotFoundError } from '../../../src/store/store.js';
import { setPublicLine } from '../../../src/app/deliberation/public-line.js';
import { listEncounters } from '../../../src/app/encounters/list.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { exportSummitFile } from '../../../src/app/files/export-summit.js';
import { meetingsCsv } from '../../../src/app/files/meetings-csv.js';
import { personAgenda } from '../../../src/app/logistics/agenda.js';
import { listMeetings } from '../../../src/app/meetings/list.js';
import { proposePlan } from '../../../src/app/planning/plan.js';
import { suggestSlots } from '../../../src/app/planning/suggest.js';
import { askWhatIf } from '../../../src/app/planning/what-if.js';
import { requestHistory } from '../../../src/app/requests/history.js';
import { getRequest, listRequests } from '../../../src/app/requests/read.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { searchRequests } from '../../../src/app/requests/search.js';
import { postToThread, readThread } from '../../../src/app/requests/thread.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import { replayLive } from './attacks/summit.js';
import { ACTORS, buildWorld, DRAFTS, leaksIn, S, type World } from './world.js';

describe.each(BACKENDS)('what a party discloses of a confidential request, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  it('logs an import for everyone without counting busy blocks, requests or meetings', async () => {
    // how many requests an import wrote, less how many the host sees, would count the confidential ones
    const log = await readEventLog(w.ctx, ACTORS['host-staff'], S, { limit: 1000 });
    const imports = log.filter((e) => e.type === 'summit.imported');
    expect(imports.length).toBeGreaterThan(0);
    for (const e of imports) {
      for (const kind of ['busy', 'requests', 'conditions', 'meetings'])
        expect(e.payload).not.toHaveProperty(kind);
    }
  });

  it('keeps a line published on a confidential request among its parties', async () => {
    const rusPo = delegate(S, 'rus', 'protocol-officer');
    await setPublicLine(w.ctx, rusPo, S, 'usa-rus-officials', {
      claim: 'no-comment',
      text: 'No comment.',
      published: true,
    });
    for (const who of ['chn', 'host-admin', 'host-staff', 'usa-viewer'] as const) {
      const log = await readEventLog(w.ctx, ACTORS[who], S, { limit: 1000 });
      expect(leaksIn(log, w.markersFor(ACTORS[who])), who).toEqual([]);
    }
    const us = await readEventLog(w.ctx, ACTORS['usa-viewer'], S, { limit: 1000 });
    const published = us.filter(
      (e) => e.type === 'public-line.published' && e.payload.request === 'usa-rus-officials',
    );
    expect(published.map((e) => e.payload.delegation)).toEqual(['rus']);
  });
});

/** Everything a reader is given about the summit by the use cases that list or summarise it. */
async function everythingSeenBy(w: World, actor: Actor): Promise<Record<string, unknown>> {
  const host = actor.grants.some((g) => g.kind === 'host');
  return {
    requests: await listRequests(w.ctx, actor, S),
    search: await searchRequests(w.ctx, actor, S, { counterpart: 'jpn' }),
    log: await readEventLog(w.ctx, actor, S, { limit: 1000 }),
    live: await replayLive(w, actor),
    export: await exportSummitFile(w.ctx, actor, S, 'json'),
    csv: await meetingsCsv(w.ctx, actor, S),
    meetings: await listMeetings(w.ctx, actor, S),
    encounters: await listEncounters(w.ctx, actor, S, 'usa', 'jpn'),
    agenda: await personAgenda(w.ctx, actor, S, 'usa-ustr'),
    ...(host ? { plan: await proposePlan(w.ctx, actor, S, { timeLimitMs: 500, seed: 3 }) } : {}),
  };
}

describe.each(BACKENDS)('what a draft discloses, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  const usaPo = delegate(S, 'usa', 'protocol-officer');
  const jpn = delegate(S, 'jpn', 'delegation-lead');
  const draft = {
    id: 'usa-jpn-autos',
    to: ['jpn'],
    format: 'bilateral',
    level: 'ministers',
    minutes: 30,
    attendees: ['usa-ustr', 'jpn-meti'],
    submit: false,
  };

  it('shows a draft and its thread to nobody but the delegation drafting it', async () => {
    await requestMeeting(w.ctx, usaPo, S, draft);
    await postToThread(w.ctx, usaPo, S, draft.id, { text: 'Talking points before we send it' });
    // a line published on its own draft does not send the draft either
    await setPublicLine(w.ctx, usaPo, S, draft.id, {
      claim: 'no-comment',
      text: 'No comment.',
      published: true,
    });
    const ids = [...Object.keys(DRAFTS).filter((d) => DRAFTS[d as keyof typeof DRAFTS] === 'usa'), draft.id];
    const words = ids.map((text) => ({ text, what: `draft ${text}` }));
    for (const [who, actor] of [
      ['the counterpart', jpn],
      ['host-admin', ACTORS['host-admin']],
      ['host-staff', ACTORS['host-staff']],
    ] as const) {
      expect(leaksIn(await everythingSeenBy(w, actor), words), who).toEqual([]);
      for (const id of ids) {
        for (const ask of [
          () => getRequest(w.ctx, actor, S, id),
          () => requestHistory(w.ctx, actor, S, id),
          () => readThread(w.ctx, actor, S, id),
          () => suggestSlots(w.ctx, actor, S, id, {}),
          () => askWhatIf(w.ctx, actor, S, id, { blocker: { kind: 'window', detail: 'allowed windows' } }),
        ]) {
          await expect(ask(), `${who} asks about ${id}`).rejects.toBeInstanceOf(NotFoundError);
        }
      }
    }
    // the delegation drafting it reads all of it
    const us = await everythingSeenBy(w, ACTORS['usa-viewer']);
    expect(leaksIn(us, words)).toEqual(words.map((m) => m.what));
    const created = (us.log as { type: string; payload: { request?: string } }[]).filter(
      (e) => e.payload.request === draft.id,
    );
    expect(created.map((e) => e.type)).toEqual(['request.created', 'thread.posted', 'public-line.published']);
  });

  it('shows the counterpart a draft once it is sent: its sending and its published line, not its drafting', async () => {
    await transitionRequest(w.ctx, usaPo, S, draft.id, { name: 'submit' });
    expect((await getRequest(w.ctx, jpn, S, draft.id)).request.status).toBe('requested');
    const log = await readEventLog(w.ctx, jpn, S, { limit: 1000 });
    expect(log.filter((e) => e.payload.request === draft.id).map((e) => e.type)).toEqual([
      'public-line.published',
      'request.submit',
    ]);
  });
});
