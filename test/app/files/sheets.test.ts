// Requests and the schedule as .xlsx workbooks through the application: an import is all or
// nothing and only the host's admin's; an export holds only what the reader may see, and its
// requests sheet imports back unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError, ValidationError } from '../../../src/app/errors.js';
import { importRequestsXlsx } from '../../../src/app/files/import-requests-csv.js';
import { summitWorkbook } from '../../../src/app/files/sheets.js';
import { REQUEST_COLUMNS } from '../../../src/io/csv/request-row.js';
import { writeXlsx } from '../../../src/io/xlsx/workbook.js';
import readXlsxFile from 'read-excel-file/node';

const HEADER = REQUEST_COLUMNS.map((c) => c.name);

describe.each(BACKENDS)('requests and schedule workbooks on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  const ids = async () => (await t.store.read((tx) => tx.requests.list(S))).map((r) => r.id as string).sort();

  it('exports the requests a delegation may see, which import back as they are', async () => {
    const usa = delegate(S, 'usa', 'protocol-officer');
    const bytes = await summitWorkbook(ctx, usa, S, 'both');
    const sheets = await readXlsxFile(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['Requests', 'Schedule']);
    const exported = sheets[0]!.data.slice(1).map((row) => String(row[0]));
    // a confidential request between others is not in the US sheet
    const all = await ids();
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.length).toBeLessThan(all.length);
    expect(sheets[0]!.data[0]).toEqual(HEADER);

    const before = await t.store.read((tx) => tx.requests.list(S));
    // the host's own export (no confidential request of others) imports back as it is
    const hosts = await summitWorkbook(ctx, host(S), S, 'requests');
    await importRequestsXlsx(ctx, host(S), S, hosts);
    const after = await t.store.read((tx) => tx.requests.list(S));
    expect(after.map(({ version: _v, ...r }) => r)).toEqual(before.map(({ version: _v, ...r }) => r));
  });

  it('imports a workbook all or nothing: one bad row and no request changes', async () => {
    const before = await ids();
    const bytes = await writeXlsx([
      {
        name: 'Requests',
        rows: [
          HEADER,
          ['new-one', 'usa', 'jpn', 'bilateral', 'ministers', 30, 2, '', 'usa-potus;jpn-pm'],
          ['new-two', 'usa', 'jpn', 'bilateral', 'ministers', 30, 2, '', 'usa-potus;jpn-nobody'],
        ],
      },
    ]);
    const refused = await importRequestsXlsx(ctx, host(S), S, bytes).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues.map((i) => i.path)).toEqual(['row 3, column "attendees"']);
    expect(await ids()).toEqual(before);
  });

  it('refuses one who may change no request before reading the workbook, as the CSV import does', async () => {
    const bytes = await writeXlsx([{ name: 'Requests', rows: [HEADER] }]);
    for (const role of ['adviser', 'viewer'] as const) {
      await expect(importRequestsXlsx(ctx, delegate(S, 'usa', role), S, bytes)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    await expect(importRequestsXlsx(ctx, host(S), S, Buffer.from('not a workbook'))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
