// Loads an existing plan into a search state, for re-planning, suggestions and what-if questions.
import type { SummitData } from '../domain/summit/data.js';
import { compileModel } from './model/compile.js';
import type { Model } from './model/model.js';
import type { Plan } from './result.js';
import { keepExisting } from './search/construct.js';
import { ScheduleState } from './search/state.js';

/** A compiled summit with a plan's meetings in place (those that still satisfy every rule). */
export interface LoadedPlan {
  m: Model;
  state: ScheduleState;
}

/** Compiles `data` with `plan`'s meetings as the existing ones, then puts back each that still fits. */
export function loadPlan(data: SummitData, plan: Pick<Plan, 'meetings'>): LoadedPlan {
  const m = compileModel(data, {
    existing: plan.meetings.map((p) => ({ request: p.request, start: p.start, room: p.room })),
  });
  const state = new ScheduleState(m);
  keepExisting(state);
  return { m, state };
}
