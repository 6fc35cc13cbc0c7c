// One request: its terms, conditions, thread, meeting, the viewer's private deliberation and public
// line, and its history. Everything the viewer may not see is absent, because the API leaves it out.
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useHistory, useRequest } from '../../api/hooks/requests';
import { byId, useDelegations, usePersons, useRooms, useVenues } from '../../api/hooks/summit';
import { useSummitScope } from '../../app/summit-context';
import { canActOnRequests, canDecide, canRecordPosition } from '../../lib/roles';
import { Badge } from '../../ui/Badge';
import { InlineError, QueryState } from '../../ui/states';
import { ConditionsPanel } from './ConditionsPanel';
import { DeliberationPanel } from './DeliberationPanel';
import { HistoryPanel } from './HistoryPanel';
import { STATUS_LABEL } from './labels';
import { MeetingPanel } from './MeetingPanel';
import { PublicLinePanel } from './PublicLinePanel';
import { partiesLabel } from './RequestCard';
import { RequestDetails } from './RequestDetails';
import { StaleNotice } from './StaleNotice';
import { ThreadPanel } from './ThreadPanel';
import { TransitionBar } from './TransitionBar';
import { useAction, type AnyRecord } from './useAction';
import { api, unwrap } from '../../api/client';
import { readAll } from '../../api/lists';

/** The request screen. */
export default function RequestPage() {
  const { request: id = '' } = useParams();
  const { summit, standing } = useSummitScope();
  const view = useRequest(summit.id, id);
  const history = useHistory(summit.id, id);
  const delegations = useDelegations(summit.id);
  const persons = usePersons(summit.id);
  const venues = useVenues(summit.id);
  const rooms = useRooms(summit.id);
  const names = useMemo(() => byId(delegations.data), [delegations.data]);
  const people = useMemo(() => byId(persons.data), [persons.data]);
  const places = useMemo(() => byId(venues.data), [venues.data]);
  const reread = useCallback((before: AnyRecord) => rereadRecord(summit.id, id, before), [summit.id, id]);
  const action = useAction(summit.id, reread);

  return (
    <QueryState query={view} what="Loading the request">
      {({ request, conditions, meeting, allowed }) => {
        const parties = [request.from, ...request.to];
        const member = standing.delegation !== null && parties.includes(standing.delegation);
        const actingAs = member && canActOnRequests(standing) ? standing.delegation : null;
        const ownName = standing.delegation
          ? (names.get(standing.delegation)?.name ?? standing.delegation)
          : '';
        return (
          <>
            <p className="crumbs">
              <Link to={`/s/${summit.id}/requests`}>Requests</Link> / <code>{request.id}</code>
            </p>
            <div className="page-head">
              <div>
                <h1>{partiesLabel(request, names)}</h1>
                <p>
                  <Badge kind={request.status}>{STATUS_LABEL[request.status]}</Badge>{' '}
                  {request.confidential && <Badge kind="private">Confidential</Badge>}
                </p>
              </div>
              <TransitionBar summit={summit.id} request={request} allowed={allowed} action={action} />
            </div>
            {action.stale && (
              <StaleNotice stale={action.stale} lastEvent={history.data?.at(-1)} onDismiss={action.dismiss} />
            )}
            <InlineError error={action.error} />
            <div className="request-layout">
              <div className="stack">
                <ConditionsPanel
                  summit={summit.id}
                  request={request}
                  conditions={conditions}
                  delegations={names}
                  actingAs={actingAs}
                  action={action}
                />
                <MeetingPanel
                  summit={summit}
                  request={request}
                  meeting={meeting}
                  rooms={rooms.data ?? []}
                  actingAs={actingAs}
                  isHost={standing.host !== null}
                  action={action}
                />
                {member ? (
                  <ThreadPanel
                    summit={summit.id}
                    request={request.id}
                    delegations={names}
                    ownDelegation={standing.delegation}
                    canPost={member && canRecordPosition(standing)}
                    action={action}
                  />
                ) : (
                  <section className="card" aria-labelledby="thread-title">
                    <h2 id="thread-title">Thread</h2>
                    <p className="muted">The thread is shared by the parties of the request only.</p>
                  </section>
                )}
                <HistoryPanel summit={summit.id} request={request.id} />
              </div>
              <div className="stack">
                <RequestDetails request={request} delegations={names} persons={people} venues={places} />
                {member && (
                  <DeliberationPanel
                    summit={summit.id}
                    request={request.id}
                    delegationName={ownName}
                    canRecord={canRecordPosition(standing)}
                    canDecide={canDecide(standing)}
                    action={action}
                  />
                )}
                <PublicLinePanel
                  summit={summit.id}
                  request={request}
                  meeting={meeting}
                  ownDelegation={member ? standing.delegation : null}
                  canEdit={actingAs !== null}
                  delegations={names}
                  action={action}
                />
              </div>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}

/**
 * Reads again the record a stale write was about — the request, one of its conditions, its meeting,
 * the delegation's public line or decision — to show what changed.
 */
async function rereadRecord(summit: string, request: string, before: AnyRecord): Promise<AnyRecord | null> {
  const path = { summit, request };
  if ('claim' in before) {
    const lines = await readAll('/api/summits/{summit}/requests/{request}/public-lines', { path });
    return (lines.find((l) => l.delegation === before.delegation) as AnyRecord | undefined) ?? null;
  }
  if ('outcome' in before) {
    const d = await unwrap(
      api.GET('/api/summits/{summit}/requests/{request}/deliberation', { params: { path } }),
    );
    return (d.decision as AnyRecord | null) ?? null;
  }
  const view = await unwrap(api.GET('/api/summits/{summit}/requests/{request}', { params: { path } }));
  if ('kind' in before && 'text' in before) {
    return (view.conditions.find((c) => c.id === before.id) as AnyRecord | undefined) ?? null;
  }
  if ('start' in before && 'confirmedBy' in before) return (view.meeting as AnyRecord | null) ?? null;
  return view.request as AnyRecord;
}
