// Encounter windows between two delegations' principals.
import { useQueries, useQuery } from '@tanstack/react-query';
import { readAll } from '../lists';
import type { Encounter } from '../models';

const key = (s: string, a: string, b: string) => ['summit', s, 'encounters', a, b] as const;
const read = (summit: string, a: string, b: string): Promise<Encounter[]> =>
  readAll('/api/summits/{summit}/encounters', { path: { summit }, query: { a, b } });

/** Where a's and b's principals are both at an encounter event. */
export function useEncounters(summit: string, a: string, b: string) {
  return useQuery({
    queryKey: key(summit, a, b),
    queryFn: () => read(summit, a, b),
    enabled: Boolean(a && b && a !== b),
  });
}

/** Whether `own`'s principal shares an encounter with any of `others`' (undefined while loading). */
export function useAnyEncounter(
  summit: string,
  own: string | null,
  others: readonly string[],
): boolean | undefined {
  const results = useQueries({
    queries: others
      .filter((o) => own && o !== own)
      .map((o) => ({ queryKey: key(summit, own ?? '', o), queryFn: () => read(summit, own ?? '', o) })),
  });
  if (results.some((r) => r.isPending)) return undefined;
  return results.some((r) => (r.data ?? []).length > 0);
}
