// A large deterministic summit for timing the baselines and the checker (thousands of requests).
import type { SummitData } from '../../../src/domain/summit/data.js';
import { SummitFixture } from '../check/fixtures.js';

/** A four-day summit with `requests` requests among `delegations` delegations; the same arguments give the same summit. */
export function largeSummit(requests: number, delegations = 80, seed = 7): SummitData {
  let state = seed >>> 0 || 1;
  // xorshift32: a small seeded generator, so the summit is the same on every run.
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const pick = (n: number) => Math.floor(next() * n);
  const two = (n: number) => String(n).padStart(2, '0');
  const days = ['2017-11-08', '2017-11-09', '2017-11-10', '2017-11-11'];
  const at = (day: number, minutes: number) =>
    `${days[day]}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;

  const f = new SummitFixture({ days: { from: '2017-11-08', to: '2017-11-11' }, bufferMinutes: 5 });
  const venues = ['v0', 'v1', 'v2', 'v3', 'v4', 'v5'];
  for (const v of venues) f.venue(v);
  venues.forEach((a, i) => venues.slice(i + 1).forEach((b) => f.travel(a, b, 10 + pick(4) * 10)));
  for (let d = 0; d < delegations; d++) {
    f.delegation(`d${d}`, {
      members: [`d${d}-fm`, `d${d}-trade`, `d${d}-adviser`],
      presence: [{ from: at(pick(2), 6 * 60), to: at(3, 20 * 60) }],
    });
  }
  for (let r = 0; r < 48; r++) {
    f.room(`room${r}`, {
      venue: venues[r % venues.length] as string,
      capacity: 4 + pick(12),
      delegation: r % 8 === 7 ? `d${pick(delegations)}` : null,
    });
  }
  days.forEach((_, day) => {
    f.programme(`plenary${day}`, { from: at(day, 9 * 60), to: at(day, 11 * 60), venue: 'v0' });
    f.programme(`dinner${day}`, {
      from: at(day, 19 * 60),
      to: at(day, 21 * 60),
      venue: 'v1',
      encounter: true,
    });
  });
  for (let b = 0; b < delegations * 2; b++) {
    const day = pick(4);
    const start = 7 * 60 + pick(60) * 15;
    f.busy(`busy${b}`, {
      person: `d${pick(delegations)}-leader`,
      from: at(day, start),
      to: at(day, start + 60),
      venue: pick(2) === 0 ? null : (venues[pick(venues.length)] as string),
    });
  }
  const formats = [
    'bilateral',
    'bilateral',
    'bilateral',
    'pull-aside',
    'working-meal',
    'courtesy-call',
  ] as const;
  for (let q = 0; q < requests; q++) {
    const from = pick(delegations);
    const to = (from + 1 + pick(delegations - 1)) % delegations;
    const ministers = pick(3) === 0;
    const day = pick(4);
    f.request(`q${q}`, {
      from: `d${from}`,
      to: [`d${to}`],
      format: formats[pick(formats.length)] as (typeof formats)[number],
      attendees: ministers
        ? [`d${from}-fm`, `d${to}-fm`]
        : [`d${from}-leader`, `d${from}-adviser`, `d${to}-leader`],
      minutes: 30 + pick(3) * 15,
      priority: 1 + pick(5),
      venue: pick(5) === 0 ? (venues[pick(venues.length)] as string) : null,
      allowed: pick(4) === 0 ? [{ from: at(day, 7 * 60), to: at(day, 23 * 60) }] : null,
      preferred: pick(2) === 0 ? [{ from: at(day, 14 * 60), to: at(day, 18 * 60) }] : [],
      status: (['agreed', 'scheduled', 'confirmed', 'requested'] as const)[pick(4)],
    });
  }
  return f.build();
}
