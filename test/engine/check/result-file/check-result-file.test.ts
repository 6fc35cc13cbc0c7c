import { describe, expect, it } from 'vitest';
import { checkResultFile } from '../../../../src/engine/check/result-file/check-result-file.js';
import { summitFixture } from '../fixtures.js';
import { RULES } from '../../../../src/engine/check/rules/index.js';
import type { RequestOptions } from '../fixtures.js';

// One summit where each request breaks exactly one rule, each with its own delegations and room.
const cases: [
  string,
  Omit<RequestOptions, 'from' | 'to'>,
  { start: string; end?: string; room: string | null },
][] = [
  ['chn-kor', { status: 'requested' }, { start: '07:00', room: 'r1' }],
  ['fra-ger', {}, { start: '07:00', room: 'r2' }],
  ['ita-can', {}, { start: '08:30', room: 'r3' }],
  ['aus-nzl', {}, { start: '09:10', room: 'r4' }],
  ['mex-per', {}, { start: '10:00', end: '10:45', room: 'r5' }],
  ['chl-arg', {}, { start: '22:45', room: 'r6' }],
  [
    'idn-mys',
    { allowed: [{ from: '2017-11-10T13:00', to: '2017-11-10T14:00' }] },
    { start: '15:00', room: 'r7' },
  ],
  ['jpn-phl', {}, { start: '08:00', room: 'r8' }],
  ['tha-vnm', {}, { start: '11:30', room: 'r9' }],
  ['sgp-brn', {}, { start: '13:15', room: 'r10' }],
  ['hkg-twn', {}, { start: '14:00', room: 'shared' }],
  ['png-sol', {}, { start: '14:15', room: 'shared' }],
  ['rus-kaz', {}, { start: '16:00', room: 'morning' }],
  ['bra-ury', { seats: 12 }, { start: '07:00', room: 'r11' }],
  ['ind-pak', {}, { start: '07:00', room: 'usa-suite' }],
  ['egy-isr', { venue: 'b' }, { start: '07:00', room: 'r12' }],
  ['esp-por', { format: 'pull-aside' }, { start: '07:00', room: 'r13' }],
  // Version 2: turnover (10 min) between two meetings in one room, a missing feature, a quota of
  // one meeting a day, and a meeting needing an interpreter of a delegation that brings none.
  ['ken-uga', {}, { start: '15:00', room: 'turn' }],
  ['gha-nga', {}, { start: '15:30', room: 'turn' }],
  ['cub-ven', { needs: ['press'] }, { start: '07:00', room: 'plain' }],
  ['qat-omn', {}, { start: '07:00', room: 'q1' }],
  ['qat-kwt', {}, { start: '09:00', room: 'q2' }],
  ['irn-irq', {}, { start: '07:00', room: 'i1' }],
];

function everyKindSummit() {
  const f = summitFixture({
    bufferMinutes: 5,
    roomTurnoverMinutes: 10,
    quotas: [{ delegation: 'qat', per: 'day', meetings: 1 }],
  })
    .venue('a')
    .venue('b')
    .travel('a', 'b', 30);
  for (let i = 1; i <= 13; i++) f.room(`r${i}`, { venue: 'a' });
  for (const r of ['turn', 'plain', 'q1', 'q2', 'i1']) f.room(r, { venue: 'a' });
  f.room('shared', { venue: 'a' })
    .room('morning', { venue: 'a', available: [{ from: '2017-11-10T07:00', to: '2017-11-10T12:00' }] })
    .room('usa-suite', { venue: 'b', delegation: 'usa' });
  const ids = new Set(['usa', 'nor', 'swe', 'den', 'fin', ...cases.flatMap(([id]) => id.split('-'))]);
  const special: Record<string, Parameters<typeof f.delegation>[1]> = {
    jpn: { presence: [{ from: '2017-11-10T10:00', to: '2017-11-10T23:00' }] },
    irn: { languages: ['fa'], interpreters: 0 },
    irq: { languages: ['ar'] },
  };
  for (const d of ids) f.delegation(d, special[d] ?? {});
  f.programme('plenary', { from: '2017-11-10T11:00', to: '2017-11-10T12:00', attendees: ['tha-leader'] });
  f.busy('sgp-staff', { person: 'sgp-leader', from: '2017-11-10T12:00', to: '2017-11-10T13:00', venue: 'b' });
  for (const [id, options] of cases) {
    const [from, to] = id.split('-') as [string, string];
    f.request(id, { from, to: [to], ...options });
  }
  f.request('nor-swe', { from: 'nor', to: ['swe'] });
  f.request('den-fin', { from: 'den', to: ['fin'], status: 'conditions-pending' });
  f.meeting('ita-can', { start: '2017-11-10T08:00', room: 'r3', pinned: true });
  return f.build();
}

const day = (hhmm: string) => `2017-11-10T${hhmm}`;
const plus30 = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const t = h * 60 + m + 30;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
};

const POLICY_RULES: string[] = ['frozen-meetings-kept', 'no-start-before-now', 'max-moves'];

describe('checkResultFile', () => {
  const data = everyKindSummit();

  it('reports a violation of every kind, each once', () => {
    const meetings = cases.map(([request, , m]) => ({
      request,
      start: day(m.start),
      end: day(m.end ?? plus30(m.start)),
      room: m.room,
    }));
    meetings.push({ request: 'fra-ger', start: day('08:00'), end: day('08:30'), room: 'r2' });
    const file = {
      summit: 'another-summit',
      objective: { weight: 999, preferred: 0, moved: 0 },
      bound: 1,
      meetings,
      unscheduled: [{ request: 'den-fin', reason: 'no-slot', detail: 'No room was free' }],
      stats: { millis: 3, seed: 1 },
    };
    const result = checkResultFile(data, file);
    const expected = [
      // The move policy's rules need a policy: the next test.
      ...RULES.map((r) => r.name).filter((r) => !POLICY_RULES.includes(r)),
      'summit-id',
      'objective-claim',
      'bound',
      'result-coverage',
      'unscheduled-reason',
    ].sort();
    expect(result.valid).toBe(false);
    expect(result.violations.map((v) => v.rule).sort()).toEqual(expected);
    expect(result.objective).toEqual({ weight: 3 * cases.length, preferred: 0, moved: 0 });
    expect(result.violations.map((v) => v.message)).toEqual(
      expect.arrayContaining([
        'summit-id: the file is for summit another-summit, not test-summit',
        'placeable-state: chn-kor is requested; only agreed, scheduled or confirmed requests are placed',
        'person-overlap: tha-leader in tha-vnm (10 Nov 11:30–12:00) and programme plenary (10 Nov 11:00–12:00)',
        'person-travel: sgp-leader has 15 min from busy sgp-staff (10 Nov 12:00–13:00 at b) to sgp-brn (10 Nov 13:15–13:45 at a); needs 30 travel + 5 buffer',
        'objective-claim: the file claims weight 999, preferred 0, moved 0; its meetings give weight 69, preferred 0, moved 0',
        'bound: the bound 1 is below the weight 69 the meetings achieve',
        'result-coverage: nor-swe is neither placed nor unscheduled',
        'unscheduled-reason: den-fin is conditions-pending, not no-slot',
        'room-turnover: turn holds ken-uga (10 Nov 15:00–15:30) and gha-nga (10 Nov 15:30–16:00) 0 min apart (turnover 10 min)',
        'room-features: plain lacks press for cub-ven (10 Nov 07:00–07:30)',
        'quota: qat has 2 meetings on 10 Nov (limit 1): qat-omn, qat-kwt',
        "interpreters: 1 meeting needs irn's 0 interpreters at 10 Nov 07:00–07:30: irn-irq",
      ]),
    );
  });

  it('accepts a valid result file and recomputes its objective', () => {
    const small = summitFixture({ timezone: 'Asia/Kolkata', days: { from: '2023-09-09', to: '2023-09-09' } })
      .room('b1')
      .delegation('ind')
      .delegation('usa')
      .delegation('fra')
      .request('ind-usa', {
        from: 'ind',
        to: ['usa'],
        priority: 5,
        preferred: [{ from: '2023-09-09T10:00', to: '2023-09-09T11:00' }],
      })
      .request('ind-fra', { from: 'ind', to: ['fra'], status: 'requested' })
      .build();
    const file = {
      summit: 'test-summit',
      objective: { weight: 5, preferred: 1, moved: 0 },
      bound: 5,
      // 04:30Z is 10:00 in Kolkata: a time with an offset names the same instant.
      meetings: [
        { request: 'ind-usa', start: '2023-09-09T04:30Z', end: '2023-09-09T10:30+05:30', room: 'b1' },
      ],
      unscheduled: [{ request: 'ind-fra', reason: 'requested', detail: 'usa has not answered' }],
    };
    expect(checkResultFile(small, file)).toEqual({
      valid: true,
      violations: [],
      objective: { weight: 5, preferred: 1, moved: 0 },
    });
  });

  it('names the path of every malformed value', () => {
    const file = {
      summit: 7,
      objective: { weight: -1, preferred: 0 },
      meetings: [{ request: 'x', start: '2017-11-10T08:00', end: '2017-11-10T08:30', room: 3 }],
      unscheduled: [{ request: 'y', reason: 'tired', detail: '' }],
    };
    const result = checkResultFile(data, file);
    expect(result.valid).toBe(false);
    expect(result.objective).toBeNull();
    const paths = result.violations.map((v) => /^result-shape: ([^:]+):/.exec(v.message)?.[1]);
    expect(paths).toEqual([
      'summit',
      'objective.weight',
      'objective.moved',
      'meetings[0].room',
      'unscheduled[0].reason',
      'unscheduled[0].detail',
    ]);
  });

  it('names a local time that does not exist in the summit zone', () => {
    const ny = summitFixture({
      timezone: 'America/New_York',
      days: { from: '2024-03-10', to: '2024-03-10' },
    }).build();
    const file = {
      summit: 'test-summit',
      objective: { weight: 0, preferred: 0, moved: 0 },
      meetings: [{ request: 'x', start: '2024-03-10T02:30', end: 'noon' }],
      unscheduled: [],
    };
    expect(checkResultFile(ny, file).violations.map((v) => v.message)).toEqual([
      'result-shape: meetings[0].start: "2024-03-10T02:30" does not exist in America/New_York (daylight-saving gap)',
      'result-shape: meetings[0].end: a time YYYY-MM-DDTHH:MM (local to America/New_York) or with an offset, got "noon"',
    ]);
  });

  it('refuses a value that is not a result file at all', () => {
    expect(checkResultFile(data, [1, 2]).violations.map((v) => v.message)).toEqual([
      expect.stringMatching(/^result-shape: \(the whole file\): /),
    ]);
  });
  it("judges the plan under the file's own move policy", () => {
    const f = summitFixture().room('r1').room('r2');
    for (const d of ['usa', 'jpn', 'chn', 'kor', 'fra', 'deu']) f.delegation(d);
    const policyData = f
      .request('usa-jpn', { from: 'usa', to: ['jpn'], status: 'scheduled' })
      .request('chn-kor', { from: 'chn', to: ['kor'], status: 'scheduled' })
      .request('fra-deu', { from: 'fra', to: ['deu'] })
      .meeting('usa-jpn', { start: '2017-11-10T09:00', room: 'r1' })
      .meeting('chn-kor', { start: '2017-11-10T12:00', room: 'r1' })
      .build();
    const file = {
      summit: 'test-summit',
      objective: { weight: 9, preferred: 0, moved: 2 },
      // usa-jpn is frozen (starts before 10:00) but moved; chn-kor moved although no move is allowed;
      // fra-deu starts before the moment of planning.
      meetings: [
        { request: 'usa-jpn', start: day('11:00'), end: day('11:30'), room: 'r1' },
        { request: 'chn-kor', start: day('13:00'), end: day('13:30'), room: 'r1' },
        { request: 'fra-deu', start: day('08:00'), end: day('08:30'), room: 'r2' },
      ],
      unscheduled: [],
      policy: { maxMoves: 0, now: day('08:30'), freezeHours: 1.5 },
    };
    const result = checkResultFile(policyData, file);
    expect(result.violations.map((v) => v.rule).sort()).toEqual([...POLICY_RULES].sort());
    // Without the policy, the same plan is valid.
    const { policy: _p, ...plain } = file;
    expect(checkResultFile(policyData, plain).violations).toEqual([]);
  });
});
