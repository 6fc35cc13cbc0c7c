// Meetings that already exist when the scheduler runs: some requests are placed up front as
// scheduled (some of them pinned) or confirmed, each at a slot where every rule holds.
import type { SummitBuilder } from './builder.js';
import type { FileRequest } from './file.js';

/**
 * Places up to `existing.scheduled` + `existing.confirmed` of the agreed requests in `made` as
 * existing meetings, and sets their state to `scheduled` or `confirmed`.
 */
export function placeExistingMeetings(
  b: SummitBuilder,
  made: FileRequest[],
  existing: { scheduled: number; confirmed: number; pinnedShare: number },
): void {
  const { rng } = b;
  const candidates = rng.shuffle(made.filter((r) => r.status === 'agreed'));
  let scheduled = 0;
  let confirmed = 0;
  for (const r of candidates) {
    if (scheduled >= existing.scheduled && confirmed >= existing.confirmed) break;
    const asConfirmed = confirmed < existing.confirmed;
    const pinned = !asConfirmed && rng.chance(existing.pinnedShare);
    if (!b.placeExisting(r, pinned)) continue;
    r.status = asConfirmed ? 'confirmed' : 'scheduled';
    if (asConfirmed) confirmed++;
    else scheduled++;
  }
}
