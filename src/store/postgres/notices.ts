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

/** The channel every write transaction notifies at commit, so each process knows something changed. */
export const CHANGE_CHANNEL = 'sideline_changes';

/** Queues the "something committed" notification of the calling write transaction. */
export async function publishPostgresChange(db: Kysely<Tables>): Promise<void> {
  await sql`select pg_notify(${CHANGE_CHANNEL}, '')`.execute(db);
}

/**
 * Listens on `channels` with a dedicated connection (LISTEN does not survive a pooled one),
 * reconnecting after a dropped connection; `onState` hears when it is listening and when not.
 * Notifications sent while it was down are lost.
 */
export async function listenChannels(
  url: string,
  channels: readonly string[],
  onMessage: (message: pg.Notification) => void,
  onState: (listening: boolean) => void = () => undefined,
): Promise<NoticeListener> {
  let stopped = false;
  let client: pg.Client | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url, keepAlive: true });
    next.on('notification', onMessage);
    next.on('error', () => undefined); // the 'end' handler reconnects
    next.on('end', () => {
      if (client !== next) return; // a failed attempt: the loop in reconnect tries again
      client = undefined;
      onState(false);
      if (!stopped) void reconnect();
    });
    try {
      await next.connect();
      for (const channel of channels) await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    onState(true);
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
      onState(false);
      await current?.end().catch(() => undefined);
    },
  };
}

/**
 * Hears every process's notices on a connection of its own. Notices sent while it was down are
 * lost: listeners must also look at the rows now and then.
 */
export function listenPostgres(
  url: string,
  onNotice: (notice: StoreNotice) => void,
): Promise<NoticeListener> {
  return listenChannels(url, Object.values(CHANNELS), (message) => {
    const notice = noticeOf(message);
    if (notice) onNotice(notice);
  });
}

/** A change mark kept fresh by notifications (see Store.changeMark); undefined while not listening. */
export interface ChangeMark {
  mark(): number | undefined;
  /** This process committed a write: move the mark at once, before its notification comes back. */
  bump(): void;
  stop(): Promise<void>;
}

/**
 * Watches CHANGE_CHANNEL: every notification moves the mark. While the connection is down the
 * mark is undefined (every cache reads again), and it moves on reconnecting, since commits made
 * meanwhile were not heard. A commit in another process is seen once its notification arrives
 * (milliseconds); this process's own commits (from the connections in `own`) move it at once.
 */
export async function watchPostgresChanges(
  url: string,
  own: ReadonlySet<number> = new Set(),
): Promise<ChangeMark> {
  let counter = 0;
  let listening = false;
  const listener = await listenChannels(
    url,
    [CHANGE_CHANNEL],
    (message) => {
      // this process's own commits moved the mark already (bump)
      if (!own.has(message.processId)) counter++;
    },
    (up) => {
      counter++;
      listening = up;
    },
  );
  return {
    mark: () => (listening ? counter : undefined),
    bump: () => {
      counter++;
    },
    stop: () => listener.stop(),
  };
}
