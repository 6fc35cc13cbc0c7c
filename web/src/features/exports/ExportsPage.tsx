// Calendars and print: an iCalendar subscription per person, the printable daily card, and CSV.
import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { calendarCommands, useCalendarTokens, type NewCalendarToken } from '../../api/hooks/calendars';
import { usePersons } from '../../api/hooks/summit';
import type { Person } from '../../api/models';
import { summitToday } from '../../app/DayPicker';
import { useSummitScope } from '../../app/summit-context';
import { When } from '../../app/When';
import { datesBetween, dayLabel, localMillis } from '../../lib/time';
import { Button } from '../../ui/Button';
import { InlineError, QueryState } from '../../ui/states';
import { Table } from '../../ui/Table';

function Subscription({ summit, person }: { summit: string; person: Person }) {
  const client = useQueryClient();
  const tokens = useCalendarTokens(summit, person.id);
  const [fresh, setFresh] = useState<NewCalendarToken | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () =>
    client.invalidateQueries({ queryKey: ['summit', summit, 'calendar-tokens', person.id] });
  const active = (tokens.data ?? []).filter((t) => t.revokedAt === null);
  return (
    <div className="subscription">
      {fresh && (
        <div className="notice" role="status">
          <p className="small">
            Subscribe to this address in your calendar app. It is shown once: anyone with it sees{' '}
            {person.name}'s meetings until it is revoked.
          </p>
          <label className="field">
            <span className="field-label">Feed for {person.name}</span>
            <input
              readOnly
              value={fresh.url}
              className="mono"
              onFocus={(e) => e.currentTarget.select()}
              data-testid="ical-url"
            />
          </label>
          <Button
            className="btn-small"
            onPress={() => {
              void navigator.clipboard?.writeText(fresh.url).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        </div>
      )}
      {active.length > 0 && (
        <ul className="plain small">
          {active.map((t) => (
            <li key={t.id} className="actions">
              <span>
                Feed issued <When from={t.createdAt} /> by {t.createdBy}
              </span>
              <Button
                className="btn-small"
                tone="danger"
                onPress={() => {
                  setError(null);
                  calendarCommands
                    .revoke(summit, person.id, t.id)
                    .then(() => {
                      if (fresh?.id === t.id) setFresh(null);
                      return refresh();
                    })
                    .catch(setError);
                }}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button
        className="btn-small"
        onPress={() => {
          setError(null);
          setCopied(false);
          calendarCommands
            .create(summit, person.id)
            .then((t) => {
              setFresh(t);
              return refresh();
            })
            .catch(setError);
        }}
      >
        {active.length ? 'Issue another calendar link' : 'Create calendar link'}
      </Button>
      <InlineError error={error} />
    </div>
  );
}

/** The calendars-and-print screen. */
export default function ExportsPage() {
  const { summit, standing } = useSummitScope();
  const persons = usePersons(summit.id);
  const days = datesBetween(summit.days.from, summit.days.to);
  const today = summitToday(summit);
  const base = `/api/summits/${encodeURIComponent(summit.id)}`;
  return (
    <>
      <h1>Calendars & print</h1>
      <section className="card" aria-labelledby="csv-title">
        <h2 id="csv-title">Spreadsheet</h2>
        <p>
          <a className="btn" href={`${base}/meetings.csv`} download>
            Download the meetings you may see (CSV)
          </a>
        </p>
      </section>
      {standing.delegation ? (
        <section className="card" aria-labelledby="people-title">
          <h2 id="people-title">Your delegation</h2>
          <QueryState query={persons} what="Loading your delegation">
            {(list) => (
              <Table
                caption="Calendar feeds and daily cards per person"
                columns={['Person', 'Calendar subscription (iCalendar)', 'Daily card to print']}
              >
                {list
                  .filter((p) => p.delegation === standing.delegation)
                  .map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        {p.name}
                        {p.title && <span className="muted small block">{p.title}</span>}
                      </th>
                      <td>
                        <Subscription summit={summit.id} person={p} />
                      </td>
                      <td>
                        <ul className="plain">
                          {days.map((d) => (
                            <li key={d}>
                              <Link to={`/s/${summit.id}/print/${p.id}/${d}`}>
                                {dayLabel(localMillis(d, '12:00', summit.timezone), summit.timezone)}
                                {d === today && ' (today)'}
                                <span className="visually-hidden"> card for {p.name}</span>
                              </Link>
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
              </Table>
            )}
          </QueryState>
        </section>
      ) : (
        <p className="notice">Calendar feeds and daily cards are per person of a delegation.</p>
      )}
    </>
  );
}
