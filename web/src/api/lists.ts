// Reads every page of a paged list (`{ items, next }`), for lists a screen needs whole. The path,
// its parameters and the item type come from the generated OpenAPI types.
import { api, problemOrData } from './client';
import type { paths } from './schema';

/** One page of a list. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The largest page the server gives. */
export const MAX_PAGE = 200;

type GetOf<P extends keyof paths> = paths[P] extends { get: infer G } ? G : never;
type Ok<G> = G extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

/** The API paths whose GET answers a page. */
export type PagedPath = {
  [P in keyof paths]: Ok<GetOf<P>> extends { items: unknown[]; next: string | null } ? P : never;
}[keyof paths];

/** The item type of a paged path. */
export type ItemOf<P extends PagedPath> = Ok<GetOf<P>> extends { items: (infer I)[] } ? I : never;

type ParamsOf<P extends PagedPath> = GetOf<P> extends { parameters: infer Q } ? Q : never;
/** The parameters of a paged path, without the paging itself. */
export type ListParams<P extends PagedPath> = {
  [K in keyof ParamsOf<P> as ParamsOf<P>[K] extends undefined | never ? never : K]: K extends 'query'
    ? Omit<NonNullable<ParamsOf<P>[K]>, 'limit' | 'cursor'>
    : ParamsOf<P>[K];
};

/** Follows `next` until the list ends (at most `maxPages` pages, so a runaway list cannot hang a screen). */
export async function readAll<P extends PagedPath>(
  path: P,
  params: ListParams<P>,
  maxPages = 200,
): Promise<ItemOf<P>[]> {
  const out: ItemOf<P>[] = [];
  const given = params as { path?: object; query?: object };
  let cursor: string | null = null;
  for (let n = 0; n < maxPages; n++) {
    const query = { ...given.query, limit: MAX_PAGE, ...(cursor ? { cursor } : {}) };
    // the signature above checks path, parameters and items; openapi-fetch cannot follow a generic path
    const get = api.GET as unknown as (
      p: string,
      init: object,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const page = (await problemOrData(get(path, { params: { ...given, query } }))) as Page<ItemOf<P>>;
    out.push(...page.items);
    cursor = page.next;
    if (!cursor) return out;
  }
  return out;
}
