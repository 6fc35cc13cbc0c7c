// The high-level week of the UN General Assembly: 193 delegations, about 3,000 requests over
// six days at one venue with 36 rooms; leaders come for a few days around their speech in the
// General Debate, ministers stay most of the week.
import { SummitBuilder } from '../builder.js';
import { DAY, type Span } from '../clock.js';
import { addDiplomaticDemand, addStateDelegation, type StateDelegation } from '../diplomacy.js';
import type { SummitFile } from '../file.js';
import { Rng } from '../prng.js';
import { UN_MEMBERS, UNGA_HEADLINERS } from './un-members.js';

const VENUE = 'unhq';

/** Generates the UNGA instance; `factor` scales the delegations and the requests. */
export function generateUnga(seed: number, factor = 1): SummitFile {
  const b = new SummitBuilder(
    {
      id: 'unga-bench',
      name: 'UN General Assembly high-level week (benchmark)',
      timezone: 'America/New_York',
      firstDate: '2025-09-22',
      days: 6,
      dayFrom: 8 * 60,
      dayTo: 20 * 60,
      grain: 15,
      buffer: 0,
      venues: [{ id: VENUE, name: 'United Nations Headquarters' }],
      travel: [],
    },
    new Rng(seed),
  );
  const { rng } = b;
  const room = (id: string, name: string, capacity: number, delegation?: string) =>
    b.addRoom({ id, venue: VENUE, name, capacity, ...(delegation ? { delegation } : {}) });
  for (let i = 1; i <= 22; i++) room(`booth-${pad(i)}`, `Bilateral booth ${i}`, 10);
  for (let i = 1; i <= 8; i++) room(`room-${pad(i)}`, `Bilateral room ${i}`, 16);
  for (let i = 1; i <= 4; i++) room(`conf-${pad(i)}`, `Conference room ${i}`, 30);
  const rest = rng.shuffle(UN_MEMBERS.filter((m) => !UNGA_HEADLINERS.includes(m)));
  const order = [...UNGA_HEADLINERS, ...rest].slice(0, Math.max(12, Math.round(UN_MEMBERS.length * factor)));
  // Two headliners bring rooms of their own, lent for their meetings only.
  room('lent-usa', 'Host country office', 12, 'usa');
  room('lent-chn', 'Delegation office', 12, 'chn');

  const leaderPresence = new Map<string, Span>();
  const dels: StateDelegation[] = order.map((id) => {
    const team: Span = {
      from: rng.int(0, 1) * DAY + 7 * 60,
      to: rng.int(3, 5) * DAY + 21 * 60,
    };
    // Leaders arrive for the debate's first days mostly and stay one to three days.
    const arrive = rng.mix([
      [0, 30],
      [1, 35],
      [2, 20],
      [3, 15],
    ]);
    const leader: Span = {
      from: arrive * DAY + rng.int(7, 12) * 60,
      to: Math.min(5, arrive + rng.int(1, 3)) * DAY + rng.int(12, 21) * 60,
    };
    leaderPresence.set(id, leader);
    return addStateDelegation(
      b,
      { id, name: `Member State ${id.toUpperCase()}`, ministers: 2, officials: 2 },
      team,
      leader,
    );
  });

  b.addProgramme({
    id: 'gd-opening',
    title: 'Opening of the General Debate',
    venue: VENUE,
    span: { from: DAY + 9 * 60, to: DAY + 10 * 60 + 30 },
    attendees: 'principals',
  });
  b.addProgramme({
    id: 'sg-luncheon',
    title: "Secretary-General's luncheon",
    venue: VENUE,
    span: { from: DAY + 13 * 60, to: DAY + 14 * 60 + 30 },
    attendees: 'principals',
    encounter: true,
  });
  b.addProgramme({
    id: 'host-reception',
    title: 'Reception by the host country',
    venue: VENUE,
    span: { from: DAY + 18 * 60 + 30, to: DAY + 20 * 60 },
    attendees: 'principals',
    encounter: true,
  });
  addSpeeches(b, dels, leaderPresence);
  b.addProgramme({
    id: 'climate-summit',
    title: 'Climate ambition summit',
    venue: VENUE,
    span: { from: 2 * DAY + 10 * 60, to: 2 * DAY + 13 * 60 },
    attendees: rng.sample(dels, Math.round(dels.length * 0.2)).map((d) => d.principal),
  });
  b.addProgramme({
    id: 'hlm-ai',
    title: 'High-level meeting on artificial intelligence',
    venue: VENUE,
    span: { from: 3 * DAY + 15 * 60, to: 3 * DAY + 18 * 60 },
    attendees: rng.sample(dels, Math.round(dels.length * 0.15)).map((d) => d.ministers[0] as string),
  });
  for (const d of dels) {
    const lp = leaderPresence.get(d.id) as Span;
    for (let k = rng.int(1, 3); k > 0; k--) {
      const start = Math.floor(rng.int(lp.from, lp.to - 60) / 30) * 30;
      b.addBusy(
        d.principal,
        { from: start, to: start + rng.int(1, 4) * 30 },
        null,
        rng.pick(['Press', 'At the mission', 'Staff time']),
      );
    }
  }
  addDiplomaticDemand(b, dels, {
    requests: Math.max(30, Math.round(3000 * factor)),
    targetSkew: 0.8,
    requesterSkew: 0.3,
    formats: [
      ['bilateral', 78],
      ['multilateral', 4],
      ['pull-aside', 6],
      ['working-meal', 3],
      ['courtesy-call', 9],
    ],
    levels: [
      ['leaders', 40],
      ['ministers', 45],
      ['officials', 15],
    ],
    minutes: {
      bilateral: [
        [30, 60],
        [45, 25],
        [60, 15],
      ],
      multilateral: [
        [60, 60],
        [90, 40],
      ],
      'pull-aside': [[15, 1]],
      'working-meal': [
        [60, 30],
        [90, 70],
      ],
      'courtesy-call': [
        [15, 30],
        [30, 70],
      ],
    },
    multilateralParties: [2, 7],
    allowedShare: 0.5,
    preferredShare: 0.4,
    pullAsideVenues: [VENUE],
    venueShare: 0,
    existing: { scheduled: 40, confirmed: 20, pinnedShare: 0.5 },
    topics: [
      'peace and security',
      'climate',
      'development',
      'trade',
      'migration',
      'health',
      'ai',
      'un reform',
    ],
  });
  return b.file;
}

/**
 * The General Debate, Tuesday to Saturday, 09:00–13:00 and 15:00–19:00 in 15-minute slots: each
 * delegation's leader speaks while present, else its first minister; those with no slot left
 * speak after the week.
 */
function addSpeeches(b: SummitBuilder, dels: StateDelegation[], leaders: Map<string, Span>): void {
  const slots: number[] = [];
  for (let d = 1; d <= 5; d++) {
    for (const [from, to] of [
      [9 * 60, 13 * 60],
      [15 * 60, 19 * 60],
    ] as const) {
      for (let t = from; t < to; t += 15) slots.push(d * DAY + t);
    }
  }
  const taken = new Set<number>();
  for (const d of dels) {
    const lp = leaders.get(d.id) as Span;
    const slot = slots.find((s) => !taken.has(s) && lp.from <= s - 15 && s + 15 <= lp.to);
    const speaker = slot === undefined ? (d.ministers[0] as string) : d.principal;
    const at =
      slot ?? slots.find((s) => !taken.has(s) && (b.persons.get(speaker)?.presence.from ?? 0) <= s - 15);
    if (at === undefined) continue;
    taken.add(at);
    b.addProgramme({
      id: `gd-${d.id}`,
      title: `General Debate: statement of ${d.id.toUpperCase()}`,
      venue: VENUE,
      // The speaker waits in the hall a quarter of an hour before the statement.
      span: { from: at - 15, to: at + 15 },
      attendees: [speaker],
    });
  }
}

function pad(i: number): string {
  return String(i).padStart(2, '0');
}
