// What the plan uses of the quotas (rule 7) and of each delegation's interpreters (rule 8), kept up
// to date as meetings are placed and removed, so that a check costs a few array reads.
import type { Model, RequestModel } from '../model/model.js';
import { counterAt } from '../model/rules/quotas.js';

/** Quota and interpreter usage of one plan, fixed meetings included. */
export class PracticeLedger {
  /** Meetings and minutes per quota counter. */
  readonly count: Int32Array;
  readonly minutes: Int32Array;
  /** interp[group * G + g]: meetings needing the group's interpreters at grid step g. */
  readonly interp: Int32Array;
  /** Per quota counter and per interpreter group, the variables that may use it (built on demand). */
  private counterMembers: number[][] | null = null;
  private groupMembers: number[][] | null = null;

  constructor(readonly m: Model) {
    const q = m.practice.quotas;
    this.count = q ? q.countBase.slice() : new Int32Array(0);
    this.minutes = q ? q.minuteBase.slice() : new Int32Array(0);
    const i = m.practice.interpreters;
    this.interp = i ? i.base.slice() : new Int32Array(0);
  }

  /** True when request `req` starting at grid g stays within every quota and interpreter limit. */
  fits(req: RequestModel, g: number): boolean {
    const m = this.m;
    const q = m.practice.quotas;
    if (q) {
      const keys = q.keys[req.index]!;
      const day = m.tl.gridDay[g]!;
      for (let i = 0; i < keys.length; i += 2) {
        const c = counterAt(keys, i, day);
        if (this.count[c]! + 1 > q.countCap[c]! || this.minutes[c]! + req.minutes > q.minuteCap[c]!)
          return false;
      }
    }
    const it = m.practice.interpreters;
    if (it) {
      const G = m.tl.G;
      const u1 = g + req.units;
      for (const gi of it.needs[req.index]!) {
        const limit = it.groups[gi]!.limit;
        const base = gi * G;
        for (let u = g; u < u1; u++) if (this.interp[base + u]! >= limit) return false;
      }
    }
    return true;
  }

  /** Records request `req` placed at g (sign 1) or removed from g (sign -1). */
  apply(req: RequestModel, g: number, sign: 1 | -1): void {
    const m = this.m;
    const q = m.practice.quotas;
    if (q) {
      const keys = q.keys[req.index]!;
      const day = m.tl.gridDay[g]!;
      for (let i = 0; i < keys.length; i += 2) {
        const c = counterAt(keys, i, day);
        this.count[c]! += sign;
        this.minutes[c]! += sign * req.minutes;
      }
    }
    const it = m.practice.interpreters;
    if (it) {
      const G = m.tl.G;
      const u1 = g + req.units;
      for (const gi of it.needs[req.index]!) for (let u = g; u < u1; u++) this.interp[gi * G + u]! += sign;
    }
  }

  /** The variables that may count against quota counter c (any day of its block). */
  membersOfCounter(c: number): readonly number[] {
    const q = this.m.practice.quotas;
    if (!q) return [];
    if (!this.counterMembers) {
      const lists: number[][] = q.counters.map(() => []);
      for (const r of this.m.variables) {
        const keys = q.keys[r]!;
        for (let i = 0; i < keys.length; i += 2) {
          const days = keys[i + 1] === 1 ? this.m.tl.days.length : 1;
          for (let d = 0; d < days; d++) lists[keys[i]! + d]!.push(r);
        }
      }
      this.counterMembers = lists;
    }
    return this.counterMembers[c]!;
  }

  /** The variables that need interpreter group gi. */
  membersOfGroup(gi: number): readonly number[] {
    const it = this.m.practice.interpreters;
    if (!it) return [];
    if (!this.groupMembers) {
      const lists: number[][] = it.groups.map(() => []);
      for (const r of this.m.variables) for (const g of it.needs[r]!) lists[g]!.push(r);
      this.groupMembers = lists;
    }
    return this.groupMembers[gi]!;
  }
}
