// Requests from .xlsx workbooks read as from CSV (same columns, same row-and-column errors), both
// from a workbook written by the library and from one saved by LibreOffice Calc, a real spreadsheet
// program (Debian's libreoffice-calc-nogui, which .ci/run installs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummitData } from '../../../src/domain/summit/data.js';
import { readRequestsCsv, readRequestsRecords } from '../../../src/io/csv/requests.js';
import { fileRequestToRow, REQUEST_COLUMNS } from '../../../src/io/csv/request-row.js';
import { formatFileError } from '../../../src/io/errors.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { toSummitFileObject } from '../../../src/io/summit-file/write.js';
import { cellText, readXlsxRecords, writeXlsx } from '../../../src/io/xlsx/workbook.js';

function summit(): SummitData {
  const text = readFileSync(new URL('../summit-file/fixtures/danang.yaml', import.meta.url), 'utf8');
  const result = readSummitFile(text, 'yaml');
  if (!result.ok) throw new Error('fixture does not read');
  return result.data;
}

const HEADER = REQUEST_COLUMNS.map((c) => c.name);
/** The fixture's requests as sheet rows (what an export writes). */
const rows = () => (toSummitFileObject(summit()).requests ?? []).map(fileRequestToRow);
/** A sheet whose row 3 names an unknown person and row 4 a minutes that is not a number. */
const BROKEN = [
  HEADER,
  ['a', 'usa', 'rus', 'bilateral', 'leaders', 30, 3, '', 'usa-potus;rus-president'],
  ['b', 'usa', 'rus', 'bilateral', 'leaders', 30, 3, '', 'usa-potus;rus-nobody'],
  ['c', 'usa', 'jpn', 'bilateral', 'leaders', 'half an hour', 3, '', 'usa-potus'],
];

async function records(bytes: Buffer): Promise<string[][]> {
  const read = await readXlsxRecords(bytes);
  if (!read.ok) throw new Error(read.errors.map(formatFileError).join('\n'));
  return read.records;
}

const csvOf = (table: readonly (readonly (string | number)[])[]) =>
  table.map((r) => r.map((c) => `"${String(c).replaceAll('"', '""')}"`).join(',')).join('\r\n');

describe('an .xlsx workbook written by the library', () => {
  it('holds the requests an export writes and reads them back as they were', async () => {
    const bytes = await writeXlsx([{ name: 'Requests', rows: [HEADER, ...rows()] }]);
    const read = readRequestsRecords(await records(bytes), summit());
    if (!read.ok) throw new Error(read.errors.map(formatFileError).join('\n'));
    // a sheet has no confidential column, as a CSV file has none
    expect(read.requests).toEqual(summit().requests.map((r) => ({ ...r, confidential: false })));
  });

  it('names every error by row and column exactly as the CSV reader does', async () => {
    const bytes = await writeXlsx([{ name: 'Requests', rows: BROKEN }]);
    const fromXlsx = readRequestsRecords(await records(bytes), summit());
    const fromCsv = readRequestsCsv(csvOf(BROKEN), summit());
    expect(fromXlsx.ok).toBe(false);
    const messages = (r: typeof fromXlsx) => (r.ok ? [] : r.errors.map(formatFileError));
    expect(messages(fromXlsx)).toEqual(messages(fromCsv));
    expect(messages(fromXlsx).join('\n')).toMatch(/row 3, column "attendees"/);
    expect(messages(fromXlsx).join('\n')).toMatch(/row 4, column "minutes"/);
  });

  it('refuses a file that is not a workbook with one clear error', async () => {
    const read = await readXlsxRecords(Buffer.from('id,from,to\n'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]?.message).toMatch(/^not a readable \.xlsx workbook/);
  });

  it('reads date cells as the wall-clock time they show', () => {
    expect(cellText(new Date(Date.UTC(2017, 10, 10, 14, 30)))).toBe('2017-11-10T14:30');
    expect(cellText(new Date(Date.UTC(2017, 10, 10)))).toBe('2017-11-10');
    expect(cellText(45)).toBe('45');
  });
});

/** LibreOffice's command-line converter, when installed. */
const SOFFICE = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return '';
  }
})();

describe('an .xlsx workbook saved by LibreOffice Calc', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-xlsx-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  /** Saves `table` as CSV, has Calc convert it to .xlsx (headless, a profile of its own) and returns the workbook. */
  async function savedByCalc(
    name: string,
    table: readonly (readonly (string | number)[])[],
  ): Promise<Buffer> {
    expect(SOFFICE, 'LibreOffice Calc (apt-get install libreoffice-calc-nogui) is needed').not.toBe('');
    const csv = join(dir, `${name}.csv`);
    await writeFile(csv, csvOf(table));
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--infilter=CSV:44,34,76,1',
        '--outdir',
        dir,
        csv,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return readFile(join(dir, `${name}.xlsx`));
  }

  it('reads the same requests as the CSV it was made from', async () => {
    const table = [HEADER, ...rows()];
    const read = readRequestsRecords(await records(await savedByCalc('requests', table)), summit());
    if (!read.ok) throw new Error(read.errors.map(formatFileError).join('\n'));
    expect(read.requests).toEqual(summit().requests.map((r) => ({ ...r, confidential: false })));
  }, 180_000);

  it('names the same rows and columns as the CSV when it is wrong', async () => {
    const read = readRequestsRecords(await records(await savedByCalc('broken', BROKEN)), summit());
    const csv = readRequestsCsv(csvOf(BROKEN), summit());
    expect(read.ok || csv.ok).toBe(false);
    if (!read.ok && !csv.ok)
      expect(read.errors.map(formatFileError)).toEqual(csv.errors.map(formatFileError));
  }, 180_000);
});
