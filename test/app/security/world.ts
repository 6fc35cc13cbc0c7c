// The world the security suite attacks: the APEC demo on a real store, a second summit, confidential
// meetings on the calendar, the attackers, the private strings each of them must never read, and a
// snapshot of every record an attack could touch.
import { readFile } from 'node:fs/promises';
import {
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type BackendName,
  type TestStore,
} from '../../support/app.js';
import type { Actor } from '../../../src/domain/actor/schema.js';
import type { DelegationId, SummitId, UserId } from '../../../src/domain/ids.js';
import { partiesOf } from '../../../src/domain/request/agreement.js';
import type { Store } from '../../../src/store/store.js';
import { readDeliberation } from '../../../src/app/deliberation/deliberation.js';
import { DEMO_FILE, DEMO_SUMMIT, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ConflictError } from '../../../src/app/errors.js';
import { importSummitFile } from '../../../src/app/files/import-summit.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { loadSummitData } from '../../../src/app/summit/load.js';
import { linkOf } from '../../../src/app/notify/outbox.js';
import { registerWebhook } from '../../../src/app/notify/webhooks.js';
import { addUser } from '../notify/kit.js';

/** The demo summit every attack targets. */
export const S = DEMO_SUMMIT;
/** Another summit in the same store, whose users must get nothing from the demo. */
export const OTHER = 'g20-2017' as SummitId;

/** The confidential requests of the demo and their parties. */
export const CONFIDENTIAL = { 'usa-rus-officials': ['usa', 'rus'], 'twn-jpn': ['twn', 'jpn'] } as const;
/** The demo's drafts and the delegation asking each: nobody else learns they exist. */
export const DRAFTS = { 'usa-jpn-trade': 'usa', 'sgp-mys': 'sgp' } as const;
/** Requests whose private records (positions, decisions, lines, thread) the snapshot covers. */
export const WATCHED = ['usa-rus', 'usa-rus-fm', 'usa-rus-officials', 'twn-jpn', 'chn-phl', 'png-usa'];

/** Everyone the suite sends in, by name. */
export const ACTORS = {
  /** A third delegation's lead: no party to any US-Russia request. */
  chn: delegate(S, 'chn', 'delegation-lead'),
  /** The counterpart's lead: party to the US-Russia requests, never to the US delegation's records. */
  rus: delegate(S, 'rus', 'delegation-lead'),
  'host-admin': host(S, 'host-admin'),
  'host-staff': host(S, 'host-staff'),
  /** A US viewer: reads the US records, may write nothing. */
  'usa-viewer': delegate(S, 'usa', 'viewer'),
  /** A US protocol officer: acts on US requests, but may not override its lead's decision. */
  'usa-po': delegate(S, 'usa', 'protocol-officer'),
  /** A US adviser: records positions, may not act on requests, decide or speak for the delegation. */
  'usa-adviser': delegate(S, 'usa', 'adviser', 'usa-adviser-2'),
  /** The US lead of another summit. */
  'other-summit': delegate(OTHER, 'usa', 'delegation-lead', 'g20-usa-lead'),
  /** The host's admin of another summit. */
  'other-host': host(OTHER, 'host-admin', 'g20-host-admin'),
  /** A signed-in user with no role anywhere. */
  nobody: { user: 'walk-in' as UserId, grants: [], system: false } satisfies Actor,
  /** An operator's account: may create summits, holds no role in any of them. */
  operator: {
    user: 'platform-operator' as UserId,
    grants: [{ kind: 'platform', role: 'operator' }],
    system: false,
  } satisfies Actor,
} as const;
export type AttackerName = keyof typeof ACTORS;

/** The suite's world on one backend. */
export interface World {
  backend: BackendName;
  t: TestStore;
  ctx: ReturnType<typeof testContext>;
  /** The US delegation's position ids on usa-rus. */
  usPositions: string[];
  /** A webhook of the US delegation and a notice to the US viewer: nobody else may touch either. */
  usWebhook: string;
  usNotice: string;
  /** Where the confidential meetings were placed. */
  hiddenMeetings: Record<keyof typeof CONFIDENTIAL, { start: string; room: string | null }>;
  /** The private strings `actor` must never find in anything it is given. */
  markersFor(actor: Actor): Marker[];
  /** Every record an attack could change, as one comparable text. */
  snapshot(): Promise<string>;
}

/** A private string and whose it is. */
export interface Marker {
  text: string;
  what: string;
}

/** Opens a store on `backend` and builds the world in it. */
export async function buildWorld(backend: BackendName): Promise<World> {
  const t = await openTestStore(backend);
  const ctx = testContext(t.store);
  await loadDemo(ctx, SYSTEM);
  const text = await readFile(DEMO_FILE, 'utf8');
  await importSummitFile(ctx, SYSTEM, {
    text: text.replace(/^ {2}id: apec-2017$/m, `  id: ${OTHER}`),
    format: 'yaml',
  });
  const hiddenMeetings = {
    'usa-rus-officials': await placeSomewhere(ctx, 'usa-rus-officials', ['ariyana-b3', 'ariyana-b4']),
    'twn-jpn': await placeSomewhere(ctx, 'twn-jpn', [null]),
  };
  const us = await readDeliberation(ctx, SYSTEM, S, 'usa-rus', 'usa' as DelegationId);
  const markers = await privateMarkers(t.store, us);
  const { usWebhook, usNotice } = await notifyRecords(ctx);
  return {
    backend,
    t,
    ctx,
    usWebhook,
    usNotice,
    usPositions: us.positions.map((p) => p.id),
    hiddenMeetings,
    markersFor: (actor) => markersFor(actor, markers),
    snapshot: () => snapshot(t.store),
  };
}

/** Every attacker's account, a webhook the US lead registered and a notice waiting for the US viewer. */
async function notifyRecords(ctx: World['ctx']): Promise<{ usWebhook: string; usNotice: string }> {
  const usLead = delegate(S, 'usa', 'delegation-lead');
  const usNotice = 'notice-for-the-us-viewer';
  for (const a of Object.values(ACTORS)) await addUser(ctx.store, a.user, [...a.grants]);
  await ctx.store.write(async (tx) => {
    await tx.notifications.insert({
      id: usNotice,
      user: ACTORS['usa-viewer'].user,
      summit: S,
      eventSeq: 0,
      type: 'request.countered',
      kind: 'conditions',
      title: 'Russia countered a condition',
      body: 'Russia countered a condition on the US–Russia bilateral.',
      link: linkOf(S, 'usa-rus'),
      request: 'usa-rus',
      createdAt: ctx.now(),
      readAt: null,
    });
  });
  const { webhook } = await registerWebhook(ctx, usLead, S, {
    url: 'http://127.0.0.1:9/usa-hook',
    kinds: ['requests', 'deliberation'],
  });
  return { usWebhook: webhook.id, usNotice };
}

/** Places a request at the first slot on 10-11 November that breaks no rule, as the operator. */
async function placeSomewhere(
  ctx: World['ctx'],
  request: string,
  rooms: (string | null)[],
): Promise<{ start: string; room: string | null }> {
  for (
    let t = Date.parse('2017-11-10T05:00:00.000Z');
    t < Date.parse('2017-11-11T12:00:00.000Z');
    t += 15 * 60_000
  ) {
    for (const room of rooms) {
      const slot = { start: new Date(t).toISOString(), room };
      try {
        await placeMeeting(ctx, SYSTEM, S, request, slot);
        return slot;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
  }
  throw new Error(`no free slot for ${request}`);
}

interface PrivateStrings {
  /** Strings private to one delegation, by delegation. */
  byDelegation: Map<string, Marker[]>;
  /** Strings anyone in the summit reads (programme, rooms, persons…): never counted as a leak. */
  public: string;
}

async function privateMarkers(
  store: Store,
  us: Awaited<ReturnType<typeof readDeliberation>>,
): Promise<PrivateStrings> {
  const data = await store.read((tx) => loadSummitData(tx, S));
  const delegationOf = new Map(data.persons.map((p) => [p.id as string, p.delegation as string]));
  const byDelegation = new Map<string, Marker[]>();
  const add = (d: string, text: string | null, what: string) => {
    if (text && text.trim().length >= 6)
      byDelegation.set(d, [...(byDelegation.get(d) ?? []), { text, what }]);
  };
  for (const b of data.busy) {
    const d = delegationOf.get(b.person) ?? '?';
    add(d, b.label, `busy label of ${b.id}`);
    add(d, b.id, `busy block id ${b.id}`);
  }
  for (const p of us.positions) {
    add('usa', p.rationale, `US position rationale (${p.holder})`);
    add('usa', p.holder, 'US position holder');
    for (const c of p.considerations) add('usa', c.note, `US consideration note (${c.topic})`);
  }
  add('usa', us.decision?.note ?? null, 'US decision note');
  const usLine = await store.read((tx) => tx.publicLines.get(S, { request: 'usa-rus', delegation: 'usa' }));
  add('usa', usLine?.text ?? null, 'US draft public line');
  const { summit, programme, rooms, venues, delegations, persons } = data;
  return { byDelegation, public: JSON.stringify({ summit, programme, rooms, venues, delegations, persons }) };
}

/**
 * The private strings of every delegation the actor is not in, the confidential requests it is not
 * party to, and the drafts of other delegations.
 */
function markersFor(actor: Actor, strings: PrivateStrings): Marker[] {
  if (actor.system) return [];
  const mine = new Set<string>(
    actor.grants.flatMap((g) => (g.kind === 'delegation' && g.summit === S ? [g.delegation] : [])),
  );
  const readable = [...mine].flatMap((d) => (strings.byDelegation.get(d) ?? []).map((m) => m.text));
  const out: Marker[] = [];
  for (const [d, markers] of strings.byDelegation) {
    if (mine.has(d)) continue;
    // a string the actor reads elsewhere (its own busy label, a programme title) proves nothing
    out.push(...markers.filter((m) => !readable.includes(m.text) && !strings.public.includes(m.text)));
  }
  for (const [id, parties] of Object.entries(CONFIDENTIAL)) {
    if (!parties.some((p) => mine.has(p))) out.push({ text: id, what: `confidential request ${id}` });
  }
  for (const [id, asking] of Object.entries(DRAFTS)) {
    if (!mine.has(asking)) out.push({ text: id, what: `draft request ${id}` });
  }
  return out;
}

/** The markers found in `value` (serialised), matching whole ids only. */
export function leaksIn(value: unknown, markers: readonly Marker[]): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  return markers
    .filter((m) => new RegExp(`(?<![\\w-])${escape(m.text)}(?![\\w-])`, 'u').test(text))
    .map((m) => m.what);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every summit's records, the watched requests' private records and each log's length. */
async function snapshot(store: Store): Promise<string> {
  return store.read(async (tx) => {
    const out: Record<string, unknown> = {};
    for (const s of await tx.summits.list()) {
      const data = await loadSummitData(tx, s.id);
      const sorted = Object.fromEntries(
        Object.entries(data).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : JSON.stringify(v),
        ]),
      );
      const privateRecords: Record<string, unknown> = {};
      for (const r of data.requests.filter((x) => WATCHED.includes(x.id))) {
        privateRecords[r.id] = {
          thread: await tx.thread.listFor(s.id, r.id),
          parties: await Promise.all(
            partiesOf(r).map(async (d) => ({
              positions: await tx.positions.listFor(s.id, r.id, d),
              decision: (await tx.decisions.get(s.id, { request: r.id, delegation: d })) ?? null,
              overrides: await tx.decisionOverrides.listFor(s.id, r.id, d),
              line: (await tx.publicLines.get(s.id, { request: r.id, delegation: d })) ?? null,
            })),
          ),
        };
      }
      const webhooks = await tx.webhooks.list(s.id);
      out[s.id] = { data: sorted, privateRecords, webhooks, lastSeq: await tx.events.lastSeq(s.id) };
    }
    const notices: Record<string, unknown> = {};
    for (const a of Object.values(ACTORS)) {
      notices[a.user] = {
        notices: await tx.notifications.list(a.user, { limit: 1000 }),
        preferences: (await tx.notifications.preferences(a.user)) ?? null,
      };
    }
    return JSON.stringify({ out, notices });
  });
}
