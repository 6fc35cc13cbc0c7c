// What notices disclose: every delegation and the host hear of changes in the app, by email (a real
// SMTP server on loopback) and by webhook (a real HTTP receiver on loopback), while each delegation
// works in private: positions, decisions, draft lines, threads, a draft request, confidential
// requests and a confidential meeting moved with a reason. No private string of one side reaches
// another side, or the host, through any of the three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../../../src/domain/actor/schema.js';
import type { DelegationId } from '../../../src/domain/ids.js';
import { decideOnRequest, recordRequestPosition } from '../../../src/app/deliberation/deliberation.js';
import { setPublicLine } from '../../../src/app/deliberation/public-line.js';
import { ConflictError } from '../../../src/app/errors.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { Dispatcher } from '../../../src/app/notify/dispatcher.js';
import { DEFAULT_PREFERENCES, writePreferences } from '../../../src/app/notify/preferences.js';
import { registerWebhook } from '../../../src/app/notify/webhooks.js';
import { counterRequestCondition, proposeRequestCondition } from '../../../src/app/requests/conditions.js';
import { postToThread } from '../../../src/app/requests/thread.js';
import { smtpSender, type EmailSender } from '../../../src/io/mail/smtp.js';
import { postWebhook } from '../../../src/io/webhook/post.js';
import { BACKENDS, SYSTEM } from '../../support/app.js';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';
import { addUser } from '../notify/kit.js';
import { ACTORS, buildWorld, leaksIn, S, type Marker, type World } from './world.js';

/** The sides that hear: four delegations (two pairs with a confidential request each) and the host. */
const SIDES = ['usa', 'rus', 'chn', 'jpn', 'twn', 'host'] as const;
type Side = (typeof SIDES)[number];

/** The stored accounts, by name: who acts and who listens, with one grant each. */
const PEOPLE = {
  'n-usa-lead': { side: 'usa', role: 'delegation-lead' },
  'n-usa-po': { side: 'usa', role: 'protocol-officer' },
  'n-usa-adviser': { side: 'usa', role: 'adviser' },
  'n-rus-lead': { side: 'rus', role: 'delegation-lead' },
  'n-rus-po': { side: 'rus', role: 'protocol-officer' },
  'n-chn-lead': { side: 'chn', role: 'delegation-lead' },
  'n-jpn-lead': { side: 'jpn', role: 'delegation-lead' },
  'n-jpn-po': { side: 'jpn', role: 'protocol-officer' },
  'n-twn-lead': { side: 'twn', role: 'delegation-lead' },
  'n-host-admin': { side: 'host', role: 'host-admin' },
  'n-host-staff': { side: 'host', role: 'host-staff' },
} as const satisfies Record<string, { side: Side; role: string }>;
type Person = keyof typeof PEOPLE;
const NAMES = Object.keys(PEOPLE) as Person[];

/**
 * The private strings the acts below write, and the sides that may read each: everyone else must
 * never find them. They add to the world's own markers (its busy labels, positions, confidential and
 * draft request ids).
 */
const WRITTEN = {
  usRationale: { text: 'NOTICE-PRIVATE-US-RATIONALE', readers: ['usa'] },
  usDecision: { text: 'NOTICE-PRIVATE-US-DECISION-NOTE', readers: ['usa'] },
  usDraftLine: { text: 'NOTICE-PRIVATE-US-DRAFT-LINE', readers: ['usa'] },
  ruRationale: { text: 'NOTICE-PRIVATE-RU-RATIONALE', readers: ['rus'] },
  thread: { text: 'NOTICE-PRIVATE-USA-RUS-THREAD', readers: ['usa', 'rus'] },
  hiddenThread: { text: 'NOTICE-PRIVATE-CONFIDENTIAL-THREAD', readers: ['usa', 'rus'] },
  hiddenCondition: { text: 'NOTICE-PRIVATE-CONFIDENTIAL-CONDITION', readers: ['usa', 'rus'] },
  hiddenMoveReason: { text: 'NOTICE-PRIVATE-CONFIDENTIAL-MOVE', readers: ['usa', 'rus'] },
  twnJpnThread: { text: 'NOTICE-PRIVATE-TWN-JPN-THREAD', readers: ['twn', 'jpn'] },
  draftThread: { text: 'NOTICE-PRIVATE-DRAFT-THREAD', readers: ['usa'] },
} satisfies Record<string, { text: string; readers: Side[] }>;

function grantOf(side: Side, role: string): RoleGrant {
  return side === 'host'
    ? ({ kind: 'host', summit: S, role } as RoleGrant)
    : ({ kind: 'delegation', summit: S, delegation: side as DelegationId, role } as RoleGrant);
}

/** The side of the demo summit `actor` is on: its delegation, the host, or none (null). */
function sideIn(actor: Actor): Side | null {
  const grant = actor.grants.find((g) => 'summit' in g && g.summit === S);
  if (!grant) return null;
  return grant.kind === 'host' ? 'host' : ((grant as { delegation: string }).delegation as Side);
}

/** Everything a side was told: its people's in-app notices and emails, and its webhook's calls. */
interface Told {
  notices: unknown[];
  emails: string[];
  webhooks: string[];
}

describe.each(BACKENDS)('what notices disclose, on %s', (backend) => {
  let w: World;
  let sink: SmtpSink;
  let email: EmailSender;
  const receivers = {} as Record<Side, WebhookReceiver>;
  const people = {} as Record<Person, Actor>;
  const told = {} as Record<Side, Told>;
  /** What the accounts with no role at this summit were told (another summit's, nobody's). */
  let outsiders: Told;
  /** A stand-in reader of each side, for the world's markers. */
  const readerOf = (side: Side) => people[NAMES.find((p) => PEOPLE[p].side === side)!];

  /** The markers `side` must never find: the world's for it and the written ones it may not read. */
  const markersOf = (side: Side): Marker[] => [
    ...w.markersFor(readerOf(side)),
    ...Object.entries(WRITTEN)
      .filter(([, m]) => !(m.readers as readonly Side[]).includes(side))
      .map(([what, m]) => ({ text: m.text, what })),
  ];

  beforeAll(async () => {
    w = await buildWorld(backend);
    sink = await startSmtpSink();
    email = smtpSender(sink.url, 'Sideline <no-reply@sideline.example.org>');
    for (const side of SIDES) receivers[side] = await startWebhookReceiver();
    for (const id of NAMES) {
      people[id] = await addUser(w.t.store, id, [grantOf(PEOPLE[id].side, PEOPLE[id].role)]);
      // every kind in the app and by email at once, so every channel carries everything it may
      const immediate = { inApp: true, email: 'immediate' } as const;
      await writePreferences(w.ctx, people[id], {
        ...DEFAULT_PREFERENCES,
        kinds: Object.fromEntries(Object.keys(DEFAULT_PREFERENCES.kinds).map((k) => [k, immediate])),
      });
    }
    const kinds = ['requests', 'conditions', 'schedule', 'deliberation'];
    for (const side of SIDES) {
      const owner = people[side === 'host' ? 'n-host-admin' : (`n-${side}-lead` as Person)];
      await registerWebhook(w.ctx, owner, S, {
        url: receivers[side].url,
        kinds,
        ...(side === 'host' ? { host: true } : { delegation: side }),
      });
    }

    const p = people;
    // each delegation's own deliberation, in private
    await recordRequestPosition(w.ctx, p['n-usa-adviser'], S, 'usa-rus', {
      holder: 'Under Secretary',
      stance: 'for',
      rationale: WRITTEN.usRationale.text,
    });
    await decideOnRequest(w.ctx, p['n-usa-lead'], S, 'usa-rus', {
      outcome: 'pursue',
      note: WRITTEN.usDecision.text,
    });
    await setPublicLine(w.ctx, p['n-usa-po'], S, 'usa-rus', {
      claim: 'no-comment',
      text: WRITTEN.usDraftLine.text,
      published: false,
    });
    await recordRequestPosition(w.ctx, p['n-rus-lead'], S, 'usa-rus', {
      holder: 'Deputy Minister',
      stance: 'against',
      rationale: WRITTEN.ruRationale.text,
    });
    // between the parties: a thread and a countered condition
    await postToThread(w.ctx, p['n-rus-po'], S, 'usa-rus', { text: WRITTEN.thread.text });
    await counterRequestCondition(w.ctx, p['n-rus-po'], S, 'usa-rus', 'c1', {
      kind: 'deliverable',
      text: 'A joint statement on Syria only',
    });
    // the confidential requests: a thread, a condition, and the meeting moved with a reason
    await postToThread(w.ctx, p['n-rus-po'], S, 'usa-rus-officials', { text: WRITTEN.hiddenThread.text });
    await proposeRequestCondition(w.ctx, p['n-rus-po'], S, 'usa-rus-officials', {
      kind: 'agenda',
      text: WRITTEN.hiddenCondition.text,
    });
    await moveSomewhere(w, 'usa-rus-officials', WRITTEN.hiddenMoveReason.text);
    await postToThread(w.ctx, p['n-jpn-po'], S, 'twn-jpn', { text: WRITTEN.twnJpnThread.text });
    // a US draft to Japan: worked on, never sent
    await postToThread(w.ctx, p['n-usa-po'], S, 'usa-jpn-trade', { text: WRITTEN.draftThread.text });
    // and a public meeting the host places, so the host hears something too
    await moveSomewhere(w, 'usa-rus-fm', 'The ministers asked for the morning', p['n-host-admin']);

    const dispatcher = new Dispatcher(
      w.ctx,
      { email, webhook: postWebhook },
      { baseUrl: 'https://sideline.example.org' },
    );
    await dispatcher.drain();

    // every stored account listens: these and the suite's attackers, each on its side of the summit
    const listeners = [...NAMES.map((id) => people[id]), ...Object.values(ACTORS)];
    const byUser = new Map(listeners.map((a) => [a.user as string, sideIn(a)]));
    const sideOfAddress = (address: string) => byUser.get(address.replace(/@.*$/u, ''));
    const noticesOf = (users: readonly Actor[]) =>
      w.t.store.read(async (tx) =>
        (await Promise.all(users.map((a) => tx.notifications.list(a.user, { limit: 500 })))).flat(),
      );
    for (const side of [...SIDES, null]) {
      const heard: Told = {
        notices: await noticesOf(listeners.filter((a) => sideIn(a) === side)),
        emails: sink.received.filter((m) => m.to.some((to) => sideOfAddress(to) === side)).map((m) => m.text),
        webhooks: side ? receivers[side].calls.map((c) => c.body) : [],
      };
      if (side) told[side] = heard;
      else outsiders = heard;
    }
  }, 120_000);

  afterAll(async () => {
    email?.close();
    await sink?.close();
    for (const r of Object.values(receivers)) await r.close();
    await w?.t.dispose();
  });

  it('tells every side something in every channel (the test below is not vacuous)', () => {
    for (const side of ['usa', 'rus', 'jpn', 'twn', 'host'] as const) {
      expect(told[side].notices.length, `${side} notices`).toBeGreaterThan(0);
      expect(told[side].emails.length, `${side} emails`).toBeGreaterThan(0);
      expect(told[side].webhooks.length, `${side} webhooks`).toBeGreaterThan(0);
    }
    // China is party to none of it, so hears nothing at all; nor does anyone outside the summit
    expect(told.chn).toEqual({ notices: [], emails: [], webhooks: [] });
    expect(outsiders).toEqual({ notices: [], emails: [], webhooks: [] });
    // the US hears of its confidential request and its own draft's thread: strings a third side may not read
    expect(leaksIn(told.usa, markersOf('chn'))).toEqual(
      expect.arrayContaining(['confidential request usa-rus-officials']),
    );
    expect(leaksIn(told.jpn, markersOf('usa'))).toEqual(
      expect.arrayContaining(['confidential request twn-jpn']),
    );
  });

  for (const side of SIDES) {
    for (const channel of ['notices', 'emails', 'webhooks'] as const) {
      it(`tells ${side === 'host' ? 'the host' : side} nothing private of another side in ${channel}`, () => {
        expect(leaksIn(told[side][channel], markersOf(side))).toEqual([]);
      });
    }
  }
});

/** Places or moves a request's meeting to the first free slot from 10 November, with a reason. */
async function moveSomewhere(
  w: World,
  request: string,
  reason: string,
  actor: Actor = SYSTEM,
): Promise<void> {
  for (
    let t = Date.parse('2017-11-10T09:00:00.000Z');
    t < Date.parse('2017-11-11T12:00:00.000Z');
    t += 15 * 60_000
  ) {
    for (const room of ['ariyana-b3', 'ariyana-b4', null]) {
      try {
        await placeMeeting(w.ctx, actor, S, request, { start: new Date(t).toISOString(), room, reason });
        return;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
  }
  throw new Error(`no free slot for ${request}`);
}
