// The request board: every visible request in a column per life-cycle state, filtered.
import { useMemo, useState } from 'react';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { Link } from 'react-router';
import { byId, useDelegations } from '../../api/hooks/summit';
import { useRequests } from '../../api/hooks/requests';
import type { Delegation, MeetingRequest } from '../../api/models';
import { useSummitScope } from '../../app/summit-context';
import { canActOnRequests } from '../../lib/roles';
import { durationLabel } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { ButtonLink } from '../../ui/Button';
import { Empty, QueryState } from '../../ui/states';
import { BOARD_COLUMNS, STATUS_LABEL, words } from './labels';
import { partiesLabel, RequestCard } from './RequestCard';
import { RequestFilterBar, useFilters } from './RequestFilters';
import { Table } from '../../ui/Table';

/** The board screen. */
export default function BoardPage() {
  const { summit, standing } = useSummitScope();
  const [filters, setFilters] = useFilters();
  const [view, setView] = useState<'board' | 'list'>('board');
  const requests = useRequests(summit.id, filters);
  const delegations = useDelegations(summit.id);
  const names = useMemo(() => byId(delegations.data), [delegations.data]);

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
          list.length === 0 ? (
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
            <Board summit={summit.id} list={list} names={names} />
          ) : (
            <RequestTable summit={summit.id} list={list} names={names} />
          )
        }
      </QueryState>
    </>
  );
}

function Board({
  summit,
  list,
  names,
}: {
  summit: string;
  list: MeetingRequest[];
  names: ReadonlyMap<string, Delegation>;
}) {
  return (
    <div className="board">
      {BOARD_COLUMNS.map((col) => {
        const items = list
          .filter((r) => col.states.includes(r.status))
          .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
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
                  <RequestCard key={r.id} summit={summit} request={r} delegations={names} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function RequestTable({
  summit,
  list,
  names,
}: {
  summit: string;
  list: MeetingRequest[];
  names: ReadonlyMap<string, Delegation>;
}) {
  return (
    <Table
      caption="Requests"
      columns={['Parties', 'State', 'Priority', 'Format', 'Level', 'Length', 'Topics']}
    >
      {list.map((r) => (
        <tr key={r.id}>
          <td>
            <Link to={`/s/${summit}/requests/${r.id}`}>{partiesLabel(r, names)}</Link>
          </td>
          <td>
            <Badge kind={r.status}>{STATUS_LABEL[r.status]}</Badge>
          </td>
          <td>P{r.priority}</td>
          <td>{words(r.format)}</td>
          <td>{words(r.level)}</td>
          <td>{durationLabel(r.minutes)}</td>
          <td>{r.topics.join(', ')}</td>
        </tr>
      ))}
    </Table>
  );
}
