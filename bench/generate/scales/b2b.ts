// A business matchmaking event: 2,000 attendees from companies of one to three persons,
// about 20,000 one-to-one requests of 15 or 30 minutes over two days at 150 tables.
import { SummitBuilder } from '../builder.js';
import { DAY, type Span } from '../clock.js';
import { placeExistingMeetings } from '../existing.js';
import type { FileRequest, SummitFile } from '../file.js';
import { Rng, WeightedPicker, zipfWeights } from '../prng.js';
import { halfDay, presenceOverlap, PRIORITY_MIX } from '../windows.js';

const VENUE = 'messe';

interface Company {
  id: string;
  persons: string[];
}

/** Generates the B2B instance; `factor` scales the attendees and the requests. */
export function generateB2b(seed: number, factor = 1): SummitFile {
  const b = new SummitBuilder(
    {
      id: 'b2b-bench',
      name: 'Business matchmaking days (benchmark)',
      timezone: 'Europe/Berlin',
      firstDate: '2025-04-01',
      days: 2,
      dayFrom: 9 * 60,
      dayTo: 18 * 60,
      grain: 15,
      buffer: 0,
      venues: [{ id: VENUE, name: 'Exhibition centre, matchmaking area' }],
      travel: [],
    },
    new Rng(seed),
  );
  const { rng } = b;
  for (let i = 1; i <= 150; i++) {
    const capacity = i <= 100 ? 2 : i <= 130 ? 3 : 4;
    b.addRoom({ id: `table-${String(i).padStart(3, '0')}`, venue: VENUE, name: `Table ${i}`, capacity });
  }
  const target = Math.max(40, Math.round(2000 * factor));
  const companies: Company[] = [];
  let people = 0;
  while (people < target) {
    const size = Math.min(
      target - people,
      rng.mix([
        [1, 60],
        [2, 25],
        [3, 15],
      ]),
    );
    const id = `c${String(companies.length + 1).padStart(4, '0')}`;
    const persons = Array.from({ length: size }, (_, i) => `${id}-p${i + 1}`);
    const days = rng.mix([
      ['both', 70],
      ['first', 15],
      ['second', 15],
    ] as const);
    const presence: Span | null =
      days === 'both'
        ? rng.chance(0.8)
          ? null
          : { from: rng.int(9, 12) * 60, to: DAY + rng.int(14, 18) * 60 }
        : days === 'first'
          ? { from: 8 * 60, to: 18 * 60 }
          : { from: DAY + 8 * 60, to: DAY + 18 * 60 };
    b.addDelegation(
      { id, name: `Company ${id.toUpperCase()}`, presence },
      { id: persons[0] as string, name: `Attendee ${persons[0]}`, title: 'Managing Director' },
      persons.slice(1).map((p) => ({ id: p, name: `Attendee ${p}`, title: 'Business Development' })),
    );
    companies.push({ id, persons });
    people += size;
  }
  b.addProgramme({
    id: 'opening-keynote',
    title: 'Opening keynote',
    venue: VENUE,
    span: { from: 9 * 60, to: 9 * 60 + 45 },
    attendees: 'principals',
  });
  b.addProgramme({
    id: 'closing-panel',
    title: 'Closing panel',
    venue: VENUE,
    span: { from: DAY + 17 * 60, to: DAY + 17 * 60 + 45 },
    attendees: rng.sample(companies, Math.min(50, companies.length)).map((c) => c.persons[0] as string),
  });
  for (const c of companies) {
    for (const p of c.persons) {
      if (!rng.chance(0.03)) continue;
      const presence = b.persons.get(p)?.presence ?? b.whole;
      const day = Math.min(1, Math.max(0, Math.floor(presence.from / DAY) + rng.int(0, 1)));
      const start = day * DAY + rng.int(20, 32) * 30;
      b.addBusy(p, { from: start, to: start + rng.pick([45, 60]) }, VENUE, 'Speaking on a panel');
    }
  }
  addOneToOneDemand(b, companies, Math.max(200, Math.round(20000 * factor)));
  return b.file;
}

function addOneToOneDemand(b: SummitBuilder, companies: Company[], count: number): void {
  const { rng } = b;
  const sought = new WeightedPicker(companies, zipfWeights(companies.length, 0.8));
  // The popular and the active are different companies: each draws from its own order.
  const asking = new WeightedPicker(rng.shuffle(companies), zipfWeights(companies.length, 0.3));
  const seen = new Set<string>();
  const made: FileRequest[] = [];
  let guard = 0;
  while (made.length < count && guard++ < count * 20) {
    const from = asking.pick(rng);
    const to = sought.pick(rng);
    const key = `${from.id}>${to.id}`;
    if (from.id === to.id || seen.has(key)) continue;
    seen.add(key);
    const side = (c: Company) =>
      c.persons.length > 1 && rng.chance(0.06) ? rng.sample(c.persons, 2) : [rng.pick(c.persons)];
    const attendees = [...side(from), ...side(to)];
    const overlap = presenceOverlap(b, attendees);
    const status = rng.mix([
      ['agreed', 90],
      ['requested', 5],
      ['declined', 3],
      ['withdrawn', 2],
    ]);
    const request: FileRequest = {
      id: `m${String(made.length + 1).padStart(5, '0')}`,
      from: from.id,
      to: [to.id],
      format: 'bilateral',
      level: 'officials',
      minutes: rng.mix([
        [15, 40],
        [30, 60],
      ]),
      priority: rng.mix(PRIORITY_MIX),
      topics: [rng.pick(['sourcing', 'partnership', 'investment', 'distribution', 'licensing'])],
      attendees,
      status,
    };
    if (rng.chance(0.15)) request.allowed = [halfDay(b, overlap)];
    if (rng.chance(0.3)) request.preferred = [halfDay(b, overlap)];
    b.addRequest(request);
    made.push(request);
  }
  placeExistingMeetings(b, made, { scheduled: 20, confirmed: 10, pinnedShare: 0.5 });
}
