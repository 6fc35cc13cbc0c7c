// What a party's own legitimate acts may disclose: never a confidential request to those who are
// not its parties, whatever one party says or does about it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, delegate } from '../../../test/support/app.js';
import { setPublicLine } from '../deliberation/public-line.js';
import { readEventLog } from '../events/read-log.js';
import { ACTORS, buildWorld, leaksIn, S, type World } from './world.js';

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
