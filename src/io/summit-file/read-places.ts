// The venues, the travel times between them, and the rooms.
import type { DelegationId, RoomId, VenueId } from '../../domain/ids.js';
import type { Room, Travel, Venue } from '../../domain/summit/schema.js';
import { parseFields, parseRecord } from '../resolve/issues.js';
import { checkNoRepeats, checkRef } from '../resolve/refs.js';
import { readWindows } from '../resolve/time.js';
import { eachItem, type FileContext } from './context.js';
import { FileRoom, FileTravel, FileVenue } from './schema.js';

/** Reads the venues section. */
export function readVenues(items: readonly unknown[], ctx: FileContext): Venue[] {
  const out: Venue[] = [];
  eachItem(items, 'venues', ctx, ctx.venues, (raw, at) => {
    const v = parseRecord(FileVenue, raw, at);
    if (v) out.push({ id: v.id as VenueId, name: v.name, version: 1 });
  });
  return out;
}

/** Reads the travelMinutes section: `[venue, venue, minutes]`, each pair once in either order. */
export function readTravel(items: readonly unknown[], ctx: FileContext): Travel[] {
  const out: Travel[] = [];
  const pairs = new Map<string, string>();
  eachItem(items, 'travelMinutes', ctx, null, (raw, at) => {
    const t = parseRecord(FileTravel, raw, at);
    if (!t) return;
    const [a, b, minutes] = t;
    const before = ctx.problems.count;
    checkRef(ctx.venues, a, 'venue', at, [0]);
    checkRef(ctx.venues, b, 'venue', at, [1]);
    if (a === b) at.error([1], `expected a venue other than "${a}" (a venue is 0 minutes from itself)`);
    const key = [a, b].sort().join('\u0000');
    const first = pairs.get(key);
    if (first !== undefined) at.error([], `the pair ${a}, ${b} is already given at ${first}`);
    else pairs.set(key, at.locate([]));
    if (ctx.problems.count === before) out.push({ a: a as VenueId, b: b as VenueId, minutes });
  });
  return out;
}

/** Reads the rooms section (after venues and delegations, which rooms refer to). */
export function readRooms(items: readonly unknown[], ctx: FileContext): Room[] {
  const out: Room[] = [];
  eachItem(items, 'rooms', ctx, ctx.rooms, (raw, at) => {
    const { record: r, fields } = parseFields(FileRoom, raw, at);
    const before = ctx.problems.count;
    if (fields.venue !== undefined) checkRef(ctx.venues, fields.venue, 'venue', at, ['venue']);
    if (fields.delegation !== undefined) {
      checkRef(ctx.delegations, fields.delegation, 'delegation', at, ['delegation']);
    }
    const available =
      fields.available === undefined ? null : readWindows(fields.available, ctx.zone, at, ['available']);
    if (fields.features !== undefined) checkNoRepeats(fields.features, 'feature', at, ['features']);
    if (!r || ctx.problems.count > before) return;
    out.push({
      id: r.id as RoomId,
      venue: r.venue as VenueId,
      name: r.name,
      capacity: r.capacity,
      available,
      delegation: (r.delegation as DelegationId | undefined) ?? null,
      features: [...(r.features ?? [])],
      version: 1,
    });
  });
  return out;
}
