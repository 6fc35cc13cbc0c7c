// Ejection move: put an unplaced request where the meetings in its way are worth least, take those
// off, then try to re-place them (a short ejection chain through the repair step).
import { placementValue } from '../model/model.js';
import type { Lns } from './lns.js';
import { practiceRelief } from './practice-relief.js';

/** Tries to place unplaced request u by displacing cheaper meetings; keeps it if the objective holds. */
export function ejectInsert(lns: Lns, u: number): boolean {
  const st = lns.state;
  const m = st.m;
  const req = m.requests[u]!;
  const { tl } = m;
  const G = tl.G;
  const seen = lns.seen;
  let stamp = lns.nextStamp();
  let bestCost = Infinity;
  let bestG = -1;
  let bestVenue = -1;
  let bestRoom = -1;
  let ties = 0;
  let personCost = 0;
  let valueHere = 0;
  const addPerson = (o: number): void => {
    if (seen[o] !== stamp) {
      seen[o] = stamp;
      personCost += st.value[o]!;
    }
  };
  // One closure per call (not per start): closures in hot loops cost allocations.
  const consider = (cost: number, g: number, venue: number, room: number): void => {
    if (cost > valueHere || cost > bestCost) return;
    if (cost < bestCost) {
      bestCost = cost;
      ties = 1;
    } else if (lns.rng.int(++ties) !== 0) return;
    bestG = g;
    bestVenue = venue;
    bestRoom = room;
  };
  for (const opt of req.options) {
    for (let i = 0; i < opt.starts.length; i++) {
      const g = opt.starts[i]!;
      stamp = lns.nextStamp();
      personCost = 0;
      const t = tl.gridMin[g]!;
      valueHere = placementValue(m, req, t, false);
      for (const p of req.attendees) {
        st.personClashes(p, req, g, opt.venue, addPerson);
        if (personCost > valueHere) break;
      }
      if (personCost > valueHere) continue;
      // Quotas and interpreters (rules 7 and 8): what else must go for the meeting to fit.
      const relief = practiceRelief(st, req, g, (o) => seen[o] === stamp);
      if (relief === null) continue;
      for (const o of relief) addPerson(o);
      if (personCost > valueHere) continue;
      if (!opt.roomMask) {
        consider(personCost, g, opt.venue, -1);
        continue;
      }
      const end = t + req.minutes;
      for (const k of opt.rooms) {
        if (m.roomFreeUntil[k * G + g]! < end) continue;
        let cost = personCost;
        let last = -1;
        const hold = req.roomHold[g]!;
        for (let x = g; x < hold; x++) {
          const o = st.roomOwner[k * G + x]!;
          if (o >= 0 && o !== last && seen[o] !== stamp) cost += st.value[o]!;
          last = o;
        }
        consider(cost, g, opt.venue, k);
      }
    }
  }
  if (bestG < 0) return false;
  // Collect the blockers of the chosen slot.
  stamp = lns.nextStamp();
  const blockers: number[] = [];
  const collect = (o: number): void => {
    if (seen[o] !== stamp) {
      seen[o] = stamp;
      blockers.push(o);
    }
  };
  for (const p of req.attendees) st.personClashes(p, req, bestG, bestVenue, collect);
  for (const o of practiceRelief(st, req, bestG, (x) => seen[x] === stamp) ?? []) collect(o);
  if (bestRoom >= 0) {
    const hold = req.roomHold[bestG]!;
    for (let x = bestG; x < hold; x++) {
      const o = st.roomOwner[bestRoom * G + x]!;
      if (o >= 0) collect(o);
    }
  }
  const before = st.total;
  const weightBefore = st.weight;
  const keptBefore = st.kept;
  const mark = st.mark();
  for (const b of blockers) st.remove(b);
  st.place(u, bestG, bestVenue, bestRoom);
  lns.repair(blockers);
  if (!lns.accept(before, weightBefore, keptBefore)) {
    st.undoTo(mark);
    st.commit();
    return false;
  }
  st.commit();
  return true;
}
