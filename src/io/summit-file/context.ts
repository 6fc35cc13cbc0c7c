// What the section readers of one summit file share: the error list, the summit's settings and
// the ids claimed so far (so that a reference can be checked and a duplicate named).
import type { RankParity } from '../../domain/summit/practice.js';
import type { RulePerson } from '../../domain/request/rules.js';
import { inFile, Problems, type Located } from '../errors.js';
import { IdRegistry, rawId, type SummitRefs } from '../resolve/refs.js';

/** The state shared while one file is read. */
export interface FileContext extends SummitRefs {
  problems: Problems;
  /** Filled as the delegations are read: each person whose delegation is known, with their rank. */
  people: Map<string, RulePerson>;
  venues: IdRegistry;
  rooms: IdRegistry;
  delegations: IdRegistry;
  persons: IdRegistry;
  programme: IdRegistry;
  busy: IdRegistry;
  requests: IdRegistry;
  warnings: Problems;
}

/** A fresh context for a file whose summit section gave `zone` and `grainMinutes`. */
export function newFileContext(
  problems: Problems,
  zone: string | null,
  grainMinutes: number | null,
  rankParity: RankParity,
): FileContext {
  return {
    problems,
    zone,
    grainMinutes,
    rankParity,
    warnings: new Problems(),
    venues: new IdRegistry('venue'),
    rooms: new IdRegistry('room'),
    delegations: new IdRegistry('delegation'),
    persons: new IdRegistry('person'),
    people: new Map(),
    programme: new IdRegistry('programme event'),
    busy: new IdRegistry('busy block'),
    requests: new IdRegistry('request'),
  };
}

/**
 * Visits each item of a section with its location. The item's raw id is claimed first, even
 * when the item's shape is wrong, so that references to it are not reported as unknown too.
 */
export function eachItem(
  items: readonly unknown[],
  section: string,
  ctx: FileContext,
  registry: IdRegistry | null,
  visit: (raw: unknown, at: Located, index: number) => void,
): void {
  items.forEach((raw, i) => {
    const at = inFile(ctx.problems, [section, i]);
    const id = registry ? rawId(raw) : null;
    if (registry && id !== null) registry.claim(id, at, ['id']);
    visit(raw, at, i);
  });
}
