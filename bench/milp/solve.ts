// Solves the time-indexed MILP with HiGHS (WebAssembly) and turns its incumbent into a plan.
// The model is handed over as typed CSR arrays rather than LP text, so a large model costs
// a few bytes per non-zero on our side instead of a string of tens of megabytes.
import highsImport from 'highs';
import type { SummitData } from '../../src/domain/summit/data.js';
import type { Placement } from '../../src/engine/result.js';
import { collectColumns, measureModel, type ModelMode } from './columns.js';
import { buildInstance } from './instance.js';
import { buildMatrix } from './matrix.js';
import { startVector, toPlacements } from './plan.js';

type HighsLoader = (typeof highsImport)['default'];
// The package's types describe its CommonJS shape; imported as ESM, the default is the loader itself.
const highsLoader = highsImport as unknown as HighsLoader | { default: HighsLoader };
const loadHighs: HighsLoader = typeof highsLoader === 'function' ? highsLoader : highsLoader.default;

/** Limits for one MILP run. */
export interface MilpOptions {
  timeLimitSeconds: number;
  /** The exact form is used up to this many variables (default 50,000). */
  maxExactVariables?: number;
  /** Beyond this many variables even the rooms-aggregated form is not built (default 400,000). */
  maxVariables?: number;
  /** Beyond this many non-zeros the model is not built (default 10 million). */
  maxNonzeros?: number;
  /** Force one form (tests). */
  mode?: ModelMode;
  /** A valid plan to start from (HiGHS checks it and keeps it as the first incumbent). */
  start?: readonly Placement[];
}

/** What one MILP run found. */
export interface MilpOutcome {
  /** `optimal`, `time limit`, `too large`, or another HiGHS status in words. */
  status: string;
  mode: ModelMode | null;
  variables: number;
  rows: number;
  nonzeros: number;
  /** Priority sum of the best plan found (fixed meetings included), or null. */
  incumbent: number | null;
  /** A proven upper bound on the priority sum, or null. */
  bound: number | null;
  /** Where the bound comes from: HiGHS's dual bound, or the sum over requests with an option. */
  boundSource: 'mip' | 'options' | null;
  placements: Placement[];
  /** Chosen meetings that found no room (rooms-aggregated form). */
  dropped: number;
  buildMillis: number;
  solveMillis: number;
  /** Placements of the start plan that are not columns of the model (0 when the model is right). */
  startMissing: number;
  /** One line for a person reading the results. */
  note: string;
}

/** Builds and solves the MILP of `data`. */
export async function solveMilp(data: SummitData, options: MilpOptions): Promise<MilpOutcome> {
  const maxExact = options.maxExactVariables ?? 50_000;
  const maxVariables = options.maxVariables ?? 400_000;
  const maxNonzeros = options.maxNonzeros ?? 10_000_000;
  const t0 = performance.now();
  const inst = buildInstance(data);
  const sizes = measureModel(inst);
  const fixedWeight = inst.fixedMeetings.reduce((a, m) => a + m.weight, 0);
  const mode: ModelMode | null =
    options.mode ??
    (sizes.exact.variables <= maxExact && sizes.exact.nonzeros <= maxNonzeros
      ? 'exact'
      : sizes.aggregated.variables <= maxVariables && sizes.aggregated.nonzeros <= maxNonzeros
        ? 'rooms-aggregated'
        : null);
  if (mode === null) {
    return {
      status: 'too large',
      mode: null,
      variables: sizes.aggregated.variables,
      rows: 0,
      nonzeros: sizes.aggregated.nonzeros,
      incumbent: null,
      bound: null,
      boundSource: null,
      placements: [],
      dropped: 0,
      buildMillis: performance.now() - t0,
      solveMillis: 0,
      startMissing: 0,
      note: `model too large (${sizes.exact.variables} variables; ${sizes.aggregated.variables} with rooms aggregated)`,
    };
  }
  const expected = mode === 'exact' ? sizes.exact.variables : sizes.aggregated.variables;
  const columns = collectColumns(inst, mode, expected);
  const matrix = buildMatrix(inst, columns);
  // Requests with at least one option: their weights sum to a bound that needs no solve.
  const reachable = new Set(columns.request);
  const trivialBound =
    fixedWeight + [...reachable].reduce((a, ri) => a + (inst.requests[ri]?.weight ?? 0), 0);
  const buildMillis = performance.now() - t0;

  const highs = await loadHighs();
  const n = columns.count;
  const cost = new Float64Array(n);
  for (let j = 0; j < n; j++) cost[j] = inst.requests[columns.request[j] as number]?.weight ?? 0;
  const t1 = performance.now();
  const model = highs.createModel({
    numCols: n,
    numRows: matrix.numRows,
    sense: highs.constants.objectiveSense.maximize,
    offset: fixedWeight,
    colCost: cost,
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(matrix.numRows).fill(-highs.infinity),
    rowUpper: matrix.upper,
    matrix: {
      format: 'csr',
      numRows: matrix.numRows,
      numCols: n,
      starts: matrix.starts,
      indices: matrix.indices,
      values: new Float64Array(matrix.indices.length).fill(1),
    },
  });
  const log = process.env.HIGHS_LOG === '1';
  const callbacks: Parameters<typeof model.run>[0] = log
    ? {
        [highs.constants.callbackType.logging](event: { message?: string }) {
          process.stderr.write(event.message ?? '');
        },
      }
    : undefined;
  try {
    // First the linear relaxation, for a bound within a share of the time: by interior point with
    // crossover, which on these models beats the simplex method several times over; presolve
    // helps, but overflows the 2 GiB WebAssembly heap on the largest models.
    model.options.set({
      output_flag: log,
      log_to_console: true,
      time_limit: options.timeLimitSeconds * LP_SHARE,
      solver: 'ipx',
      run_crossover: 'on',
      presolve: matrix.indices.length <= 2_000_000 ? 'on' : 'off',
    });
    model.run(callbacks);
    const lpSolved = model.getModelStatus() === highs.constants.modelStatus.optimal;
    const lpBound = lpSolved ? floorBound(model.getObjectiveValue()) : null;
    const lpSeconds = (performance.now() - t1) / 1000;
    // Then the integer program from the start plan, for the time left.
    model.changeColsIntegrality(
      { kind: 'range', from: 0, to: n - 1 },
      new Int32Array(n).fill(highs.constants.variableType.integer),
    );
    model.zeroAllClocks();
    model.options.set({
      solver: 'choose',
      time_limit: Math.max(1, options.timeLimitSeconds - lpSeconds),
      mip_rel_gap: 0,
      // The objective is a sum of integers: a gap below 1 proves optimality.
      mip_abs_gap: 0.99,
      // HiGHS's MIP presolve spends most of a short time limit probing these set-packing rows
      // and gains little; without it the search starts at once.
      presolve: 'off',
    });
    const start = options.start ? startVector(inst, columns, options.start) : null;
    if (start) model.setSolution({ colValue: start.values });
    model.run(callbacks);
    const status = model.getModelStatus();
    const words = statusWords(highs.constants.modelStatus, status);
    const hasSolution =
      Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const weightOf = new Map(data.requests.map((r) => [r.id as string, r.priority]));
    const weigh = (plan: readonly Placement[]) =>
      plan.reduce((a, p) => a + (weightOf.get(p.request) ?? 0), 0);
    let plan = hasSolution ? toPlacements(inst, columns, model.getSolution().colValue) : null;
    // Giving rooms to an aggregated solution may drop meetings; the start plan, valid as given,
    // stays the incumbent when what is left is worth less.
    let keptStart = false;
    if (options.start && (plan === null || weigh(plan.placements) < weigh(options.start))) {
      plan = { placements: [...options.start], dropped: plan?.dropped ?? 0 };
      keptStart = true;
    }
    const incumbent = plan ? weigh(plan.placements) : null;
    const dual = Number(model.info.get('mip_dual_bound'));
    const mipBound = Number.isFinite(dual) && Math.abs(dual) < 1e20 ? floorBound(dual) : null;
    const optimal = status === highs.constants.modelStatus.optimal;
    const objective = hasSolution ? Math.round(model.getObjectiveValue()) : null;
    // A proven optimum is a bound; so are the dual bound and the relaxation's value; else the trivial one.
    const proofs = [optimal && objective !== null ? objective : null, mipBound, lpBound].filter(
      (b): b is number => b !== null,
    );
    const proven = proofs.length > 0 ? Math.min(...proofs) : null;
    const bound = proven === null ? trivialBound : Math.min(proven, trivialBound);
    const dropped = plan?.dropped ?? 0;
    return {
      status: words,
      mode,
      variables: n,
      rows: matrix.numRows,
      nonzeros: matrix.indices.length,
      incumbent,
      bound,
      boundSource: proven !== null && proven <= trivialBound ? 'mip' : 'options',
      placements: plan?.placements ?? [],
      dropped,
      buildMillis,
      solveMillis: performance.now() - t1,
      startMissing: start?.missing ?? 0,
      note: [
        `${words}, ${mode === 'exact' ? 'exact model' : 'rooms aggregated'}`,
        lpBound === null
          ? 'relaxation not solved in time'
          : `relaxation ${lpBound} in ${lpSeconds.toFixed(1)} s`,
        `${n} variables, ${matrix.numRows} rows, ${matrix.indices.length} non-zeros`,
        start ? `started from a plan of weight ${start.weight + fixedWeight}` : null,
        dropped > 0 ? `${dropped} meetings found no room and were dropped` : null,
        keptStart ? 'the start plan stays the incumbent' : null,
      ]
        .filter((x) => x !== null)
        .join('; '),
    };
  } finally {
    model.dispose();
  }
}

/** Share of the time limit the linear relaxation may take before the integer search starts. */
const LP_SHARE = 0.8;

/**
 * An objective bound as an integer: weights are integers, so the floor is still a bound. The
 * small allowance keeps a value a rounding error below an integer from losing a whole point.
 */
function floorBound(value: number): number {
  return Math.floor(value + 1e-4);
}

function statusWords(codes: Readonly<Record<string, number>>, status: number): string {
  if (status === codes.optimal) return 'optimal';
  if (status === codes.timeLimit) return 'time limit';
  const name = Object.entries(codes).find(([, v]) => v === status)?.[0] ?? String(status);
  return name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}
