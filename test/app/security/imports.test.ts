// An import by the host's admin through any door of src/app changes only what the host may see:
// confidential requests, their meetings and every delegation's busy blocks stay as they are.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../support/app.js';
import { exportSummitFile, visibleSummitData } from '../../../src/app/files/export-summit.js';
import { importSummitData, importSummitFile } from '../../../src/app/files/import-summit.js';
import { loadSummitData } from '../../../src/app/summit/load.js';
import { ACTORS, buildWorld, CONFIDENTIAL, S, type World } from './world.js';

const admin = ACTORS['host-admin'];

type Records = { busy: { id: string }[]; requests: { id: string }[]; meetings: { request: string }[] };

/** Every hidden record as it was: the ids lost are named, then the records compared whole. */
function expectKept(before: Records, after: Records): void {
  const ids = (r: Records) => [
    ...r.busy.map((b) => b.id),
    ...r.requests.map((q) => q.id),
    ...r.meetings.map((m) => `meeting ${m.request}`),
  ];
  expect(
    ids(before).filter((id) => !ids(after).includes(id)),
    'lost',
  ).toEqual([]);
  expect(JSON.stringify(after) === JSON.stringify(before), 'changed').toBe(true);
}

describe.each(BACKENDS)('imports by the host, on %s', (backend) => {
  let w: World;
  // each import gets a world of its own, so one cannot pass on what another destroyed
  beforeEach(async () => {
    w = await buildWorld(backend);
  });
  afterEach(() => w.t.dispose());

  const hiddenRecords = () =>
    w.ctx.store.read(async (tx) => {
      const data = await loadSummitData(tx, S);
      const hidden = (r: { request: string }) => r.request in CONFIDENTIAL;
      return {
        busy: data.busy,
        requests: data.requests.filter((r) => r.id in CONFIDENTIAL),
        conditions: data.conditions.filter(hidden),
        meetings: data.meetings.filter(hidden),
      };
    });
  /** The hidden records as the test starts: some of each kind, or the test would prove nothing. */
  const hiddenBefore = async () => {
    const before = await hiddenRecords();
    expect([before.busy.length, before.requests.length, before.meetings.length]).not.toContain(0);
    return before;
  };

  it('keeps what the host cannot see when it imports its own export as a file', async () => {
    const before = await hiddenBefore();
    const text = await exportSummitFile(w.ctx, admin, S, 'yaml');
    await importSummitFile(w.ctx, admin, { text, format: 'yaml' });
    expectKept(before, await hiddenRecords());
  });

  it('keeps what the host cannot see when it imports summit data', async () => {
    const before = await hiddenBefore();
    const data = await w.ctx.store.read((tx) => loadSummitData(tx, S));
    const visible = visibleSummitData(admin, data);
    expect(visible.requests.some((r) => r.id in CONFIDENTIAL)).toBe(false);
    await importSummitData(w.ctx, admin, visible);
    expectKept(before, await hiddenRecords());
  });
});
