// Imports authorise every change as the API would for the same actor: the host's admin cannot forge
// a delegation's life-cycle steps, conditions, requests or busy blocks through a summit file or a
// sheet, and an import never tells whether an id it may not use belongs to a record hidden from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, delegate, SYSTEM } from '../../support/app.js';
import { exportSummitFile } from '../../../src/app/files/export-summit.js';
import { importIntoSummit } from '../../../src/app/files/import-file.js';
import { ForbiddenError, ValidationError, type Issue } from '../../../src/app/errors.js';
import { createCalendarToken } from '../../../src/app/calendar/tokens.js';
import { persons } from '../../../src/app/logistics/specs.js';
import type { PersonId } from '../../../src/domain/ids.js';
import { ACTORS, buildWorld, S, type World } from './world.js';

const admin = ACTORS['host-admin'];
const usaPo = delegate(S, 'usa', 'protocol-officer');
const HEADER = 'id,from,to,format,level,minutes,priority,topics,attendees,status';

type FileJson = {
  requests: { id: string; status: string; conditions?: { id: string; status: string }[] }[];
  busy?: Record<string, unknown>[];
  meetings?: Record<string, unknown>[];
  venues: { id: string; name: string }[];
};

describe.each(BACKENDS)('imports authorised change by change, on %s', (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(backend);
  });
  afterAll(() => w.t.dispose());

  const version = async () => (await w.ctx.store.read((tx) => tx.summits.get(S)))!.version;
  const hostFile = async (): Promise<FileJson> =>
    JSON.parse(await exportSummitFile(w.ctx, admin, S, 'json')) as FileJson;
  const importFile = async (actor: typeof admin, file: unknown) =>
    importIntoSummit(w.ctx, actor, S, { text: JSON.stringify(file), format: 'json' }, await version());
  const importSheet = async (actor: typeof admin, ...rows: string[]) =>
    importIntoSummit(w.ctx, actor, S, { text: [HEADER, ...rows].join('\n'), format: 'csv' }, await version());

  /** The refusal, after checking it changed nothing at all. */
  async function refused(attempt: () => Promise<unknown>): Promise<ForbiddenError | ValidationError> {
    const before = await w.snapshot();
    const error = await attempt().then(
      () => new Error('the import was accepted'),
      (e: unknown) => e,
    );
    expect(await w.snapshot(), 'the store changed').toBe(before);
    if (!(error instanceof ForbiddenError || error instanceof ValidationError)) throw error;
    return error;
  }
  const issuesOf = (e: ForbiddenError | ValidationError): readonly Issue[] => e.issues;

  it("refuses the host's file that confirms a delegation's request, naming the path", async () => {
    const file = await hostFile();
    const i = file.requests.findIndex((r) => r.id === 'usa-rus');
    file.requests[i]!.status = 'confirmed';
    const e = await refused(() => importFile(admin, file));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(issuesOf(e)).toEqual([
      { path: `requests[${i}].status`, message: expect.stringContaining('conditions-pending → confirmed') },
    ]);
  });

  it("refuses the host's file that withdraws the US condition c1", async () => {
    const file = await hostFile();
    const i = file.requests.findIndex((r) => r.id === 'usa-rus');
    const j = file.requests[i]!.conditions!.findIndex((c) => c.id === 'c1');
    file.requests[i]!.conditions![j]!.status = 'withdrawn';
    const e = await refused(() => importFile(admin, file));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(issuesOf(e).map((x) => x.path)).toEqual([`requests[${i}].conditions[${j}]`]);
  });

  it("refuses the host's file that adds a busy block to the US principal's private commitments", async () => {
    const file = await hostFile();
    const busy = {
      id: 'usa-potus-hostcreated',
      person: 'usa-potus',
      from: '2017-11-10T20:00',
      to: '2017-11-10T21:00',
    };
    file.busy = [{ ...busy, label: 'HOSTCREATED' }];
    const e = await refused(() => importFile(admin, file));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(issuesOf(e)).toEqual([{ path: 'busy[0]', message: expect.stringContaining('usa') }]);
  });

  it('refuses a sheet by the host that forges a request from the US, already confirmed, or moves usa-rus on', async () => {
    const e = await refused(() =>
      importSheet(
        admin,
        'usa-chl-forged,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm,confirmed',
        'usa-rus,usa,rus,bilateral,leaders,45,4,syria;ukraine;dprk,usa-potus;usa-sos;rus-president;rus-fm,confirmed',
      ),
    );
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(issuesOf(e).map((x) => x.path)).toEqual(['row 2', 'row 3', 'row 3.status']);
  });

  it('lets the US protocol officer import its own requests from a sheet, and nothing of others', async () => {
    const other = await refused(() =>
      importSheet(
        usaPo,
        'rus-usa-forged,rus,usa,bilateral,ministers,30,2,,usa-ustr;rus-fm,requested',
        'usa-chl-agreed,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm,agreed',
      ),
    );
    expect(issuesOf(other).map((x) => x.path)).toEqual(['row 2', 'row 3.status']);
    const done = await importSheet(
      usaPo,
      'usa-chl-sheet,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm,requested',
    );
    expect(done.requests).toEqual({ inserted: 1, updated: 0, removed: 0 });
    const stored = await w.ctx.store.read((tx) => tx.requests.get(S, 'usa-chl-sheet'));
    expect(stored).toMatchObject({ status: 'requested', acceptedBy: ['usa'] });
  });

  it('answers a host whose row takes a hidden id exactly as one whose id is free', async () => {
    const row = (id: string) => `${id},usa,rus,bilateral,officials,30,3,,usa-nsa;rus-aide,requested`;
    const hidden = await refused(() => importSheet(admin, row('usa-rus-officials')));
    const free = await refused(() => importSheet(admin, row('usa-rus-nothing')));
    const shape = (e: ForbiddenError | ValidationError, id: string) =>
      JSON.stringify({ kind: e.name, message: e.message, issues: e.issues }).replaceAll(id, 'X');
    expect(shape(hidden, 'usa-rus-officials')).toBe(shape(free, 'usa-rus-nothing'));
  });

  it('answers a delegation whose row takes a hidden draft id exactly as one whose id is free', async () => {
    const row = (id: string) => `${id},usa,sgp,bilateral,officials,30,3,,usa-nsa;sgp-pm,requested`;
    const hidden = await refused(() => importSheet(usaPo, row('sgp-mys')));
    const free = await refused(() => importSheet(usaPo, row('sgp-nothing')));
    const shape = (e: ForbiddenError | ValidationError, id: string) =>
      JSON.stringify({ kind: e.name, message: e.message, issues: e.issues }).replaceAll(id, 'X');
    expect(shape(hidden, 'sgp-mys')).toBe(shape(free, 'sgp-nothing'));
  });

  it('answers a host whose busy block takes a hidden id exactly as one whose id is free', async () => {
    const file = await hostFile();
    const block = (id: string) => ({
      id,
      person: 'usa-potus',
      from: '2017-11-10T09:00',
      to: '2017-11-10T11:30',
    });
    const hidden = await refused(() => importFile(admin, { ...file, busy: [block('usa-potus-prep')] }));
    const free = await refused(() => importFile(admin, { ...file, busy: [block('usa-potus-free')] }));
    expect(hidden.message).toBe(free.message);
    expect(JSON.stringify(hidden.issues).replaceAll('usa-potus-prep', 'X')).toBe(
      JSON.stringify(free.issues).replaceAll('usa-potus-free', 'X'),
    );
  });

  it('refuses a file that removes a person whose calendar feed is live, as the API refuses it', async () => {
    const person = 'png-mx-feed';
    await persons.add(w.ctx, admin, S, {
      id: person,
      delegation: 'png',
      name: 'Feed Holder',
      title: null,
      role: 'member',
      presence: null,
    });
    await createCalendarToken(w.ctx, admin, S, person as PersonId);
    const file = (await hostFile()) as FileJson & {
      delegations: { id: string; members?: { id: string }[] }[];
    };
    const png = file.delegations.find((d) => d.id === 'png')!;
    png.members = (png.members ?? []).filter((m) => m.id !== person);
    const e = await refused(() => importFile(admin, file));
    expect(e).toBeInstanceOf(ValidationError);
    expect(issuesOf(e)).toEqual([
      { path: 'persons', message: expect.stringContaining(`"${person}" must stay`) },
    ]);
  });

  it('still lets the host change logistics and place an agreed meeting through its file', async () => {
    const file = await hostFile();
    file.venues[0]!.name = `${file.venues[0]!.name} (renamed)`;
    const i = file.requests.findIndex((r) => r.id === 'usa-rus-fm');
    expect(file.requests[i]!.status).toBe('agreed');
    file.requests[i]!.status = 'scheduled';
    file.meetings = [
      ...(file.meetings ?? []),
      { request: 'usa-rus-fm', start: '2017-11-10T17:00', room: 'ariyana-b4' },
    ];
    const summary = await importFile(admin, file);
    expect(summary).toMatchObject({
      venues: { updated: 1 },
      requests: { updated: 1 },
      meetings: { inserted: 1 },
    });
    // its own export, imported back, changes nothing and is allowed
    await importFile(admin, await hostFile());
    // and what the host cannot see is still there, untouched
    const all = await exportSummitFile(w.ctx, SYSTEM, S, 'json');
    expect(all).toContain('usa-potus-prep');
    expect(all).toContain('usa-rus-officials');
  });
});
