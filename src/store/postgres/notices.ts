// Notices between processes on PostgreSQL: NOTIFY inside the write (delivered only if it commits),
// LISTEN on a connection of its own in every process that wants to hear them.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { NoticeListener } from '../backend.js';
import type { SummitId, UserId } from '../../domain/ids.js';
import type { StoreNotice } from '../store.js';
import type { Tables } from '../tables/rows.js';

/** The channel of each kind of notice. */
export const CHANNELS = {
  event: 'sideline_events',
  'plan-job': 'sideline_jobs',
  account: 'sideline_accounts',
} as const;

/** Queues the notice on its channel; PostgreSQL delivers it when (and only if) the transaction commits. */
export async function publishPostgresNotice(db: Kysely<Tables>, notice: StoreNotice): Promise<void> {
  const { kind, ...payload } = notice;
  await sql`select pg_notify(${CHANNELS[kind]}, ${JSON.stringify(payload)})`.execute(db);
}

/** Reads a notification back into a notice; anything malformed is ignored (notices are hints). */
function noticeOf(message: pg.Notification): StoreNotice | undefined {
  try {
    const body = JSON.parse(message.payload ?? '') as Record<string, unknown>;
    if (message.channel === CHANNELS.account && typeof body.user === 'string') {
      return { kind: 'account', user: body.user as UserId };
    }
    if (typeof body.summit !== 'string') return undefined;
    const summit = body.summit as SummitId;
    if (message.channel === CHANNELS.event && typeof body.seq === 'number') {
      return { kind: 'event', summit, seq: body.seq };
    }
    if (message.channel === CHANNELS['plan-job'] && typeof body.job === 'string') {
      return { kind: 'plan-job', summit, job: body.job };
    }
  } catch {
    // not one of ours
  }
  return undefined;
}

/**
 * Listens on every channel with a dedicated connection (LISTEN does not survive a pooled one),
 * reconnecting after a dropped connection. Notices sent while it was down are lost: listeners
 * must also look at the rows now and then.
 */
export async function listenPostgres(
  url: string,
  onNotice: (notice: StoreNotice) => void,
): Promise<NoticeListener> {
  let stopped = false;
  let client: pg.Client | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      const notice = noticeOf(message);
      if (notice) onNotice(notice);
    });
    next.on('error', () => undefined); // the 'end' handler reconnects
    next.on('end', () => {
      if (client !== next) return; // a failed attempt: the loop in reconnect tries again
      client = undefined;
      if (!stopped) void reconnect();
    });
    try {
      await next.connect();
      for (const channel of Object.values(CHANNELS)) await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
  };

  const reconnect = async (): Promise<void> => {
    for (let attempt = 1; !stopped && !client; attempt++) {
      await sleep(Math.min(5000, 100 * 2 ** attempt));
      if (stopped) return;
      await connect().catch(() => undefined);
    }
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
