// Queries for a summit and its logistics: venues, rooms, delegations, persons, programme.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import { readAll } from '../lists';

/** Query keys of one summit's records, so live updates can invalidate them by prefix. */
export const summitKeys = {
  all: ['summits'] as const,
  one: (s: string) => ['summit', s] as const,
  list: (s: string, what: string) => ['summit', s, what] as const,
};

/** The summits the user may see. */
export function useSummits() {
  return useQuery({
    queryKey: summitKeys.all,
    queryFn: () => readAll('/api/summits', {}),
  });
}

/** One summit. */
export function useSummit(summit: string) {
  return useQuery({
    queryKey: summitKeys.one(summit),
    queryFn: () => unwrap(api.GET('/api/summits/{summit}', { params: { path: { summit } } })),
    staleTime: 5 * 60_000,
  });
}

const listOptions = (summit: string, what: string) => ({
  queryKey: summitKeys.list(summit, what),
  staleTime: 60_000,
});

/** The summit's venues. */
export const useVenues = (summit: string) =>
  useQuery({
    ...listOptions(summit, 'venues'),
    queryFn: () => readAll('/api/summits/{summit}/venues', { path: { summit } }),
  });
/** The summit's rooms. */
export const useRooms = (summit: string) =>
  useQuery({
    ...listOptions(summit, 'rooms'),
    queryFn: () => readAll('/api/summits/{summit}/rooms', { path: { summit } }),
  });
/** The summit's delegations. */
export const useDelegations = (summit: string) =>
  useQuery({
    ...listOptions(summit, 'delegations'),
    queryFn: () => readAll('/api/summits/{summit}/delegations', { path: { summit } }),
  });
/** The summit's persons (as the viewer may see them). */
export const usePersons = (summit: string) =>
  useQuery({
    ...listOptions(summit, 'persons'),
    queryFn: () => readAll('/api/summits/{summit}/persons', { path: { summit } }),
  });
/** The official programme. */
export const useProgramme = (summit: string) =>
  useQuery({
    ...listOptions(summit, 'programme'),
    queryFn: () => readAll('/api/summits/{summit}/programme', { path: { summit } }),
  });

/** Lookup tables by id, built once per list. */
export function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((x) => [x.id, x]));
}
