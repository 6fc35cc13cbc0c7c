// Queries and commands of meetings: the calendar, placing and moving, checks, suggestions, plans.
import { useQuery } from '@tanstack/react-query';
import { api, idempotencyKey, ifMatch, unwrap } from '../client';
import { readAll } from '../lists';
import type { Blocker, Engagement, Meeting, PlanJob, PlanMode } from '../models';
import type { BodyOf } from '../types';

/** Query keys of the calendar. */
export const meetingKeys = {
  all: (s: string) => ['summit', s, 'meetings'] as const,
  agenda: (s: string, person: string) => ['summit', s, 'agenda', person] as const,
};

/** The calendar entries the viewer may see that overlap [from, to), or the whole summit. */
export function useCalendar(summit: string, range?: { from: string; to: string }) {
  return useQuery({
    queryKey: [...meetingKeys.all(summit), range?.from ?? '', range?.to ?? ''] as const,
    queryFn: () => readAll('/api/summits/{summit}/meetings', { path: { summit }, query: { ...range } }),
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

/** A slot as placing, moving and checking take it. */
export type Slot = BodyOf<'/api/summits/{summit}/requests/{request}/meeting', 'put'>;

/** What a live check of a slot answers. */
export interface CheckResult {
  ok: boolean;
  violations: {
    rule: string;
    requests: string[];
    person?: string;
    room?: string;
    message: string;
    /** The headline in names: "Donald J. Trump is already busy then". */
    title: string;
    /** The conflict in names and summit time. */
    detail: string;
  }[];
}

const at = (summit: string, request: string) => ({ params: { path: { summit, request } } });

/** The commands of the calendar, each one API call. */
export const meetingCommands = {
  /** Places a request (If-None-Match: *) or moves its meeting (If-Match: the meeting's version). */
  place: (summit: string, request: string, slot: Slot, version: number | null) =>
    unwrap(
      api.PUT('/api/summits/{summit}/requests/{request}/meeting', {
        ...at(summit, request),
        body: slot,
        headers: version === null ? { 'if-none-match': '*' } : ifMatch(version),
      }),
    ),
  unplace: (summit: string, m: Pick<Meeting, 'request' | 'version'>) =>
    unwrap(
      api.DELETE('/api/summits/{summit}/requests/{request}/meeting', {
        ...at(summit, m.request),
        headers: ifMatch(m.version),
      }),
    ),
  act: (
    summit: string,
    m: Pick<Meeting, 'request' | 'version'>,
    what: 'pin' | 'unpin' | 'confirm' | 'announce',
  ) => {
    const init = { ...at(summit, m.request), headers: { ...ifMatch(m.version), ...idempotencyKey() } };
    switch (what) {
      case 'pin':
        return unwrap(api.POST('/api/summits/{summit}/requests/{request}/meeting/pin', init));
      case 'unpin':
        return unwrap(api.POST('/api/summits/{summit}/requests/{request}/meeting/unpin', init));
      case 'confirm':
        return unwrap(api.POST('/api/summits/{summit}/requests/{request}/meeting/confirm', init));
      case 'announce':
        return unwrap(api.POST('/api/summits/{summit}/requests/{request}/meeting/announce', init));
    }
  },
  check: (summit: string, request: string, slot: Slot): Promise<CheckResult> =>
    unwrap(
      api.POST('/api/summits/{summit}/requests/{request}/meeting/check', {
        ...at(summit, request),
        body: slot,
      }),
    ),
  /** The engine's best free slots; nearest to `near` first when given (where a meeting was dropped). */
  suggestions: async (summit: string, request: string, k = 5, near?: string) =>
    (
      await unwrap(
        api.GET('/api/summits/{summit}/requests/{request}/suggestions', {
          params: { path: { summit, request }, query: { k, ...(near ? { near } : {}) } },
        }),
      )
    ).suggestions,
  whatIf: (summit: string, request: string, blocker: Blocker) =>
    unwrap(
      api.POST('/api/summits/{summit}/requests/{request}/what-if', {
        ...at(summit, request),
        // a blocker from the engine's own explanation, sent back as it came
        body: { blocker } as BodyOf<'/api/summits/{summit}/requests/{request}/what-if', 'post'>,
        headers: idempotencyKey(),
      }),
    ),
  startPlan: (
    summit: string,
    options: { timeLimitSeconds: number; seed?: number; mode?: PlanMode; maxMoves?: number },
  ): Promise<PlanJob> =>
    unwrap(
      api.POST('/api/summits/{summit}/plans', {
        params: { path: { summit } },
        body: options,
        headers: idempotencyKey(),
      }),
    ),
  plan: (summit: string, id: string): Promise<PlanJob> =>
    unwrap(api.GET('/api/summits/{summit}/plans/{id}', { params: { path: { summit, id } } })),
  acceptPlan: (summit: string, job: PlanJob): Promise<PlanJob> =>
    unwrap(
      api.POST('/api/summits/{summit}/plans/{id}/accept', {
        params: { path: { summit, id: job.id } },
        headers: { ...ifMatch(job.version), ...idempotencyKey() },
      }),
    ),
  discardPlan: (summit: string, job: PlanJob): Promise<PlanJob> =>
    unwrap(
      api.DELETE('/api/summits/{summit}/plans/{id}', {
        params: { path: { summit, id: job.id } },
        headers: ifMatch(job.version),
      }),
    ),
};
