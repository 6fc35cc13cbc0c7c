// Commands on the host's logistics records (venues, rooms, programme) and the utilisation query.
import { useQuery } from '@tanstack/react-query';
import { idempotencyKey, ifMatch, rawCall } from '../client';
import { readAll } from '../lists';

/** Booked against available minutes of one room on one summit day. */
export interface RoomDay {
  room: string;
  date: string;
  availableMinutes: number;
  bookedMinutes: number;
  ratio: number | null;
}

const base = (s: string) => `/api/summits/${encodeURIComponent(s)}`;

/** Room utilisation per room and day (host only). */
export function useUtilisation(summit: string) {
  return useQuery({
    queryKey: ['summit', summit, 'utilisation'],
    queryFn: () => readAll('/api/summits/{summit}/rooms/utilisation', { path: { summit } }),
  });
}

/** The kinds of logistics record the host edits. */
export type LogisticsKind = 'venues' | 'rooms' | 'programme' | 'delegations' | 'persons';

/** Add, replace and remove one logistics record. */
export const logisticsCommands = {
  add: (summit: string, kind: LogisticsKind, record: object) =>
    rawCall<{ id: string; version: number }>('POST', `${base(summit)}/${kind}`, {
      json: record,
      headers: idempotencyKey(),
    }),
  replace: (summit: string, kind: LogisticsKind, id: string, record: object, version: number) =>
    rawCall<{ id: string; version: number }>('PUT', `${base(summit)}/${kind}/${encodeURIComponent(id)}`, {
      json: record,
      headers: ifMatch(version),
    }),
  remove: (summit: string, kind: LogisticsKind, id: string, version: number) =>
    rawCall<void>('DELETE', `${base(summit)}/${kind}/${encodeURIComponent(id)}`, {
      headers: ifMatch(version),
    }),
};
