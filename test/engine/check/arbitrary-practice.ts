// Adds summit practice (summit-file.md, version 2) to generated summits: room turnover, features on
// some rooms and needs on some requests, quotas, and languages with a few interpreters, so that every
// property of the engine can be judged with rules 5–8 switched on.
import fc from 'fast-check';
import type { SummitData } from '../../../src/domain/summit/data.js';
import type { Quota } from '../../../src/domain/summit/practice.js';

const FEATURES = ['flags', 'press'];
const LANGUAGES = ['en', 'ru', 'zh'];

/** `data` with random practice rules; each rule is off in some runs. */
export function withPractice(data: SummitData): fc.Arbitrary<SummitData> {
  const grain = data.summit.grainMinutes;
  const ds = data.delegations.map((d) => d.id as string);
  const quota: fc.Arbitrary<Quota> = fc
    .record({
      delegation: fc.constantFrom('*', ...ds),
      per: fc.constantFrom('day' as const, 'summit' as const),
      meetings: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      minutes: fc.option(
        fc.integer({ min: 0, max: 6 }).map((n) => n * grain),
        { nil: null },
      ),
      as: fc.constantFrom('party' as const, 'requester' as const),
    })
    .map((q) => ({ ...q, delegation: q.delegation as Quota['delegation'] }))
    .filter((q) => q.meetings !== null || q.minutes !== null);
  return fc
    .record({
      turnover: fc.constantFrom(0, 0, grain, 10, 2 * grain),
      roomFeatures: fc.array(fc.subarray(FEATURES), {
        minLength: data.rooms.length,
        maxLength: data.rooms.length,
      }),
      needs: fc.array(
        fc.oneof(
          { arbitrary: fc.constant([] as string[]), weight: 3 },
          { arbitrary: fc.subarray(FEATURES, { minLength: 1 }), weight: 1 },
        ),
        {
          minLength: data.requests.length,
          maxLength: data.requests.length,
        },
      ),
      quotas: fc.array(quota, { maxLength: 2 }),
      languages: fc.array(fc.option(fc.subarray(LANGUAGES, { minLength: 1 }), { nil: null }), {
        minLength: ds.length,
        maxLength: ds.length,
      }),
      interpreters: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), {
        minLength: ds.length,
        maxLength: ds.length,
      }),
    })
    .map((p) => ({
      ...data,
      summit: { ...data.summit, roomTurnoverMinutes: p.turnover, quotas: p.quotas },
      rooms: data.rooms.map((r, i) => ({ ...r, features: p.roomFeatures[i] ?? [] })),
      requests: data.requests.map((r, i) => ({
        ...r,
        needs: r.format === 'pull-aside' ? [] : (p.needs[i] ?? []),
      })),
      delegations: data.delegations.map((d, i) => ({
        ...d,
        languages: p.languages[i] ?? null,
        interpreters: p.interpreters[i] ?? null,
      })),
    }));
}
