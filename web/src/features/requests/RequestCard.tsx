// One request on the board: who asks whom, for what, and where it stands.
import { Link } from 'react-router';
import type { Delegation, MeetingRequest } from '../../api/models';
import { durationLabel } from '../../lib/time';
import { words } from './labels';

/** "United States → Russia" for a request, with names where known. */
export function partiesLabel(r: MeetingRequest, delegations: ReadonlyMap<string, Delegation>): string {
  const name = (id: string) => delegations.get(id)?.name ?? id.toUpperCase();
  return `${name(r.from)} → ${r.to.map(name).join(', ')}`;
}

/** A card linking to the request's page. */
export function RequestCard(props: {
  summit: string;
  request: MeetingRequest;
  delegations: ReadonlyMap<string, Delegation>;
}) {
  const r = props.request;
  return (
    <li className="request-card">
      <Link to={`/s/${props.summit}/requests/${r.id}`}>{partiesLabel(r, props.delegations)}</Link>
      <p className="meta">
        <span className="priority" title="Priority, 5 is highest">
          P{r.priority}
        </span>{' '}
        · {words(r.format)} · {words(r.level)} · {durationLabel(r.minutes)}
        {r.confidential && ' · confidential'}
      </p>
      {r.topics.length > 0 && <p className="meta">Topics: {r.topics.join(', ')}</p>}
      <p className="meta">
        <code>{r.id}</code>
      </p>
    </li>
  );
}
