// Live event streams: every committed event, in log order, to each reader allowed to see it.
// One channel per summit reads the log once per change and hands each event to its streams;
// a stream resuming after seq n first replays the log from there, then joins the channel.
import type { Actor } from '../../domain/actor/schema.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { NotFoundError, type StoreNotice } from '../../store/store.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { eventSeenBy, LOG_PAGE, readLogPage, type LogPage } from './seen.js';

/** One reader's stream. */
export interface LiveStream {
  /** The seq it resumes after: events up to here are not sent. */
  readonly after: number;
  /**
   * Begins sending: first what the log holds after `after`, then each new event as it commits.
   * `caughtUp` is called once the replay is done and the stream is live.
   */
  start(send: (event: DomainEvent) => void, caughtUp?: () => void): void;
  /** Stops it; safe to call twice. */
  close(): void;
}

interface Reader {
  actor: Actor;
  /** The last seq this reader has been given or passed over. */
  cursor: number;
  live: boolean;
  send(event: DomainEvent): void;
  caughtUp?: () => void;
}

interface Channel {
  /** The highest seq read from the log for this summit's live readers. */
  cursor: number;
  readers: Set<Reader>;
  pumping: boolean;
  again: boolean;
}

/** The live streams of one process; `start` it, `open` a stream per reader, `close` at shutdown. */
export class LiveEvents {
  private readonly channels = new Map<SummitId, Channel>();
  private unsubscribe: (() => Promise<void>) | undefined;
  private poll: NodeJS.Timeout | undefined;

  private constructor(private readonly ctx: AppContext) {}

  /**
   * Listens to the store's notices (this process's writes and, on PostgreSQL, every process's),
   * and looks at the log every `pollMs` too, for notices a dropped connection or another process
   * on SQLite could not send.
   */
  static async start(ctx: AppContext, options: { pollMs?: number } = {}): Promise<LiveEvents> {
    const live = new LiveEvents(ctx);
    live.unsubscribe = await ctx.store.subscribe((notice) => live.onNotice(notice));
    live.poll = setInterval(() => {
      for (const summit of live.channels.keys()) live.pump(summit);
    }, options.pollMs ?? 5000);
    live.poll.unref();
    return live;
  }

  /** Streams this process is serving, per summit (for tests and health). */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.channels].map(([summit, c]) => [summit, c.readers.size]));
  }

  /**
   * Opens a stream of the summit's events `actor` may read, after seq `after` (from now when
   * undefined). "Not found" when the actor takes no part in the summit or there is none.
   */
  async open(actor: Actor, summit: SummitId, after?: number): Promise<LiveStream> {
    requireParticipant(actor, summit);
    const last = await this.ctx.store.read(async (tx) => {
      if (!(await tx.summits.get(summit))) throw new NotFoundError('summit', summit);
      return tx.events.lastSeq(summit);
    });
    const from = after === undefined ? last : Math.min(after, last);
    let reader: Reader | undefined;
    return {
      after: from,
      start: (send, caughtUp) => {
        if (reader) return;
        reader = { actor, cursor: from, live: false, send, ...(caughtUp ? { caughtUp } : {}) };
        void this.join(summit, reader, last);
      },
      close: () => {
        if (reader) this.leave(summit, reader);
      },
    };
  }

  /** Stops listening and forgets every stream. */
  async close(): Promise<void> {
    clearInterval(this.poll);
    this.channels.clear();
    await this.unsubscribe?.();
  }

  private onNotice(notice: StoreNotice): void {
    if (notice.kind === 'event' && this.channels.has(notice.summit)) this.pump(notice.summit);
  }

  private channelOf(summit: SummitId, cursor: number): Channel {
    let channel = this.channels.get(summit);
    if (!channel) {
      channel = { cursor, readers: new Set(), pumping: false, again: false };
      this.channels.set(summit, channel);
    }
    return channel;
  }

  /**
   * Replays the log to a new reader until it has caught up with the channel and with `upTo` (the
   * log's end when it opened), then makes it live.
   */
  private async join(summit: SummitId, reader: Reader, upTo: number): Promise<void> {
    const channel = this.channelOf(summit, upTo);
    channel.readers.add(reader);
    try {
      while (channel.readers.has(reader) && reader.cursor < Math.max(channel.cursor, upTo)) {
        const page = await this.read(summit, reader.cursor);
        if (page.events.length === 0) break;
        for (const event of page.events) this.give(reader, event, page.drafts);
      }
    } catch {
      this.leave(summit, reader); // the stream cannot be served: end it, the client resumes
      return;
    }
    // from here the channel's pumps bring this reader everything after its cursor
    reader.live = true;
    reader.caughtUp?.();
    this.pump(summit);
  }

  private leave(summit: SummitId, reader: Reader): void {
    const channel = this.channels.get(summit);
    if (!channel) return;
    channel.readers.delete(reader);
    if (channel.readers.size === 0) this.channels.delete(summit);
  }

  private read(summit: SummitId, after: number): Promise<LogPage> {
    return this.ctx.store.read((tx) => readLogPage(tx, summit, after));
  }

  /** Hands one event to a reader when it is new to it and theirs to see. */
  private give(reader: Reader, event: DomainEvent, drafts: LogPage['drafts']): void {
    if (event.seq <= reader.cursor) return;
    reader.cursor = event.seq;
    if (!eventSeenBy(reader.actor, event, drafts)) return;
    try {
      reader.send(event);
    } catch {
      // a reader whose connection failed is closed by its own transport
    }
  }

  /** Reads what the summit's log holds past the channel's cursor and hands it to every live reader. */
  private pump(summit: SummitId): void {
    const channel = this.channels.get(summit);
    if (!channel) return;
    if (channel.pumping) {
      channel.again = true;
      return;
    }
    channel.pumping = true;
    void (async () => {
      try {
        do {
          channel.again = false;
          for (;;) {
            const page = await this.read(summit, channel.cursor);
            for (const event of page.events) {
              channel.cursor = Math.max(channel.cursor, event.seq);
              for (const reader of channel.readers) if (reader.live) this.give(reader, event, page.drafts);
            }
            if (page.events.length < LOG_PAGE) break;
          }
        } while (channel.again && this.channels.get(summit) === channel);
      } catch {
        // the next notice or poll tries again
      } finally {
        channel.pumping = false;
      }
    })();
  }
}
