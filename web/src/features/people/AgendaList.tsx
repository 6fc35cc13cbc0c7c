// Engagements as a list by day and time: the person and room pages, and the phone's way of reading
// a schedule.
import { Link } from 'react-router';
import { useSummitScope } from '../../app/summit-context';
import { clockSpan, dayLabel, localDate } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { Empty } from '../../ui/states';

/** One line of an agenda. */
export interface AgendaLine {
  key: string;
  from: string;
  to: string;
  kind: 'meeting' | 'programme' | 'private' | 'busy';
  title: string;
  /** Where, or with whom. */
  detail: string;
  request?: string;
}

const KIND: Readonly<Record<AgendaLine['kind'], [label: string, badge: string]>> = {
  meeting: ['Meeting', 'scheduled'],
  programme: ['Programme', 'agreed'],
  private: ['Private', 'private'],
  busy: ['Busy', 'private'],
};

/** The lines grouped by local day, in time order. */
export function AgendaList({ lines }: { lines: readonly AgendaLine[] }) {
  const { summit } = useSummitScope();
  if (lines.length === 0) return <Empty title="Nothing on the calendar" />;
  const sorted = [...lines].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const days = new Map<string, AgendaLine[]>();
  for (const l of sorted) {
    const d = localDate(l.from, summit.timezone);
    days.set(d, [...(days.get(d) ?? []), l]);
  }
  return (
    <div className="agenda-days">
      {[...days.entries()].map(([day, items]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{dayLabel(items[0]!.from, summit.timezone)}</h2>
          <ol className="phone-agenda">
            {items.map((l) => (
              <li key={l.key} className={`agenda-item ${l.kind}`}>
                <span className="agenda-time">{clockSpan(l.from, l.to, summit.timezone)}</span>
                <span className="agenda-what">
                  <Badge kind={KIND[l.kind][1]}>{KIND[l.kind][0]}</Badge>{' '}
                  {l.request ? (
                    <Link to={`/s/${summit.id}/requests/${l.request}`}>{l.title}</Link>
                  ) : (
                    <strong>{l.title}</strong>
                  )}
                  {l.detail && <span className="agenda-where small">{l.detail}</span>}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
