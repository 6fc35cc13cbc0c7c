// One rule, one answer: the same bad requests sent through the three doors a request enters by — the
// API, a summit file import and a CSV import — are refused with the same codes at the same places,
// on SQLite and PostgreSQL. Before the rules lived in one module, the imports took `aus→jpn` with
// the Russian foreign minister as an attendee, which the API refused.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createToken } from '../../../src/app/auth/tokens.js';
import { DEMO_FILE, DEMO_SUMMIT } from '../../../src/app/demo/apec-2017.js';
import { BACKENDS } from '../../app/auth/testing/stores.js';
import { addUser } from '../testing.js';
import { startDemoServer, type Client, type DemoServer } from './demo-server.testkit.js';

const S = '/api/summits/apec-2017';
const demo = parse(await readFile(DEMO_FILE, 'utf8')) as { requests: unknown[] };

/** A request as each door states it: times are the summit's local times (Da Nang, UTC+7). */
interface Case {
  what: string;
  id: string;
  to: string[];
  format?: string;
  minutes?: number;
  priority?: number;
  attendees: string[];
  venue?: string;
  allowed?: [from: string, to: string][];
  /** The codes every door must give, each with the key it is at. */
  expected: [code: string, key: string][];
}

const CASES: Case[] = [
  {
    what: 'an attendee from a delegation that is not a party (aus→jpn with rus-fm)',
    id: 'aus-jpn-rules-1',
    to: ['jpn'],
    attendees: ['aus-pm', 'jpn-pm', 'rus-fm'],
    expected: [['attendee-not-party', 'attendees']],
  },
  {
    what: 'the requester among its counterparts, and an unknown one',
    id: 'aus-jpn-rules-2',
    to: ['aus', 'atlantis'],
    attendees: ['aus-pm'],
    expected: [
      ['counterpart-is-requester', 'to'],
      ['unknown-delegation', 'to'],
    ],
  },
  {
    what: 'a counterpart twice and an attendee twice',
    id: 'aus-jpn-rules-3',
    to: ['jpn', 'jpn'],
    attendees: ['aus-pm', 'aus-pm'],
    expected: [
      ['repeated-counterpart', 'to'],
      ['repeated-attendee', 'attendees'],
    ],
  },
  {
    what: 'a multilateral of two, off the grain, an unknown person and venue',
    id: 'aus-jpn-rules-4',
    to: ['jpn'],
    format: 'multilateral',
    minutes: 20,
    attendees: ['aus-pm', 'nobody'],
    venue: 'atlantis-hall',
    expected: [
      ['too-few-parties', 'to'],
      ['minutes-off-grain', 'minutes'],
      ['unknown-person', 'attendees'],
      ['unknown-venue', 'venue'],
    ],
  },
  {
    what: 'an allowed window that ends before it starts',
    id: 'aus-jpn-rules-5',
    to: ['jpn'],
    attendees: ['aus-pm', 'jpn-pm'],
    allowed: [['2017-11-10T10:00', '2017-11-10T09:00']],
    expected: [['window-order', 'allowed']],
  },
  {
    what: 'a priority out of range',
    id: 'aus-jpn-rules-6',
    to: ['jpn'],
    priority: 7,
    attendees: ['aus-pm', 'jpn-pm'],
    expected: [['invalid-value', 'priority']],
  },
];

const utc = (local: string) => new Date(`${local}:00+07:00`).toISOString();

function fileRequest(c: Case) {
  return {
    id: c.id,
    from: 'aus',
    to: c.to,
    format: c.format ?? 'bilateral',
    level: 'leaders',
    minutes: c.minutes ?? 30,
    priority: c.priority ?? 3,
    attendees: c.attendees,
    ...(c.venue ? { venue: c.venue } : {}),
    ...(c.allowed ? { allowed: c.allowed.map(([from, to]) => ({ from, to })) } : {}),
  };
}

function apiBody(c: Case) {
  const r = fileRequest(c);
  return {
    ...r,
    ...(c.allowed ? { allowed: c.allowed.map(([from, to]) => ({ from: utc(from), to: utc(to) })) } : {}),
  };
}

function csvText(c: Case): string {
  const r = fileRequest(c);
  const header = 'id,from,to,format,level,minutes,priority,attendees,venue,allowed';
  const allowed = (c.allowed ?? []).map(([from, to]) => `${from}/${to}`).join(';');
  const cells = [r.id, r.from, r.to.join(';'), r.format, r.level, r.minutes, r.priority];
  return `${header}\n${[...cells, r.attendees.join(';'), c.venue ?? '', allowed].join(',')}\n`;
}

/** The key an error is at, whatever the door's way of writing the path. */
function keyOf(path: string): string {
  const column = /column "([^"]+)"/u.exec(path)?.[1];
  if (column) return column;
  return path.replace(/^(body\.|requests\[\d+\]\.)/u, '').replace(/[[.].*$/u, '');
}

type Problem = { code: string; errors?: { path: string; code?: string }[] };

function found(problem: Problem): [string, string][] {
  return (problem.errors ?? []).map((e) => [e.code ?? 'none', keyOf(e.path)] as [string, string]).sort();
}

describe.each(BACKENDS)('one rule, one answer, on %s', (backend) => {
  let s: DemoServer;
  let ausPo: Client;

  beforeAll(async () => {
    s = await startDemoServer(backend);
    const user = await addUser(s.store, [
      { kind: 'delegation', summit: DEMO_SUMMIT, delegation: 'aus' as never, role: 'protocol-officer' },
    ]);
    const { token } = await createToken(s.store, user.id, 'tests', s.clock.now());
    ausPo = {
      user: user.id,
      email: user.email,
      send: (options) =>
        s.app.inject({
          ...options,
          headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` },
        }),
    };
  });
  afterAll(async () => s?.dispose());

  async function summitVersion(): Promise<string> {
    const r = await s.as.hostAdmin.send({ method: 'GET', url: S });
    return r.headers.etag as string;
  }

  const doors = {
    api: async (c: Case) => ausPo.send({ method: 'POST', url: `${S}/requests`, payload: apiBody(c) }),
    'summit file': async (c: Case) =>
      s.as.hostAdmin.send({
        method: 'POST',
        url: `${S}/import`,
        headers: { 'content-type': 'application/json', 'if-match': await summitVersion() },
        payload: JSON.stringify({ ...demo, requests: [...demo.requests, fileRequest(c)] }),
      }),
    csv: async (c: Case) =>
      s.as.hostAdmin.send({
        method: 'POST',
        url: `${S}/import`,
        headers: { 'content-type': 'text/csv', 'if-match': await summitVersion() },
        payload: csvText(c),
      }),
  };

  it.each(CASES)('refuses $what with the same codes through the API, the summit file and CSV', async (c) => {
    const answers: Record<string, [string, string][]> = {};
    for (const [door, send] of Object.entries(doors)) {
      const r = await send(c);
      expect(r.statusCode, `${door}: ${r.body}`).toBe(400);
      const problem = r.json() as Problem;
      expect(problem.code).toBe('validation-failed');
      answers[door] = found(problem);
    }
    const expected = [...c.expected].sort();
    expect(answers).toEqual({ api: expected, 'summit file': expected, csv: expected });
    // nothing was stored by any door
    const stored = await s.as.hostAdmin.send({ method: 'GET', url: `${S}/requests/${c.id}` });
    expect(stored.statusCode).toBe(404);
  });

  it('names the attendee, its delegation and the parties in the same words at every door', async () => {
    const c = CASES[0]!;
    const messages = [];
    for (const send of Object.values(doors)) {
      const problem = (await send(c)).json() as { errors: { message: string }[] };
      messages.push(problem.errors.map((e) => e.message));
    }
    const said = 'person "rus-fm" belongs to rus, which is not a party of this request (aus, jpn)';
    expect(messages).toEqual([[said], [said], [said]]);
  });
});
