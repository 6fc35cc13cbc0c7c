// APEC Economic Leaders' Week: 21 economies, about 150 requests over three days at two venues
// thirty minutes apart, eight rooms, a CEO summit, a ministerial meeting and the leaders' retreat.
import { SummitBuilder } from '../builder.js';
import { DAY } from '../clock.js';
import { addDiplomaticDemand, addStateDelegation, type StateDelegation } from '../diplomacy.js';
import type { SummitFile } from '../file.js';
import { Rng } from '../prng.js';

/** The 21 economies, most sought after first. */
const ECONOMIES: [string, string][] = [
  ['usa', 'United States'],
  ['chn', 'China'],
  ['jpn', 'Japan'],
  ['rus', 'Russia'],
  ['kor', 'Republic of Korea'],
  ['aus', 'Australia'],
  ['can', 'Canada'],
  ['idn', 'Indonesia'],
  ['vie', 'Viet Nam'],
  ['mex', 'Mexico'],
  ['sgp', 'Singapore'],
  ['mas', 'Malaysia'],
  ['tha', 'Thailand'],
  ['phi', 'The Philippines'],
  ['nzl', 'New Zealand'],
  ['chl', 'Chile'],
  ['per', 'Peru'],
  ['tpe', 'Chinese Taipei'],
  ['hkg', 'Hong Kong, China'],
  ['bru', 'Brunei Darussalam'],
  ['png', 'Papua New Guinea'],
];

/** Generates the APEC instance; `factor` scales the number of requests. */
export function generateApec(seed: number, factor = 1): SummitFile {
  const b = new SummitBuilder(
    {
      id: 'apec-bench',
      name: "APEC Economic Leaders' Week (benchmark)",
      timezone: 'Asia/Ho_Chi_Minh',
      firstDate: '2017-11-09',
      days: 3,
      dayFrom: 7 * 60,
      dayTo: 22 * 60,
      grain: 15,
      buffer: 10,
      venues: [
        { id: 'ariyana', name: 'Ariyana Convention Centre' },
        { id: 'icdn', name: 'InterContinental Danang Sun Peninsula Resort' },
      ],
      travel: [['ariyana', 'icdn', 30]],
    },
    new Rng(seed),
  );
  const { rng } = b;
  const rooms: [string, string, number, string?][] = [
    ['ariyana-b1', 'ariyana', 12],
    ['ariyana-b2', 'ariyana', 12],
    ['ariyana-b3', 'ariyana', 16],
    ['ariyana-b4', 'ariyana', 16],
    ['ariyana-hall', 'ariyana', 40],
    ['icdn-s1', 'icdn', 12],
    ['icdn-s2', 'icdn', 24],
    ['icdn-usa', 'icdn', 14, 'usa'],
  ];
  for (const [id, venue, capacity, delegation] of rooms) {
    b.addRoom({
      id,
      venue,
      name: `Bilateral room ${id}`,
      capacity,
      ...(delegation ? { delegation } : {}),
      // The convention centre opens to bilaterals on the second day of the CEO summit.
      ...(venue === 'ariyana' && id !== 'ariyana-hall'
        ? { available: [b.clock.window(DAY + 7 * 60, 2 * DAY + 22 * 60)] }
        : {}),
    });
  }
  const dels: StateDelegation[] = ECONOMIES.map(([id, name]) => {
    // Ministers come for the ministerial meeting on the first day; most leaders fly in on the
    // second morning and leave after the retreat on the last afternoon.
    const team = { from: rng.int(6, 8) * 60, to: 2 * DAY + rng.int(18, 22) * 60 };
    const leader = {
      from: rng.chance(0.2) ? rng.int(18, 22) * 60 : DAY + rng.int(6, 12) * 60,
      to: 2 * DAY + rng.int(29, 40) * 30,
    };
    return addStateDelegation(b, { id, name, ministers: 2, officials: 1 }, team, leader);
  });
  // The CEO summit: a few leaders address it, each at an hour of its two days.
  const speakers = rng.sample(dels, 8);
  speakers.forEach((d, i) => {
    const day = i < 4 ? 0 : 1;
    const start = day * DAY + (9 + (i % 4) * 2) * 60;
    b.addProgramme({
      id: `ceo-summit-${d.id}`,
      title: `APEC CEO Summit: address by the leader of ${d.id.toUpperCase()}`,
      venue: 'ariyana',
      span: { from: start, to: start + 60 },
      attendees: [d.principal],
    });
  });
  // The ministerial meeting on the first day, both ministers of every economy.
  for (const [part, from, to] of [
    [1, 8 * 60 + 30, 12 * 60],
    [2, 14 * 60, 17 * 60 + 30],
  ] as const) {
    b.addProgramme({
      id: `amm-session-${part}`,
      title: `APEC Ministerial Meeting, session ${part}`,
      venue: 'ariyana',
      span: { from, to },
      attendees: dels.flatMap((d) => d.ministers),
    });
  }
  b.addProgramme({
    id: 'abac-dialogue',
    title: 'Dialogue with the APEC Business Advisory Council',
    venue: 'icdn',
    span: { from: DAY + 16 * 60, to: DAY + 17 * 60 + 30 },
    attendees: 'principals',
  });
  b.addProgramme({
    id: 'gala-dinner',
    title: 'Gala dinner',
    venue: 'ariyana',
    span: { from: DAY + 19 * 60, to: DAY + 21 * 60 + 30 },
    attendees: 'principals',
    encounter: true,
  });
  b.addProgramme({
    id: 'leaders-retreat-1',
    title: "Leaders' retreat, session I",
    venue: 'icdn',
    span: { from: 2 * DAY + 9 * 60, to: 2 * DAY + 11 * 60 + 30 },
    attendees: 'principals',
  });
  b.addProgramme({
    id: 'family-photo',
    title: 'Family photo',
    venue: 'icdn',
    span: { from: 2 * DAY + 11 * 60 + 30, to: 2 * DAY + 12 * 60 },
    attendees: 'principals',
    encounter: true,
  });
  b.addProgramme({
    id: 'leaders-retreat-2',
    title: "Leaders' retreat, session II and working lunch",
    venue: 'icdn',
    span: { from: 2 * DAY + 12 * 60, to: 2 * DAY + 14 * 60 },
    attendees: 'principals',
  });
  for (const d of dels) {
    for (let k = rng.int(0, 2); k > 0; k--) {
      const day = rng.int(0, 2);
      const start = day * DAY + rng.int(14, 40) * 30;
      b.addBusy(
        d.principal,
        { from: start, to: start + rng.int(1, 3) * 30 },
        rng.chance(0.5) ? 'icdn' : null,
        'Staff time',
      );
    }
  }
  addDiplomaticDemand(b, dels, {
    requests: Math.max(10, Math.round(150 * factor)),
    targetSkew: 0.9,
    requesterSkew: 0.5,
    formats: [
      ['bilateral', 70],
      ['multilateral', 6],
      ['pull-aside', 14],
      ['working-meal', 4],
      ['courtesy-call', 6],
    ],
    levels: [
      ['leaders', 55],
      ['ministers', 35],
      ['officials', 10],
    ],
    minutes: {
      bilateral: [
        [30, 40],
        [45, 35],
        [60, 25],
      ],
      multilateral: [
        [60, 50],
        [90, 50],
      ],
      'pull-aside': [[15, 1]],
      'working-meal': [
        [60, 40],
        [90, 60],
      ],
      'courtesy-call': [
        [15, 30],
        [30, 70],
      ],
    },
    multilateralParties: [2, 6],
    allowedShare: 0.3,
    preferredShare: 0.4,
    pullAsideVenues: ['ariyana', 'icdn'],
    venueShare: 0.2,
    existing: { scheduled: 6, confirmed: 3, pinnedShare: 0.5 },
    topics: ['trade', 'security', 'dprk', 'climate', 'investment', 'energy', 'digital economy', 'fisheries'],
  });
  return b.file;
}
