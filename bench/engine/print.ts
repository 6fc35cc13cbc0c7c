// Console output of the benchmark.
import { HEADINGS, REPLAN_HEADINGS, replanCells, rowCells, type ReplanRow, type ScaleRow } from './table.js';
import type { Verdict } from './targets.js';

/** Prints one scale as a two-column table (heading, value): the rows are wide. */
export function printScale(row: ScaleRow): void {
  const cells = rowCells(row);
  const width = Math.max(...HEADINGS.map((h) => h.length));
  console.log('');
  HEADINGS.forEach((h, i) => console.log(`  ${h.padEnd(width)}  ${cells[i] ?? ''}`));
}

/** Prints the re-plan measurements. */
export function printReplan(rows: ReplanRow[]): void {
  for (const r of rows) {
    const cells = replanCells(r);
    console.log('');
    REPLAN_HEADINGS.forEach((h, i) => console.log(`  ${h.padEnd(22)}  ${cells[i] ?? ''}`));
    for (const v of r.violations.slice(0, 10)) console.log(`      ${v}`);
  }
}

/** Prints every target with its verdict. */
export function printVerdicts(verdicts: Verdict[]): void {
  console.log('\n== Targets ==');
  for (const v of verdicts) {
    const mark = v.status === 'met' ? 'met     ' : v.status === 'missed' ? 'MISSED  ' : 'unproven';
    console.log(`  ${mark}  ${v.what}: ${v.measured} (target ${v.target})${v.gap ? ` — ${v.gap}` : ''}`);
  }
}
