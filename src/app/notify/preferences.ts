// Each user's choice of what to hear and how: per kind of notice, in the app or not, and by email
// at once, in an hourly digest, in a daily digest at a chosen local time, or not at all.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import { LocalTimeOfDay, TimeZone } from '../../domain/time.js';
import { StaleVersionError, type NotificationKind, type Tx } from '../../store/store.js';
import type { AppContext } from '../context.js';
import { parseInput } from '../validate.js';

/** How a kind of notice goes by email. */
export const EmailMode = z.enum(['immediate', 'hourly', 'daily', 'off']);
export type EmailMode = z.infer<typeof EmailMode>;

/** One kind's channels. */
export const KindPreference = z.strictObject({ inApp: z.boolean(), email: EmailMode });
export type KindPreference = z.infer<typeof KindPreference>;

/** A user's notification preferences, as stored and as the API takes them. */
export const Preferences = z.strictObject({
  kinds: z.strictObject({
    requests: KindPreference,
    conditions: KindPreference,
    schedule: KindPreference,
    deliberation: KindPreference,
    webhooks: KindPreference,
  }),
  /** When the daily digest goes, in `timeZone` (or the summit's zone when null). */
  dailyAt: LocalTimeOfDay,
  timeZone: TimeZone.nullable(),
});
export type Preferences = z.infer<typeof Preferences>;

/** What a user hears before choosing: everything in the app and at once by email, their delegation's deliberation in a daily digest. */
export const DEFAULT_PREFERENCES: Preferences = {
  kinds: {
    requests: { inApp: true, email: 'immediate' },
    conditions: { inApp: true, email: 'immediate' },
    schedule: { inApp: true, email: 'immediate' },
    deliberation: { inApp: true, email: 'daily' },
    webhooks: { inApp: true, email: 'immediate' },
  },
  dailyAt: '07:00',
  timeZone: null,
};

/** Stored preferences with their version (0: never set, the defaults). */
export interface StoredPreferences {
  preferences: Preferences;
  version: number;
}

/** The user's preferences inside a transaction; stored ones that no longer parse fall back to the defaults. */
export async function preferencesOf(tx: Tx, user: Actor['user']): Promise<StoredPreferences> {
  const stored = await tx.notifications.preferences(user);
  if (!stored) return { preferences: DEFAULT_PREFERENCES, version: 0 };
  const parsed = Preferences.safeParse(stored.settings);
  return { preferences: parsed.success ? parsed.data : DEFAULT_PREFERENCES, version: stored.version };
}

/** The signed-in user's preferences. */
export function readPreferences(ctx: AppContext, actor: Actor): Promise<StoredPreferences> {
  return ctx.store.read((tx) => preferencesOf(tx, actor.user));
}

/**
 * Replaces the signed-in user's preferences. `expectedVersion` is the version read (If-Match; 0
 * when never set); another write in between is a StaleVersionError.
 */
export function writePreferences(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
  expectedVersion?: number,
): Promise<StoredPreferences> {
  const preferences = parseInput(Preferences, input);
  return ctx.store.write(async (tx) => {
    const current = await preferencesOf(tx, actor.user);
    const expected = expectedVersion ?? current.version;
    if (expected !== current.version)
      throw new StaleVersionError('notification preferences of user', actor.user, expected, current.version);
    const version = await tx.notifications.setPreferences(
      actor.user,
      preferences,
      expected === 0 ? null : expected,
    );
    return { preferences, version };
  });
}

/**
 * When an email of `kind` goes for these preferences, written at `now` in a summit of `zone`: now,
 * at the next full hour, at the next daily time, or never (null).
 */
export function emailDue(
  preferences: Preferences,
  kind: NotificationKind,
  now: string,
  zone: string,
): { at: string; digest: 'hourly' | 'daily' | null } | null {
  const mode = preferences.kinds[kind].email;
  if (mode === 'off') return null;
  if (mode === 'immediate') return { at: now, digest: null };
  const t = DateTime.fromISO(now, { zone: preferences.timeZone ?? zone });
  if (mode === 'hourly') {
    const next = t.startOf('hour').plus({ hours: 1 });
    return { at: next.toUTC().toISO()!, digest: 'hourly' };
  }
  const [h, m] = preferences.dailyAt.split(':').map(Number) as [number, number];
  let next = t.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (next <= t) next = next.plus({ days: 1 });
  return { at: next.toUTC().toISO()!, digest: 'daily' };
}
