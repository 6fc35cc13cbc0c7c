// The host's logistics commands (venues and rooms) and the room utilisation query.
import { useQuery } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap } from '../client';
import { readAll } from '../lists';
import type { BodyOf } from '../types';

/** Booked against available minutes of one room on one summit day. */
export interface RoomDay {
  room: string;
  date: string;
  availableMinutes: number;
  bookedMinutes: number;
  ratio: number | null;
}

/** Room utilisation per room and day (host only). */
export function useUtilisation(summit: string) {
  return useQuery({
    queryKey: ['summit', summit, 'utilisation'],
    queryFn: () => readAll('/api/summits/{summit}/rooms/utilisation', { path: { summit } }),
  });
}

/** A venue as the API takes it. */
export type VenueBody = BodyOf<'/api/summits/{summit}/venues', 'post'>;
/** A room as the API takes it. */
export type RoomBody = BodyOf<'/api/summits/{summit}/rooms', 'post'>;

/** Add, replace and remove venues and rooms. */
export const logisticsCommands = {
  addVenue: (summit: string, venue: VenueBody) =>
    unwrap(
      api.POST('/api/summits/{summit}/venues', {
        params: { path: { summit } },
        body: venue,
        headers: idempotencyKey(),
      }),
    ),
  removeVenue: (summit: string, id: string, version: number) =>
    unwrap(
      api.DELETE('/api/summits/{summit}/venues/{id}', {
        params: { path: { summit, id } },
        headers: ifMatch(version),
      }),
    ),
  addRoom: (summit: string, room: RoomBody) =>
    unwrap(
      api.POST('/api/summits/{summit}/rooms', {
        params: { path: { summit } },
        body: room,
        headers: idempotencyKey(),
      }),
    ),
  replaceRoom: (summit: string, room: RoomBody, version: number) =>
    unwrap(
      api.PUT('/api/summits/{summit}/rooms/{id}', {
        params: { path: { summit, id: room.id } },
        body: room,
        headers: ifMatch(version),
      }),
    ),
  removeRoom: (summit: string, id: string, version: number) =>
    unwrap(
      api.DELETE('/api/summits/{summit}/rooms/{id}', {
        params: { path: { summit, id } },
        headers: ifMatch(version),
      }),
    ),
};
