// The transactional outbox: the notices of a change are written in the change's own transaction,
// from the events it appended, so there is no change without its notices and no notice without its
// change. Each reader is found through the same read guards as every read of the app.
import { randomUUID } from 'node:crypto';
import type { Actor, DelegationRole, RoleGrant } from '../../domain/actor/schema.js';
import { isHost } from '../../domain/actor/authority.js';
import type { DomainEvent } from '../../domain/event/schema.js';
import type { DelegationId, SummitId, UserId } from '../../domain/ids.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import type { Summit } from '../../domain/summit/schema.js';
import type { Instant } from '../../domain/time.js';
import type { Listener, NotificationKind, Tx, Webhook } from '../../store/store.js';
import { canSeeRequest } from '../access.js';
import type { AppContext } from '../context.js';
import { draftsAmong, eventSeenBy } from '../events/seen.js';
import { NOTICES, type Audience, type NoticeSpec, type Said, type Words } from './notices.js';
import { emailDue, preferencesOf } from './preferences.js';
import { summitTime } from './summit-time.js';

/** The roles that hear of their parties' requests: those who act on them. */
const PARTY_ROLES: readonly DelegationRole[] = ['delegation-lead', 'protocol-officer'];
/** The roles that hear of their own delegation's deliberation: those who take part in it. */
const OWN_ROLES: readonly DelegationRole[] = ['delegation-lead', 'protocol-officer', 'adviser'];

/** The web app's path of what a notice is about. */
export function linkOf(summit: SummitId, request: string | undefined): string {
  return request ? `/s/${summit}/requests/${encodeURIComponent(request)}` : `/s/${summit}`;
}

/** The request an event is about, by its scope or its payload. */
function requestIdOf(event: DomainEvent): string | undefined {
  if (event.scope.kind === 'parties') return event.scope.request;
  const named = event.payload.request;
  return typeof named === 'string' ? named : undefined;
}

/** True when the table's audience includes this reader (who has already passed the read guards). */
export function inAudience(
  audience: Audience,
  actor: Actor,
  event: DomainEvent,
  request: Request | undefined,
): boolean {
  const grants = actor.grants.filter(
    (g): g is Extract<RoleGrant, { kind: 'delegation' }> =>
      g.kind === 'delegation' && g.summit === event.summit,
  );
  if (audience === 'own') {
    const owner = event.scope.kind === 'delegation' ? event.scope.delegation : undefined;
    return grants.some((g) => g.delegation === owner && OWN_ROLES.includes(g.role));
  }
  const parties: readonly DelegationId[] = request
    ? partiesOf(request)
    : event.scope.kind === 'parties'
      ? event.scope.delegations
      : [];
  if (grants.some((g) => parties.includes(g.delegation) && PARTY_ROLES.includes(g.role))) return true;
  return audience === 'parties-and-host' && isHost(actor, event.summit);
}

/**
 * True when `actor` hears `event` under `spec`: they may read the event and the request it is about
 * (the app's own guards), and they are in the row's audience.
 */
export function hears(
  spec: NoticeSpec,
  actor: Actor,
  event: DomainEvent,
  request: Request | undefined,
  drafts: ReadonlyMap<string, DelegationId>,
): boolean {
  if (!eventSeenBy(actor, event, drafts)) return false;
  if (request && !canSeeRequest(actor, event.summit, request)) return false;
  return inAudience(spec.audience, actor, event, request);
}

/** The actor a webhook reads as: its delegation (as any member reads it), or the host's staff. */
export function webhookReader(hook: Webhook): Actor {
  const grant: RoleGrant = hook.delegation
    ? { kind: 'delegation', summit: hook.summit, delegation: hook.delegation, role: 'delegation-lead' }
    : { kind: 'host', summit: hook.summit, role: 'host-staff' };
  return { user: `webhook:${hook.id}` as UserId, grants: [grant], system: false };
}

/** What a summit's notices need, read once per change. */
interface SummitView {
  summit: Summit;
  listeners: Listener[];
  hooks: Webhook[];
  names: Map<string, string>;
  rooms: Map<string, string>;
}

async function viewOf(tx: Tx, id: SummitId): Promise<SummitView | undefined> {
  const [listeners, hooks] = await Promise.all([tx.notifications.listeners(id), tx.webhooks.list(id)]);
  const enabled = hooks.filter((h) => h.enabled);
  if (listeners.length === 0 && enabled.length === 0) return undefined;
  const summit = await tx.summits.get(id);
  if (!summit) return undefined;
  const [delegations, rooms] = await Promise.all([tx.delegations.list(id), tx.rooms.list(id)]);
  return {
    summit,
    listeners,
    hooks: enabled,
    names: new Map(delegations.map((d) => [d.id as string, d.name])),
    rooms: new Map(rooms.map((r) => [r.id as string, r.name])),
  };
}

/** Who acted, in a name: the party they act for, the host, or Sideline itself. */
async function whoActed(
  tx: Tx,
  view: SummitView,
  event: DomainEvent,
  request: Request | undefined,
): Promise<string> {
  const grants =
    view.listeners.find((l) => l.user.id === event.actor)?.grants ?? (await tx.users.grants(event.actor));
  const parties: readonly string[] = request ? partiesOf(request) : [];
  const own = event.scope.kind === 'delegation' ? [event.scope.delegation as string] : [];
  const delegation = grants.find(
    (g) =>
      g.kind === 'delegation' && g.summit === event.summit && [...parties, ...own].includes(g.delegation),
  );
  if (delegation?.kind === 'delegation')
    return view.names.get(delegation.delegation) ?? delegation.delegation;
  if (isHost({ user: event.actor, grants, system: false }, event.summit)) return 'The host';
  return 'Sideline';
}

function said(
  view: SummitView,
  event: DomainEvent,
  who: string,
  request: Request | undefined,
  conditions: Condition[],
): Said {
  return {
    event,
    who,
    request,
    conditions,
    delegation: (id) => view.names.get(String(id)) ?? String(id),
    room: (id) => (typeof id === 'string' ? (view.rooms.get(id) ?? id) : 'no room'),
    when: (instant) =>
      typeof instant === 'string' ? summitTime(instant as Instant, view.summit.timezone) : 'an earlier time',
  };
}

/** One notice to write: its words and where it goes. */
interface Notice {
  event: DomainEvent;
  spec: NoticeSpec;
  words: Words;
  request: string | undefined;
}

async function writeFor(
  tx: Tx,
  ctx: AppContext,
  view: SummitView,
  listener: Listener,
  n: Notice,
): Promise<void> {
  const { preferences } = await preferencesOf(tx, listener.user.id);
  const choice = preferences.kinds[n.spec.kind];
  const now = ctx.now();
  const link = linkOf(n.event.summit, n.request);
  if (choice.inApp) {
    await tx.notifications.insert({
      id: randomUUID(),
      user: listener.user.id,
      summit: n.event.summit,
      eventSeq: n.event.seq,
      type: n.event.type,
      kind: n.spec.kind,
      ...n.words,
      link,
      request: n.request ?? null,
      createdAt: now,
      readAt: null,
    });
  }
  const due = emailDue(preferences, n.spec.kind, now, view.summit.timezone);
  if (!due) return;
  await tx.deliveries.insert({
    id: randomUUID(),
    channel: 'email',
    summit: n.event.summit,
    user: listener.user.id,
    webhook: null,
    digest: due.digest ? `${listener.user.id}|${due.digest}|${due.at}` : null,
    payload: {
      to: listener.user.email,
      name: listener.user.name,
      summit: view.summit.name,
      kind: n.spec.kind,
      ...n.words,
      link,
      at: n.event.at,
      digest: due.digest,
    } satisfies EmailNotice,
    status: 'pending',
    attempts: 0,
    dueAt: due.at,
    claimedBy: null,
    claimedUntil: null,
    lastError: null,
    lastStatus: null,
    sentAt: null,
    createdAt: now,
  });
}

/** What an email delivery carries. */
export interface EmailNotice {
  to: string;
  name: string;
  summit: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** The web app's path; the dispatcher makes it absolute with its public URL. */
  link: string;
  at: string;
  digest: 'hourly' | 'daily' | null;
}

/** What a webhook's body holds (signed as sent). */
export interface WebhookBody {
  id: string;
  summit: string;
  type: string;
  kind: NotificationKind;
  at: string;
  title: string;
  body: string;
  link: string;
  request: string | null;
  event: Pick<DomainEvent, 'seq' | 'type' | 'at' | 'payload'>;
}

async function writeHook(tx: Tx, ctx: AppContext, hook: Webhook, n: Notice): Promise<void> {
  const id = randomUUID();
  const body: WebhookBody = {
    id,
    summit: n.event.summit,
    type: n.event.type,
    kind: n.spec.kind,
    at: n.event.at,
    ...n.words,
    link: linkOf(n.event.summit, n.request),
    request: n.request ?? null,
    event: { seq: n.event.seq, type: n.event.type, at: n.event.at, payload: n.event.payload },
  };
  await tx.deliveries.insert({
    id,
    channel: 'webhook',
    summit: n.event.summit,
    user: null,
    webhook: hook.id,
    digest: null,
    payload: body,
    status: 'pending',
    attempts: 0,
    dueAt: ctx.now(),
    claimedBy: null,
    claimedUntil: null,
    lastError: null,
    lastStatus: null,
    sentAt: null,
    createdAt: ctx.now(),
  });
}

/**
 * Writes the notices of `events` (just appended in this transaction): in-app notices, emails as
 * each reader chose, and webhook calls, for those who hear each event under the notice table.
 */
export async function writeNotices(tx: Tx, ctx: AppContext, events: readonly DomainEvent[]): Promise<void> {
  const told = events.filter((e) => NOTICES[e.type] !== undefined);
  if (told.length === 0) return;
  for (const summitId of new Set(told.map((e) => e.summit))) {
    const mine = told.filter((e) => e.summit === summitId);
    const view = await viewOf(tx, summitId);
    if (!view) continue;
    const drafts = await draftsAmong(tx, summitId, mine);
    for (const event of mine) {
      const spec = NOTICES[event.type]!;
      const requestId = requestIdOf(event);
      const request = requestId ? await tx.requests.get(summitId, requestId) : undefined;
      const conditions = request ? await tx.conditions.listFor(summitId, request.id) : [];
      const words = spec.say(
        said(view, event, await whoActed(tx, view, event, request), request, conditions),
      );
      if (!words) continue;
      const notice: Notice = { event, spec, words, request: request?.id };
      for (const listener of view.listeners) {
        if (listener.user.id === event.actor) continue; // one's own act is no news
        const actor: Actor = { user: listener.user.id, grants: listener.grants, system: false };
        if (hears(spec, actor, event, request, drafts)) await writeFor(tx, ctx, view, listener, notice);
      }
      for (const hook of view.hooks) {
        if (hook.kinds.includes(spec.kind) && hears(spec, webhookReader(hook), event, request, drafts))
          await writeHook(tx, ctx, hook, notice);
      }
    }
  }
}
