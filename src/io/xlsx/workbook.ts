// Excel workbooks (.xlsx) in and out, as rows of text like a CSV file's: the sheets protocol offices
// keep. Reading turns each cell into the text a CSV export of it would hold, so that one table reader
// (io/csv/table.ts) checks both; writing puts numbers in number cells and everything else in text.
import type { FileError } from '../errors.js';

/** The rows of a workbook's first sheet as text (a row per spreadsheet row), or why it cannot be read. */
export type XlsxRecords =
  { ok: true; sheet: string; records: string[][] } | { ok: false; errors: FileError[] };

/** One sheet to write: its tab name and its rows (the first is the header). */
export interface SheetRows {
  name: string;
  rows: readonly (readonly (string | number | null)[])[];
}

/** Two digits. */
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as text: numbers as written (30, 2.5), booleans as true/false, and a date cell as the
 * wall-clock time it shows, `YYYY-MM-DDTHH:MM` (a workbook has no time zones: the sheet's times are
 * the summit's, as in a summit file).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = value;
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    return time === '00:00' && d.getUTCSeconds() === 0 ? date : `${date}T${time}`;
  }
  return String(value);
}

/** Reads the first sheet of an .xlsx workbook; a file that is not one is an error, not a crash. */
export async function readXlsxRecords(bytes: Buffer): Promise<XlsxRecords> {
  // loaded on use: only an import of a workbook pays for the reader
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets;
  try {
    sheets = await readXlsxFile(bytes, { trim: false });
  } catch (e) {
    return {
      ok: false,
      errors: [{ path: '', message: `not a readable .xlsx workbook (${(e as Error).message})` }],
    };
  }
  const first = sheets[0];
  if (!first) return { ok: false, errors: [{ path: '', message: 'the workbook has no sheet' }] };
  return { ok: true, sheet: first.sheet, records: first.data.map((row) => row.map(cellText)) };
}

/** Writes `sheets` as an .xlsx workbook, header rows in bold, columns sized to their text. */
export async function writeXlsx(sheets: readonly SheetRows[]): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  return writeXlsxFile(
    sheets.map(({ name, rows }) => ({
      sheet: name,
      data: rows.map((row, i) =>
        row.map((value) =>
          value === null || value === ''
            ? null
            : i === 0
              ? { value, fontWeight: 'bold' as const }
              : typeof value === 'number'
                ? { value, type: Number }
                : { value, type: String },
        ),
      ),
      columns: (rows[0] ?? []).map((_, j) => ({
        width: Math.min(60, Math.max(8, ...rows.map((r) => String(r[j] ?? '').length + 2))),
      })),
    })),
  ).toBuffer();
}
