// The demo's summit week on the command line: `sideline show` tells why a meeting was moved and
// which slot is offered instead, and that its confirmation is overdue; `sideline confirmations`
// states the summit's deadline and sweeps it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as sideline } from '../testing.js';

describe('the summit week in the demo, on the command line', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-summit-week-'));
    db = join(dir, 'sideline.db');
    expect((await sideline(['demo', '--db', db])).code).toBe(0);
  }, 600_000); // the demo plays its week through the compiled CLI: slow on a busy machine
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('shows a bumped meeting with its reason and alternative, and its overdue confirmation', async () => {
    const shown = await sideline(['show', 'png-usa', '--db', db]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(
      /bumped: The host moved it \(“The US room is needed for .*”\)\. It was at 10 Nov 14:30–15:00 in ariyana-usa\./,
    );
    expect(shown.stdout).toMatch(
      /alternative: 10 Nov \d\d:\d\d–\d\d:\d\d in \S+ \(its parties may take it\)/,
    );
    expect(shown.stdout).toMatch(/confirmation overdue: png, usa had not confirmed by 9 Nov 18:00/);
    // China learns nothing of it
    const chn = await sideline(['show', 'png-usa', '--as', 'chn', '--db', db]);
    expect(chn.code).toBe(1);
  });

  it('states the deadline and sweeps it', async () => {
    const listed = await sideline(['confirmations', '--db', db]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      /Meetings must be confirmed by 18:00, 1 day before their day \(Asia\/Ho_Chi_Minh\)/,
    );
    const swept = await sideline(['confirmations', '--sweep', '--json', '--db', db]);
    expect(swept.code, swept.stderr).toBe(0);
    // the real clock is long past the demo's week: nothing is due, nothing is flagged twice
    expect(JSON.parse(swept.stdout)).toMatchObject({
      summit: 'apec-2017',
      swept: { flagged: [], released: [] },
      awaiting: [],
    });
  });
});
