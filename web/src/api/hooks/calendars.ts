// Calendar subscriptions: a secret feed URL per person, shown once, listed (never the URL) and revocable.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { ResponseOf } from '../types';

/** What issuing a feed answers: its record and the URL, whose token is the credential (shown once). */
export type NewCalendarToken = ResponseOf<'/api/summits/{summit}/persons/{person}/calendar-tokens', 'post'>;

/** The person's feeds, revoked ones included. */
export function useCalendarTokens(summit: string, person: string) {
  return useQuery({
    queryKey: ['summit', summit, 'calendar-tokens', person],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/summits/{summit}/persons/{person}/calendar-tokens', {
            params: { path: { summit, person } },
          }),
        )
      ).items,
  });
}

/** Issues and revokes feeds. */
export const calendarCommands = {
  // no Idempotency-Key: the route answers a secret and so never replays
  create: (summit: string, person: string) =>
    unwrap(
      api.POST('/api/summits/{summit}/persons/{person}/calendar-tokens', {
        params: { path: { summit, person } },
      }),
    ),
  revoke: (summit: string, person: string, id: string) =>
    unwrap(
      api.DELETE('/api/summits/{summit}/persons/{person}/calendar-tokens/{id}', {
        params: { path: { summit, person, id } },
      }),
    ),
};
