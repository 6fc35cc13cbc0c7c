// The shape of every table as Kysely sees it. Rows are not domain objects: each table file
// converts at the boundary. Booleans are 0/1 integers and lists are JSON text in both databases,
// so one query path serves SQLite and PostgreSQL.
import type { ColumnType } from 'kysely';

/** A 0/1 integer standing for a boolean. */
export type Flag = 0 | 1;

/** PostgreSQL returns 64-bit integers as text; SQLite as numbers. */
export type BigIntColumn = ColumnType<number | string, number, number>;

export interface SummitRow {
  id: string;
  name: string;
  timezone: string;
  days_from: string;
  days_to: string;
  day_from: string;
  day_to: string;
  grain_minutes: number;
  buffer_minutes: number;
  room_turnover_minutes: number;
  rank_parity: string;
  max_moves: number | null;
  planning_now: string | null;
  freeze_hours: number | null;
  /** JSON list of quotas. */
  quotas: string;
  /** JSON confirmation deadline ({at, daysBefore, lapse}); null: none. */
  confirmation: string | null;
  version: number;
}

export interface VenueRow {
  summit_id: string;
  id: string;
  name: string;
  version: number;
}

export interface TravelRow {
  summit_id: string;
  venue_a: string;
  venue_b: string;
  minutes: number;
}

export interface RoomRow {
  summit_id: string;
  id: string;
  venue_id: string;
  name: string;
  capacity: number;
  available: string | null;
  delegation_id: string | null;
  /** JSON list of feature names. */
  features: string;
  version: number;
}

export interface DelegationRow {
  summit_id: string;
  id: string;
  name: string;
  principal_id: string;
  presence: string | null;
  /** JSON list of language codes; null: not given. */
  languages: string | null;
  interpreters: number | null;
  version: number;
}

export interface PersonRow {
  summit_id: string;
  id: string;
  delegation_id: string;
  name: string;
  title: string | null;
  role: string;
  presence: string | null;
  /** JSON list of language codes; null: the delegation's. */
  languages: string | null;
  rank: string | null;
  version: number;
}

export interface ProgrammeEventRow {
  summit_id: string;
  id: string;
  title: string;
  venue_id: string | null;
  starts_at: string;
  ends_at: string;
  attendees: string;
  encounter: Flag;
  version: number;
}

export interface BusyRow {
  summit_id: string;
  id: string;
  person_id: string;
  starts_at: string;
  ends_at: string;
  venue_id: string | null;
  label: string | null;
  version: number;
}

export interface RequestRow {
  summit_id: string;
  id: string;
  from_delegation_id: string;
  to_delegations: string;
  format: string;
  level: string;
  minutes: number;
  priority: number;
  topics: string;
  attendees: string;
  seats: number | null;
  venue_id: string | null;
  allowed: string | null;
  preferred: string;
  status: string;
  accepted_by: string;
  downgrade: string | null;
  confidential: Flag;
  /** JSON list of feature names. */
  needs: string;
  press: string;
  version: number;
}

export interface ConditionRow {
  summit_id: string;
  request_id: string;
  id: string;
  by_delegation_id: string;
  kind: string;
  text: string;
  status: string;
  counters: string | null;
  version: number;
}

export interface ThreadMessageRow {
  summit_id: string;
  id: string;
  request_id: string;
  delegation_id: string;
  author_id: string;
  at: string;
  text: string;
}

export interface MeetingRow {
  summit_id: string;
  request_id: string;
  starts_at: string;
  ends_at: string;
  room_id: string | null;
  pinned: Flag;
  confirmed_by: string;
  announced: Flag;
  version: number;
}

export interface MeetingNoticeRow {
  summit_id: string;
  request_id: string;
  kind: string;
  starts_at: string | null;
  room_id: string | null;
  at: string;
  /** JSON: the notice's detail (domain/meeting/notice.ts NoticeDetail). */
  detail: string;
  version: number;
}

export interface PositionRow {
  summit_id: string;
  id: string;
  request_id: string;
  delegation_id: string;
  holder: string;
  author_id: string;
  stance: string;
  rationale: string;
  considerations: string;
  at: string;
  version: number;
}

export interface DecisionRow {
  summit_id: string;
  request_id: string;
  delegation_id: string;
  outcome: string;
  by_user_id: string;
  at: string;
  note: string | null;
  version: number;
}

export interface PublicLineRow {
  summit_id: string;
  request_id: string;
  delegation_id: string;
  claim: string;
  text: string;
  published: Flag;
  by_user_id: string;
  at: string;
  version: number;
}

export interface EventRow {
  /** Assigned by the database. */
  seq: ColumnType<number | string, never, never>;
  summit_id: string;
  at: string;
  /** The instant as epoch milliseconds, for `since` filters that do not depend on text form. */
  at_ms: BigIntColumn;
  actor_id: string;
  scope: string;
  type: string;
  payload: string;
}

export interface UserRow {
  id: string;
  email: string;
  /** Lower-cased email: one account per address whatever its case. */
  email_key: string;
  name: string;
  disabled: Flag;
  version: number;
}

export interface RoleGrantRow {
  user_id: string;
  position: number;
  kind: string;
  /** Null for a platform grant (operator), which is held in no summit. */
  summit_id: string | null;
  delegation_id: string | null;
  role: string;
}

export interface PasswordHashRow {
  user_id: string;
  hash: string;
}

export interface LoginFailureRow {
  account_key: string;
  address: string;
  failures: number;
  last_failed_at: string;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenRow {
  id: string;
  hash: string;
  user_id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export interface IdempotencyRow {
  user_id: string;
  key: string;
  fingerprint: string;
  /** 0 while the key is claimed and its request runs; the answer's status after. */
  status: number;
  body: string;
  created_at: string;
  /** The answer's headers worth replaying (ETag, Location…), as a JSON object. */
  headers: string | null;
  /** Who holds an unanswered claim (status 0); null once answered. */
  claim: string | null;
}

export interface CalendarTokenRow {
  id: string;
  hash: string;
  summit_id: string;
  person_id: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

/** A summit's revision (see migration 0003). */
export interface SummitRevisionRow {
  summit_id: string;
  revision: number;
}

export interface PlanJobRow {
  id: string;
  summit_id: string;
  status: string;
  requested_by: string;
  seed: BigIntColumn;
  time_limit_ms: number;
  settings: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: string | null;
  result: string | null;
  error: string | null;
  worker: string | null;
  heartbeat_at: string | null;
  /** JSON: the grants of the job's starter in the summit (PlanJobPlanner); null before 0009. */
  planner: string | null;
  version: number;
  /** Times a runner has claimed the job. */
  attempts: number;
  /** The runner this job was taken from when it went silent. */
  taken_over_from: string | null;
  /** Why earlier attempts ended without a plan, as a JSON array of strings. */
  attempt_errors: string | null;
}

/** A request counter of one key and window, shared by every server (rate limits). */
export interface RateCounterRow {
  key: string;
  window_start: BigIntColumn;
  hits: number;
}

/** A row the readiness probe writes to learn whether the database takes writes. */
export interface StoreProbeRow {
  name: string;
  at: string;
  by: string | null;
}

/** Every table of the store, by name. */
export interface NotificationRow {
  id: string;
  user_id: string;
  summit_id: string;
  event_seq: BigIntColumn;
  type: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  request_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationDeliveryRow {
  id: string;
  channel: string;
  summit_id: string;
  user_id: string | null;
  webhook_id: string | null;
  digest: string | null;
  payload: string;
  status: string;
  attempts: number;
  due_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  last_status: number | null;
  sent_at: string | null;
  created_at: string;
}

export interface NotificationPreferencesRow {
  user_id: string;
  settings: string;
  version: number;
}

export interface WebhookRow {
  id: string;
  summit_id: string;
  delegation_id: string | null;
  url: string;
  secret: string;
  kinds: string;
  enabled: Flag;
  failures: number;
  disabled_reason: string | null;
  created_by: string;
  created_at: string;
  version: number;
}

export interface Tables {
  summits: SummitRow;
  venues: VenueRow;
  travel: TravelRow;
  rooms: RoomRow;
  delegations: DelegationRow;
  persons: PersonRow;
  programme_events: ProgrammeEventRow;
  busy: BusyRow;
  requests: RequestRow;
  conditions: ConditionRow;
  thread_messages: ThreadMessageRow;
  meetings: MeetingRow;
  meeting_notices: MeetingNoticeRow;
  positions: PositionRow;
  decisions: DecisionRow;
  public_lines: PublicLineRow;
  events: EventRow;
  users: UserRow;
  role_grants: RoleGrantRow;
  password_hashes: PasswordHashRow;
  sessions: SessionRow;
  login_failures: LoginFailureRow;
  api_tokens: ApiTokenRow;
  idempotency: IdempotencyRow;
  calendar_tokens: CalendarTokenRow;
  plan_jobs: PlanJobRow;
  summit_revisions: SummitRevisionRow;
  rate_counters: RateCounterRow;
  store_probes: StoreProbeRow;
  notifications: NotificationRow;
  notification_deliveries: NotificationDeliveryRow;
  notification_preferences: NotificationPreferencesRow;
  webhooks: WebhookRow;
}
