// Keyset pagination: `?limit=&cursor=` in, `{ items, next }` out, never more than MAX_PAGE items.
import { z } from 'zod';
import { HttpProblem } from './problem.js';

/** The hard ceiling on a page, whatever the client asks. */
export const MAX_PAGE = 200;
/** The page size when the client does not say. */
export const DEFAULT_PAGE = 50;

/** Query parameters of every paginated list; merge into a route's querystring schema. */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE)
    .default(DEFAULT_PAGE)
    .describe(`Items per page, 1 to ${MAX_PAGE}`),
  cursor: z.string().max(512).optional().describe('The `next` value of the previous page'),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The envelope of a page of `item`: the items and the cursor of the next page (null on the last). */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    next: z.string().nullable().describe('Pass as `cursor` for the next page; null when this is the last'),
  });
}
/** A page of items, as sent. */
export interface PageOf<T> {
  items: T[];
  next: string | null;
}

/** Encodes a position (the sort key of the last item sent) as an opaque cursor. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor; a tampered or foreign one is 400 `invalid-cursor`. */
export function decodeCursor(cursor: string): (string | number)[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return value as (string | number)[];
    }
  } catch {
    // fall through to the refusal
  }
  throw new HttpProblem(
    400,
    'invalid-cursor',
    'cursor is not one this server issued; start from the first page',
    {
      errors: [{ path: 'querystring.cursor', message: 'not a cursor from a previous page' }],
    },
  );
}

function compare(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Pages an in-memory list by a unique, stable sort key (e.g. `[createdAt, id]`): sorts by it, keeps
 * the items after the cursor, and returns at most `limit` of them with the next cursor. Lists that
 * come from the store page-wise should use encodeCursor/decodeCursor directly instead.
 */
export function paginate<T>(
  all: readonly T[],
  query: PageQuery,
  keyOf: (item: T) => readonly (string | number)[],
): PageOf<T> {
  const limit = Math.min(query.limit, MAX_PAGE);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const sorted = [...all].sort((a, b) => compare(keyOf(a), keyOf(b)));
  const rest = after ? sorted.filter((item) => compare(keyOf(item), after) > 0) : sorted;
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rest.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
