// The summit's requests and schedule as an .xlsx workbook, holding back what the reader may not see.
// The requests sheet has the columns the requests import reads, so it imports back as it is.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import { meetingRows } from '../../io/csv/meetings.js';
import { fileRequestToRow, REQUEST_COLUMNS } from '../../io/csv/request-row.js';
import { toSummitFileObject } from '../../io/summit-file/write.js';
import { writeXlsx } from '../../io/xlsx/workbook.js';
import { requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { loadSummitData } from '../summit/load.js';
import { visibleSummitData } from './export-summit.js';
import { readableMeetings } from './meetings-csv.js';

/** What a workbook holds: the requests, the schedule (meetings), or both as two sheets. */
export type WorkbookContent = 'requests' | 'schedule' | 'both';

/**
 * An .xlsx workbook of the requests the actor may see (one row each, times local to the summit)
 * and/or the meetings they may read (the meetings CSV's columns).
 */
export async function summitWorkbook(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  content: WorkbookContent,
): Promise<Buffer> {
  requireParticipant(actor, summit);
  const data = await ctx.store.read((tx) => loadSummitData(tx, summit));
  const sheets = [];
  if (content !== 'schedule') {
    const requests = toSummitFileObject(visibleSummitData(actor, data)).requests ?? [];
    sheets.push({
      name: 'Requests',
      rows: [REQUEST_COLUMNS.map((c) => c.name), ...requests.map(fileRequestToRow)],
    });
  }
  if (content !== 'requests')
    sheets.push({ name: 'Schedule', rows: meetingRows(data, readableMeetings(actor, data)) });
  return writeXlsx(sheets);
}
