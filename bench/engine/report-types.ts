// What a solver process reports back to the runner (as JSON).
import type { Placement, Plan } from '../../src/engine/result.js';

/** Common to every report: reading the file and memory. */
interface ProcessFacts {
  readMillis?: number;
  /** Resident memory after reading the summit, before solving. */
  rssBeforeMb?: number;
  /** Peak resident memory of the process. */
  maxRssMb?: number;
}

/** One solver's plan on one summit. */
export interface SolverRun extends ProcessFacts {
  kind: 'solver';
  solver: string;
  placements: Placement[];
  /** The engine's whole plan (the base of re-planning). */
  plan?: Plan;
  /** The priority sum the solver claims, or null when it found no plan. */
  weight: number | null;
  bound: number | null;
  /** Wall-clock milliseconds of the solve alone. */
  millis: number;
  /** CPU milliseconds the process spent solving (less than millis when the machine is busy). */
  cpuMillis?: number;
  note: string;
  milp?: {
    status: string;
    mode: string | null;
    dropped: number;
    variables: number;
    rows: number;
    nonzeros: number;
    boundSource: string | null;
    buildMillis: number;
    solveMillis: number;
    startMissing: number;
  };
}

/** Re-planning after single changes. */
export interface ReplanRun extends ProcessFacts {
  kind: 'replan';
  /** The first, cold re-plan (of the unchanged summit), which warms the engine up. */
  warmupMillis: number;
  changes: {
    change: string;
    description: string;
    millis: number;
    cpuMillis: number;
    moved: number;
    dropped: number;
    weight: number;
    placements: Placement[];
    newRequestPlaced: boolean;
  }[];
}
