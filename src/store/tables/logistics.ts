// Venues, the travel times between them, and rooms.
import type { DelegationId, RoomId, SummitId, VenueId } from '../../domain/ids.js';
import type { Room, Travel, Venue } from '../../domain/summit/schema.js';
import type { Window } from '../../domain/time.js';
import type { Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { json, jsonOrNull, parseJson, parseJsonOrNull } from './columns.js';
import type { RoomRow, TravelRow, VenueRow } from './rows.js';
import { guarded, type TableContext } from './versioned.js';

/** A venues row as a Venue. */
export function rowToVenue(row: VenueRow): Venue {
  return { id: row.id as VenueId, name: row.name, version: row.version };
}

/** A rooms row as a Room. */
export function rowToRoom(row: RoomRow): Room {
  return {
    id: row.id as RoomId,
    venue: row.venue_id as VenueId,
    name: row.name,
    capacity: row.capacity,
    available: parseJsonOrNull<Window[]>(row.available),
    delegation: row.delegation_id as DelegationId | null,
    features: parseJson<string[]>(row.features),
    version: row.version,
  };
}

/** A travel row as a Travel pair. */
export function rowToTravel(row: TravelRow): Travel {
  return { a: row.venue_a as VenueId, b: row.venue_b as VenueId, minutes: row.minutes };
}

/**
 * Puts each pair in stored form (a < b), refusing a venue paired with itself and a pair given twice,
 * so that nothing is written when the list is wrong.
 */
export function normaliseTravel(pairs: Travel[]): Travel[] {
  const seen = new Set<string>();
  return pairs.map((pair, index) => {
    if (pair.a === pair.b) {
      throw new Error(`travel[${index}]: venue "${pair.a}" is paired with itself`);
    }
    const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
    const key = `${a}\u0000${b}`;
    if (seen.has(key)) throw new Error(`travel[${index}]: the pair "${a}"–"${b}" is given more than once`);
    seen.add(key);
    return { a, b, minutes: pair.minutes };
  });
}

/** The venues member of a transaction. */
export function venuesTable(ctx: TableContext): Tx['venues'] {
  return summitCollection<Venue, string, VenueRow>(ctx, {
    table: 'venues',
    entity: 'venue',
    keyOf: (venue) => venue.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: (venue) => ({ id: venue.id, name: venue.name }),
    fromRow: rowToVenue,
    order: ['id'],
  });
}

/** The rooms member of a transaction. */
export function roomsTable(ctx: TableContext): Tx['rooms'] {
  return summitCollection<Room, string, RoomRow>(ctx, {
    table: 'rooms',
    entity: 'room',
    keyOf: (room) => room.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: (room) => ({
      id: room.id,
      venue_id: room.venue,
      name: room.name,
      capacity: room.capacity,
      available: jsonOrNull(room.available),
      delegation_id: room.delegation,
      features: json(room.features),
    }),
    fromRow: rowToRoom,
    order: ['id'],
  });
}

/** The travel member of a transaction. */
export function travelTable(ctx: TableContext): Tx['travel'] {
  return {
    async list(summit: SummitId) {
      const rows = await ctx.db
        .selectFrom('travel')
        .selectAll()
        .where('summit_id', '=', summit)
        .orderBy('venue_a')
        .orderBy('venue_b')
        .execute();
      return rows.map(rowToTravel);
    },
    async replaceAll(summit: SummitId, pairs: Travel[]) {
      const normal = normaliseTravel(pairs);
      await ctx.touch(summit);
      await ctx.db.deleteFrom('travel').where('summit_id', '=', summit).execute();
      for (const pair of normal) {
        const target = { entity: 'travel', key: `${pair.a}–${pair.b}` };
        await guarded(ctx, target, 'write', () =>
          ctx.db
            .insertInto('travel')
            .values({ summit_id: summit, venue_a: pair.a, venue_b: pair.b, minutes: pair.minutes })
            .execute(),
        );
      }
    },
  };
}
