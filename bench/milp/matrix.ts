// The constraint matrix of the time-indexed MILP, row by row (CSR), in typed arrays so that a
// model of millions of variables is built without millions of small objects.
//
// Rows (every one reads "sum of x over the set <= upper"):
// - request r: its options; upper 1 (placed at most once);
// - room class c at grid start t: options of c whose meeting covers t; upper = rooms in c
//   (exact form). In the rooms-aggregated form, for each set S of room classes (the sets the
//   columns may use, and each venue's whole set) and grid start t: the columns whose classes all
//   lie in S and whose meeting covers t; upper = rooms of S free at t. Every plan meets these,
//   so the bound stays valid, but a solution may not be given rooms without dropping some;
// - person p at grid start t: options of p whose meeting, extended by the buffer, covers t;
//   upper 1. Two engagements of one person whose buffer-extended intervals overlap always
//   clash, whatever their venues;
// - travel, for person p, venues v != w with travel T > 0, an end minute e and a start minute
//   t' with e + buffer <= t' < e + buffer + T: p's options at v ending at e and p's options at w
//   starting at t'; upper 1. Each such pair clashes, and together with the person rows these
//   cover exactly the clashes of summit-file.md rule 3: the model is exact, neither stricter nor
//   looser than the rules, so its optimum is the true optimum and its bound a true bound.
// Rows that can never bind (no more entries than their upper bound) are left out.
import type { Columns } from './columns.js';
import type { MilpInstance } from './instance.js';
import { gapMinutes } from './options.js';

/** A built model: columns, CSR rows and their upper bounds. */
export interface MilpMatrix {
  columns: Columns;
  numRows: number;
  starts: Int32Array;
  indices: Int32Array;
  upper: Float64Array;
}

/** A growable list of (row, column) pairs. */
class Entries {
  rows = new Int32Array(1 << 16);
  cols = new Int32Array(1 << 16);
  length = 0;

  push(row: number, col: number): void {
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.rows.length * 2);
      rows.set(this.rows);
      this.rows = rows;
      const cols = new Int32Array(this.cols.length * 2);
      cols.set(this.cols);
      this.cols = cols;
    }
    this.rows[this.length] = row;
    this.cols[this.length] = col;
    this.length++;
  }
}

/** Builds every row of the model over `columns`. */
export function buildMatrix(inst: MilpInstance, columns: Columns): MilpMatrix {
  const G = inst.grid.length;
  const R = inst.requests.length;
  const rooms = roomRows(inst, columns);
  const roomBase = R;
  const personBase = R + rooms.families * G;
  let nextRow = personBase + inst.persons.length * G;
  const entries = new Entries();
  for (let j = 0; j < columns.count; j++) {
    const ri = columns.request[j] as number;
    const r = inst.requests[ri];
    if (!r) continue;
    const g = columns.grid[j] as number;
    const within = rooms.rowsOf(columns.cls[j] as number);
    const s = inst.grid[g] as number;
    const e = s + r.minutes;
    entries.push(ri, j);
    for (let h = g; h < G && (inst.grid[h] as number) < e; h++) {
      for (const f of within) entries.push(roomBase + f * G + h, j);
    }
    for (let h = g; h < G && (inst.grid[h] as number) < e + inst.buffer; h++) {
      for (const p of r.attendees) entries.push(personBase + p * G + h, j);
    }
  }
  nextRow = addTravelRows(inst, columns, entries, nextRow);

  const upper = new Float64Array(nextRow).fill(1);
  for (let f = 0; f < rooms.families; f++) {
    for (let h = 0; h < G; h++) upper[roomBase + f * G + h] = rooms.capacity(f, inst.grid[h] as number);
  }
  return { columns, ...compress(entries, nextRow, upper) };
}

/**
 * The room rows: families of classes, the families a column counts in, and the rooms a family
 * has free at a minute. Exact form: one family per class. Aggregated form: see the header.
 */
function roomRows(
  inst: MilpInstance,
  columns: Columns,
): { families: number; rowsOf: (cls: number) => number[]; capacity: (f: number, t: number) => number } {
  const roomsFreeAt = (c: number, t: number) => {
    const k = inst.classes[c];
    return k && k.free.some((w) => w.from <= t && t < w.to) ? k.rooms.length : 0;
  };
  if (columns.mode === 'exact') {
    const one = inst.classes.map((_, c) => [c]);
    return {
      families: inst.classes.length,
      rowsOf: (cls) => (cls >= 0 ? (one[cls] as number[]) : []),
      capacity: (f, t) => roomsFreeAt(f, t),
    };
  }
  const family = columns.sets.map((s) => s);
  const byVenue = new Map<number, number[]>();
  inst.classes.forEach((c, i) => byVenue.set(c.venue, [...(byVenue.get(c.venue) ?? []), i]));
  const known = new Set(family.map((f) => f.join(',')));
  for (const all of byVenue.values()) if (!known.has(all.join(','))) family.push(all);
  const supersets = columns.sets.map((set) =>
    family.flatMap((f, fi) => (set.every((c) => f.includes(c)) ? [fi] : [])),
  );
  return {
    families: family.length,
    rowsOf: (cls) => (cls >= 0 ? (supersets[cls] as number[]) : []),
    capacity: (f, t) => (family[f] ?? []).reduce((a, c) => a + roomsFreeAt(c, t), 0),
  };
}

/** Rows for pairs of one person's options at two venues too close in time for the travel. */
function addTravelRows(inst: MilpInstance, columns: Columns, entries: Entries, firstRow: number): number {
  const V = inst.venues.length;
  if (!inst.travel.some((t) => t > 0)) return firstRow;
  // Per person and venue: options by end minute and by start minute.
  const byEnd = new Map<number, Map<number, number[]>>();
  const byStart = new Map<number, Map<number, number[]>>();
  const push = (m: Map<number, Map<number, number[]>>, key: number, minute: number, j: number) => {
    let inner = m.get(key);
    if (!inner) m.set(key, (inner = new Map()));
    const list = inner.get(minute);
    if (list) list.push(j);
    else inner.set(minute, [j]);
  };
  for (let j = 0; j < columns.count; j++) {
    const v = columns.venue[j] as number;
    if (v < 0) continue;
    const r = inst.requests[columns.request[j] as number];
    if (!r) continue;
    const s = inst.grid[columns.grid[j] as number] as number;
    for (const p of r.attendees) {
      push(byEnd, p * V + v, s + r.minutes, j);
      push(byStart, p * V + v, s, j);
    }
  }
  let row = firstRow;
  for (let p = 0; p < inst.persons.length; p++) {
    for (let v = 0; v < V; v++) {
      const ends = byEnd.get(p * V + v);
      if (!ends) continue;
      for (let w = 0; w < V; w++) {
        const travel = inst.travel[v * V + w] ?? 0;
        const starts = byStart.get(p * V + w);
        if (v === w || travel <= 0 || !starts) continue;
        const gap = gapMinutes(inst, v, w);
        for (const [e, before] of ends) {
          for (let t = e + inst.buffer; t < e + gap; t++) {
            const after = starts.get(t);
            if (!after) continue;
            for (const j of before) entries.push(row, j);
            for (const j of after) entries.push(row, j);
            row++;
          }
        }
      }
    }
  }
  return row;
}

/** Sorts entries into CSR and drops rows that can never bind. */
function compress(entries: Entries, numRows: number, upper: Float64Array): Omit<MilpMatrix, 'columns'> {
  const count = new Int32Array(numRows);
  for (let k = 0; k < entries.length; k++) count[entries.rows[k] as number]!++;
  const newIndex = new Int32Array(numRows).fill(-1);
  let kept = 0;
  for (let i = 0; i < numRows; i++) if ((count[i] as number) > (upper[i] as number)) newIndex[i] = kept++;
  const starts = new Int32Array(kept + 1);
  const keptUpper = new Float64Array(kept);
  for (let i = 0; i < numRows; i++) {
    const n = newIndex[i] as number;
    if (n < 0) continue;
    starts[n + 1] = count[i] as number;
    keptUpper[n] = upper[i] as number;
  }
  for (let n = 0; n < kept; n++) starts[n + 1]! += starts[n] as number;
  const fill = starts.slice(0, kept);
  const indices = new Int32Array(starts[kept] as number);
  for (let k = 0; k < entries.length; k++) {
    const n = newIndex[entries.rows[k] as number] as number;
    if (n < 0) continue;
    indices[fill[n]!++] = entries.cols[k] as number;
  }
  return {
    numRows: kept,
    starts,
    indices,
    upper: keptUpper,
  };
}
