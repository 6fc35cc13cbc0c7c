// Large-neighbourhood search: take a related set of meetings off the plan, put them and related
// unplaced requests back by best insertion (highest priority first), keep the result when the
// lexicographic objective did not get worse. Ejection moves place an unplaced request by displacing
// cheaper ones. Operators are chosen adaptively by their recent success.
import type { Rng } from '../rng.js';
import { bestSlot, type Coarseness, type SlotSearch } from './insert.js';
import { attendeeChain, personDay, randomSet, roomBand, type Destroy } from './neighbourhoods.js';
import { ejectInsert } from './eject.js';
import { existingSlot } from './construct.js';
import type { ScheduleState } from './state.js';

/** Length of the late-acceptance history. */
const LATE_ACCEPTANCE = 200;

interface Operator {
  name: string;
  run: (lns: Lns) => boolean;
  score: number;
}

/** The search loop's state: operators and their weights, the destroy size, the generator. */
export class Lns {
  private readonly operators: Operator[];
  private readonly touched: Uint8Array;
  private readonly keys: Float64Array;
  private readonly history: Float64Array;
  private iteration = 0;
  /** Scratch marks for de-duplicating requests within one move (see nextStamp). */
  readonly seen: Int32Array;
  /** For a request whose attendees had no common free start: their freed sum then (else -1). */
  private readonly blockedAt: Float64Array;
  private readonly slotSearch: SlotSearch = { personsFree: false };
  private stamp = 0;
  size: number;
  readonly maxSize: number;

  constructor(
    readonly state: ScheduleState,
    readonly rng: Rng,
    /** 'late': late acceptance on the whole objective; 'weight-gain': move existing meetings only for more weight. */
    readonly mode: 'late' | 'weight-gain' = 'late',
  ) {
    const destroy = (name: string, d: Destroy): Operator => ({
      name,
      run: (lns) => lns.destroyRepair(d),
      score: 1,
    });
    this.operators = [
      destroy('person-day', personDay),
      destroy('room-band', roomBand),
      destroy('attendee-chain', attendeeChain),
      destroy('random', randomSet),
      { name: 'eject', run: (lns) => lns.eject(), score: 1 },
    ];
    this.touched = new Uint8Array(state.m.requests.length);
    this.keys = new Float64Array(state.m.requests.length);
    this.history = new Float64Array(LATE_ACCEPTANCE).fill(state.total);
    this.seen = new Int32Array(state.m.requests.length);
    this.blockedAt = new Float64Array(state.m.requests.length).fill(-1);
    this.maxSize = Math.max(4, Math.min(40, Math.ceil(state.m.variables.length / 4)));
    this.size = Math.min(8, this.maxSize);
  }

  /** Sum of the attendees' freed counters: it grows whenever any of them gains free time. */
  private freedOf(r: number): number {
    let sum = 0;
    for (const p of this.state.m.requests[r]!.attendees) sum += this.state.freed[p]!;
    return sum;
  }

  /** A fresh mark value for `seen`. */
  nextStamp(): number {
    if (++this.stamp > 0x3fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /**
   * Late acceptance: keep a change when it is no worse than before it, or no worse than the plan of
   * `history.length` iterations ago; this lets the search cross short valleys without drifting far.
   */
  accept(before: number, weightBefore: number, keptBefore: number): boolean {
    const st = this.state;
    // maxMoves is a hard rule: no change may leave more fitting meetings moved than it allows.
    if (st.overBudget()) return false;
    if (this.mode === 'weight-gain') {
      // Re-planning: existing meetings move only for more priority weight.
      return st.weight > weightBefore || (st.total >= before && st.kept >= keptBefore);
    }
    const h = this.history;
    const i = this.iteration % h.length;
    const now = this.state.total;
    const ok = now >= before || now >= h[i]!;
    h[i] = ok ? now : before;
    return ok;
  }

  /** One iteration; returns true when the objective strictly improved. */
  step(): boolean {
    const st = this.state;
    this.iteration++;
    if (st.placedSet.size === 0 && st.unplacedSet.size === 0) return false;
    const op = this.pickOperator();
    const before = st.total;
    op.run(this);
    const improved = st.total > before;
    op.score = op.score * 0.95 + (improved ? 1 : st.total === before ? 0.1 : 0) + 0.01;
    return improved;
  }

  private pickOperator(): Operator {
    const ops = this.operators.filter((o) =>
      o.name === 'eject' ? this.state.unplacedSet.size > 0 : this.state.placedSet.size > 0,
    );
    let sum = 0;
    for (const o of ops) sum += o.score;
    let x = this.rng.next() * sum;
    for (const o of ops) {
      x -= o.score;
      if (x <= 0) return o;
    }
    return ops[ops.length - 1]!;
  }

  /** Removes what `d` selects and repairs; keeps the change when the objective did not drop. */
  destroyRepair(d: Destroy): boolean {
    const st = this.state;
    const size = 2 + this.rng.int(this.size);
    const removed = d(st, this.rng, size);
    const before = st.total;
    const weightBefore = st.weight;
    const keptBefore = st.kept;
    const mark = st.mark();
    for (const r of removed) st.remove(r);
    this.repair(removed);
    if (!this.accept(before, weightBefore, keptBefore)) {
      st.undoTo(mark);
      st.commit();
      this.size = Math.max(2, this.size - (this.rng.int(4) === 0 ? 1 : 0));
      return false;
    }
    st.commit();
    if (st.total > before) this.size = Math.min(this.maxSize, this.size + 1);
    return true;
  }

  /** Puts back `removed` and unplaced requests sharing an attendee with them, highest priority first. */
  repair(removed: readonly number[]): void {
    const st = this.state;
    const m = st.m;
    const list: number[] = [];
    const touched = this.touched;
    for (const r of removed) {
      touched[r] = 1;
      list.push(r);
    }
    const cap = removed.length * 5 + 8;
    let extra = 0;
    for (const r of removed) {
      for (const p of m.requests[r]!.attendees) {
        const reqs = m.personRequests[p]!;
        if (reqs.length === 0) continue;
        // Start at a random offset so long lists are sampled fairly.
        const off = this.rng.int(reqs.length);
        for (let i = 0; i < reqs.length && extra < cap; i++) {
          const q = reqs[(off + i) % reqs.length]!;
          if (touched[q] || st.start[q]! >= 0) continue;
          touched[q] = 1;
          list.push(q);
          extra++;
        }
      }
    }
    // A few unplaced requests from anywhere: they may fit the room time just freed.
    const u = st.unplacedSet;
    for (let i = 0; i < 3 && u.size > 0; i++) {
      const q = u.at(this.rng.int(u.size));
      if (!touched[q]) {
        touched[q] = 1;
        list.push(q);
      }
    }
    // Insertion order: by priority (ties at random), or by priority per minute (short valuable meetings
    // first, which pays when persons are the bottleneck), or at random, so that repairs differ.
    const keys = this.keys;
    const mode = this.rng.next();
    const grain = m.tl.grain;
    const buffer = m.tl.buffer;
    for (const r of list) {
      const q = m.requests[r]!;
      if (mode < 0.5) keys[r] = q.weight + this.rng.next() * 0.9;
      else if (mode < 0.85)
        keys[r] = (q.weight / Math.ceil((q.minutes + buffer) / grain)) * (0.8 + 0.4 * this.rng.next());
      else keys[r] = this.rng.next();
    }
    list.sort((a, b) => keys[b]! - keys[a]!);
    const x = this.rng.next();
    const coarse: Coarseness = x < 0.15 ? 1 : x < 0.3 ? 2 : 0;
    const maxMoves = m.policy.maxMoves;
    for (const r of list) {
      touched[r] = 0;
      if (st.start[r]! >= 0) continue;
      // With the move budget spent, a meeting that fits where it was goes back there if it can.
      if (maxMoves !== null && m.requests[r]!.existing?.fits && st.disturbed() > maxMoves) {
        const at = existingSlot(st, r);
        if (at) {
          st.place(r, at.g, at.venue, at.room);
          continue;
        }
      }
      // Skip a request its attendees had no time for, as long as none of them has gained any since.
      const freed = this.freedOf(r);
      if (this.blockedAt[r] === freed) continue;
      const slot = bestSlot(st, r, this.rng, coarse, this.slotSearch);
      this.blockedAt[r] = slot === null && !this.slotSearch.personsFree ? freed : -1;
      if (slot) st.place(r, slot.g, slot.venue, slot.room);
    }
  }

  /** Places a random (priority-biased) unplaced request by ejecting cheaper meetings, then repairs. */
  eject(): boolean {
    const st = this.state;
    const u = st.unplacedSet;
    if (u.size === 0) return false;
    let pick = u.at(this.rng.int(u.size));
    for (let i = 0; i < 2; i++) {
      const other = u.at(this.rng.int(u.size));
      if (st.m.requests[other]!.weight > st.m.requests[pick]!.weight) pick = other;
    }
    return ejectInsert(this, pick);
  }
}
