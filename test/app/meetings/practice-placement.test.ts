// Placing a meeting by hand, and the live check behind dragging one on the grid, judge summit
// practice (room turnover, room features, quotas, interpreters) like every other hard rule: each
// rule's minimal fixture, placed meeting by meeting, is refused at the meeting that breaks it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import { checkPlacement } from '../../../src/app/meetings/check.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { ConflictError } from '../../../src/app/errors.js';
import type { SummitId } from '../../../src/domain/ids.js';
import { parseSummitTime } from '../../../src/domain/time.js';
import { BACKENDS, host, openTestStore, SYSTEM, testContext, type TestStore } from '../../support/app.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const FIXTURES = new URL('../../engine/check/fixtures/practice/', import.meta.url);

/** Each fixture, the rule its last meeting breaks, and words the refusal must say. */
const CASES = [
  { fixture: 'room-turnover', rule: 'room-turnover', says: /ariyana-b1/u },
  { fixture: 'room-features', rule: 'room-features', says: /press/u },
  { fixture: 'quota', rule: 'quota', says: /usa has 2 meetings on 10 Nov \(limit 1\)/u },
  { fixture: 'interpreters', rule: 'interpreters', says: /rus's 1 interpreters/u },
] as const;

interface ResultFile {
  summit: string;
  meetings: { request: string; start: string; room: string | null }[];
}

describe.each(BACKENDS)('manual placement with summit practice on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
  });
  afterAll(() => t.dispose());

  it.each(CASES)('refuses the meeting that breaks $rule, in the live check and in the write', async (c) => {
    const text = await readFile(new URL(`${c.fixture}.summit.yaml`, FIXTURES), 'utf8');
    const result = JSON.parse(
      await readFile(new URL(`${c.fixture}.result.json`, FIXTURES), 'utf8'),
    ) as ResultFile;
    await importSummitFile(ctx, SYSTEM, { text, format: 'yaml' });
    const S = result.summit as SummitId;
    const staff = host(S, 'host-staff');
    const slots = result.meetings.map((m) => ({
      request: m.request,
      slot: { start: parseSummitTime(m.start, ZONE), room: m.room },
    }));
    const last = slots.pop()!;
    for (const { request, slot } of slots) {
      expect(await checkPlacement(ctx, staff, S, request, slot)).toEqual({ ok: true, violations: [] });
      await placeMeeting(ctx, staff, S, request, slot);
    }
    const check = await checkPlacement(ctx, staff, S, last.request, last.slot);
    expect(check.ok).toBe(false);
    expect(check.violations.map((v) => v.rule)).toEqual([c.rule]);
    expect(check.violations[0]!.message).toMatch(c.says);
    const refused = await placeMeeting(ctx, staff, S, last.request, last.slot).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).message).toMatch(c.says);
  });
});
