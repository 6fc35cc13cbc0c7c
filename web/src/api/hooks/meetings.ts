// Queries and commands of meetings: the calendar, placing and moving, checks, suggestions, plans.
import { useQuery } from '@tanstack/react-query';
import { idempotencyKey, ifMatch, rawCall } from '../client';
import { readAll, readAllUntyped } from '../lists';
import type { Engagement, Meeting, PlanDiff, Violation } from '../models';

const seg = encodeURIComponent;
const base = (s: string) => `/api/summits/${seg(s)}`;
const meetingOf = (s: string, r: string) => `${base(s)}/requests/${seg(r)}/meeting`;

/** Query keys of the calendar. */
export const meetingKeys = {
  all: (s: string) => ['summit', s, 'meetings'] as const,
  agenda: (s: string, person: string) => ['summit', s, 'agenda', person] as const,
  utilisation: (s: string) => ['summit', s, 'utilisation'] as const,
};

/** Every meeting the viewer may see (others' private ones only as busy, which the agenda shows). */
export function useMeetings(summit: string) {
  return useQuery({
    queryKey: meetingKeys.all(summit),
    queryFn: () => readAllUntyped<Meeting>(`${base(summit)}/meetings`),
  });
}

/** The meetings the viewer may see that overlap [from, to). */
export function useMeetingsBetween(summit: string, from: string, to: string) {
  return useQuery({
    queryKey: [...meetingKeys.all(summit), from, to] as const,
    queryFn: () => readAllUntyped<Meeting>(`${base(summit)}/meetings`, { from, to }),
  });
}

/** One person's engagements as the viewer may see them. */
export function useAgenda(summit: string, person: string | null) {
  return useQuery({
    queryKey: meetingKeys.agenda(summit, person ?? ''),
    queryFn: (): Promise<Engagement[]> =>
      readAll('/api/summits/{summit}/persons/{id}/agenda', { path: { summit, id: person ?? '' } }),
    enabled: Boolean(person),
  });
}

/** What a live check of a slot answers. */
export interface CheckResult {
  ok: boolean;
  violations: Violation[];
}

/** A slot suggestion for a request. */
export interface Suggestion {
  start: string;
  end?: string;
  room: string | null;
  score?: number;
  [extra: string]: unknown;
}

/** A planning job as the server reports it. */
export interface PlanJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'accepted' | 'discarded';
  progress?: { elapsedMs: number; objective: unknown; bound: unknown } | null;
  result?: { plan: unknown; diff: PlanDiff } | null;
  error?: string | null;
  [extra: string]: unknown;
}

/** The commands of the calendar, each one API call. */
export const meetingCommands = {
  /** Places a request (If-None-Match: *) or moves its meeting (If-Match: the meeting's version). */
  place: (
    summit: string,
    request: string,
    slot: { start: string; room: string | null },
    version: number | null,
  ) =>
    rawCall<Meeting>('PUT', meetingOf(summit, request), {
      json: slot,
      headers: version === null ? { 'if-none-match': '*' } : ifMatch(version),
    }),
  unplace: (summit: string, m: Meeting) =>
    rawCall<void>('DELETE', meetingOf(summit, m.request), { headers: ifMatch(m.version) }),
  act: (summit: string, m: Meeting, what: 'pin' | 'unpin' | 'confirm' | 'announce') =>
    rawCall<Meeting>('POST', `${meetingOf(summit, m.request)}/${what}`, {
      headers: { ...ifMatch(m.version), ...idempotencyKey() },
    }),
  check: (summit: string, request: string, slot: { start: string; room: string | null }) =>
    rawCall<CheckResult>('POST', `${meetingOf(summit, request)}/check`, { json: slot }),
  suggestions: (summit: string, request: string, k = 5) =>
    rawCall<Suggestion[] | { items: Suggestion[] }>(
      'GET',
      `${base(summit)}/requests/${seg(request)}/suggestions`,
      { query: { k } },
    ).then(({ data }) => (Array.isArray(data) ? data : data.items)),
  whatIf: (summit: string, request: string, blocker: unknown) =>
    rawCall<unknown>('POST', `${base(summit)}/requests/${seg(request)}/what-if`, {
      json: { blocker },
      headers: idempotencyKey(),
    }),
  startPlan: (summit: string, options: { timeLimitSeconds?: number; seed?: number }) =>
    rawCall<PlanJob>('POST', `${base(summit)}/plans`, { json: options, headers: idempotencyKey() }),
  plan: (summit: string, id: string) => rawCall<PlanJob>('GET', `${base(summit)}/plans/${seg(id)}`),
  acceptPlan: (summit: string, id: string) =>
    rawCall<unknown>('POST', `${base(summit)}/plans/${seg(id)}/accept`, { headers: idempotencyKey() }),
  discardPlan: (summit: string, id: string) => rawCall<unknown>('DELETE', `${base(summit)}/plans/${seg(id)}`),
};
