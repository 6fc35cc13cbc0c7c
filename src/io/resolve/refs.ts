// What an imported record may refer to, and the checks of ids and references.
import type { RulePerson } from '../../domain/request/rules.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { RankParity } from '../../domain/summit/practice.js';
import { Problems, type Located, type PathSegment } from '../errors.js';

/** Anything that answers whether an id is known. */
export interface IdSet {
  has(id: string): boolean;
}

/** The ids and summit settings that requests and meetings are checked against. */
export interface SummitRefs {
  /** The summit's IANA zone; null when it is invalid (times are then not read, the zone's error says why). */
  zone: string | null;
  /** null when the summit's grain is invalid. */
  grainMinutes: number | null;
  venues: IdSet;
  rooms: IdSet;
  delegations: IdSet;
  persons: IdSet;
  /** The persons whose records are known in full (their delegation and rank), by id. */
  people: ReadonlyMap<string, RulePerson>;
  /** What a request whose parties' ranks differ meets with. */
  rankParity: RankParity;
  /** Where warnings go (a rank mismatch under `warn`). */
  warnings: Problems;
}

/** The references of an existing summit, for importing records into it. */
export function refsFromData(data: SummitData): SummitRefs {
  return {
    zone: data.summit.timezone,
    grainMinutes: data.summit.grainMinutes,
    venues: new Set(data.venues.map((v) => v.id)),
    rooms: new Set(data.rooms.map((r) => r.id)),
    delegations: new Set(data.delegations.map((d) => d.id)),
    persons: new Set(data.persons.map((p) => p.id)),
    people: new Map(data.persons.map((p) => [p.id as string, p])),
    rankParity: data.summit.rankParity,
    warnings: new Problems(),
  };
}

/** Reports `unknown <what> "<id>"` when the id is not known; true when it is. */
export function checkRef(known: IdSet, id: string, what: string, at: Located, path: PathSegment[]): boolean {
  if (known.has(id)) return true;
  at.error(path, `unknown ${what} "${id}"`);
  return false;
}

/** Reports each entry of a list that repeats an earlier one. */
export function checkNoRepeats(
  items: readonly string[],
  what: string,
  at: Located,
  path: PathSegment[],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item);
    if (first === undefined) seen.set(item, i);
    else at.error([...path, i], `${what} "${item}" is already listed at ${at.locate([...path, first])}`);
  });
}

/** The ids of one section: the first use of an id claims it, a repeat is an error naming the first. */
export class IdRegistry implements IdSet {
  private readonly first = new Map<string, string>();

  constructor(private readonly what: string) {}

  /** Claims `id` for the record at `path`; false (and an error) when it is taken. */
  claim(id: string, at: Located, path: PathSegment[]): boolean {
    const where = this.first.get(id);
    if (where !== undefined) {
      at.error(path, `duplicate ${this.what} id "${id}" (first used at ${where})`);
      return false;
    }
    this.first.set(id, at.locate(path));
    return true;
  }

  has(id: string): boolean {
    return this.first.has(id);
  }
}

/** The id of a record whose shape may be wrong, when it has a usable one (so references to it still resolve). */
export function rawId(raw: unknown, key = 'id'): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as Record<string, unknown>)[key];
  return typeof id === 'string' && id.length > 0 ? id : null;
}
