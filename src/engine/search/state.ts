// The plan under construction: who is where, with per-person and per-room occupancy over the grid so a
// conflict check costs a few array reads. Every change can be journalled and undone.
import type { Model, RequestModel } from '../model/model.js';
import { gapBetween, placementValue } from '../model/model.js';
import { IndexedSet } from './indexed-set.js';
import { PracticeLedger } from './practice-ledger.js';

const FREE = -1;

/** The mutable assignment of variables to (start, venue, room) with occupancy indices and the score. */
export class ScheduleState {
  /** Grid index of each request's start, or -1 when unplaced. Fixed meetings stay -1 (they are static). */
  readonly start: Int32Array;
  readonly venue: Int32Array;
  readonly room: Int32Array;
  /** The value each placed request contributes (placementValue). */
  readonly value: Float64Array;
  /** personOwner[p * G + g]: the request whose meeting covers grid step g for person p, or -1. */
  readonly personOwner: Int32Array;
  /** roomOwner[k * G + g]: the request in room k at grid step g, or -1. */
  readonly roomOwner: Int32Array;
  /** roomFree[g * RW + w]: bit k set when room k is not taken by a planned meeting at grid step g. */
  readonly roomFree: Uint32Array;
  /** Sum of values: priority, preferred and kept, lexicographic in one number. */
  total = 0;
  placed = 0;
  /** Priority sum of the placed variables, and how many existing meetings sit elsewhere than before. */
  weight = 0;
  moved = 0;
  /** Existing meetings at their original start and room. */
  kept = 0;
  /** Of those, the ones that still fit (model `existing.fits`): moving any other counts against maxMoves. */
  keptFitting = 0;
  /** Per person, how many times a meeting of theirs left the plan (their free time can only grow then). */
  readonly freed: Int32Array;
  /** Variables (placeable, not fixed requests) on the plan, and those off it. */
  readonly placedSet: IndexedSet;
  readonly unplacedSet: IndexedSet;
  /** Quota and interpreter usage (rules 7 and 8); null when the summit limits neither. */
  readonly ledger: PracticeLedger | null;
  private journal: number[] | null = null;

  constructor(readonly m: Model) {
    const n = m.requests.length;
    const G = m.tl.G;
    this.start = new Int32Array(n).fill(-1);
    this.venue = new Int32Array(n).fill(-1);
    this.room = new Int32Array(n).fill(-1);
    this.value = new Float64Array(n);
    this.personOwner = new Int32Array(m.persons.length * G).fill(FREE);
    this.roomOwner = new Int32Array(m.rooms.length * G).fill(FREE);
    this.roomFree = new Uint32Array(G * m.RW).fill(0xffffffff);
    this.freed = new Int32Array(m.persons.length);
    this.placedSet = new IndexedSet(n);
    this.unplacedSet = new IndexedSet(n);
    for (const r of m.variables) this.unplacedSet.add(r);
    this.ledger =
      m.practice.quotas !== null || m.practice.interpreters !== null ? new PracticeLedger(m) : null;
  }

  /** Starts recording changes so that `undoTo(mark)` can revert them. Returns the mark. */
  mark(): number {
    if (!this.journal) this.journal = [];
    return this.journal.length;
  }

  /** Reverts every change recorded since `mark`. */
  undoTo(mark: number): void {
    const j = this.journal;
    if (!j) return;
    while (j.length > mark) {
      const room = j.pop()!;
      const venue = j.pop()!;
      const g = j.pop()!;
      const r = j.pop()!;
      const saved = this.journal;
      this.journal = null;
      if (g < 0) this.remove(r);
      else this.place(r, g, venue, room);
      this.journal = saved;
    }
  }

  /** Stops journalling (after a move is accepted for good). */
  commit(): void {
    this.journal = null;
  }

  /** Places request r at grid g, at venue `venue`, in room `room` (-1 for a pull-aside). Assumes it fits. */
  place(r: number, g: number, venue: number, room: number): void {
    const m = this.m;
    const G = m.tl.G;
    const req = m.requests[r]!;
    this.start[r] = g;
    this.venue[r] = venue;
    this.room[r] = room;
    const u1 = g + req.units;
    for (const p of req.attendees) this.personOwner.fill(r, p * G + g, p * G + u1);
    if (room >= 0) {
      // The room is held through the turnover after the meeting (rule 5).
      const hold = req.roomHold[g]!;
      this.roomOwner.fill(r, room * G + g, room * G + hold);
      const w = room >>> 5;
      const bit = ~(1 << (room & 31));
      for (let u = g; u < hold; u++) this.roomFree[u * m.RW + w]! &= bit;
    }
    this.ledger?.apply(req, g, 1);
    const kept = req.existing !== null && req.existing.g === g && req.existing.room === room;
    const v = placementValue(m, req, m.tl.gridMin[g]!, kept);
    this.value[r] = v;
    this.total += v;
    this.weight += req.weight;
    if (req.existing !== null && !kept) this.moved++;
    if (kept) {
      this.kept++;
      if (req.existing!.fits) this.keptFitting++;
    }
    this.placed++;
    this.placedSet.add(r);
    this.unplacedSet.delete(r);
    // Journal entries are (request, start, venue, room); start -1 means "undo by removing".
    this.journal?.push(r, -1, -1, -1);
  }

  /** Removes request r from the plan. */
  remove(r: number): void {
    const m = this.m;
    const G = m.tl.G;
    const g = this.start[r]!;
    if (g < 0) return;
    const req = m.requests[r]!;
    const room = this.room[r]!;
    const venue = this.venue[r]!;
    const u1 = g + req.units;
    for (const p of req.attendees) {
      this.personOwner.fill(FREE, p * G + g, p * G + u1);
      this.freed[p]!++;
    }
    if (room >= 0) {
      const hold = req.roomHold[g]!;
      this.roomOwner.fill(FREE, room * G + g, room * G + hold);
      const w = room >>> 5;
      const bit = 1 << (room & 31);
      for (let u = g; u < hold; u++) this.roomFree[u * m.RW + w]! |= bit;
    }
    this.ledger?.apply(req, g, -1);
    this.total -= this.value[r]!;
    this.value[r] = 0;
    this.weight -= req.weight;
    if (req.existing !== null) {
      if (req.existing.g === g && req.existing.room === room) {
        this.kept--;
        if (req.existing.fits) this.keptFitting--;
      } else this.moved--;
    }
    this.start[r] = -1;
    this.venue[r] = -1;
    this.room[r] = -1;
    this.placed--;
    this.placedSet.delete(r);
    this.unplacedSet.add(r);
    this.journal?.push(r, g, venue, room);
  }

  /** Existing meetings that still fit and are now elsewhere or off the plan: the moves rule 10 counts. */
  disturbed(): number {
    return this.m.fitting - this.keptFitting;
  }

  /** True when the plan moves more fitting meetings than the policy allows. */
  overBudget(): boolean {
    const max = this.m.policy.maxMoves;
    return max !== null && this.m.fitting - this.keptFitting > max;
  }

  /** True when `req` at grid g stays within the quotas and the interpreters (rules 7 and 8). */
  rulesFree(req: RequestModel, g: number): boolean {
    return this.ledger === null || this.ledger.fits(req, g);
  }

  /** True when no attendee of `req` has a planned meeting clashing with [g, g + units) at `venue`. */
  personsFree(req: RequestModel, g: number, venue: number): boolean {
    for (const p of req.attendees) if (!this.personFree(p, req, g, venue, -1)) return false;
    return true;
  }

  /**
   * True when person p can take `req` at grid g and venue, ignoring request `ignore` (its own old place).
   * Overlap is read from the occupancy; travel and buffer are checked against neighbours within reach.
   */
  personFree(p: number, req: RequestModel, g: number, venue: number, ignore: number): boolean {
    const m = this.m;
    const { tl } = m;
    const G = tl.G;
    const own = this.personOwner;
    const base = p * G;
    const u1 = g + req.units;
    for (let u = g; u < u1; u++) {
      const o = own[base + u]!;
      if (o !== FREE && o !== ignore) return false;
    }
    if (m.maxGap === 0) return true;
    const t = tl.gridMin[g]!;
    const e = t + req.minutes;
    const reachBack = t - m.maxGap - tl.grain;
    for (let u = g - 1; u >= 0 && tl.gridMin[u]! > reachBack; u--) {
      const o = own[base + u]!;
      if (o === FREE || o === ignore) continue;
      const oe = tl.gridMin[this.start[o]!]! + m.requests[o]!.minutes;
      if (oe + gapBetween(m, this.venue[o]!, venue) > t) return false;
    }
    const reachFwd = e + m.maxGap;
    for (let u = u1; u < G && tl.gridMin[u]! < reachFwd; u++) {
      const o = own[base + u]!;
      if (o === FREE || o === ignore) continue;
      if (e + gapBetween(m, venue, this.venue[o]!) > tl.gridMin[this.start[o]!]!) return false;
    }
    return true;
  }

  /** Calls `visit` for each planned request clashing for person p with `req` at g and venue. */
  personClashes(p: number, req: RequestModel, g: number, venue: number, visit: (o: number) => void): void {
    const m = this.m;
    const { tl } = m;
    const G = tl.G;
    const own = this.personOwner;
    const base = p * G;
    const u1 = g + req.units;
    let last = FREE;
    for (let u = g; u < u1; u++) {
      const o = own[base + u]!;
      if (o !== FREE && o !== last) visit((last = o));
    }
    if (m.maxGap === 0) return;
    const t = tl.gridMin[g]!;
    const e = t + req.minutes;
    const reachBack = t - m.maxGap - tl.grain;
    for (let u = g - 1; u >= 0 && tl.gridMin[u]! > reachBack; u--) {
      const o = own[base + u]!;
      if (o === FREE || o === last) continue;
      const oe = tl.gridMin[this.start[o]!]! + m.requests[o]!.minutes;
      if (oe + gapBetween(m, this.venue[o]!, venue) > t) visit((last = o));
    }
    const reachFwd = e + m.maxGap;
    for (let u = u1; u < G && tl.gridMin[u]! < reachFwd; u++) {
      const o = own[base + u]!;
      if (o === FREE || o === last) continue;
      if (e + gapBetween(m, venue, this.venue[o]!) > tl.gridMin[this.start[o]!]!) visit((last = o));
    }
  }

  /**
   * True when room k is free of planned meetings over the steps the request would hold it (its own
   * and the turnover after it) and statically free to its end.
   */
  roomFits(k: number, req: RequestModel, g: number): boolean {
    const m = this.m;
    const G = m.tl.G;
    if (m.roomFreeUntil[k * G + g]! < m.tl.gridMin[g]! + req.minutes) return false;
    const base = k * G;
    const hold = req.roomHold[g]!;
    for (let u = g; u < hold; u++) if (this.roomOwner[base + u] !== FREE) return false;
    return true;
  }

  /** A snapshot of the assignment (to keep the best plan found). */
  snapshot(): { start: Int32Array; venue: Int32Array; room: Int32Array } {
    return { start: this.start.slice(), venue: this.venue.slice(), room: this.room.slice() };
  }

  /** Replaces the assignment with a snapshot. */
  restore(s: { start: Int32Array; venue: Int32Array; room: Int32Array }): void {
    const saved = this.journal;
    this.journal = null;
    for (let r = 0; r < this.start.length; r++) if (this.start[r]! >= 0) this.remove(r);
    for (let r = 0; r < s.start.length; r++)
      if (s.start[r]! >= 0) this.place(r, s.start[r]!, s.venue[r]!, s.room[r]!);
    this.journal = saved;
  }
}
