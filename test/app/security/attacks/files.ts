// Attacks through summit files and sheets: exports, imports and the meetings sheet.
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { DEMO_FILE } from '../../../../src/app/demo/apec-2017.js';
import { exportSummitFile } from '../../../../src/app/files/export-summit.js';
import { createSummitFromFile, importIntoSummit } from '../../../../src/app/files/import-file.js';
import { importRequestsCsv, importRequestsXlsx } from '../../../../src/app/files/import-requests-csv.js';
import { summitWorkbook } from '../../../../src/app/files/sheets.js';
import { importSummitData, importSummitFile } from '../../../../src/app/files/import-summit.js';
import { meetingsCsv } from '../../../../src/app/files/meetings-csv.js';
import { loadSummitData } from '../../../../src/app/summit/load.js';
import { attack, attacks, type Attack } from '../probe.js';
import { S, type World } from '../world.js';

const OUTSIDERS = ['other-summit', 'other-host', 'nobody'] as const;
const READERS = ['chn', 'rus', 'host-admin', 'host-staff'] as const;
const NOT_ADMINS = ['chn', 'rus', 'usa-viewer', 'host-staff'] as const;
/** Who may import no sheet at all: neither the host's admin nor one who acts on requests. */
const NO_IMPORTERS = ['usa-viewer', 'usa-adviser', 'host-staff'] as const;
const demoText = await readFile(DEMO_FILE, 'utf8');
const version = async (w: World) => (await w.ctx.store.read((tx) => tx.summits.get(S)))!.version;
const HEADER =
  'id,from,to,format,level,minutes,priority,topics,attendees,seats,venue,allowed,preferred,status';
/** A sheet that would make the confidential US-Russia request an open one, were it written. */
const overwrite = `${HEADER}\nusa-rus-officials,usa,rus,bilateral,officials,30,3,,usa-nsa;rus-aide,,,,,agreed\n`;

/** Every file use case, with the attempts that must fail (or read nothing private). */
export const FILE_ATTACKS: Record<string, Attack[]> = {
  'files/export-summit.ts#exportSummitFile': [
    ...attacks(READERS, 'exports the summit', 'read', (w, a) => exportSummitFile(w.ctx, a, S, 'yaml')),
    ...attacks(OUTSIDERS, 'exports the summit', 'hidden', (w, a) => exportSummitFile(w.ctx, a, S, 'json')),
    attack('operator', 'exports the summit', 'hidden', (w, a) => exportSummitFile(w.ctx, a, S, 'json')),
  ],
  'files/sheets.ts#summitWorkbook': [
    ...attacks(READERS, 'exports the workbook', 'read', (w, a) => summitWorkbook(w.ctx, a, S, 'both')),
    ...attacks([...OUTSIDERS, 'operator'], 'exports the workbook', 'hidden', (w, a) =>
      summitWorkbook(w.ctx, a, S, 'both'),
    ),
  ],
  'files/import-requests-csv.ts#importRequestsXlsx': [
    // refused before the workbook is read, as the CSV sheet is
    ...attacks(NO_IMPORTERS, 'imports a workbook', 'forbidden', (w, a) =>
      importRequestsXlsx(w.ctx, a, S, Buffer.from('not a workbook')),
    ),
    ...attacks([...OUTSIDERS, 'operator'], 'imports a workbook', 'hidden', (w, a) =>
      importRequestsXlsx(w.ctx, a, S, Buffer.from('not a workbook')),
    ),
  ],
  'files/meetings-csv.ts#meetingsCsv': [
    ...attacks(READERS, 'exports the meetings sheet', 'read', (w, a) => meetingsCsv(w.ctx, a, S)),
    ...attacks(OUTSIDERS, 'exports the meetings sheet', 'hidden', (w, a) => meetingsCsv(w.ctx, a, S)),
    attack('operator', 'exports the meetings sheet', 'hidden', (w, a) => meetingsCsv(w.ctx, a, S)),
  ],
  'files/import-file.ts#importIntoSummit': [
    ...attacks(NOT_ADMINS, 'imports the demo file over the summit', 'forbidden', async (w, a) =>
      importIntoSummit(w.ctx, a, S, { text: demoText, format: 'yaml' }, await version(w)),
    ),
    ...attacks(NOT_ADMINS, 'imports a sheet over a confidential request', 'forbidden', async (w, a) =>
      importIntoSummit(w.ctx, a, S, { text: overwrite, format: 'csv' }, await version(w)),
    ),
    ...attacks(OUTSIDERS, 'imports the demo file over the summit', 'hidden', async (w, a) =>
      importIntoSummit(w.ctx, a, S, { text: demoText, format: 'yaml' }, await version(w)),
    ),
    // creating summits gives an operator nothing in the summits of others
    attack('operator', 'imports the demo file over the summit', 'hidden', async (w, a) =>
      importIntoSummit(w.ctx, a, S, { text: demoText, format: 'yaml' }, await version(w)),
    ),
    attack('operator', 'imports a sheet over a confidential request', 'hidden', async (w, a) =>
      importIntoSummit(w.ctx, a, S, { text: overwrite, format: 'csv' }, await version(w)),
    ),
    attack('host-admin', 'imports a malformed file', 'invalid', async (w, a) =>
      importIntoSummit(w.ctx, a, S, { text: 'summit: [', format: 'yaml' }, await version(w)),
    ),
  ],
  'files/import-file.ts#createSummitFromFile': [
    ...attacks(['host-admin', 'rus', ...OUTSIDERS], 'creates a summit from a file', 'forbidden', (w, a) =>
      createSummitFromFile(w.ctx, a, {
        text: demoText.replace('id: apec-2017', 'id: apec-2018'),
        format: 'yaml',
      }),
    ),
    // an operator creates summits, never over another's: it learns the id is taken, nothing more
    attack('operator', 'creates a summit from the demo file, over the demo', 'duplicate', (w, a) =>
      createSummitFromFile(w.ctx, a, { text: demoText, format: 'yaml' }),
    ),
  ],
  'files/import-requests-csv.ts#importRequestsCsv': [
    ...attacks(NOT_ADMINS, 'imports a sheet over a confidential request', 'forbidden', (w, a) =>
      importRequestsCsv(w.ctx, a, S, overwrite),
    ),
    // refused before the sheet is read: its errors would speak of the summit's records
    ...attacks(NO_IMPORTERS, 'imports a sheet naming unknown persons', 'forbidden', (w, a) =>
      importRequestsCsv(w.ctx, a, S, `${HEADER}\nx,usa,rus,bilateral,officials,30,3,,nobody,,,,,agreed\n`),
    ),
    // a delegation's lead may import its own requests: the sheet is read (persons are everyone's to know)
    ...attacks(['chn', 'rus'], 'imports a sheet naming unknown persons', 'invalid', (w, a) =>
      importRequestsCsv(w.ctx, a, S, `${HEADER}\nx,usa,rus,bilateral,officials,30,3,,nobody,,,,,agreed\n`),
    ),
    // another delegation's request, forged through a sheet, as the API refuses it
    ...attacks(['chn', 'rus', 'host-admin'], 'imports a sheet creating a US request', 'forbidden', (w, a) =>
      importRequestsCsv(
        w.ctx,
        a,
        S,
        `${HEADER}\nusa-chl-forged,usa,chl,bilateral,ministers,30,2,,usa-ustr;chl-fm,,,,,requested\n`,
      ),
    ),
    ...attacks(OUTSIDERS, 'imports a sheet', 'hidden', (w, a) => importRequestsCsv(w.ctx, a, S, overwrite)),
    attack('operator', 'imports a sheet', 'hidden', (w, a) => importRequestsCsv(w.ctx, a, S, overwrite)),
    // called directly, not only through importIntoSummit, it must not overwrite what the host cannot see
    {
      ...attack('host-admin', 'imports a sheet over a confidential request', 'forbidden', (w, a) =>
        importRequestsCsv(w.ctx, a, S, overwrite),
      ),
      said: ['usa-rus-officials'],
    },
  ],
  'files/import-summit.ts#importSummitFile': [
    ...attacks([...NOT_ADMINS, ...OUTSIDERS], 'imports the demo file', 'forbidden', (w, a) =>
      importSummitFile(w.ctx, a, { text: demoText, format: 'yaml' }),
    ),
    // the refusal is the same whether or not a summit of that id exists
    ...attacks(
      OUTSIDERS,
      'imports a file for the demo summit and one for no summit',
      'forbidden',
      async (w, a) => {
        const tried = (text: string) =>
          importSummitFile(w.ctx, a, { text, format: 'yaml' }).then(
            () => new Error('imported'),
            (e: Error) => e,
          );
        const existing = await tried(demoText);
        const none = await tried(demoText.replace('id: apec-2017', 'id: apec-1999'));
        expect(existing.message.replace('apec-2017', 'X')).toBe(none.message.replace('apec-1999', 'X'));
        throw existing;
      },
    ),
    attack('operator', 'imports the demo file', 'duplicate', (w, a) =>
      importSummitFile(w.ctx, a, { text: demoText, format: 'yaml' }),
    ),
  ],
  'files/import-summit.ts#importSummitData': [
    ...attacks(
      [...NOT_ADMINS, ...OUTSIDERS],
      'imports the stored summit emptied of its requests',
      'forbidden',
      async (w, a) => {
        const data = await w.ctx.store.read((tx) => loadSummitData(tx, S));
        return importSummitData(w.ctx, a, { ...data, requests: [], conditions: [], meetings: [] });
      },
    ),
    attack('operator', 'imports the stored summit emptied of its requests', 'duplicate', async (w, a) => {
      const data = await w.ctx.store.read((tx) => loadSummitData(tx, S));
      return importSummitData(w.ctx, a, { ...data, requests: [], conditions: [], meetings: [] });
    }),
  ],
};
