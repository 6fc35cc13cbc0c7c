// The scheduling engine's public functions and types. Pure: no I/O, no clock, no unseeded randomness
// (src/engine/worker is the one part that starts a thread and reads the clock).
export { solve, type SolveOptions, type Progress } from './solve.js';
export { replan, type ReplanOptions } from './replan.js';
export { suggest, UnknownRequestError, type Suggestion } from './suggest.js';
export { whatIf, type WhatIf } from './what-if.js';
export { toResultFile } from './result-file.js';
export { computeBound, type BoundResult } from './bound/lagrangian.js';
export { compileModel } from './model/compile.js';
export type { Blocker, Objective, Placement, Plan, ResultFile, Unplaced, UnplacedReason } from './result.js';
