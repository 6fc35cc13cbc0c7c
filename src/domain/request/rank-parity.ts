// Rank parity (summit-file.md, "Rank"): like meets like. The highest rank among each party's
// attendees is compared; a head of state and a head of government count alike. Not a scheduling
// rule: a summit warns about a mismatch, refuses it, or ignores it (`rankParity`).
import type { Rank } from '../summit/practice.js';

/** Ranks of one tier are alike: heads of state and of government, then ministers, deputies, officials. */
const TIER: Readonly<Record<Rank, number>> = {
  'head-of-state': 0,
  'head-of-government': 0,
  minister: 1,
  'deputy-minister': 2,
  official: 3,
};

/** Order within a tier, to name the higher of two alike ranks (a head of state before a head of government). */
const ORDER: Readonly<Record<Rank, number>> = {
  'head-of-state': 0,
  'head-of-government': 1,
  minister: 2,
  'deputy-minister': 3,
  official: 4,
};

/** A rank in words: `head of state`. */
export function rankInWords(rank: Rank): string {
  return rank.replace(/-/g, ' ');
}

/** The highest-ranked attendee of one party. */
export interface PartyTop {
  delegation: string;
  person: string;
  rank: Rank;
}

/** Parties whose highest ranks differ, and the sentence that names them. */
export interface RankMismatch {
  /** The party that ranks highest, then each party that ranks lower, in the request's party order. */
  higher: PartyTop;
  lower: PartyTop[];
  /** `usa-potus (head of state) with chn-commerce (minister)`. */
  message: string;
}

/** What rank parity reads of a person. */
export interface RankedPerson {
  delegation: string;
  rank?: Rank | null;
}

/**
 * The rank mismatch of a request, or null when its parties are of like rank. Parties none of whose
 * attendees has a rank are not judged (nothing to compare), so a summit without ranks never warns.
 */
export function checkRankParity(
  request: { from: string; to: readonly string[]; attendees: readonly string[] },
  person: (id: string) => RankedPerson | undefined,
): RankMismatch | null {
  const parties = [...new Set([request.from, ...request.to])];
  const tops: PartyTop[] = [];
  for (const delegation of parties) {
    let top: PartyTop | null = null;
    for (const id of request.attendees) {
      const p = person(id);
      if (!p || p.delegation !== delegation || p.rank === null || p.rank === undefined) continue;
      if (top === null || ORDER[p.rank] < ORDER[top.rank]) top = { delegation, person: id, rank: p.rank };
    }
    if (top) tops.push(top);
  }
  if (tops.length < 2) return null;
  const best = Math.min(...tops.map((t) => TIER[t.rank]));
  const higher = tops.find((t) => TIER[t.rank] === best)!;
  const lower = tops.filter((t) => TIER[t.rank] > best);
  if (lower.length === 0) return null;
  const named = (t: PartyTop) => `${t.person} (${rankInWords(t.rank)})`;
  const others = lower.map(named);
  const list = others.length === 1 ? others[0]! : `${others.slice(0, -1).join(', ')} and ${others.at(-1)!}`;
  return { higher, lower, message: `${named(higher)} with ${list}` };
}
