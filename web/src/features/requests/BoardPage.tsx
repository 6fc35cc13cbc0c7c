// The request board: every visible request in a column per life-cycle state, filtered.
import { useMemo, useState } from 'react';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { Link } from 'react-router';
import { useDelegations } from '../../api/hooks/summit';
import { useCalendar } from '../../api/hooks/meetings';
import { useRequests } from '../../api/hooks/requests';
import type { CalendarMeeting, MeetingRequest } from '../../api/models';
import { useSummitScope } from '../../app/summit-context';
import { useSummitNames, type SummitNames } from '../../lib/names';
import { canActOnRequests } from '../../lib/roles';
import { durationLabel } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { ButtonLink } from '../../ui/Button';
import { ScrollCue } from '../../ui/ScrollCue';
import { Empty, Loading, QueryState } from '../../ui/states';
import { BOARD_COLUMNS, STATUS_LABEL, words } from './labels';
import { attendeesLabel, RequestCard, whenLabel } from './RequestCard';
import { RequestFilterBar, useFilters } from './RequestFilters';
import { Table } from '../../ui/Table';

type Meetings = ReadonlyMap<string, CalendarMeeting>;

/** The board screen. */
export default function BoardPage() {
  const { summit, standing } = useSummitScope();
  const [filters, setFilters] = useFilters();
  const [view, setView] = useState<'board' | 'list'>('board');
  const requests = useRequests(summit.id, filters);
  const delegations = useDelegations(summit.id);
  const calendar = useCalendar(summit.id);
  const { names, ready } = useSummitNames({ requests: requests.data });
  const meetings = useMemo<Meetings>(
    () =>
      new Map(
        (calendar.data ?? [])
          .filter((e): e is CalendarMeeting => e.kind === 'meeting')
          .map((m) => [m.request, m]),
      ),
    [calendar.data],
  );

  return (
    <>
      <div className="page-head">
        <h1>Requests</h1>
        <div className="toolbar">
          <ToggleButtonGroup
            aria-label="View"
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={[view]}
            onSelectionChange={(keys: Set<Key>) => setView(([...keys][0] as 'board' | 'list') ?? 'board')}
            className="segmented"
          >
            <ToggleButton id="board" className="btn btn-small">
              Board
            </ToggleButton>
            <ToggleButton id="list" className="btn btn-small">
              List
            </ToggleButton>
          </ToggleButtonGroup>
          {canActOnRequests(standing) && (
            <ButtonLink href={`/s/${summit.id}/requests/new`} tone="primary">
              New request
            </ButtonLink>
          )}
        </div>
      </div>
      <RequestFilterBar
        filters={filters}
        onChange={setFilters}
        delegations={delegations.data ?? []}
        ownDelegation={standing.delegation}
      />
      <QueryState query={requests} what="Loading requests">
        {(list) =>
          !ready || calendar.isPending ? (
            <Loading what="Loading requests" />
          ) : list.length === 0 ? (
            <Empty
              title={Object.keys(filters).length ? 'No request matches these filters' : 'No requests yet'}
            >
              {canActOnRequests(standing) && !Object.keys(filters).length && (
                <p>
                  <Link to={`/s/${summit.id}/requests/new`}>Ask a delegation for a meeting</Link>.
                </p>
              )}
            </Empty>
          ) : view === 'board' ? (
            <Board summit={summit.id} list={list} names={names} meetings={meetings} />
          ) : (
            <RequestTable summit={summit.id} list={list} names={names} meetings={meetings} />
          )
        }
      </QueryState>
    </>
  );
}

/** Earliest meeting first, then the rest by priority. */
function byWhen(meetings: Meetings) {
  return (a: MeetingRequest, b: MeetingRequest) => {
    const ma = meetings.get(a.id)?.start ?? '';
    const mb = meetings.get(b.id)?.start ?? '';
    if (ma && mb && ma !== mb) return ma.localeCompare(mb);
    if (ma !== mb) return ma ? -1 : 1;
    return b.priority - a.priority || a.id.localeCompare(b.id);
  };
}

function Board({
  summit,
  list,
  names,
  meetings,
}: {
  summit: string;
  list: MeetingRequest[];
  names: SummitNames;
  meetings: Meetings;
}) {
  return (
    <ScrollCue label="Request board">
      <div className="board">
        {BOARD_COLUMNS.map((col) => {
          const items = list.filter((r) => col.states.includes(r.status)).sort(byWhen(meetings));
          const headingId = `col-${col.id}`;
          return (
            <section key={col.id} className="board-column" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {col.label} <span className="muted">{items.length}</span>
              </h2>
              {items.length === 0 ? (
                <p className="muted small">None</p>
              ) : (
                <ul>
                  {items.map((r) => (
                    <RequestCard
                      key={r.id}
                      summit={summit}
                      request={r}
                      meeting={meetings.get(r.id)}
                      names={names}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </ScrollCue>
  );
}

function RequestTable({
  summit,
  list,
  names,
  meetings,
}: {
  summit: string;
  list: MeetingRequest[];
  names: SummitNames;
  meetings: Meetings;
}) {
  return (
    <Table
      caption="Requests"
      columns={['Parties', 'When', 'State', 'Priority', 'Format and level', 'Length', 'Attendees', 'Topics']}
    >
      {[...list].sort(byWhen(meetings)).map((r) => (
        <tr key={r.id}>
          <td>
            <Link to={`/s/${summit}/requests/${r.id}`}>{names.ask(r.id)}</Link>
          </td>
          <td>{whenLabel(r, meetings.get(r.id), names)}</td>
          <td>
            <Badge kind={r.status}>{STATUS_LABEL[r.status]}</Badge>
          </td>
          <td>P{r.priority}</td>
          <td>
            {words(r.format)}, {words(r.level).toLowerCase()}
          </td>
          <td>{durationLabel(r.minutes)}</td>
          <td>{attendeesLabel(r, names)}</td>
          <td>{r.topics.join(', ')}</td>
        </tr>
      ))}
    </Table>
  );
}
