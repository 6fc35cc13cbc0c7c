// What a result file claims about itself: its summit, its objective and its bound.
import type { Objective } from '../../result.js';
import type { ResultFileValue as ResultFile } from './shape.js';
import { formatObjective } from '../objective.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

/** The file is the result of this summit. */
export function summitIdMatches(file: ResultFile, summitId: string): Violation[] {
  if (file.summit === summitId) return [];
  return [violation('summit-id', `the file is for summit ${file.summit}, not ${summitId}`)];
}

/** The objective the file claims is the one its meetings give. */
export function objectiveClaimHolds(file: ResultFile, recomputed: Objective): Violation[] {
  const c = file.objective;
  if (
    c.weight === recomputed.weight &&
    c.preferred === recomputed.preferred &&
    c.moved === recomputed.moved
  ) {
    return [];
  }
  return [
    violation(
      'objective-claim',
      `the file claims ${formatObjective(c)}; its meetings give ${formatObjective(recomputed)}`,
    ),
  ];
}

/** A bound, where given, is an upper bound on the weight, so it is at least the weight achieved. */
export function boundHolds(file: ResultFile, recomputed: Objective): Violation[] {
  if (file.bound === undefined || file.bound === null || file.bound >= recomputed.weight) return [];
  return [
    violation(
      'bound',
      `the bound ${file.bound} is below the weight ${recomputed.weight} the meetings achieve`,
    ),
  ];
}
