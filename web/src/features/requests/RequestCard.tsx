// One request on the board: who asks whom, when it meets (or would like to), with whom and about
// what, so that three requests between the same two delegations can be told apart at a glance.
import { Link } from 'react-router';
import type { CalendarMeeting, MeetingRequest } from '../../api/models';
import type { SummitNames } from '../../lib/names';
import { durationLabel, spanLabel } from '../../lib/time';
import { words } from './labels';

/** When a request meets, or the time it asked for: "Fri 10 Nov, 14:00–14:30 GMT+7 · Bilateral Room 1". */
export function whenLabel(
  r: MeetingRequest,
  meeting: CalendarMeeting | undefined,
  names: SummitNames,
): string {
  if (meeting) return `${spanLabel(meeting.start, meeting.end, names.zone)} · ${names.room(meeting.room)}`;
  const wanted = r.preferred[0] ?? r.allowed?.[0];
  if (wanted) {
    const more = (r.preferred.length || r.allowed?.length || 0) > 1 ? ' and more' : '';
    return `Wanted ${spanLabel(wanted.from, wanted.to, names.zone)}${more}`;
  }
  return 'Any time during the summit';
}

/** "Donald J. Trump, Shinzo Abe and 2 more". */
export function attendeesLabel(r: MeetingRequest, names: SummitNames, first = 3): string {
  const shown = r.attendees.slice(0, first).map(names.person);
  const more = r.attendees.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** A card linking to the request's page. */
export function RequestCard(props: {
  summit: string;
  request: MeetingRequest;
  meeting: CalendarMeeting | undefined;
  names: SummitNames;
}) {
  const { request: r, meeting, names } = props;
  return (
    <li className="request-card">
      <Link to={`/s/${props.summit}/requests/${r.id}`}>{names.ask(r.id)}</Link>
      <p className={`meta when${meeting ? ' placed' : ''}`}>{whenLabel(r, meeting, names)}</p>
      <p className="meta">
        <span className="priority" title="Priority, 5 is highest">
          P{r.priority}
        </span>{' '}
        · {words(r.format)} · {words(r.level)} · {durationLabel(r.minutes)}
        {r.confidential && ' · confidential'}
      </p>
      {r.attendees.length > 0 && <p className="meta">With {attendeesLabel(r, names)}</p>}
      {r.topics.length > 0 && <p className="meta">Topics: {r.topics.join(', ')}</p>}
    </li>
  );
}
