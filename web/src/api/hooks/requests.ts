// Queries and commands of requests: the board, one request, conditions, thread, deliberation, lines.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap } from '../client';
import { readAll } from '../lists';
import { FORMATS, LEVELS, REQUEST_STATUSES, type Condition, type MeetingRequest } from '../models';
import type { BodyOf, ResponseOf } from '../types';
import type { paths } from '../schema';

/** The filters of the request board, as the address bar holds them. */
export interface RequestFilters {
  status?: string;
  party?: string;
  counterpart?: string;
  format?: string;
  level?: string;
  priority?: string;
  topic?: string;
}

type SearchQuery = NonNullable<paths['/api/summits/{summit}/requests']['get']['parameters']['query']>;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  v !== undefined && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** The API's search query from the filters in the address bar; values it would refuse are left out. */
export function searchQuery(f: RequestFilters): Omit<SearchQuery, 'limit' | 'cursor'> {
  const priority = f.priority ? Number(f.priority) : NaN;
  return {
    status: oneOf(REQUEST_STATUSES, f.status),
    party: f.party || undefined,
    counterpart: f.counterpart || undefined,
    format: oneOf(FORMATS, f.format),
    level: oneOf(LEVELS, f.level),
    priority: Number.isInteger(priority) && priority >= 1 && priority <= 5 ? priority : undefined,
    topic: f.topic?.trim() || undefined,
  };
}

/** Query keys of requests. */
export const requestKeys = {
  list: (s: string, f: RequestFilters) => ['summit', s, 'requests', f] as const,
  one: (s: string, r: string) => ['summit', s, 'request', r] as const,
  part: (s: string, r: string, part: string) => ['summit', s, 'request', r, part] as const,
};

/** Everything the request page shows, as one read answers it. */
export type RequestPageData = ResponseOf<'/api/summits/{summit}/requests/{request}/page', 'get'>;

/**
 * The request page's one read. The thread, history, deliberation and public-line hooks below
 * select their part of it, so a page that shows them all costs one call.
 */
function pageQuery(summit: string, request: string) {
  return {
    queryKey: requestKeys.part(summit, request, 'page'),
    queryFn: (): Promise<RequestPageData> =>
      unwrap(
        api.GET('/api/summits/{summit}/requests/{request}/page', {
          params: { path: { summit, request } },
        }),
      ),
  };
}

/** The request page: request, thread, history, own deliberation, public lines and their names. */
export function useRequestPage(summit: string, request: string) {
  return useQuery(pageQuery(summit, request));
}

/** The requests the viewer may see, filtered. */
export function useRequests(summit: string, filters: RequestFilters) {
  return useQuery({
    queryKey: requestKeys.list(summit, filters),
    queryFn: () =>
      readAll('/api/summits/{summit}/requests', { path: { summit }, query: searchQuery(filters) }),
    // keep showing the last answer while a new filter loads
    placeholderData: keepPreviousData,
  });
}

/** One request with its conditions, meeting and allowed transitions. */
export function useRequest(summit: string, request: string) {
  return useQuery({
    queryKey: requestKeys.one(summit, request),
    queryFn: () =>
      unwrap(api.GET('/api/summits/{summit}/requests/{request}', { params: { path: { summit, request } } })),
  });
}

/** The parties' thread (empty for a reader who is not a party), from the request page's read. */
export function useThread(summit: string, request: string) {
  return useQuery({ ...pageQuery(summit, request), select: (p) => p.thread ?? [] });
}

/** The request's events the viewer may read, from the request page's read. */
export function useHistory(summit: string, request: string) {
  return useQuery({ ...pageQuery(summit, request), select: (p) => p.history });
}

/** The viewer's own delegation's deliberation (private to it; null for the host), from the page's read. */
export function useDeliberation(summit: string, request: string, enabled: boolean) {
  return useQuery({ ...pageQuery(summit, request), select: (p) => p.deliberation, enabled });
}

/** The public lines the viewer may read (every party's published line, their own draft), from the page's read. */
export function usePublicLines(summit: string, request: string) {
  return useQuery({ ...pageQuery(summit, request), select: (p) => p.publicLines });
}

/** A new request, as the API takes it. */
export type NewRequestBody = BodyOf<'/api/summits/{summit}/requests', 'post'>;
/** A transition, as the API takes it. */
export type TransitionBody = BodyOf<'/api/summits/{summit}/requests/{request}/transitions', 'post'>;
/** A new condition, as the API takes it. */
export type ConditionBody = BodyOf<'/api/summits/{summit}/requests/{request}/conditions', 'post'>;
/** A position, as the API takes it. */
export type PositionBody = BodyOf<'/api/summits/{summit}/requests/{request}/deliberation/positions', 'post'>;
/** A decision, as the API takes it. */
export type DecisionBody = BodyOf<'/api/summits/{summit}/requests/{request}/deliberation/decision', 'put'>;
/** A public line, as the API takes it. */
export type LineBody = BodyOf<'/api/summits/{summit}/requests/{request}/public-lines/{delegation}', 'put'>;

/** Create-or-replace preconditions: If-Match for a record read at `version`, If-None-Match: * for a new one. */
const upsert = (version: number | null) => (version === null ? { 'if-none-match': '*' } : ifMatch(version));

/** The commands of a request, each one API call. */
export const requestCommands = {
  create: (summit: string, body: NewRequestBody) =>
    unwrap(
      api.POST('/api/summits/{summit}/requests', {
        params: { path: { summit } },
        body,
        headers: idempotencyKey(),
      }),
    ),
  transition: (summit: string, r: MeetingRequest, body: TransitionBody) =>
    unwrap(
      api.POST('/api/summits/{summit}/requests/{request}/transitions', {
        params: { path: { summit, request: r.id } },
        body,
        headers: { ...ifMatch(r.version), ...idempotencyKey() },
      }),
    ),
  propose: (summit: string, request: string, body: ConditionBody) =>
    unwrap(
      api.POST('/api/summits/{summit}/requests/{request}/conditions', {
        params: { path: { summit, request } },
        body,
        headers: idempotencyKey(),
      }),
    ),
  answer: (summit: string, c: Condition, answer: 'accept' | 'reject' | 'withdraw') => {
    const init = {
      params: { path: { summit, request: c.request, condition: c.id } },
      headers: { ...ifMatch(c.version), ...idempotencyKey() },
    };
    if (answer === 'accept')
      return unwrap(api.POST('/api/summits/{summit}/requests/{request}/conditions/{condition}/accept', init));
    if (answer === 'reject')
      return unwrap(api.POST('/api/summits/{summit}/requests/{request}/conditions/{condition}/reject', init));
    return unwrap(api.POST('/api/summits/{summit}/requests/{request}/conditions/{condition}/withdraw', init));
  },
  counter: (summit: string, c: Condition, body: ConditionBody) =>
    unwrap(
      api.POST('/api/summits/{summit}/requests/{request}/conditions/{condition}/counter', {
        params: { path: { summit, request: c.request, condition: c.id } },
        body,
        headers: { ...ifMatch(c.version), ...idempotencyKey() },
      }),
    ),
  post: (summit: string, request: string, text: string) =>
    unwrap(
      api.POST('/api/summits/{summit}/requests/{request}/thread', {
        params: { path: { summit, request } },
        body: { text },
        headers: idempotencyKey(),
      }),
    ),
  recordPosition: (summit: string, request: string, body: PositionBody) =>
    unwrap(
      api.POST('/api/summits/{summit}/requests/{request}/deliberation/positions', {
        params: { path: { summit, request } },
        body,
        headers: idempotencyKey(),
      }),
    ),
  decide: (summit: string, request: string, body: DecisionBody, version: number | null) =>
    unwrap(
      api.PUT('/api/summits/{summit}/requests/{request}/deliberation/decision', {
        params: { path: { summit, request } },
        body,
        headers: upsert(version),
      }),
    ),
  setLine: (summit: string, request: string, delegation: string, body: LineBody, version: number | null) =>
    unwrap(
      api.PUT('/api/summits/{summit}/requests/{request}/public-lines/{delegation}', {
        params: { path: { summit, request, delegation } },
        body,
        headers: upsert(version),
      }),
    ),
};
