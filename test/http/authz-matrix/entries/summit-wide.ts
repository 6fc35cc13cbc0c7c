// Matrix rows of the summit-wide reads and files: encounters, the event log, exports, the meetings
// sheet and imports. Their answers gather records of every delegation, so the scan of each answer
// for what its reader may not see matters most here.
import { readFile } from 'node:fs/promises';
import { DEMO_FILE } from '../../../../src/app/demo/apec-2017.js';
import { of, operators, participants, strangers } from '../actors.js';
import type { Entry } from '../entry.js';
import { ifMatch, S } from '../targets.js';

/** Encounters, log, export, meetings sheet and imports. */
export const SUMMIT_WIDE_ENTRIES: readonly Entry[] = [
  {
    route: 'GET /api/summits/{summit}/encounters',
    target: 'where the US and Russian principals meet informally (public programme and presence)',
    may: participants,
    send: () => ({ params: { summit: S }, query: { a: 'usa', b: 'rus' } }),
  },
  {
    route: 'GET /api/summits/{summit}/search',
    target: 'everything named "officials": the confidential usa-rus-officials must show to its parties only',
    may: participants,
    send: () => ({ params: { summit: S }, query: { q: 'officials', limit: '50' } }),
  },
  {
    route: 'GET /api/summits/{summit}/log',
    target: "the whole event log, page by page: others' private events skipped",
    may: participants,
    pages: true,
    send: () => ({ params: { summit: S }, query: { limit: '200' } }),
  },
  {
    route: 'GET /api/summits/{summit}/export',
    target: "the summit file as the caller may see it: others' busy blocks and hidden requests held back",
    may: participants,
    send: () => ({ params: { summit: S }, query: { format: 'json' } }),
  },
  {
    route: 'GET /api/summits/{summit}/meetings.csv',
    target: 'the meetings the caller may see',
    may: participants,
    send: () => ({ params: { summit: S } }),
  },
  {
    route: 'POST /api/summits/{summit}/import',
    target:
      "a CSV sheet adding one US request, under the summit's current ETag: the US may, the host may not create it",
    may: of('usa', 'lead', 'po'),
    ok: 200,
    exclusive: true,
    refused: [[strangers, 404]],
    send: async (w) => {
      const summit = await w.server.store.read((tx) => tx.summits.get(S as never));
      const n = w.next();
      const text =
        'id,from,to,format,level,minutes,priority,topics,attendees\r\n' +
        `usa-mx-sheet-${n},usa,chl,bilateral,ministers,30,2,trade,usa-ustr;chl-fm\r\n`;
      return {
        params: { summit: S },
        raw: { text, type: 'text/csv' },
        headers: ifMatch(summit?.version ?? 1),
      };
    },
  },
  {
    route: 'POST /api/summits/import',
    target: 'a new summit from the demo file, under a new id: the operator only',
    may: operators,
    send: async (w) => ({
      raw: {
        text: (await readFile(DEMO_FILE, 'utf8')).replace('id: apec-2017', `id: mx-copy-${w.next()}`),
        type: 'application/yaml',
      },
    }),
  },
];
