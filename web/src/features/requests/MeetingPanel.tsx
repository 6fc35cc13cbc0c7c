// The request's meeting: its slot and who accepted it; confirm, announce, pin; the host places it.
// Placing, moving and pinning offer Undo; confirming the slot waits a few seconds with Undo before
// it reaches the other parties; announcing (public, for good) and taking it off ask first.
import { useEffect, useMemo, useState } from 'react';
import { meetingCommands, type CheckResult } from '../../api/hooks/meetings';
import type { Meeting, MeetingRequest, Room, Suggestion, Summit } from '../../api/models';
import { When } from '../../app/When';
import type { SummitNames } from '../../lib/names';
import { clock, datesBetween, dayLabel, localMillis, spanLabel } from '../../lib/time';
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

/** The live check's answer in words: nothing in the way, or each conflict's headline and detail. */
export function Violations({ result }: { result: CheckResult | null }) {
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
          <li key={n}>
            <strong>{v.title}.</strong> {v.detail}
          </li>
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
  names: SummitNames;
  action: Action;
}) {
  const { summit, request, meeting, rooms, action, names } = props;
  const placeAt = (start: string, room: string | null) =>
    placeUndoably(action, summit, request, meeting, names, { start, room });
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
            choices={fitting.map((r) => ({
              id: r.id,
              label: `${names.roomAt(r.id)} (${r.capacity} seats)`,
            }))}
          />
        )}
      </div>
      <Violations result={check} />
      <InlineError error={error} />
      <div className="actions">
        <Button
          tone="primary"
          isDisabled={!start || (!noRoom && !room) || action.busy !== null}
          onPress={() => void placeAt(start, noRoom ? null : room)}
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
                  {s.room && <span>· {names.roomAt(s.room)}</span>}
                  <Button className="btn-small" onPress={() => void placeAt(s.start, s.room)}>
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
  names: SummitNames;
  actingAs: string | null;
  isHost: boolean;
  action: Action;
}) {
  const { summit, request, meeting, action, actingAs, names } = props;
  const parties = [request.from, ...request.to];
  const title = names.meeting(request.id);
  return (
    <section className="card" aria-labelledby="meeting-title" id="meeting">
      <h2 id="meeting-title">Meeting</h2>
      {meeting ? (
        <>
          <dl className="dl">
            <dt>When</dt>
            <dd>
              <When from={meeting.start} to={meeting.end} />
            </dd>
            <dt>Where</dt>
            <dd>{meeting.room ? names.roomAt(meeting.room) : 'Standing, no room (pull-aside)'}</dd>
            <dt>Slot accepted by</dt>
            <dd>
              {parties.map((d) => (
                <span key={d}>
                  <Badge kind={meeting.confirmedBy.includes(d) ? 'confirmed' : 'open'}>
                    {names.delegation(d)} {meeting.confirmedBy.includes(d) ? '✓' : 'pending'}
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
                  action.defer(
                    'Confirm slot',
                    () => meetingCommands.act(summit.id, meeting, 'confirm'),
                    meeting,
                    {
                      doing: `Confirming the slot of ${title}`,
                      done: `Confirmed the slot of ${title} for ${names.delegation(actingAs)}.`,
                    },
                  )
                }
              >
                Confirm this slot
              </Button>
            )}
            {actingAs && request.status === 'confirmed' && !meeting.announced && (
              <ConfirmButton
                label="Announce"
                tone="primary"
                question={`Announce ${title}? From then on every participant of the summit sees it, with its time and room; it cannot be taken back.`}
                isDisabled={action.busy !== null}
                onConfirm={() =>
                  void action.run(
                    'Announce',
                    () => meetingCommands.act(summit.id, meeting, 'announce'),
                    meeting,
                  )
                }
              />
            )}
            {props.isHost && (
              <Button
                isDisabled={action.busy !== null}
                onPress={() =>
                  void action.runUndoable(
                    meeting.pinned ? 'Unpin' : 'Pin',
                    () => meetingCommands.act(summit.id, meeting, meeting.pinned ? 'unpin' : 'pin'),
                    meeting,
                    {
                      done: meeting.pinned ? `Unpinned ${title}.` : `Pinned ${title}: the planner keeps it.`,
                      undo: () =>
                        meetingCommands.act(
                          summit.id,
                          { request: meeting.request, version: meeting.version + 1 },
                          meeting.pinned ? 'pin' : 'unpin',
                        ),
                      undone: meeting.pinned ? 'Pinned again.' : 'Unpinned again.',
                    },
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
            names={names}
            action={action}
          />
        </details>
      )}
    </section>
  );
}

/**
 * Places or moves a request's meeting, then offers Undo: a move goes back to where it was (the
 * meeting's next version), a first placement comes off the calendar again.
 */
async function placeUndoably(
  action: Action,
  summit: Summit,
  request: MeetingRequest,
  meeting: Meeting | null,
  names: SummitNames,
  slot: { start: string; room: string | null },
): Promise<boolean> {
  const title = names.meeting(request.id);
  const end = new Date(Date.parse(slot.start) + request.minutes * 60_000).toISOString();
  const where = `${spanLabel(slot.start, end, summit.timezone)}, ${names.roomAt(slot.room)}`;
  return action.runUndoable(
    meeting ? 'Move meeting' : 'Place meeting',
    () => meetingCommands.place(summit.id, request.id, slot, meeting?.version ?? null),
    meeting,
    meeting
      ? {
          done: `Moved ${title} to ${where}.`,
          undo: () =>
            meetingCommands.place(
              summit.id,
              request.id,
              { start: meeting.start, room: meeting.room },
              meeting.version + 1,
            ),
          undone: `${title} is back at ${spanLabel(meeting.start, meeting.end, summit.timezone)}.`,
        }
      : {
          done: `Placed ${title} on ${where}.`,
          undo: () => meetingCommands.unplace(summit.id, { request: request.id, version: 1 }),
          undone: `${title} is off the calendar again.`,
        },
  );
}
