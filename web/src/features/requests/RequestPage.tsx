// One request: its terms, conditions, thread, meeting, the viewer's private deliberation and public
// line, and its history, all from one read. The private deliberation sits at the top of the second
// column and the section links reach every part; what the viewer may not see is absent, because
// the API leaves it out.
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useRequestPage } from '../../api/hooks/requests';
import { useSummitScope } from '../../app/summit-context';
import { When } from '../../app/When';
import { useNamesOf } from '../../lib/names';
import { canActOnRequests, canDecide, canRecordPosition } from '../../lib/roles';
import { durationLabel } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { ScrollCue } from '../../ui/ScrollCue';
import { InlineError, QueryState } from '../../ui/states';
import { ConditionsPanel } from './ConditionsPanel';
import { DeliberationPanel } from './DeliberationPanel';
import { HistoryPanel } from './HistoryPanel';
import { STATUS_LABEL, words } from './labels';
import { MeetingPanel } from './MeetingPanel';
import { PublicLinePanel } from './PublicLinePanel';
import { RequestDetails } from './RequestDetails';
import { StaleNotice } from './StaleNotice';
import { ThreadPanel } from './ThreadPanel';
import { TransitionBar } from './TransitionBar';
import { useAction, type AnyRecord } from './useAction';
import { api, unwrap } from '../../api/client';
import { readAll } from '../../api/lists';

/** Marks the request page's first full render for the browser benchmark (performance.mark). */
function markRendered() {
  if (
    typeof performance !== 'undefined' &&
    !performance.getEntriesByName('sideline:request-rendered').length
  ) {
    performance.mark('sideline:request-rendered');
  }
}

/** The request screen. */
export default function RequestPage() {
  const { request: id = '' } = useParams();
  const { summit, standing } = useSummitScope();
  const page = useRequestPage(summit.id, id);
  const reread = useCallback((before: AnyRecord) => rereadRecord(summit.id, id, before), [summit.id, id]);
  const action = useAction(summit.id, reread);
  const data = page.data;
  const records = useMemo(
    () =>
      data
        ? {
            ...data.names,
            requests: [data.view.request],
            conditions: data.view.conditions,
          }
        : undefined,
    [data],
  );
  const names = useNamesOf(records);
  useEffect(() => {
    if (data && names) markRendered();
  }, [data, names]);

  return (
    <QueryState query={page} what="Loading the request">
      {({ view, encounterLikely, history }) => {
        if (!names) return null;
        const { request, conditions, meeting, allowed } = view;
        const parties = [request.from, ...request.to];
        const member = standing.delegation !== null && parties.includes(standing.delegation);
        const actingAs = member && canActOnRequests(standing) ? standing.delegation : null;
        const title = names.ask(request.id);
        const open = conditions.filter((c) => c.status === 'open').length;
        const sections: { id: string; label: string }[] = [
          { id: 'conditions', label: open ? `Conditions (${open} open)` : 'Conditions' },
          ...(member ? [{ id: 'deliberation', label: 'Deliberation' }] : []),
          { id: 'meeting', label: 'Meeting' },
          ...(member ? [{ id: 'thread', label: 'Thread' }] : []),
          { id: 'lines', label: 'Public line' },
          { id: 'details', label: 'The request' },
          { id: 'history', label: 'History' },
        ];
        return (
          <>
            <p className="crumbs">
              <Link to={`/s/${summit.id}/requests`}>Requests</Link> / {title}
            </p>
            <div className="page-head request-head">
              <div>
                <h1>{title}</h1>
                <p className="request-facts">
                  <Badge kind={request.status}>{STATUS_LABEL[request.status]}</Badge>{' '}
                  {request.confidential && <Badge kind="private">Confidential</Badge>}{' '}
                  <span>
                    {words(request.format)} · {words(request.level)} · {durationLabel(request.minutes)} · P
                    {request.priority}
                    {request.topics.length > 0 && ` · ${request.topics.join(', ')}`}
                  </span>
                </p>
                {meeting && (
                  <p className="request-slot">
                    <strong>{names.meeting(request.id)}</strong>:{' '}
                    <When from={meeting.start} to={meeting.end} />
                    {' · '}
                    {names.roomAt(meeting.room)}
                  </p>
                )}
              </div>
              <TransitionBar
                summit={summit.id}
                request={request}
                allowed={allowed}
                action={action}
                names={names}
              />
            </div>
            <nav className="section-nav" aria-label="Parts of this request">
              <ScrollCue label="Parts of this request">
                <ul>
                  {sections.map((s) => (
                    <li key={s.id}>
                      <a href={`#${s.id}`}>{s.label}</a>
                    </li>
                  ))}
                </ul>
              </ScrollCue>
            </nav>
            {action.stale && (
              <StaleNotice
                stale={action.stale}
                lastEvent={history.at(-1)}
                names={names}
                onDismiss={action.dismiss}
              />
            )}
            <InlineError error={action.error} />
            <div className="request-layout">
              <div className="stack">
                <ConditionsPanel
                  summit={summit.id}
                  request={request}
                  conditions={conditions}
                  names={names}
                  actingAs={actingAs}
                  action={action}
                />
                {standing.host !== null && (
                  <MeetingPanel
                    summit={summit}
                    request={request}
                    meeting={meeting}
                    rooms={data?.names.rooms ?? []}
                    names={names}
                    actingAs={actingAs}
                    isHost
                    action={action}
                  />
                )}
                {member ? (
                  <ThreadPanel
                    summit={summit.id}
                    request={request.id}
                    names={names}
                    ownDelegation={standing.delegation}
                    canPost={canRecordPosition(standing)}
                    action={action}
                  />
                ) : null}
                {standing.host === null && (
                  <MeetingPanel
                    summit={summit}
                    request={request}
                    meeting={meeting}
                    rooms={data?.names.rooms ?? []}
                    names={names}
                    actingAs={actingAs}
                    isHost={false}
                    action={action}
                  />
                )}
                <PublicLinePanel
                  summit={summit.id}
                  request={request}
                  meeting={meeting}
                  ownDelegation={member ? standing.delegation : null}
                  canEdit={actingAs !== null}
                  names={names}
                  encounterLikely={encounterLikely}
                  action={action}
                />
              </div>
              <div className="stack">
                {member && (
                  <DeliberationPanel
                    summit={summit.id}
                    request={request.id}
                    names={names}
                    delegationName={names.delegation(standing.delegation ?? '')}
                    canRecord={canRecordPosition(standing)}
                    canDecide={canDecide(standing)}
                    action={action}
                  />
                )}

                <RequestDetails request={request} names={names} />
                <HistoryPanel summit={summit.id} request={request.id} names={names} />
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
