// The one storage interface. Nothing above src/store knows whether it talks to SQLite or PostgreSQL.
import type { DelegationId, PersonId, SummitId, UserId } from '../domain/ids.js';
import type {
  Busy,
  Delegation,
  Person,
  ProgrammeEvent,
  Room,
  Summit,
  Travel,
  Venue,
} from '../domain/summit/schema.js';
import type { Condition, Request, ThreadMessage } from '../domain/request/schema.js';
import type { Meeting } from '../domain/meeting/schema.js';
import type { MeetingNotice, NoticeKind } from '../domain/meeting/notice.js';
import type { Decision, Position, PublicLine } from '../domain/deliberation/schema.js';
import type { DomainEvent } from '../domain/event/schema.js';
import type { RoleGrant } from '../domain/actor/schema.js';
import type { StoreCondition } from './faults.js';

/** A write whose expected version is not the stored one; nothing was changed. */
export class StaleVersionError extends Error {
  constructor(
    readonly entity: string,
    readonly key: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${entity} ${key} is at version ${actual}, not ${expected}: reload and try again`);
    this.name = 'StaleVersionError';
  }
}

/** A record that does not exist (or not in this summit). */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`no ${entity} "${key}"`);
    this.name = 'NotFoundError';
  }
}

/** An insert whose key is taken. */
export class DuplicateError extends Error {
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} "${key}" already exists`);
    this.name = 'DuplicateError';
  }
}

/**
 * A versioned collection inside one summit. `insert` stores version 1 whatever the record says;
 * `update` and `remove` take the version the caller read and fail with StaleVersionError
 * (changing nothing) when it is not the stored one; `update` returns the record at version + 1.
 */
export interface Collection<T, K> {
  get(summit: SummitId, key: K): Promise<T | undefined>;
  list(summit: SummitId): Promise<T[]>;
  insert(summit: SummitId, record: T): Promise<T>;
  update(summit: SummitId, record: T): Promise<T>;
  remove(summit: SummitId, key: K, expectedVersion: number): Promise<void>;
}

/** Append-only, unversioned records. */
export interface AppendOnly<T> {
  append(summit: SummitId, record: T): Promise<T>;
}

export interface RequestKey {
  request: string;
}
export interface RequestDelegationKey {
  request: string;
  delegation: string;
}

/** What a reader of the event log may filter on; scope filtering is the application's job. */
export interface EventQuery {
  /** Events with seq greater than this. */
  afterSeq?: number;
  /** Events at or after this instant. */
  since?: string;
  limit?: number;
}

export interface User {
  id: UserId;
  email: string;
  name: string;
  disabled: boolean;
  version: number;
}

/** A login session; only a hash of the cookie value is stored. */
export interface Session {
  idHash: string;
  user: UserId;
  createdAt: string;
  lastSeenAt: string;
  /** Absolute expiry, whatever the activity. */
  expiresAt: string;
}

/** A personal API token; only its hash is stored. */
export interface ApiToken {
  id: string;
  hash: string;
  user: UserId;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A remembered answer to a POST with an Idempotency-Key, or the claim of one whose request runs (status 0). */
export interface IdempotentResponse {
  key: string;
  user: UserId;
  /** Hash of method, path and body, so a reused key with another body is refused. */
  fingerprint: string;
  /** The answer's status; 0 while the key is claimed and its request runs. */
  status: number;
  body: string;
  /** The answer's headers worth replaying (etag, location, content-type); none when absent. */
  headers?: Record<string, string>;
  /** Who holds the claim while status is 0 (a random token per request); null (or absent) once answered. */
  claim?: string | null;
  /** When the answer was stored, or the claim made. */
  createdAt: string;
}

/** Requests to count against one key in one window (see Tx.rateCounters). */
export interface RateHits {
  key: string;
  /** The window's start, epoch milliseconds. */
  windowStart: number;
  hits: number;
}

/** A database connection pool's state, for metrics. */
export interface PoolStats {
  /** Connections open. */
  total: number;
  /** Of those, not in use. */
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

/** Another row holds what this one needs exclusively (e.g. a room at an overlapping time); nothing was saved. */
export class OverlapError extends DuplicateError {
  constructor(entity: string, key: string, detail: string) {
    super(entity, key);
    this.message = `${entity} ${key}: ${detail}; nothing was saved`;
    this.name = 'OverlapError';
  }
}

/** Failed sign-ins of one account from one address since the pair was last quiet. */
export interface LoginFailure {
  account: string;
  address: string;
  failures: number;
  lastFailedAt: string;
}

/** A person's calendar-feed token; only its hash is stored, the token itself is the feed's credential. */
export interface CalendarToken {
  id: string;
  hash: string;
  summit: SummitId;
  person: PersonId;
  createdBy: UserId;
  createdAt: string;
  revokedAt: string | null;
}

/** Where a planning job is: waiting, being solved, solved (or not), and what became of its plan. */
export type PlanJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'accepted' | 'discarded';

/** How far a running job got: its best objective so far and the proven bound. */
export interface PlanJobProgress {
  elapsedMs: number;
  objective: { weight: number; preferred: number; moved: number } | null;
  bound: number | null;
}

/** Whose view a planning job is made in: its starter's grants in the summit, or the system's. */
export interface PlanJobPlanner {
  system: boolean;
  grants: RoleGrant[];
}

/**
 * What a planning job was asked for beyond time and seed (each null: the default): keep the
 * schedule (move few meetings) or re-optimise, and the move policy (summit-file.md rules 9 and 10).
 */
export interface PlanJobSettings {
  mode: 'keep-schedule' | 're-optimise' | null;
  /** At most this many moves of meetings that still fit, or `all`. */
  maxMoves: number | 'all' | null;
  now: string | null;
  freezeHours: number | null;
}

/**
 * One planning run of a summit. The store keeps the plan as an opaque JSON document; the
 * application knows its shape. A job is claimed by one runner (`worker`), which reports progress
 * and the result; status changes bump the version, progress reports do not.
 */
export interface PlanJob {
  id: string;
  summit: SummitId;
  status: PlanJobStatus;
  requestedBy: UserId;
  seed: number;
  timeLimitMs: number;
  /** Null for a job stored before jobs had settings: planned as re-optimise without a policy. */
  settings: PlanJobSettings | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: PlanJobProgress | null;
  /** The plan: once done, or while running as soon as the runner has an answer (see `answer`). */
  result: unknown;
  error: string | null;
  /** The runner holding the job while it runs. */
  worker: string | null;
  /** When that runner last said it is alive. */
  heartbeatAt: string | null;
  /** The view the plan is made in; null for a job stored before jobs kept it (a host planner's). */
  planner: PlanJobPlanner | null;
  version: number;
  /** Times a runner claimed the job (a runner that gave it back on shutdown does not count). */
  attempts?: number;
  /** The runner it was taken from when that one went silent (the last takeover), if any. */
  takenOverFrom?: string | null;
  /** Why earlier attempts ended without a plan, oldest first. */
  attemptErrors?: string[];
}

/**
 * Something committed that other parts of the system may wait for: an event appended to a
 * summit's log, a planning job queued or changed, or a change to a user's standing (a session
 * ended, a token revoked, the account disabled, its grants or password changed). Notices are hints
 * (they may repeat, and a listener that was away misses them): the rows stay the truth.
 */
export type StoreNotice =
  | { kind: 'event'; summit: SummitId; seq: number }
  | { kind: 'plan-job'; summit: SummitId; job: string }
  | { kind: 'account'; user: UserId };

/** What a notification is about, as users choose what to hear: one of NOTIFICATION_KINDS. */
export type NotificationKind = 'requests' | 'conditions' | 'schedule' | 'deliberation' | 'webhooks';

/** One in-app notice of one user, derived from one event of a summit's log. */
export interface Notification {
  id: string;
  user: UserId;
  summit: SummitId;
  /** The event it tells of (0 for notices of the system, such as a webhook disabled). */
  eventSeq: number;
  type: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** The web app's path of the record it is about. */
  link: string;
  request: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Where a delivery is: waiting (or waiting to be retried), delivered, or given up on. */
export type DeliveryStatus = 'pending' | 'sent' | 'dead';

/**
 * One message to send outside the app (an email to a user, a POST to a webhook), written to the
 * outbox in the transaction of the change it tells of and claimed by one dispatcher at a time.
 */
export interface Delivery {
  id: string;
  channel: 'email' | 'webhook';
  summit: SummitId;
  user: UserId | null;
  webhook: string | null;
  /** Deliveries sharing a digest key go out together in one email when due. */
  digest: string | null;
  /** What to send, rendered when the notice was written (the application knows its shape). */
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  /** Not sent before this instant (a digest's time, or the next retry). */
  dueAt: string;
  claimedBy: string | null;
  claimedUntil: string | null;
  lastError: string | null;
  /** The HTTP status of a webhook's last attempt. */
  lastStatus: number | null;
  sentAt: string | null;
  createdAt: string;
}

/** How one attempt at a claimed delivery ended. */
export type DeliveryOutcome =
  | { kind: 'sent'; at: string; status?: number }
  | { kind: 'retry'; at: string; retryAt: string; error: string; status?: number }
  | { kind: 'dead'; at: string; error: string; status?: number };

/** A URL a delegation (or the host, when `delegation` is null) registered to hear of events. */
export interface Webhook {
  id: string;
  summit: SummitId;
  delegation: DelegationId | null;
  url: string;
  /** The HMAC key the bodies are signed with. */
  secret: string;
  kinds: NotificationKind[];
  enabled: boolean;
  /** Failed attempts in a row since the last success. */
  failures: number;
  disabledReason: string | null;
  createdBy: UserId;
  createdAt: string;
  version: number;
}

/** A user with every grant they hold: someone a notice may be for. */
export interface Listener {
  user: User;
  grants: RoleGrant[];
}

/** Everything a transaction can read and write. */
export interface Tx {
  readonly summits: {
    get(id: SummitId): Promise<Summit | undefined>;
    list(): Promise<Summit[]>;
    insert(summit: Summit): Promise<Summit>;
    update(summit: Summit): Promise<Summit>;
  };
  readonly venues: Collection<Venue, string>;
  /** Travel pairs are stored once, with a < b. */
  readonly travel: {
    list(summit: SummitId): Promise<Travel[]>;
    replaceAll(summit: SummitId, pairs: Travel[]): Promise<void>;
  };
  readonly rooms: Collection<Room, string>;
  readonly delegations: Collection<Delegation, string>;
  readonly persons: Collection<Person, string>;
  readonly programme: Collection<ProgrammeEvent, string>;
  readonly busy: Collection<Busy, string>;
  readonly requests: Collection<Request, string>;
  /** Condition ids are unique within their request. */
  readonly conditions: Collection<Condition, { request: string; id: string }> & {
    listFor(summit: SummitId, request: string): Promise<Condition[]>;
  };
  readonly thread: AppendOnly<ThreadMessage> & {
    listFor(summit: SummitId, request: string): Promise<ThreadMessage[]>;
  };
  readonly meetings: Collection<Meeting, string>;
  /** Notices of meetings to their parties, one per request and kind (domain/meeting/notice.ts). */
  readonly notices: Collection<MeetingNotice, { request: string; kind: NoticeKind }> & {
    listFor(summit: SummitId, request: string): Promise<MeetingNotice[]>;
  };
  readonly positions: Collection<Position, string> & {
    listFor(summit: SummitId, request: string, delegation: string): Promise<Position[]>;
  };
  readonly decisions: Collection<Decision, RequestDelegationKey>;
  readonly publicLines: Collection<PublicLine, RequestDelegationKey>;
  readonly events: {
    /** Appends one event and returns it with its seq. */
    append(event: Omit<DomainEvent, 'seq'>): Promise<DomainEvent>;
    list(summit: SummitId, query?: EventQuery): Promise<DomainEvent[]>;
    /** The highest seq written, 0 when none. */
    lastSeq(summit: SummitId): Promise<number>;
  };
  readonly users: {
    get(id: UserId): Promise<User | undefined>;
    byEmail(email: string): Promise<User | undefined>;
    list(): Promise<User[]>;
    insert(user: User): Promise<User>;
    update(user: User): Promise<User>;
    grants(user: UserId): Promise<RoleGrant[]>;
    setGrants(user: UserId, grants: RoleGrant[]): Promise<void>;
    /** Adds one grant after the user's others; concurrent additions for one user wait for each other. */
    addGrant(user: UserId, grant: RoleGrant): Promise<void>;
    /** Stores the password hash (argon2id encoded string); never returned by get/list. */
    setPasswordHash(user: UserId, hash: string): Promise<void>;
    passwordHash(user: UserId): Promise<string | undefined>;
  };
  readonly sessions: {
    insert(session: Session): Promise<void>;
    get(idHash: string): Promise<Session | undefined>;
    touch(idHash: string, lastSeenAt: string): Promise<void>;
    remove(idHash: string): Promise<void>;
    removeForUser(user: UserId): Promise<void>;
  };
  /** Failed sign-ins per account (a key, not the email) and address; see app/auth/throttle.ts. */
  readonly loginFailures: {
    /** The pairs of the account or of the address whose last failure is at or after `since`. */
    recent(account: string, address: string, since: string): Promise<LoginFailure[]>;
    /** Counts one failure of the pair at `at`; a pair quiet since before `since` counts from one again. */
    record(account: string, address: string, at: string, since: string): Promise<void>;
    /** Forgets the pair (its sign-in succeeded). */
    clear(account: string, address: string): Promise<void>;
    /** Deletes the pairs quiet since before `before` (the index on the time finds them); says how many. */
    prune(before: string): Promise<number>;
  };
  readonly tokens: {
    insert(token: ApiToken): Promise<void>;
    byHash(hash: string): Promise<ApiToken | undefined>;
    listFor(user: UserId): Promise<ApiToken[]>;
    revoke(id: string, at: string): Promise<void>;
  };
  readonly idempotency: {
    get(user: UserId, key: string): Promise<IdempotentResponse | undefined>;
    /** Stores the first answer to (or claim of) a key; DuplicateError when the key is stored already. */
    put(response: IdempotentResponse): Promise<void>;
    /**
     * Confirms that `claim` still holds the key's unanswered claim and, on PostgreSQL, locks the row
     * until the transaction ends, so no other server can take the claim over meanwhile.
     */
    holds(user: UserId, key: string, claim: string): Promise<boolean>;
    /** Moves an unanswered claim from its holder `from` to `to` (a takeover); false when it is no longer `from`'s. */
    takeOver(user: UserId, key: string, from: string, to: string, at: string): Promise<boolean>;
    /** Stores the answer of the claim `claim` holds; false when it holds it no longer. */
    answer(
      user: UserId,
      key: string,
      claim: string,
      answer: Pick<IdempotentResponse, 'status' | 'body' | 'createdAt'> & { headers: Record<string, string> },
    ): Promise<boolean>;
    /** Drops the unanswered claim `claim` holds (its request failed), so the key can be used again. */
    release(user: UserId, key: string, claim: string): Promise<void>;
    /** Forgets the key's answer if it was stored before `storedBefore` (it expired), so the key can be used again. */
    forget(user: UserId, key: string, storedBefore: string): Promise<void>;
    /**
     * Deletes at most `limit` answers stored before `storedBefore`, oldest first, and says how many.
     * Rows another transaction holds are passed over, so concurrent sweeps never wait on each other.
     */
    removeStoredBefore(storedBefore: string, limit: number): Promise<number>;
  };
  readonly calendarTokens: {
    insert(token: CalendarToken): Promise<void>;
    byHash(hash: string): Promise<CalendarToken | undefined>;
    get(summit: SummitId, id: string): Promise<CalendarToken | undefined>;
    listFor(summit: SummitId, person: PersonId): Promise<CalendarToken[]>;
    /** Revokes once; the first revocation time stands. NotFoundError when no such token. */
    revoke(summit: SummitId, id: string, at: string): Promise<void>;
  };
  readonly planJobs: {
    /** Stores a new job at version 1 and tells runners (a `plan-job` notice at commit). */
    insert(job: PlanJob): Promise<PlanJob>;
    get(summit: SummitId, id: string): Promise<PlanJob | undefined>;
    /** Versioned like a Collection: StaleVersionError unless `job.version` is the stored one. */
    update(job: PlanJob): Promise<PlanJob>;
    /**
     * Takes the oldest queued job (or a running one whose runner has not reported since
     * `staleBefore`) for `worker`, marking it running. Rows another transaction holds are skipped,
     * so concurrent runners never take the same job.
     */
    claim(worker: string, at: string, staleBefore: string): Promise<PlanJob | undefined>;
    /**
     * Marks failed, with the reasons of every attempt, the jobs that were claimed `maxAttempts`
     * times and whose last runner went silent before `staleBefore` (each crashed its runner):
     * claim never takes them again. Says how many.
     */
    failExhausted(maxAttempts: number, at: string, staleBefore: string): Promise<number>;
    /**
     * Puts a running job `worker` holds back in the queue at once: on shutdown (`error` undefined,
     * the attempt does not count) or after an attempt that failed with `error` (it counts, and the
     * error is kept). False when `worker` no longer holds it.
     */
    requeue(id: string, worker: string, error?: string): Promise<boolean>;
    /** Records progress while `worker` holds the running job; false when it no longer does (cancelled). */
    report(id: string, worker: string, progress: PlanJobProgress, at: string): Promise<boolean>;
    /**
     * Stores a running job's plan before it is complete (an answer whose bound or explanations are
     * still coming), with its progress, while `worker` holds it; the job stays running. False when it
     * no longer holds it. Like progress, this is no change of status (the version stays).
     */
    answer(
      id: string,
      worker: string,
      result: unknown,
      progress: PlanJobProgress,
      at: string,
    ): Promise<boolean>;
    /** Ends a running job held by `worker` as done (with its plan) or failed; false when it no longer holds it. */
    finish(
      id: string,
      worker: string,
      outcome: { status: 'done'; result: unknown } | { status: 'failed'; error: string },
      at: string,
    ): Promise<boolean>;
    /**
     * Deletes at most `limit` finished jobs (done, failed, accepted or discarded) that finished
     * before `finishedBefore`, oldest first, and says how many; queued and running jobs are never
     * deleted. Rows another transaction holds are passed over. Like a runner's progress, this is
     * not a change of the summit's records (its revision stays).
     */
    removeFinishedBefore(finishedBefore: string, limit: number): Promise<number>;
    /** How many jobs wait and run across every summit, and when the oldest waiting one was queued. */
    queueStats(): Promise<{ queued: number; running: number; oldestQueuedAt: string | null }>;
  };
  readonly notifications: {
    insert(notification: Notification): Promise<void>;
    /** The user's notices, newest first, before the notice `before` (by creation, then id). */
    list(
      user: UserId,
      query: {
        summit?: SummitId;
        unread?: boolean;
        before?: { createdAt: string; id: string };
        limit: number;
      },
    ): Promise<Notification[]>;
    get(user: UserId, id: string): Promise<Notification | undefined>;
    unreadCount(user: UserId, summit?: SummitId): Promise<number>;
    /** Marks the user's unread notices read (those named, or all of them in `summit` or anywhere); says how many. */
    markRead(user: UserId, at: string, which: { ids?: string[]; summit?: SummitId }): Promise<number>;
    /** The users holding a role in the summit (not disabled), with all their grants. */
    listeners(summit: SummitId): Promise<Listener[]>;
    /** The user's stored preferences and their version, if they ever set any. */
    preferences(user: UserId): Promise<{ settings: unknown; version: number } | undefined>;
    /**
     * Stores the preferences over version `expected` (null: none stored yet) and returns the new
     * version; StaleVersionError when another write came first.
     */
    setPreferences(user: UserId, settings: unknown, expected: number | null): Promise<number>;
  };
  readonly deliveries: {
    insert(delivery: Delivery): Promise<void>;
    /**
     * Takes the oldest pending delivery of `channels` due at `at` that no live claim holds (with every pending
     * delivery of its digest), for `worker` until `until`. Rows another transaction holds are
     * skipped, so concurrent dispatchers never take the same delivery.
     */
    claim(
      worker: string,
      at: string,
      until: string,
      channels: readonly Delivery['channel'][],
    ): Promise<Delivery[]>;
    /** Ends one attempt at deliveries `worker` holds; false for those it no longer holds. */
    finish(ids: readonly string[], worker: string, outcome: DeliveryOutcome): Promise<boolean>;
    /** The latest deliveries of a webhook, newest first. */
    listForWebhook(webhook: string, limit: number): Promise<Delivery[]>;
    /** Every delivery in one status (for operators and tests), oldest first. */
    listByStatus(status: DeliveryStatus, limit: number): Promise<Delivery[]>;
  };
  readonly webhooks: {
    insert(hook: Webhook): Promise<Webhook>;
    get(summit: SummitId, id: string): Promise<Webhook | undefined>;
    list(summit: SummitId): Promise<Webhook[]>;
    /** Versioned: StaleVersionError unless `hook.version` is the stored one. */
    update(hook: Webhook): Promise<Webhook>;
    remove(summit: SummitId, id: string, expectedVersion: number): Promise<void>;
    /** Counts one failed attempt (or, with `ok`, a success that clears the count); the count after it. */
    recordAttempt(id: string, ok: boolean): Promise<number>;
  };
  readonly revisions: {
    /**
     * The summit's revision: 0 before its first change, then one higher after every committed write
     * transaction that changed any of its records. It never goes down, even across a deletion.
     */
    get(summit: SummitId): Promise<number>;
  };
  /** Request counters shared by every server (rate limits), one per key and fixed window. */
  readonly rateCounters: {
    /**
     * Adds each entry's hits to its key's counter in its window (a counter of an older window starts
     * again from these hits) and returns every key's count in that window after the addition.
     */
    add(entries: readonly RateHits[]): Promise<Map<string, number>>;
    /** Deletes the counters of windows that started before `windowStart`; says how many. */
    removeBefore(windowStart: number): Promise<number>;
  };
  /** The readiness probe's rows (Store.probeWrite). */
  readonly probes: {
    write(name: string, by: string, at: string): Promise<void>;
  };
  /**
   * Makes the calling write transaction the only one placing meetings in this summit until it
   * ends, so a rule checked inside it (a person in two meetings) still holds at commit. Writes
   * that change placements take it first. SQLite's writes are serialised already.
   */
  lockSummit(summit: SummitId): Promise<void>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one write transaction, committed when it resolves, rolled back when it throws.
   * On SQLite it takes the write lock up front (BEGIN IMMEDIATE) so it never fails half-way with SQLITE_BUSY. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `fn` on a consistent read snapshot. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` with the notices of every committed write: this process's at once, and on
   * PostgreSQL also every other process's (LISTEN on a connection of its own, opened with the
   * first listener). Resolves, once listening, to a function that stops it.
   */
  subscribe(listener: (notice: StoreNotice) => void): Promise<() => Promise<void>>;
  /**
   * A number that stays the same for as long as no write transaction commits anywhere in the
   * database (this process or another), or undefined where that cannot be told without a query
   * (PostgreSQL). For caches of what was read: same mark, same answer.
   */
  changeMark(): number | undefined;
  /**
   * The summit's latest committed revision (Tx.revisions.get), without a query while the change mark
   * holds. `mark`, a change mark the caller took moments ago (in the same request), saves taking
   * another: the answer is then current as of that mark.
   */
  summitRevision(summit: SummitId, mark?: number): Promise<number>;
  /** What the database last showed of its own state: ok, or a fault (unreachable, full, read-only) and since when. */
  condition(): StoreCondition;
  /** Asks the database one small question; throws its fault (StoreUnavailableError…) when it cannot answer. */
  ping(): Promise<void>;
  /** Writes one small row, to learn whether writes succeed again after a fault; throws the fault if not. */
  probeWrite(by: string): Promise<void>;
  /** The connection pool's state (PostgreSQL), undefined where there is none. */
  poolStats(): PoolStats | undefined;
  /**
   * A write transaction held open across a request: inside `run`, this store's writes join one
   * transaction (each in a savepoint of its own) and its reads see them, until `commit` or
   * `rollback`. The transaction opens at the first write, and `onOpen` runs first in it.
   */
  holdWrites(options?: { onOpen?: (tx: Tx) => Promise<void> }): HeldWrites;
  close(): Promise<void>;
}

/** See Store.holdWrites. */
export interface HeldWrites {
  /** Runs `fn`, and all it starts, with writes joining this transaction. */
  run<T>(fn: () => T): T;
  /** True once a write opened the transaction. */
  readonly opened: boolean;
  /** Runs `last` in the transaction (opening it if no write did) and commits; notices are told after. */
  commit(last: (tx: Tx) => Promise<void>): Promise<void>;
  /** Undoes every write made in it; a no-op once committed or rolled back. */
  rollback(): Promise<void>;
}
