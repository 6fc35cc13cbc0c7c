// A G20 leaders' summit: 40 parties (members, invited states, international organisations),
// about 400 requests over two days with sessions filling the leaders' days, two venues.
import { SummitBuilder } from '../builder.js';
import { DAY } from '../clock.js';
import { addDiplomaticDemand, addStateDelegation, type StateDelegation } from '../diplomacy.js';
import type { SummitFile } from '../file.js';
import { Rng } from '../prng.js';

/** Members, guests and organisations, most sought after first. */
const PARTIES: [string, string][] = [
  ['usa', 'United States'],
  ['chn', 'China'],
  ['jpn', 'Japan'],
  ['ind', 'India'],
  ['deu', 'Germany'],
  ['rus', 'Russia'],
  ['fra', 'France'],
  ['gbr', 'United Kingdom'],
  ['eu', 'European Union'],
  ['sau', 'Saudi Arabia'],
  ['bra', 'Brazil'],
  ['kor', 'Republic of Korea'],
  ['can', 'Canada'],
  ['tur', 'Türkiye'],
  ['aus', 'Australia'],
  ['ita', 'Italy'],
  ['idn', 'Indonesia'],
  ['mex', 'Mexico'],
  ['zaf', 'South Africa'],
  ['arg', 'Argentina'],
  ['au', 'African Union'],
  ['esp', 'Spain'],
  ['sgp', 'Singapore'],
  ['nld', 'Netherlands'],
  ['vnm', 'Viet Nam'],
  ['tha', 'Thailand'],
  ['chl', 'Chile'],
  ['egy', 'Egypt'],
  ['sen', 'Senegal'],
  ['un', 'United Nations'],
  ['imf', 'International Monetary Fund'],
  ['wbg', 'World Bank Group'],
  ['wto', 'World Trade Organization'],
  ['oecd', 'OECD'],
  ['fsb', 'Financial Stability Board'],
  ['ilo', 'International Labour Organization'],
  ['who', 'World Health Organization'],
  ['adb', 'Asian Development Bank'],
  ['asean', 'ASEAN'],
  ['apec', 'APEC Secretariat'],
];

/** Generates the G20 instance; `factor` scales the number of requests. */
export function generateG20(seed: number, factor = 1): SummitFile {
  const b = new SummitBuilder(
    {
      id: 'g20-bench',
      name: 'G20 Leaders Summit (benchmark)',
      timezone: 'Asia/Tokyo',
      firstDate: '2019-06-28',
      days: 2,
      dayFrom: 7 * 60,
      dayTo: 22 * 60,
      grain: 15,
      buffer: 5,
      venues: [
        { id: 'intex', name: 'INTEX Osaka' },
        { id: 'hotel', name: 'Imperial Hotel Osaka' },
      ],
      travel: [['intex', 'hotel', 25]],
    },
    new Rng(seed),
  );
  const { rng } = b;
  const rooms: [string, string, number, string?][] = [
    ...[1, 2, 3, 4, 5].map((i): [string, string, number] => [`intex-b${i}`, 'intex', 10]),
    ...[6, 7, 8].map((i): [string, string, number] => [`intex-b${i}`, 'intex', 16]),
    ['intex-c1', 'intex', 30],
    ['intex-hall', 'intex', 60],
    ['hotel-s1', 'hotel', 12],
    ['hotel-s2', 'hotel', 12],
    ['hotel-s3', 'hotel', 20],
    ['hotel-usa', 'hotel', 14, 'usa'],
  ];
  for (const [id, venue, capacity, delegation] of rooms) {
    b.addRoom({ id, venue, name: `Bilateral room ${id}`, capacity, ...(delegation ? { delegation } : {}) });
  }
  const dels: StateDelegation[] = PARTIES.map(([id, name], i) => {
    const organisation = i >= 29;
    // Most stay from the first morning to the end; some leaders leave after the last session.
    const arrive = rng.chance(0.8) ? 6 * 60 : rng.int(7, 9) * 60;
    const depart = DAY + (rng.chance(0.7) ? 22 * 60 : rng.int(14, 19) * 60);
    const early = rng.chance(0.2) ? { from: arrive, to: DAY + rng.int(13, 15) * 60 } : undefined;
    return addStateDelegation(
      b,
      { id, name, ministers: organisation ? 1 : 3, officials: 2 },
      { from: arrive, to: depart },
      early,
    );
  });
  const sherpas = dels.map((d) => d.officials[0] as string);
  const sessions: [string, string, number, number][] = [
    ['session-1', 'Session 1: global economy, trade and investment', 10 * 60, 12 * 60 + 30],
    ['leaders-lunch', "Leaders' working lunch: digital economy", 12 * 60 + 30, 13 * 60 + 45],
    ['session-2', 'Session 2: inequality and an inclusive society', 14 * 60, 16 * 60 + 30],
    ['session-3', 'Session 3: climate, energy and environment', DAY + 9 * 60, DAY + 11 * 60 + 30],
    ['session-4', 'Session 4: women and ageing', DAY + 11 * 60 + 45, DAY + 12 * 60 + 45],
  ];
  b.addProgramme({
    id: 'family-photo',
    title: 'Family photo',
    venue: 'intex',
    span: { from: 9 * 60 + 30, to: 10 * 60 },
    attendees: 'principals',
    encounter: true,
  });
  for (const [id, title, from, to] of sessions) {
    b.addProgramme({ id, title, venue: 'intex', span: { from, to }, attendees: 'principals' });
    // Sherpas sit behind their leaders in every session.
    b.addProgramme({
      id: `${id}-sherpas`,
      title: `${title} (sherpas)`,
      venue: 'intex',
      span: { from, to },
      attendees: sherpas,
    });
  }
  b.addProgramme({
    id: 'cultural-dinner',
    title: 'Cultural programme and leaders dinner',
    venue: 'hotel',
    span: { from: 18 * 60 + 30, to: 21 * 60 + 30 },
    attendees: 'principals',
    encounter: true,
  });
  b.addProgramme({
    id: 'closing',
    title: 'Closing and host press conference',
    venue: 'intex',
    span: { from: DAY + 13 * 60 + 45, to: DAY + 14 * 60 + 30 },
    attendees: [dels.find((d) => d.id === 'jpn')?.principal ?? 'jpn-leader'],
  });
  // Finance and trade ministers meet in parallel on the first afternoon.
  b.addProgramme({
    id: 'ministers-dialogue',
    title: 'Joint finance and trade ministers dialogue',
    venue: 'hotel',
    span: { from: 15 * 60, to: 17 * 60 },
    attendees: dels.flatMap((d) => d.ministers.slice(1, 3)),
  });
  for (const d of dels) {
    for (let k = rng.int(0, 2); k > 0; k--) {
      const day = rng.int(0, 1);
      const start = day * DAY + rng.int(14, 40) * 30;
      b.addBusy(
        d.principal,
        { from: start, to: start + rng.int(1, 3) * 30 },
        rng.chance(0.5) ? 'hotel' : null,
        'Press',
      );
    }
  }
  addDiplomaticDemand(b, dels, {
    requests: Math.max(20, Math.round(400 * factor)),
    targetSkew: 0.9,
    requesterSkew: 0.4,
    formats: [
      ['bilateral', 65],
      ['multilateral', 7],
      ['pull-aside', 18],
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
        [30, 50],
        [45, 35],
        [60, 15],
      ],
      multilateral: [
        [45, 30],
        [60, 50],
        [90, 20],
      ],
      'pull-aside': [
        [15, 80],
        [30, 20],
      ],
      'working-meal': [
        [60, 50],
        [90, 50],
      ],
      'courtesy-call': [
        [15, 30],
        [30, 70],
      ],
    },
    multilateralParties: [2, 5],
    allowedShare: 0.25,
    preferredShare: 0.4,
    pullAsideVenues: ['intex'],
    venueShare: 0.15,
    existing: { scheduled: 12, confirmed: 6, pinnedShare: 0.5 },
    topics: ['trade', 'climate', 'digital', 'health', 'security', 'energy', 'debt', 'development'],
  });
  return b.file;
}
