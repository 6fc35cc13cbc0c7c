// Rule 8 (summit-file.md): interpretation. A meeting needs an interpreter of delegation d when d is a
// party with attendees there and another party's attendees share no language with d's (a person's
// languages: their own, else their delegation's; neither: every language). At no moment do more
// meetings need d's interpreters than d brings. Usage is counted per grid step, which is exact for
// meetings whose minutes are a multiple of the grain (the request rules require it).
import type { SummitData } from '../../../domain/summit/data.js';
import type { RequestModel } from '../model.js';
import { firstGridAtOrAfter, type Timeline } from '../timeline.js';

/** The delegations with a limited number of interpreters that some meeting needs. */
export interface InterpreterModel {
  /** One group per delegation whose interpreters are counted. */
  groups: { delegation: string; limit: number }[];
  /** base[group * G + g]: fixed meetings needing the group at grid step g. */
  base: Int32Array;
  /** Per request: the groups it needs. */
  needs: Int32Array[];
}

/** Languages of one person: their own, else their delegation's; null: they share every language. */
type Tongues = readonly string[] | null;

/** True when two groups of attendees can speak without an interpreter. */
function share(a: readonly Tongues[], b: readonly Tongues[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x === null || y === null || x.some((l) => y.includes(l))) return true;
    }
  }
  return false;
}

/** The request terms interpretation depends on. */
export interface Interlocutors {
  from: string;
  to: readonly string[];
  attendees: readonly string[];
}

/**
 * A function giving the parties of a request that need one of their interpreters there (whatever
 * their number), with the summit's persons and delegations looked up once.
 */
export function interpretationNeeds(
  data: Pick<SummitData, 'persons' | 'delegations'>,
): (request: Interlocutors) => string[] {
  const persons = new Map(data.persons.map((p) => [p.id as string, p]));
  const delegations = new Map(data.delegations.map((d) => [d.id as string, d]));
  return (request) => partiesNeeding(persons, delegations, request);
}

function partiesNeeding(
  persons: ReadonlyMap<string, SummitData['persons'][number]>,
  delegations: ReadonlyMap<string, SummitData['delegations'][number]>,
  request: Interlocutors,
): string[] {
  const byParty = new Map<string, Tongues[]>();
  for (const party of new Set([request.from, ...request.to])) byParty.set(party, []);
  for (const id of request.attendees) {
    const p = persons.get(id);
    const group = p ? byParty.get(p.delegation) : undefined;
    if (!p || !group) continue;
    group.push(p.languages ?? delegations.get(p.delegation)?.languages ?? null);
  }
  const out: string[] = [];
  for (const [d, mine] of byParty) {
    if (mine.length === 0) continue;
    const apart = [...byParty].some(([e, theirs]) => e !== d && theirs.length > 0 && !share(mine, theirs));
    if (apart) out.push(d);
  }
  return out;
}

/** Compiles the interpreter limits against the requests (fixed ones already marked); null when none binds. */
export function compileInterpreters(
  data: SummitData,
  tl: Timeline,
  requests: readonly RequestModel[],
): InterpreterModel | null {
  const limited = new Map<string, number>();
  for (const d of data.delegations) if (d.interpreters !== null) limited.set(d.id, d.interpreters);
  if (limited.size === 0) return null;
  const groupOf = new Map<string, number>();
  const groups: InterpreterModel['groups'] = [];
  const needing = interpretationNeeds(data);
  const needs = requests.map((r) => {
    if (!r.placeable) return new Int32Array(0);
    const out: number[] = [];
    for (const d of needing(r.source)) {
      const limit = limited.get(d);
      if (limit === undefined) continue;
      let gi = groupOf.get(d);
      if (gi === undefined) {
        gi = groups.length;
        groupOf.set(d, gi);
        groups.push({ delegation: d, limit });
      }
      out.push(gi);
    }
    return Int32Array.from(out);
  });
  if (groups.length === 0) return null;
  const G = tl.G;
  const base = new Int32Array(groups.length * G);
  for (const r of requests) {
    if (r.fixed === null) continue;
    const start = r.fixed.start;
    // Every grid step the meeting overlaps: [gridMin, gridMin + grain) meets [start, end).
    const lo = firstGridAtOrAfter(tl, start - tl.grain + 1);
    const hi = firstGridAtOrAfter(tl, start + r.minutes);
    for (const gi of needs[r.index]!) for (let u = lo; u < hi; u++) base[gi * G + u]!++;
  }
  return { groups, base, needs };
}
