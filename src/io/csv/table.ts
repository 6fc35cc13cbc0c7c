// A CSV table as spreadsheets export it: a header row naming the columns, then one record per
// row. Row numbers are the ones a spreadsheet shows (the header is row 1), even when a quoted
// cell spans several lines of the file.
import { CsvError, parse } from 'csv-parse/sync';
import { Located, Problems, type FileError } from '../errors.js';

/** A column a table may have. */
export interface ColumnSpec {
  name: string;
  required: boolean;
}

/** One data row: its spreadsheet row number and its non-empty cells by (canonical) column name. */
export interface TableRow {
  row: number;
  cells: Map<string, string>;
}

/** The rows of a table whose header is valid, or the errors of its syntax or header. */
export type Table = { ok: true; rows: TableRow[] } | { ok: false; errors: FileError[] };

/** Where a cell is: `row 4, column "attendees"`. */
export function cellLocation(row: number, column?: string | number): string {
  return column === undefined ? `row ${row}` : `row ${row}, column ${JSON.stringify(String(column))}`;
}

/** Reports errors of one row at the column a path inside the row's record starts with. */
export function inRow(problems: Problems, row: number): Located {
  return new Located(problems, (path) => cellLocation(row, path[0]));
}

/**
 * Reads CSV text (comma-separated, `"`-quoted, optional byte-order mark) whose header names
 * columns of `columns`, case-insensitively. Unknown, repeated or missing required columns are
 * errors; blank rows are skipped; cells are trimmed.
 */
export function readTable(text: string, columns: readonly ColumnSpec[]): Table {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines?: number }).lines;
    return { ok: false, errors: [{ path: '', message: line ? `(line ${line}): ${e.message}` : e.message }] };
  }
  return tableOf(records, columns);
}

/**
 * The table of `records`, one per spreadsheet row from row 1 (the header), by the rules of
 * readTable: for a CSV file's records or a workbook sheet's rows alike.
 */
export function tableOf(records: readonly (readonly string[])[], columns: readonly ColumnSpec[]): Table {
  const [header, ...body] = records;
  if (!header || header.every((c) => c.trim() === '')) {
    return {
      ok: false,
      errors: [{ path: cellLocation(1), message: 'expected a header row naming the columns' }],
    };
  }
  const problems = new Problems();
  const names = readHeader(header, columns, problems);
  if (problems.count > 0) return { ok: false, errors: problems.list };

  const rows: TableRow[] = [];
  body.forEach((record, i) => {
    const row = i + 2;
    if (record.every((c) => c.trim() === '')) return;
    const cells = new Map<string, string>();
    record.forEach((raw, j) => {
      const value = raw.trim();
      const name = names[j];
      if (value === '') return;
      if (name === undefined || name === null) {
        problems.add(cellLocation(row), `a value in cell ${j + 1}, a column the header row does not name`);
      } else cells.set(name, value);
    });
    rows.push({ row, cells });
  });
  return problems.count > 0 ? { ok: false, errors: problems.list } : { ok: true, rows };
}

/** The canonical name of each header cell (null for a blank trailing cell). */
function readHeader(
  header: readonly string[],
  columns: readonly ColumnSpec[],
  problems: Problems,
): (string | null)[] {
  const known = columns.map((c) => c.name);
  const seen = new Set<string>();
  const names = header.map((cell, j): string | null => {
    const label = cell.trim();
    const name = label.toLowerCase();
    if (label === '') {
      // A blank header cell is fine only as trailing padding; data under it is reported per row.
      return null;
    }
    if (!known.includes(name)) {
      problems.add(cellLocation(1, label), `unknown column; expected one of ${known.join(', ')}`);
    } else if (seen.has(name)) {
      problems.add(cellLocation(1, label), `column ${j + 1} repeats this column`);
    }
    seen.add(name);
    return name;
  });
  for (const c of columns) {
    if (c.required && !seen.has(c.name))
      problems.add(cellLocation(1), `missing the required column "${c.name}"`);
  }
  return names;
}
