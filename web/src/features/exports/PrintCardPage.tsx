// A person's schedule for one day, laid out to print on one page (the browser's print makes the PDF).
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useAgenda } from '../../api/hooks/meetings';
import { useRequests } from '../../api/hooks/requests';
import { byId, useDelegations, usePersons, useRooms, useSummit, useVenues } from '../../api/hooks/summit';
import { useTravel } from '../../api/hooks/travel';
import { clock, dayLabel, durationLabel, localMillis, viewerZone, zoneAbbrev } from '../../lib/time';
import { Button } from '../../ui/Button';
import { ErrorState, Loading } from '../../ui/states';
import { summitNames } from '../../../../src/domain/words/names.js';
import { dayOf } from '../today/agenda-day';

/** The printable daily card. */
export default function PrintCardPage() {
  const { summit: summitId = '', person: personId = '', date = '' } = useParams();
  const summit = useSummit(summitId);
  const persons = usePersons(summitId);
  const delegations = useDelegations(summitId);
  const rooms = useRooms(summitId);
  const venues = useVenues(summitId);
  const travel = useTravel(summitId);
  const agenda = useAgenda(summitId, personId);
  const requests = useRequests(summitId, {});
  const roomById = useMemo(() => byId(rooms.data), [rooms.data]);
  const venueById = useMemo(() => byId(venues.data), [venues.data]);
  const names = useMemo(
    () =>
      summitNames(
        {
          delegations: delegations.data,
          persons: persons.data,
          rooms: rooms.data,
          venues: venues.data,
          requests: requests.data,
        },
        summit.data?.timezone ?? 'UTC',
      ),
    [delegations.data, persons.data, rooms.data, venues.data, requests.data, summit.data?.timezone],
  );

  if (
    summit.isPending ||
    agenda.isPending ||
    persons.isPending ||
    delegations.isPending ||
    requests.isPending ||
    rooms.isPending ||
    venues.isPending
  ) {
    return (
      <main id="main" className="page">
        <Loading what="Preparing the card" />
      </main>
    );
  }
  const error = summit.error ?? agenda.error ?? persons.error;
  if (error || !summit.data) {
    return (
      <main id="main" className="page">
        <ErrorState error={error} />
      </main>
    );
  }
  const s = summit.data;
  const person = persons.data?.find((p) => p.id === personId);
  const { items, legs } = dayOf(agenda.data ?? [], date, s.timezone, roomById, travel.data, s.bufferMinutes);
  const zone = `${s.timezone} (${zoneAbbrev(s.timezone, localMillis(date, '12:00', s.timezone))})`;

  return (
    <main id="main" className="page">
      <div className="no-print actions print-bar">
        <Link to={`/s/${summitId}/exports`}>Back</Link>
        <Button tone="primary" onPress={() => window.print()}>
          Print or save as PDF
        </Button>
      </div>
      <article className="print-card" aria-labelledby="card-title">
        <h1 id="card-title">
          {person?.name ?? personId} — {dayLabel(localMillis(date, '12:00', s.timezone), s.timezone)}
        </h1>
        <p className="print-sub">
          {person?.title ? `${person.title}, ` : ''}
          {person ? names.delegation(person.delegation) : ''} · {s.name} · all times {zone}
        </p>
        {items.length === 0 ? (
          <p>Nothing scheduled on this day.</p>
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">Time ({zoneAbbrev(s.timezone, localMillis(date, '12:00', s.timezone))})</th>
                <th scope="col">What</th>
                <th scope="col">Where</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, n) => {
                const e = item.engagement;
                const leg = legs[n];
                const what =
                  e.kind === 'programme'
                    ? e.title
                    : e.kind === 'meeting'
                      ? names.knowsRequest(e.request)
                        ? names.meeting(e.request)
                        : 'Meeting'
                      : e.kind === 'private'
                        ? (e.label ?? 'Private commitment')
                        : 'Busy';
                const where = [
                  item.venue ? (venueById.get(item.venue)?.name ?? item.venue) : '',
                  e.kind === 'meeting' && e.room ? (roomById.get(e.room)?.name ?? e.room) : '',
                ]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <tr key={`${e.from}-${n}`} className="print-item">
                    <td className="time">
                      {clock(e.from, s.timezone)}–{clock(e.to, s.timezone)}
                    </td>
                    <td>
                      {leg && (
                        <span className="block small">
                          Travel from {venueById.get(leg.fromVenue)?.name ?? leg.fromVenue}:{' '}
                          {durationLabel(leg.travel)}
                        </span>
                      )}
                      {what}
                    </td>
                    <td>{where || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="print-foot">
          Printed from Sideline. Times are local to the summit ({zone}); your device is set to {viewerZone()}.
        </p>
      </article>
    </main>
  );
}
