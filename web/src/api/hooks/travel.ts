// Travel minutes between venues. The API has no route of its own for them, so they are read from the
// summit file export (JSON), which every participant may read, and kept for a while.
import { useQuery } from '@tanstack/react-query';
import { rawCall } from '../client';

/** Symmetric travel minutes by "a|b" venue pair. */
export type TravelTable = ReadonlyMap<string, number>;

/** Minutes from venue a to venue b: 0 for the same venue or an unknown pair (the file's rule). */
export function travelMinutes(table: TravelTable | undefined, a: string | null, b: string | null): number {
  if (!table || !a || !b || a === b) return 0;
  return table.get(`${a}|${b}`) ?? table.get(`${b}|${a}`) ?? 0;
}

/** Reads the `travelMinutes` section of a summit file. */
export function travelTableOf(file: unknown): TravelTable {
  const table = new Map<string, number>();
  const rows = (file as { travelMinutes?: unknown }).travelMinutes;
  if (!Array.isArray(rows)) return table;
  for (const row of rows) {
    if (
      Array.isArray(row) &&
      typeof row[0] === 'string' &&
      typeof row[1] === 'string' &&
      typeof row[2] === 'number'
    ) {
      table.set(`${row[0]}|${row[1]}`, row[2]);
    }
  }
  return table;
}

/** The summit's travel table. */
export function useTravel(summit: string) {
  return useQuery({
    queryKey: ['summit', summit, 'travel'],
    queryFn: async () => {
      const { data } = await rawCall<unknown>('GET', `/api/summits/${encodeURIComponent(summit)}/export`, {
        query: { format: 'json' },
      });
      return travelTableOf(typeof data === 'string' ? JSON.parse(data) : data);
    },
    staleTime: 10 * 60_000,
  });
}
