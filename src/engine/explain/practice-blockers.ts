// What summit practice (rules 5, 7 and 8) puts in the way of a request at one start: a quota at its
// limit, a delegation's interpreters all needed elsewhere, or a room free but for the turnover
// next to another meeting. The explainer (constraints.ts) asks at each start and names them.
import type { Instant } from '../../domain/time.js';
import type { Model, RequestModel } from '../model/model.js';
import { mergeIntervals } from '../model/intervals.js';
import { counterAt, NO_LIMIT } from '../model/rules/quotas.js';
import { instantOfMinute } from '../model/timeline.js';
import { PracticeLedger } from '../search/practice-ledger.js';
import type { ScheduleState } from '../search/state.js';
import type { Blocker } from '../result.js';

/** The kinds of practice blocker keys. */
export type PracticeKind = 'quota' | 'interpreters' | 'turnover';

/** A blocker built only when chosen, from the spans of the starts it rules out. */
export type PracticeLazy = (covered: [number, number][]) => Blocker[];

/** Where the blockers of one start are noted: a key (kind, a, b), whether the plan could change it, how to build it. */
export interface PracticeSink {
  note(kind: PracticeKind, a: number, b: number, dynamic: boolean, make: PracticeLazy): void;
}

const FREE = -1;

/** Explains practice rules for one model and plan. */
export class PracticeBlockers {
  /** Usage of quotas and interpreters: the plan's, or the fixed meetings' alone without a plan. */
  private readonly usage: PracticeLedger | null;
  /** Fixed meetings per room: [start, end, request index]. */
  private readonly fixedByRoom: [number, number, number][][];
  private readonly at = (minute: number): Instant => instantOfMinute(this.m.tl, minute);

  constructor(
    private readonly m: Model,
    private readonly state: ScheduleState | null,
  ) {
    const practised = m.practice.quotas !== null || m.practice.interpreters !== null;
    this.usage = state?.ledger ?? (practised ? new PracticeLedger(m) : null);
    this.fixedByRoom = m.rooms.map(() => []);
    for (const r of m.requests) {
      if (r.fixed !== null && r.fixed.room >= 0) {
        this.fixedByRoom[r.fixed.room]!.push([r.fixed.start, r.fixed.start + r.minutes, r.index]);
      }
    }
  }

  /** Notes every quota at its limit and every interpreter group fully needed for `req` at g. */
  atStart(req: RequestModel, g: number, sink: PracticeSink): void {
    if (!this.usage) return;
    this.quotas(req, g, sink);
    this.interpreters(req, g, sink);
  }

  private quotas(req: RequestModel, g: number, sink: PracticeSink): void {
    const q = this.m.practice.quotas;
    const usage = this.usage!;
    if (!q) return;
    const keys = q.keys[req.index]!;
    const day = this.m.tl.gridDay[g]!;
    for (let i = 0; i < keys.length; i += 2) {
      const c = counterAt(keys, i, day);
      const checks = [
        { measure: 'meetings' as const, used: usage.count, base: q.countBase, cap: q.countCap, add: 1 },
        {
          measure: 'minutes' as const,
          used: usage.minutes,
          base: q.minuteBase,
          cap: q.minuteCap,
          add: req.minutes,
        },
      ];
      checks.forEach((x, b) => {
        if (x.cap[c]! >= NO_LIMIT || x.used[c]! + x.add <= x.cap[c]!) return;
        const counter = q.counters[c]!;
        const quota = this.m.data.summit.quotas[counter.quota]!;
        // Planned meetings share the count: moving one of them could make room.
        const dynamic = x.used[c]! > x.base[c]!;
        sink.note('quota', c, b, dynamic, () => [
          {
            kind: 'quota',
            delegation: counter.delegation,
            per: quota.per,
            day: counter.day >= 0 ? this.m.tl.days[counter.day]!.date : null,
            measure: x.measure,
            used: x.used[c]!,
            limit: x.cap[c]!,
            requester: counter.requester,
          },
        ]);
      });
    }
  }

  private interpreters(req: RequestModel, g: number, sink: PracticeSink): void {
    const it = this.m.practice.interpreters;
    if (!it) return;
    const G = this.m.tl.G;
    const used = this.usage!.interp;
    for (const gi of it.needs[req.index]!) {
      const limit = it.groups[gi]!.limit;
      let full = false;
      let dynamic = false;
      for (let u = g; u < g + req.units; u++) {
        if (used[gi * G + u]! < limit) continue;
        full = true;
        if (used[gi * G + u]! > it.base[gi * G + u]!) dynamic = true;
      }
      if (full)
        sink.note('interpreters', gi, dynamic ? 1 : 0, dynamic, (covered) =>
          this.busyInterpreters(gi, covered),
        );
    }
  }

  /** For each stretch of the covered spans where every interpreter of group gi is needed: when, and by which meetings. */
  private busyInterpreters(gi: number, covered: [number, number][]): Blocker[] {
    const m = this.m;
    const { tl } = m;
    const it = m.practice.interpreters!;
    const group = it.groups[gi]!;
    const used = this.usage!.interp;
    const spans = mergeIntervals(covered);
    const out: Blocker[] = [];
    for (let i = 0; i < spans.length; i += 2) {
      let u = firstStep(m, spans[i]!);
      while (u < tl.G && tl.gridMin[u]! < spans[i + 1]!) {
        if (used[gi * tl.G + u]! < group.limit) {
          u++;
          continue;
        }
        const u0 = u;
        while (u < tl.G && tl.gridMin[u]! < spans[i + 1]! && used[gi * tl.G + u]! >= group.limit) u++;
        const from = tl.gridMin[u0]!;
        const to = tl.gridMin[u - 1]! + tl.grain;
        out.push({
          kind: 'interpreters',
          delegation: group.delegation,
          interpreters: group.limit,
          from: this.at(from),
          to: this.at(to),
          meetings: this.needing(gi, from, to),
        });
      }
    }
    return out;
  }

  /** The meetings (planned and fixed) that need group gi's interpreters during [from, to). */
  private needing(gi: number, from: number, to: number): string[] {
    const m = this.m;
    const it = m.practice.interpreters!;
    const out: string[] = [];
    for (const r of m.requests) {
      if (!it.needs[r.index]!.includes(gi)) continue;
      const start =
        r.fixed !== null
          ? r.fixed.start
          : this.state && this.state.start[r.index]! >= 0
            ? m.tl.gridMin[this.state.start[r.index]!]!
            : null;
      if (start !== null && start < to && from < start + r.minutes) out.push(r.id);
    }
    return out;
  }

  /**
   * Notes the room turnover when some room of `rooms` would be free for `req` at g but for the
   * turnover next to another meeting (fixed or planned); true when it did. `availableEnd(k)` is the
   * end of room k's available window at g.
   */
  turnoverAt(
    req: RequestModel,
    g: number,
    rooms: Int32Array,
    availableEnd: (k: number) => number,
    sink: PracticeSink,
  ): boolean {
    const m = this.m;
    const T = m.turnover;
    if (T <= 0) return false;
    const t = m.tl.gridMin[g]!;
    const e = t + req.minutes;
    let noted = false;
    for (const k of rooms) {
      if (availableEnd(k) < e || !this.freeButForTurnover(k, req, g, t, e)) continue;
      const n = this.neighbour(k, t, e);
      if (!n) continue;
      const room = m.rooms[k]!.id;
      const blocker: Blocker =
        n.side === 'before'
          ? { kind: 'turnover', room, minutes: T, request: n.request, frees: this.at(n.end + T) }
          : { kind: 'turnover', room, minutes: T, request: n.request, needed: this.at(n.start - T) };
      sink.note('turnover', k, 0, n.planned, () => [blocker]);
      noted = true;
    }
    return noted;
  }

  /** True when room k has no meeting (fixed or planned) overlapping [t, e) itself. */
  private freeButForTurnover(k: number, req: RequestModel, g: number, t: number, e: number): boolean {
    if (this.fixedByRoom[k]!.some(([s, end]) => s < e && t < end)) return false;
    const st = this.state;
    if (!st) return true;
    const G = this.m.tl.G;
    for (let u = g; u < g + req.units; u++) {
      const o = st.roomOwner[k * G + u]!;
      // A step held only by another meeting's turnover does not make the room taken.
      if (o !== FREE && u < st.start[o]! + this.m.requests[o]!.units) return false;
    }
    return true;
  }

  /** The meeting whose turnover keeps room k from [t, e): the last ending before t, else the first starting after e. */
  private neighbour(
    k: number,
    t: number,
    e: number,
  ): { side: 'before' | 'after'; request: string; start: number; end: number; planned: boolean } | null {
    const m = this.m;
    const T = m.turnover;
    const meetings: { request: string; start: number; end: number; planned: boolean }[] = [];
    for (const [start, end, r] of this.fixedByRoom[k]!) {
      meetings.push({ request: m.requests[r]!.id, start, end, planned: false });
    }
    const st = this.state;
    if (st) {
      // Planned meetings within the turnover of [t, e), read from the room's occupancy.
      const { tl } = m;
      const G = tl.G;
      const g0 = firstStep(m, t - T - tl.grain);
      for (let u = g0; u < G && tl.gridMin[u]! < e + T; u++) {
        const r = st.roomOwner[k * G + u]!;
        if (r === FREE || meetings.some((x) => x.request === m.requests[r]!.id)) continue;
        const start = tl.gridMin[st.start[r]!]!;
        meetings.push({
          request: m.requests[r]!.id,
          start,
          end: start + m.requests[r]!.minutes,
          planned: true,
        });
      }
    }
    const before = meetings.filter((x) => x.end <= t && x.end + T > t).sort((a, b) => b.end - a.end)[0];
    if (before) return { side: 'before', ...before };
    const after = meetings
      .filter((x) => x.start >= e && x.start < e + T)
      .sort((a, b) => a.start - b.start)[0];
    return after ? { side: 'after', ...after } : null;
  }
}

/** The first grid step at or after minute x. */
function firstStep(m: Model, x: number): number {
  let lo = 0;
  let hi = m.tl.G;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (m.tl.gridMin[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
