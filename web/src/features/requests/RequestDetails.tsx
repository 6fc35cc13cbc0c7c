// What a request asks for: parties, format, level, length, attendees, windows, topics.
import type { MeetingRequest } from '../../api/models';
import { When } from '../../app/When';
import type { SummitNames } from '../../lib/names';
import { durationLabel } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { words } from './labels';

/** The details card of the request page. */
export function RequestDetails(props: { request: MeetingRequest; names: SummitNames }) {
  const r = props.request;
  const { names } = props;
  const parties = [r.from, ...r.to];
  return (
    <section className="card" aria-labelledby="details-title" id="details">
      <h2 id="details-title">The request</h2>
      <dl className="dl">
        <dt>Parties</dt>
        <dd>
          <ul className="plain">
            {parties.map((d) => (
              <li key={d}>
                {names.delegation(d)} {d === r.from ? '(requesting)' : ''}{' '}
                {r.acceptedBy.includes(d) ? (
                  <Badge kind="accepted">accepted</Badge>
                ) : (
                  <Badge kind="open">not yet accepted</Badge>
                )}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Format</dt>
        <dd>
          {words(r.format)}
          {r.downgrade && ` (downgraded to ${words(r.downgrade)})`}
        </dd>
        <dt>Level</dt>
        <dd>{words(r.level)}</dd>
        <dt>Length</dt>
        <dd>{durationLabel(r.minutes)}</dd>
        <dt>Priority</dt>
        <dd>P{r.priority} of 5</dd>
        <dt>Topics</dt>
        <dd>{r.topics.length ? r.topics.join(', ') : '—'}</dd>
        <dt>Attendees</dt>
        <dd>
          <ul className="plain">
            {r.attendees.map((p) => (
              <li key={p}>
                {names.personTitled(p)}
                {names.personDelegation(p) && <span className="muted"> ({names.personDelegation(p)})</span>}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Seats</dt>
        <dd>{r.seats ?? `${r.attendees.length} (one per attendee)`}</dd>
        <dt>Venue</dt>
        <dd>{r.venue ? names.venue(r.venue) : 'Any'}</dd>
        <dt>Allowed windows</dt>
        <dd>
          {r.allowed === null ? (
            'Any time during the summit'
          ) : (
            <ul className="plain">
              {r.allowed.map((w) => (
                <li key={w.from}>
                  <When from={w.from} to={w.to} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Preferred</dt>
        <dd>
          {r.preferred.length === 0 ? (
            'No preference'
          ) : (
            <ul className="plain">
              {r.preferred.map((w) => (
                <li key={w.from}>
                  <When from={w.from} to={w.to} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Visibility</dt>
        <dd>
          {r.confidential ? 'Confidential: its parties only, not the host' : 'Its parties and the host'}
        </dd>
      </dl>
    </section>
  );
}
