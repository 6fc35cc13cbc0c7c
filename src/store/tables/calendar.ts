// The official programme and persons' private busy blocks: what a meeting must not overlap.
import type { BusyId, PersonId, ProgrammeEventId, VenueId } from '../../domain/ids.js';
import type { Busy, ProgrammeEvent } from '../../domain/summit/schema.js';
import type { Instant } from '../../domain/time.js';
import type { Tx } from '../store.js';
import { summitCollection } from './collection.js';
import { flag, json, parseJson } from './columns.js';
import type { BusyRow, ProgrammeEventRow } from './rows.js';
import type { TableContext } from './versioned.js';

/** A programme_events row as a ProgrammeEvent. */
export function rowToProgrammeEvent(row: ProgrammeEventRow): ProgrammeEvent {
  return {
    id: row.id as ProgrammeEventId,
    title: row.title,
    venue: row.venue_id as VenueId | null,
    from: row.starts_at as Instant,
    to: row.ends_at as Instant,
    attendees: parseJson<ProgrammeEvent['attendees']>(row.attendees),
    encounter: row.encounter === 1,
    version: row.version,
  };
}

/** A busy row as a Busy block. */
export function rowToBusy(row: BusyRow): Busy {
  return {
    id: row.id as BusyId,
    person: row.person_id as PersonId,
    from: row.starts_at as Instant,
    to: row.ends_at as Instant,
    venue: row.venue_id as VenueId | null,
    label: row.label,
    version: row.version,
  };
}

/** The programme member of a transaction. */
export function programmeTable(ctx: TableContext): Tx['programme'] {
  return summitCollection<ProgrammeEvent, string, ProgrammeEventRow>(ctx, {
    table: 'programme_events',
    entity: 'programme event',
    keyOf: (event) => event.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: (event) => ({
      id: event.id,
      title: event.title,
      venue_id: event.venue,
      starts_at: event.from,
      ends_at: event.to,
      attendees: json(event.attendees),
      encounter: flag(event.encounter),
    }),
    fromRow: rowToProgrammeEvent,
    order: ['starts_at', 'id'],
  });
}

/** The busy member of a transaction. */
export function busyTable(ctx: TableContext): Tx['busy'] {
  return summitCollection<Busy, string, BusyRow>(ctx, {
    table: 'busy',
    entity: 'busy block',
    keyOf: (busy) => busy.id,
    keyColumns: (id) => ({ id }),
    describe: (id) => id,
    toRow: (busy) => ({
      id: busy.id,
      person_id: busy.person,
      starts_at: busy.from,
      ends_at: busy.to,
      venue_id: busy.venue,
      label: busy.label,
    }),
    fromRow: rowToBusy,
    order: ['starts_at', 'id'],
  });
}
