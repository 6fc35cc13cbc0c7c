// One room: where it is, how many it seats, and what it holds by day and time (a meeting the viewer
// may not read shows only as busy).
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { meetingKeys } from '../../api/hooks/meetings';
import { useRooms } from '../../api/hooks/summit';
import { readAll } from '../../api/lists';
import { useSummitScope } from '../../app/summit-context';
import { useSummitNames } from '../../lib/names';
import { ErrorState, Loading } from '../../ui/states';
import { requestsOfCalendar } from '../schedule/rows';
import { AgendaList, type AgendaLine } from './AgendaList';

/** The room screen. */
export default function RoomPage() {
  const { room = '' } = useParams();
  const { summit } = useSummitScope();
  const rooms = useRooms(summit.id);
  const calendar = useQuery({
    queryKey: [...meetingKeys.all(summit.id), 'room', room],
    queryFn: () =>
      readAll('/api/summits/{summit}/meetings', { path: { summit: summit.id }, query: { room } }),
  });
  const { names, ready } = useSummitNames({ requests: requestsOfCalendar(calendar.data ?? []) });
  if (calendar.isPending || rooms.isPending || !ready) return <Loading what="Loading the room's calendar" />;
  if (calendar.error) return <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const record = rooms.data?.find((r) => r.id === room);
  const lines: AgendaLine[] = (calendar.data ?? []).map((e, n) =>
    e.kind === 'meeting'
      ? {
          key: e.request,
          from: e.start,
          to: e.end,
          kind: 'meeting',
          title: names.meeting(e.request),
          detail: e.attendees.map(names.person).join(', '),
          request: e.request,
        }
      : {
          key: `busy:${n}`,
          from: e.start,
          to: e.end,
          kind: 'busy',
          title: 'Busy',
          detail: 'A meeting you may not read',
        },
  );
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{record?.name ?? names.room(room)}</h1>
          {record && (
            <p className="muted">
              {names.venue(record.venue)} · {record.capacity} seats
              {record.delegation && ` · lent to ${names.delegation(record.delegation)}`}
            </p>
          )}
        </div>
      </div>
      <AgendaList lines={lines} />
    </>
  );
}
