// File imports into a named summit under a version check, creating from a file, and the meetings sheet.
import { parse } from 'csv-parse/sync';
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
import type { SummitId } from '../../../src/domain/ids.js';
import { DuplicateError, NotFoundError, StaleVersionError } from '../../../src/store/store.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ForbiddenError, ValidationError } from '../../../src/app/errors.js';
import { getSummit } from '../../../src/app/summit/summits.js';
import { exportSummitFile } from '../../../src/app/files/export-summit.js';
import { createSummitFromFile, importIntoSummit } from '../../../src/app/files/import-file.js';
import { meetingsCsv } from '../../../src/app/files/meetings-csv.js';
import { getRequest } from '../../../src/app/requests/read.js';
import { loadSummitData } from '../../../src/app/summit/load.js';

describe.each(BACKENDS)('file imports and the meetings sheet on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  let json: string;
  const admin = host(S);
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
    // the host's own view: what it may import back (a file with records hidden from it may not)
    json = await exportSummitFile(ctx, admin, S, 'json');
  });
  afterAll(() => t.dispose());

  it('imports a changed file into the summit the caller read, and bumps its version', async () => {
    const before = await getSummit(ctx, admin, S);
    const file = JSON.parse(json);
    file.summit.name = 'APEC 2017 (renamed by import)';
    const summary = await importIntoSummit(
      ctx,
      admin,
      S,
      { text: JSON.stringify(file), format: 'json' },
      before.version,
    );
    expect(summary).toMatchObject({ summit: S, created: false });
    const after = await getSummit(ctx, admin, S);
    expect(after).toMatchObject({ name: 'APEC 2017 (renamed by import)', version: before.version + 1 });
  });

  it('refuses a stale version, a file for another summit and an invalid file, changing nothing', async () => {
    const before = await getSummit(ctx, admin, S);
    const text = json;
    await expect(
      importIntoSummit(ctx, admin, S, { text, format: 'json' }, before.version - 1),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const other = JSON.parse(json);
    other.summit.id = 'apec-2018';
    const wrong = await importIntoSummit(
      ctx,
      admin,
      S,
      { text: JSON.stringify(other), format: 'json' },
      before.version,
    ).catch((e) => e);
    expect(wrong).toBeInstanceOf(ValidationError);
    expect(wrong.issues).toEqual([{ path: 'summit.id', message: expect.stringContaining('apec-2018') }]);
    const broken = JSON.parse(json);
    broken.rooms[0].capacity = -3;
    broken.requests[0].attendees = ['nobody'];
    const invalid = await importIntoSummit(
      ctx,
      admin,
      S,
      { text: JSON.stringify(broken), format: 'json' },
      before.version,
    ).catch((e) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    const paths = (invalid as ValidationError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['rooms[0].capacity', 'requests[0].attendees[0]']));
    expect(await getSummit(ctx, admin, S)).toEqual(before);
  });

  it('lets only the host admin import, and hides the summit from strangers', async () => {
    const { version } = await getSummit(ctx, admin, S);
    await expect(
      importIntoSummit(
        ctx,
        delegate(S, 'usa', 'delegation-lead'),
        S,
        { text: json, format: 'json' },
        version,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      importIntoSummit(ctx, host('g20'), S, { text: json, format: 'json' }, version),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates a summit from a file for an operator only, and never over an existing one', async () => {
    const fresh = JSON.parse(json);
    fresh.summit.id = 'apec-2017-copy';
    const text = JSON.stringify(fresh);
    await expect(createSummitFromFile(ctx, admin, { text, format: 'json' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await createSummitFromFile(ctx, SYSTEM, { text, format: 'json' })).toMatchObject({
      summit: 'apec-2017-copy',
      created: true,
    });
    await expect(createSummitFromFile(ctx, SYSTEM, { text, format: 'json' })).rejects.toBeInstanceOf(
      DuplicateError,
    );
    const copy = await getSummit(ctx, SYSTEM, 'apec-2017-copy' as SummitId);
    expect(copy.version).toBe(1);
  });

  it('adds requests from a CSV sheet under the version check, and lists every bad cell', async () => {
    const { version } = await getSummit(ctx, admin, S);
    const usaPo = delegate(S, 'usa', 'protocol-officer');
    const header = 'id,from,to,format,level,minutes,priority,topics,attendees';
    const good = `${header}\r\nusa-chl-sheet,usa,chl,bilateral,ministers,30,2,trade,usa-ustr;chl-fm\r\n`;
    await expect(
      importIntoSummit(ctx, usaPo, S, { text: good, format: 'csv' }, version - 1),
    ).rejects.toBeInstanceOf(StaleVersionError);
    const bad = `${header}\r\nx1,usa,chl,bilateral,kings,30,2,,nobody\r\n`;
    const invalid = await importIntoSummit(ctx, usaPo, S, { text: bad, format: 'csv' }, version).catch(
      (e) => e,
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    const messages = (invalid as ValidationError).message;
    expect(messages).toMatch(/level/);
    expect(messages).toMatch(/nobody/);
    // the host may not create a US request: refused by row, before the US protocol officer imports it
    const host = await importIntoSummit(ctx, admin, S, { text: good, format: 'csv' }, version).catch(
      (e) => e,
    );
    expect(host).toBeInstanceOf(ForbiddenError);
    expect(host.issues).toEqual([{ path: 'row 2', message: expect.stringContaining('usa') }]);
    expect(await importIntoSummit(ctx, usaPo, S, { text: good, format: 'csv' }, version)).toMatchObject({
      summit: S,
      created: false,
    });
    const view = await getRequest(ctx, delegate(S, 'usa', 'viewer'), S, 'usa-chl-sheet');
    expect(view.request).toMatchObject({ to: ['chl'], attendees: ['usa-ustr', 'chl-fm'] });
  });

  it('keeps what the host cannot see when it imports its own export: busy blocks, confidential requests', async () => {
    const before = await t.store.read((tx) => loadSummitData(tx, S));
    const hostFile = await exportSummitFile(ctx, admin, S, 'json');
    expect(JSON.parse(hostFile).busy ?? []).toEqual([]);
    const { version } = await getSummit(ctx, admin, S);
    await importIntoSummit(ctx, admin, S, { text: hostFile, format: 'json' }, version);
    const after = await t.store.read((tx) => loadSummitData(tx, S));
    const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
    expect(ids(after.busy)).toEqual(ids(before.busy));
    expect(after.busy.length).toBeGreaterThan(0);
    expect(ids(after.requests)).toEqual(ids(before.requests));
    expect(after.requests.find((r) => r.id === 'usa-rus-officials')).toMatchObject({ confidential: true });
  });

  it('refuses a file that carries a hidden record or removes what one needs, without saying what it is', async () => {
    const { version } = await getSummit(ctx, admin, S);
    const full = JSON.parse(await exportSummitFile(ctx, SYSTEM, S, 'json'));
    const i = full.busy.findIndex((b: { id: string }) => b.id === 'usa-potus-prep');
    full.busy[i].label = 'Renamed by the host';
    // a busy block is the delegation's to write: refused as a new one would be, whether its id is taken or not
    const changed = await importIntoSummit(
      ctx,
      admin,
      S,
      { text: JSON.stringify(full), format: 'json' },
      version,
    ).catch((e) => e);
    expect(changed).toBeInstanceOf(ForbiddenError);
    expect(changed.issues).toContainEqual({ path: `busy[${i}]`, message: expect.stringContaining('usa') });

    const hostFile = JSON.parse(await exportSummitFile(ctx, admin, S, 'json'));
    hostFile.venues = hostFile.venues.filter((v: { id: string }) => v.id !== 'hyatt');
    hostFile.travelMinutes = hostFile.travelMinutes.filter((p: string[]) => !p.includes('hyatt'));
    const removed = await importIntoSummit(
      ctx,
      admin,
      S,
      { text: JSON.stringify(hostFile), format: 'json' },
      version,
    ).catch((e) => e);
    expect(removed).toBeInstanceOf(ValidationError);
    expect(removed.issues).toEqual([
      { path: 'venues', message: '"hyatt" must stay: records you cannot see refer to it' },
    ]);
    expect(JSON.stringify(removed.issues)).not.toMatch(/usa-potus|Staff time/);
  });

  it('refuses a sheet row that would overwrite a request the host cannot see, as any request it may not create', async () => {
    const { version } = await getSummit(ctx, admin, S);
    const sheet =
      'id,from,to,format,level,minutes,priority,topics,attendees\r\n' +
      'usa-rus-officials,usa,rus,bilateral,officials,30,3,,usa-nsa;rus-aide\r\n';
    const refused = await importIntoSummit(ctx, admin, S, { text: sheet, format: 'csv' }, version).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect(refused.issues).toEqual([{ path: 'row 2', message: expect.stringContaining('act on request') }]);
    const stored = await t.store.read((tx) => tx.requests.get(S, 'usa-rus-officials'));
    expect(stored).toMatchObject({ confidential: true });
  });

  it('writes the meetings a reader may see as CSV in local time, and hides unannounced ones of others', async () => {
    const rus = await meetingsCsv(ctx, delegate(S, 'rus', 'viewer'), S);
    const lines = rus.split('\r\n');
    expect(lines[0]).toBe('meeting,date,start,end,utc offset,room,venue,parties,attendees,request');
    const chnRus = lines.find((l) => l.endsWith(',chn-rus'));
    expect(chnRus).toMatch(
      /^Bilateral meeting: China – Russia,2017-11-10,17:15,18:00,\+07:00,Bilateral Room 1,Ariyana Convention Centre,China; Russia,Xi Jinping; [^,]+; Vladimir Putin; [^,]+,chn-rus$/u,
    );
    expect(rus).toContain(',kor-rus\r\n'); // scheduled, unannounced, but Russia is a party
    expect(rus).not.toContain('png-usa'); // unannounced, between others
    const usa = await meetingsCsv(ctx, delegate(S, 'usa', 'viewer'), S);
    expect(usa).toContain(',png-usa\r\n');
    const starts = (parse(rus) as string[][]).slice(1).map((row) => `${row[1]}T${row[2]}`);
    expect(starts).toEqual([...starts].sort());
  });
});
