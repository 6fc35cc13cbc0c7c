// The columns (0/1 variables) of the MILP, in one of two forms:
// - exact: one per request, grid start and room class (or no room, for a pull-aside);
// - rooms aggregated: one per request, grid start and venue, with the set of room classes it
//   could use. Rooms then enter only through counting rows (see matrix.ts): a relaxation, so
//   its bound is still valid, and its plans get rooms afterwards (see plan.ts). It is a tenth of
//   the size, for summits whose exact model is too large to solve.
import type { MilpInstance } from './instance.js';
import { forEachOption, type Place } from './options.js';

/** Which form the model takes. */
export type ModelMode = 'exact' | 'rooms-aggregated';

/** The columns of a model, as typed arrays. */
export interface Columns {
  mode: ModelMode;
  count: number;
  request: Int32Array;
  grid: Int32Array;
  /** Exact: the room class, or -1. Aggregated: the index in `sets` of the classes it may use, or -1. */
  cls: Int32Array;
  venue: Int32Array;
  /** Aggregated only: the distinct sets of room classes, each sorted. */
  sets: number[][];
}

/** Sizes of both forms, counted without building either. */
export interface ModelSizes {
  exact: { variables: number; nonzeros: number };
  aggregated: { variables: number; nonzeros: number };
}

/**
 * Calls `emit` once per aggregated column: a request, start and venue with the room classes
 * (empty for a pull-aside) its options there use. Options arrive grouped by request and start.
 */
function forEachAggregate(
  inst: MilpInstance,
  emit: (request: number, g: number, venue: number, classes: number[], places: number) => void,
): void {
  let key = '';
  let current: { ri: number; g: number; venue: number; classes: number[]; places: number } | null = null;
  const flush = () => {
    if (current) emit(current.ri, current.g, current.venue, current.classes, current.places);
  };
  forEachOption(inst, (ri, g, place: Place) => {
    const k = `${ri}|${g}|${place.venue}`;
    if (k !== key) {
      flush();
      key = k;
      current = { ri, g, venue: place.venue, classes: [], places: 0 };
    }
    if (current && place.cls >= 0) current.classes.push(place.cls);
    if (current) current.places++;
  });
  flush();
}

/** Counts variables and (roughly, for the aggregated form) non-zeros of both forms. */
export function measureModel(inst: MilpInstance): ModelSizes {
  const sizes: ModelSizes = {
    exact: { variables: 0, nonzeros: 0 },
    aggregated: { variables: 0, nonzeros: 0 },
  };
  const covered = (g: number, until: number) => {
    let k = 0;
    for (let h = g; h < inst.grid.length && (inst.grid[h] as number) < until; h++) k++;
    return k;
  };
  forEachAggregate(inst, (ri, g, _venue, classes, places) => {
    const r = inst.requests[ri];
    if (!r) return;
    const s = inst.grid[g] as number;
    const room = covered(g, s + r.minutes);
    const person = r.attendees.length * covered(g, s + r.minutes + inst.buffer);
    sizes.exact.variables += places;
    sizes.exact.nonzeros += places * (1 + person) + classes.length * room;
    sizes.aggregated.variables += 1;
    // A column counts in the rows of its own set of classes and of a few larger ones.
    sizes.aggregated.nonzeros += 1 + person + (classes.length > 0 ? 3 * room : 0);
  });
  return sizes;
}

/** Collects the columns of the chosen form. */
export function collectColumns(inst: MilpInstance, mode: ModelMode, expected: number): Columns {
  const cols: Columns = {
    mode,
    count: 0,
    request: new Int32Array(expected),
    grid: new Int32Array(expected),
    cls: new Int32Array(expected),
    venue: new Int32Array(expected),
    sets: [],
  };
  if (mode === 'exact') {
    forEachOption(inst, (ri, g, place) => {
      const j = cols.count++;
      cols.request[j] = ri;
      cols.grid[j] = g;
      cols.cls[j] = place.cls;
      cols.venue[j] = place.venue;
    });
    return cols;
  }
  const setIndex = new Map<string, number>();
  forEachAggregate(inst, (ri, g, venue, classes) => {
    const j = cols.count++;
    cols.request[j] = ri;
    cols.grid[j] = g;
    cols.venue[j] = venue;
    if (classes.length === 0) {
      cols.cls[j] = -1;
      return;
    }
    const sorted = [...classes].sort((a, b) => a - b);
    const key = sorted.join(',');
    let id = setIndex.get(key);
    if (id === undefined) {
      id = cols.sets.length;
      cols.sets.push(sorted);
      setIndex.set(key, id);
    }
    cols.cls[j] = id;
  });
  return cols;
}
