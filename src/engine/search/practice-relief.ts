// What it takes to make room under the quotas and the interpreter limits for one meeting: the
// cheapest planned meetings to take off so that it fits (used by ejection moves).
import type { RequestModel } from '../model/model.js';
import { counterAt } from '../model/rules/quotas.js';
import type { ScheduleState } from './state.js';

/**
 * Planned meetings whose removal lets `req` start at grid g within every quota and interpreter limit,
 * cheapest first, besides those `removed` already takes off; null when no removal can (fixed meetings
 * alone fill a quota). Empty when it fits as it is.
 */
export function practiceRelief(
  state: ScheduleState,
  req: RequestModel,
  g: number,
  removed: (o: number) => boolean,
): number[] | null {
  const ledger = state.ledger;
  if (!ledger || ledger.fits(req, g)) return [];
  const m = state.m;
  const out: number[] = [];
  const taken = new Set<number>();
  const gone = (o: number) => taken.has(o) || removed(o);
  const take = (o: number) => {
    taken.add(o);
    out.push(o);
  };
  const cheapest = (list: readonly number[], ok: (o: number) => boolean): number => {
    let best = -1;
    for (const o of list) {
      if (state.start[o]! < 0 || gone(o) || !ok(o)) continue;
      if (best < 0 || state.value[o]! < state.value[best]!) best = o;
    }
    return best;
  };

  const q = m.practice.quotas;
  if (q) {
    const keys = q.keys[req.index]!;
    const day = m.tl.gridDay[g]!;
    for (let i = 0; i < keys.length; i += 2) {
      const c = counterAt(keys, i, day);
      const members = ledger.membersOfCounter(c);
      const inCounter = (o: number) => countsAgainst(state, o, c);
      let count = ledger.count[c]!;
      let minutes = ledger.minutes[c]!;
      for (const o of members) {
        if (state.start[o]! >= 0 && gone(o) && inCounter(o)) {
          count--;
          minutes -= m.requests[o]!.minutes;
        }
      }
      while (count + 1 > q.countCap[c]! || minutes + req.minutes > q.minuteCap[c]!) {
        const o = cheapest(members, inCounter);
        if (o < 0) return null;
        take(o);
        count--;
        minutes -= m.requests[o]!.minutes;
      }
    }
  }

  const it = m.practice.interpreters;
  if (it) {
    const G = m.tl.G;
    for (const gi of it.needs[req.index]!) {
      const limit = it.groups[gi]!.limit;
      const members = ledger.membersOfGroup(gi);
      for (let u = g; u < g + req.units; u++) {
        const covers = (o: number) => state.start[o]! <= u && u < state.start[o]! + m.requests[o]!.units;
        let used = ledger.interp[gi * G + u]!;
        for (const o of members) if (state.start[o]! >= 0 && gone(o) && covers(o)) used--;
        while (used + 1 > limit) {
          const o = cheapest(members, covers);
          if (o < 0) return null;
          take(o);
          used--;
        }
      }
    }
  }
  return out;
}

/** True when planned request o counts against quota counter c where it stands. */
function countsAgainst(state: ScheduleState, o: number, c: number): boolean {
  const q = state.m.practice.quotas!;
  const keys = q.keys[o]!;
  const day = state.m.tl.gridDay[state.start[o]!]!;
  for (let i = 0; i < keys.length; i += 2) if (counterAt(keys, i, day) === c) return true;
  return false;
}
