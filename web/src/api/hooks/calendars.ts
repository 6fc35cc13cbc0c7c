// Calendar subscriptions: a secret feed URL per person, shown once, revocable.
import { idempotencyKey, rawCall } from '../client';

/** What creating a subscription answers: the feed URL (the credential) and, when given, its id. */
export interface CalendarToken {
  url: string;
  id?: string;
  [extra: string]: unknown;
}

const base = (s: string, p: string) =>
  `/api/summits/${encodeURIComponent(s)}/persons/${encodeURIComponent(p)}/calendar-tokens`;

/** Creates and revokes feed tokens. */
export const calendarCommands = {
  create: (summit: string, person: string) =>
    rawCall<CalendarToken>('POST', base(summit, person), { json: {}, headers: idempotencyKey() }),
  revoke: (summit: string, person: string, id: string) =>
    rawCall<void>('DELETE', `${base(summit, person)}/${encodeURIComponent(id)}`),
};
