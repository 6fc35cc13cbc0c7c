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
import { readDeliberation } from '../../../src/app/deliberation/deliberation.js';
import { readPublicLines, setPublicLine } from '../../../src/app/deliberation/public-line.js';
import { listEncounters } from '../../../src/app/encounters/list.js';
import { readEventLog } from '../../../src/app/events/read-log.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { NotFoundError } from '../../../src/store/store.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';

describe.each(BACKENDS)('the APEC 2017 demo on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  const usa = delegate(S, 'usa', 'viewer');
  const rus = delegate(S, 'rus', 'delegation-lead');

  it('holds the US-Russia request with US conditions open', async () => {
    const view = await getRequest(ctx, usa, S, 'usa-rus');
    expect(view.request.status).toBe('conditions-pending');
    expect(view.conditions.filter((c) => c.by === 'usa' && c.status === 'open').map((c) => c.id)).toEqual([
      'c1',
      'c2',
    ]);
  });

  it('shows the US its deliberation: positions for and against, and the decision', async () => {
    const d = await readDeliberation(ctx, usa, S, 'usa-rus');
    expect(d.positions.map((p) => p.stance).sort()).toEqual(['against', 'for', 'for']);
    expect(d.decision?.outcome).toBe('defer');
    expect(d.positions.flatMap((p) => p.considerations.map((c) => c.topic))).toEqual(
      expect.arrayContaining(['syria', 'ukraine', 'dprk', 'optics']),
    );
  });

  it('shows an edited request awaiting consent: New Zealand added its trade minister, China to agree', async () => {
    const chn = delegate(S, 'chn', 'protocol-officer');
    const view = await getRequest(ctx, chn, S, 'nzl-chn');
    expect(view.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['nzl'] });
    expect(view.request.attendees).toContain('nzl-trade');
    expect(view.meeting).not.toBeNull(); // kept where it still fits, for China's accept to restore
    const log = await readEventLog(ctx, chn, S, { limit: 1000 });
    const edit = log.find((e) => e.type === 'request.edited' && e.payload.request === 'nzl-chn');
    expect(edit?.payload).toMatchObject({ changed: ['attendees'], after: { attendees: expect.any(Array) } });
  });

  it('hides the US deliberation and draft line from Russia and from the host', async () => {
    await expect(readDeliberation(ctx, rus, S, 'usa-rus', 'usa' as never)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(readDeliberation(ctx, host(S), S, 'usa-rus')).rejects.toBeInstanceOf(NotFoundError);
    const lines = await readPublicLines(ctx, rus, S, 'usa-rus');
    expect(lines.map((l) => [l.delegation, l.claim])).toEqual([['rus', 'no-final-understanding']]);
    const usLines = await readPublicLines(ctx, usa, S, 'usa-rus');
    expect(usLines.map((l) => l.delegation).sort()).toEqual(['rus', 'usa']);
    const log = await readEventLog(ctx, rus, S, { limit: 1000 });
    expect(log.some((e) => e.type.startsWith('position.') || e.type === 'decision.taken')).toBe(false);
    expect(log.some((e) => e.type === 'public-line.drafted' && e.payload.delegation === 'usa')).toBe(false);
    const hostLog = await readEventLog(ctx, host(S), S, { limit: 1000 });
    expect(hostLog.some((e) => e.type.startsWith('position.') || e.type === 'decision.taken')).toBe(false);
  });

  it('refuses to publish a line that claims more than the record', async () => {
    const usaPo = delegate(S, 'usa', 'protocol-officer');
    await expect(
      setPublicLine(ctx, usaPo, S, 'usa-rus', {
        claim: 'confirmed',
        text: 'The presidents will meet.',
        published: true,
      }),
    ).rejects.toThrow(/cannot publish 'confirmed'/);
    const lines = await readPublicLines(ctx, usaPo, S, 'usa-rus');
    expect(lines.find((l) => l.delegation === 'usa')?.claim).toBe('no-meeting');
  });

  it('finds where the two presidents will meet anyway: the gala dinner and the family photo', async () => {
    const windows = await listEncounters(ctx, usa, S, 'usa', 'rus');
    expect(windows.map((w) => w.title).join(' | ')).toMatch(/[Gg]ala dinner.*[Ff]amily photo/);
  });
});
