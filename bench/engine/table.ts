// The per-instance table, as cells: the console and RESULTS.md render the same numbers.
import type { SummitData } from '../../src/domain/summit/data.js';
import type { CheckedRun } from './check-run.js';
import type { ScaleFacts } from './targets.js';

/** Everything measured on one scale. */
export interface ScaleRow {
  scale: string;
  requests: number;
  placeable: number;
  engine: CheckedRun;
  greedy: CheckedRun;
  milp: CheckedRun | null;
  bestBound: number | null;
  /** The summit, while the run still needs it. */
  data: SummitData | null;
  invalid: number;
  facts: ScaleFacts;
}

/** One re-plan after a single change. */
export interface ReplanRow {
  change: string;
  /** The cold first re-plan of the same process, before the measured ones. */
  warmupMillis: number;
  description: string;
  millis: number;
  cpuMillis: number;
  moved: number;
  dropped: number;
  weightBefore: number;
  weightAfter: number;
  newRequestPlaced: boolean;
  violations: string[];
}

/** Column headings of the main table. */
export const HEADINGS = [
  'instance',
  'requests (placeable)',
  'engine',
  'greedy',
  'MILP incumbent',
  'MILP bound',
  'engine bound',
  'engine / best bound',
  'engine time (CPU)',
  'engine peak RSS',
  'greedy time',
  'MILP time',
  'MILP peak RSS',
];

const weightCell = (r: CheckedRun | null): string => {
  if (r === null) return 'not run';
  if (r.failure) return `failed (${r.failure})`;
  if (!r.valid) return 'INVALID';
  return r.weight === null ? '—' : String(r.weight);
};
const secs = (r: CheckedRun | null) => {
  if (!r?.run) return '—';
  const cpu = r.run.cpuMillis !== undefined ? ` (CPU ${(r.run.cpuMillis / 1000).toFixed(2)} s)` : '';
  return `${(r.run.millis / 1000).toFixed(2)} s${cpu}`;
};
const rss = (r: CheckedRun | null) => (r?.run?.maxRssMb !== undefined ? `${r.run.maxRssMb} MiB` : '—');

/** The cells of one scale's row. */
export function rowCells(row: ScaleRow): string[] {
  const milpRun = row.milp?.run ?? null;
  const milpBound =
    milpRun === null
      ? row.milp === null
        ? 'not run'
        : '—'
      : milpRun.milp?.status === 'too large'
        ? milpRun.note
        : milpRun.bound === null
          ? '—'
          : `${milpRun.bound}${milpRun.milp?.boundSource === 'options' ? ' (trivial)' : ''}`;
  const engineBound = row.engine.run?.bound ?? null;
  const ratio =
    row.facts.engineWeight !== null && row.bestBound !== null && row.bestBound > 0
      ? `${((row.facts.engineWeight / row.bestBound) * 100).toFixed(1)}% of ${row.bestBound}`
      : '—';
  return [
    row.scale.toUpperCase(),
    `${row.requests} (${row.placeable})`,
    weightCell(row.engine),
    weightCell(row.greedy),
    milpRun?.milp?.status === 'too large' ? 'skipped' : weightCell(row.milp),
    milpBound,
    engineBound === null ? '—' : String(engineBound),
    ratio,
    secs(row.engine),
    rss(row.engine),
    secs(row.greedy),
    milpRun?.milp?.status === 'too large' ? '—' : secs(row.milp),
    milpRun?.milp?.status === 'too large' ? '—' : rss(row.milp),
  ];
}

/** Column headings of the re-plan table. */
export const REPLAN_HEADINGS = ['change', 'latency', 'moved', 'dropped', 'weight before → after', 'checker'];

/** The cells of one re-plan. */
export function replanCells(r: ReplanRow): string[] {
  const added =
    r.change === 'add-request'
      ? r.newRequestPlaced
        ? ' (new request placed)'
        : ' (new request not placed)'
      : '';
  return [
    `${r.change}: ${r.description}`,
    `${r.millis} ms (CPU ${r.cpuMillis} ms)`,
    String(r.moved),
    String(r.dropped),
    `${r.weightBefore} → ${r.weightAfter}${added}`,
    r.violations.length === 0 ? 'valid' : `INVALID (${r.violations.length})`,
  ];
}
