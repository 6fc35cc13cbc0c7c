// The request's meeting: its slot and who accepted it; confirm, announce, pin; the host places it.
import { useEffect, useMemo, useState } from 'react';
import { meetingCommands, type CheckResult } from '../../api/hooks/meetings';
import type { Meeting, MeetingRequest, Room, Suggestion, Summit } from '../../api/models';
import { When } from '../../app/When';
import { clock, datesBetween, dayLabel, localMillis } from '../../lib/time';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/Dialog';
import { SelectField } from '../../ui/fields';
import { InlineError } from '../../ui/states';
import type { Action } from './useAction';

const PLACEABLE = new Set(['agreed', 'scheduled']);

/** The start times of one summit day, every grain, within the day window (as instants). */
export function startsOfDay(summit: Summit, date: string, minutes: number): string[] {
  const from = localMillis(date, summit.dayWindow.from, summit.timezone);
  const to = localMillis(date, summit.dayWindow.to, summit.timezone);
  const out: string[] = [];
  for (let t = from; t + minutes * 60_000 <= to; t += summit.grainMinutes * 60_000)
    out.push(new Date(t).toISOString());
  return out;
}

function Violations({ result }: { result: CheckResult | null }) {
  if (!result) return null;
  if (result.ok) {
    return (
      <p className="notice notice-ok" role="status">
        This slot breaks no rule.
      </p>
    );
  }
  return (
    <div className="notice notice-warn" role="status">
      <strong>This slot cannot be used:</strong>
      <ul className="issues">
        {result.violations.map((v, n) => (
          <li key={n}>{v.message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The host's form to place (or move) a meeting, with a live rule check and suggestions. */
function PlaceForm(props: {
  summit: Summit;
  request: MeetingRequest;
  meeting: Meeting | null;
  rooms: Room[];
  action: Action;
}) {
  const { summit, request, meeting, rooms, action } = props;
  const dates = useMemo(
    () => datesBetween(summit.days.from, summit.days.to),
    [summit.days.from, summit.days.to],
  );
  const [date, setDate] = useState(dates[0] ?? '');
  const starts = useMemo(() => startsOfDay(summit, date, request.minutes), [summit, date, request.minutes]);
  const [start, setStart] = useState('');
  const noRoom = request.format === 'pull-aside';
  const seats = request.seats ?? request.attendees.length;
  const fitting = rooms.filter(
    (r) =>
      r.capacity >= seats && (r.delegation === null || [request.from, ...request.to].includes(r.delegation)),
  );
  const [room, setRoom] = useState('');
  // the answer is kept with the slot it was for, so a changed slot never shows an old answer
  const [checked, setChecked] = useState<{ key: string; result: CheckResult } | null>(null);
  const slotKey = `${start}|${noRoom ? '' : room}`;
  const check = checked?.key === slotKey ? checked.result : null;
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!start || (!noRoom && !room)) return;
    let live = true;
    const key = `${start}|${noRoom ? '' : room}`;
    meetingCommands
      .check(summit.id, request.id, { start, room: noRoom ? null : room })
      .then((result) => live && setChecked({ key, result }))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [summit.id, request.id, start, room, noRoom]);

  return (
    <div className="form">
      <div className="form-row">
        <SelectField
          label="Day"
          value={date}
          onChange={(d) => {
            setDate(d);
            setStart('');
          }}
          choices={dates.map((d) => ({
            id: d,
            label: dayLabel(localMillis(d, '12:00', summit.timezone), summit.timezone),
          }))}
        />
        <SelectField
          label={`Start (${summit.timezone})`}
          value={start}
          onChange={setStart}
          choices={starts.map((s) => ({ id: s, label: clock(s, summit.timezone) }))}
        />
        {!noRoom && (
          <SelectField
            label="Room"
            value={room}
            onChange={setRoom}
            choices={fitting.map((r) => ({ id: r.id, label: `${r.name} (${r.capacity} seats)` }))}
          />
        )}
      </div>
      <Violations result={check} />
      <InlineError error={error} />
      <div className="actions">
        <Button
          tone="primary"
          isDisabled={!start || (!noRoom && !room) || action.busy !== null}
          onPress={() =>
            void action.run(
              meeting ? 'Move meeting' : 'Place meeting',
              () =>
                meetingCommands.place(
                  summit.id,
                  request.id,
                  { start, room: noRoom ? null : room },
                  meeting?.version ?? null,
                ),
              meeting,
            )
          }
        >
          {meeting ? 'Move here' : 'Place here'}
        </Button>
        <Button
          onPress={() => {
            setError(null);
            meetingCommands.suggestions(summit.id, request.id, 5).then(setSuggestions, setError);
          }}
        >
          Suggest slots
        </Button>
      </div>
      {suggestions && (
        <div>
          <h3>Suggested slots</h3>
          {suggestions.length === 0 ? (
            <p className="muted">No free slot satisfies every rule.</p>
          ) : (
            <ul className="plain">
              {suggestions.map((s) => (
                <li key={`${s.start}-${s.room ?? ''}`} className="actions">
                  <When from={s.start} to={s.end} />
                  {s.room && <span>· {rooms.find((r) => r.id === s.room)?.name ?? s.room}</span>}
                  <Button
                    className="btn-small"
                    onPress={() =>
                      void action.run(
                        'Place meeting',
                        () =>
                          meetingCommands.place(
                            summit.id,
                            request.id,
                            { start: s.start, room: s.room },
                            meeting?.version ?? null,
                          ),
                        meeting,
                      )
                    }
                  >
                    Use this slot
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** The meeting card. */
export function MeetingPanel(props: {
  summit: Summit;
  request: MeetingRequest;
  meeting: Meeting | null;
  rooms: Room[];
  actingAs: string | null;
  isHost: boolean;
  action: Action;
}) {
  const { summit, request, meeting, action, actingAs } = props;
  const room = meeting?.room ? props.rooms.find((r) => r.id === meeting.room) : undefined;
  const parties = [request.from, ...request.to];
  return (
    <section className="card" aria-labelledby="meeting-title">
      <h2 id="meeting-title">Meeting</h2>
      {meeting ? (
        <>
          <dl className="dl">
            <dt>When</dt>
            <dd>
              <When from={meeting.start} to={meeting.end} />
            </dd>
            <dt>Where</dt>
            <dd>{meeting.room ? (room?.name ?? meeting.room) : 'Standing, no room (pull-aside)'}</dd>
            <dt>Slot accepted by</dt>
            <dd>
              {parties.map((d) => (
                <span key={d}>
                  <Badge kind={meeting.confirmedBy.includes(d) ? 'confirmed' : 'open'}>
                    {d.toUpperCase()} {meeting.confirmedBy.includes(d) ? '✓' : 'pending'}
                  </Badge>{' '}
                </span>
              ))}
            </dd>
            <dt>Status</dt>
            <dd>
              {meeting.pinned ? 'Pinned (the planner keeps it)' : 'Not pinned'} ·{' '}
              {meeting.announced ? 'Announced' : 'Not announced'}
            </dd>
          </dl>
          <div className="actions">
            {actingAs && !meeting.confirmedBy.includes(actingAs) && request.status === 'scheduled' && (
              <Button
                tone="primary"
                isDisabled={action.busy !== null}
                onPress={() =>
                  void action.run(
                    'Confirm slot',
                    () => meetingCommands.act(summit.id, meeting, 'confirm'),
                    meeting,
                  )
                }
              >
                Confirm this slot
              </Button>
            )}
            {actingAs && request.status === 'confirmed' && !meeting.announced && (
              <Button
                isDisabled={action.busy !== null}
                onPress={() =>
                  void action.run(
                    'Announce',
                    () => meetingCommands.act(summit.id, meeting, 'announce'),
                    meeting,
                  )
                }
              >
                Announce
              </Button>
            )}
            {props.isHost && (
              <Button
                isDisabled={action.busy !== null}
                onPress={() =>
                  void action.run(
                    meeting.pinned ? 'Unpin' : 'Pin',
                    () => meetingCommands.act(summit.id, meeting, meeting.pinned ? 'unpin' : 'pin'),
                    meeting,
                  )
                }
              >
                {meeting.pinned ? 'Unpin' : 'Pin'}
              </Button>
            )}
            {props.isHost && !meeting.pinned && request.status === 'scheduled' && (
              <ConfirmButton
                label="Take off the calendar"
                question="The request goes back to agreed and the parties lose this slot."
                onConfirm={() =>
                  void action.run(
                    'Take off the calendar',
                    () => meetingCommands.unplace(summit.id, meeting),
                    meeting,
                  )
                }
              />
            )}
          </div>
        </>
      ) : (
        <p className="muted">
          {request.status === 'agreed' ? 'Agreed, waiting for a slot.' : 'Not on the calendar.'}
        </p>
      )}
      {props.isHost && PLACEABLE.has(request.status) && !meeting?.pinned && (
        <details open={!meeting}>
          <summary>{meeting ? 'Move to another slot' : 'Place on the calendar'}</summary>
          <PlaceForm
            summit={summit}
            request={request}
            meeting={meeting}
            rooms={props.rooms}
            action={action}
          />
        </details>
      )}
    </section>
  );
}
