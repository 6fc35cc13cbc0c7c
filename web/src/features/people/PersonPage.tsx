// One person: who they are and their engagements by day and time, as the viewer may see them (what
// is not theirs to read shows only as busy).
import { useParams } from 'react-router';
import { useAgenda } from '../../api/hooks/meetings';
import { useRequests } from '../../api/hooks/requests';
import { useSummitScope } from '../../app/summit-context';
import { useSummitNames } from '../../lib/names';
import { ErrorState, Loading } from '../../ui/states';
import { AgendaList, type AgendaLine } from './AgendaList';

/** The person screen. */
export default function PersonPage() {
  const { person = '' } = useParams();
  const { summit, standing } = useSummitScope();
  const agenda = useAgenda(summit.id, person);
  const requests = useRequests(summit.id, standing.delegation ? { party: standing.delegation } : {});
  const { names, ready } = useSummitNames({ requests: requests.data });
  if (agenda.isPending || !ready || requests.isPending)
    return <Loading what="Loading the person's engagements" />;
  if (agenda.error) return <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const lines: AgendaLine[] = (agenda.data ?? []).map((e, n) => {
    const key = `${n}:${e.from}`;
    switch (e.kind) {
      case 'meeting':
        return {
          key,
          from: e.from,
          to: e.to,
          kind: 'meeting',
          title: names.knowsRequest(e.request) ? names.meeting(e.request) : 'Meeting',
          detail: names.roomAt(e.room),
          ...(names.knowsRequest(e.request) ? { request: e.request } : {}),
        };
      case 'programme':
        return {
          key,
          from: e.from,
          to: e.to,
          kind: 'programme',
          title: e.title,
          detail: e.venue ? names.venue(e.venue) : '',
        };
      case 'private':
        return {
          key,
          from: e.from,
          to: e.to,
          kind: 'private',
          title: e.label ?? 'Private commitment',
          detail: e.venue ? names.venue(e.venue) : '',
        };
      case 'busy':
        return { key, from: e.from, to: e.to, kind: 'busy', title: 'Busy', detail: 'Not yours to see' };
    }
  });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{names.person(person)}</h1>
          <p className="muted">
            {names.personTitled(person).split(', ').slice(1).join(', ')}
            {names.personDelegation(person) && ` · ${names.personDelegation(person)}`}
          </p>
        </div>
      </div>
      <AgendaList lines={lines} />
    </>
  );
}
