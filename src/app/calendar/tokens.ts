// Calendar-feed tokens: the secret in a person's subscription URL, shown once, stored hashed, revocable.
import type { Actor } from '../../domain/actor/schema.js';
import type { PersonId, SummitId, UserId } from '../../domain/ids.js';
import { NotFoundError, type CalendarToken } from '../../store/store.js';
import { randomSecret, sha256Hex } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { requireFeedManager } from './access.js';

/** Every feed token starts with this, so a leaked one is recognisable. */
export const FEED_TOKEN_PREFIX = 'slc_';
/** The shape of a feed token; anything else is not looked up. */
export const FEED_TOKEN = /^slc_[A-Za-z0-9_-]{43}$/u;

/** What may be shown of a token after its creation: everything but the secret and its hash. */
export interface CalendarTokenInfo {
  id: string;
  person: PersonId;
  createdBy: UserId;
  createdAt: string;
  revokedAt: string | null;
}

function info(token: CalendarToken): CalendarTokenInfo {
  return {
    id: token.id,
    person: token.person,
    createdBy: token.createdBy,
    createdAt: token.createdAt,
    revokedAt: token.revokedAt,
  };
}

/** Issues a feed token for a person; the secret is returned this once. */
export async function createCalendarToken(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  person: PersonId,
): Promise<CalendarTokenInfo & { token: string }> {
  const token = `${FEED_TOKEN_PREFIX}${randomSecret(32)}`;
  const record: CalendarToken = {
    id: ctx.newId(),
    hash: sha256Hex(token),
    summit,
    person,
    createdBy: actor.user,
    createdAt: ctx.now(),
    revokedAt: null,
  };
  await ctx.store.write(async (tx) => {
    await requireFeedManager(tx, actor, summit, person);
    await tx.calendarTokens.insert(record);
  });
  return { ...info(record), token };
}

/** A person's feed tokens (never their secrets), revoked ones included, oldest first. */
export async function listCalendarTokens(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  person: PersonId,
): Promise<CalendarTokenInfo[]> {
  return ctx.store.read(async (tx) => {
    await requireFeedManager(tx, actor, summit, person);
    return (await tx.calendarTokens.listFor(summit, person)).map(info);
  });
}

/** Revokes a person's feed token: its URL stops working at once. Revoking twice changes nothing. */
export async function revokeCalendarToken(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  person: PersonId,
  id: string,
): Promise<CalendarTokenInfo> {
  return ctx.store.write(async (tx) => {
    await requireFeedManager(tx, actor, summit, person);
    const token = await tx.calendarTokens.get(summit, id);
    if (!token || token.person !== person) throw new NotFoundError('calendar token', id);
    if (token.revokedAt === null) await tx.calendarTokens.revoke(summit, id, ctx.now());
    return info({ ...token, revokedAt: token.revokedAt ?? ctx.now() });
  });
}
