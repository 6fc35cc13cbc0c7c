// The host's logistics: venues, rooms, the official programme and how full the rooms are.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { logisticsCommands, useUtilisation } from '../../api/hooks/logistics';
import { byId, useProgramme, useRooms, useVenues } from '../../api/hooks/summit';
import type { Room, Venue } from '../../api/models';
import { DayPicker, defaultDay } from '../../app/DayPicker';
import { useSummitScope } from '../../app/summit-context';
import { When } from '../../app/When';
import { canManageLogistics } from '../../lib/roles';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/Dialog';
import { NumberField, SelectField, TextField } from '../../ui/fields';
import { Empty, InlineError, QueryState } from '../../ui/states';
import { UtilisationChart } from './UtilisationChart';
import { Table } from '../../ui/Table';

function useLogistics(summit: string) {
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      await client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'summit' && q.queryKey[1] === summit,
      });
    }
  };
  return { error, run };
}

function Remove(props: {
  name: string;
  remove(): Promise<unknown>;
  run(fn: () => Promise<unknown>): Promise<boolean>;
}) {
  return (
    <ConfirmButton
      label="Remove"
      labelTail={props.name}
      question={`Remove ${props.name}? Anything that refers to it must be changed first.`}
      onConfirm={() => void props.run(props.remove)}
    />
  );
}

function VenuesPanel({ admin }: { admin: boolean }) {
  const { summit } = useSummitScope();
  const venues = useVenues(summit.id);
  const { error, run } = useLogistics(summit.id);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  return (
    <QueryState query={venues} what="Loading venues">
      {(list) => (
        <>
          {list.length === 0 ? (
            <Empty title="No venues yet" />
          ) : (
            <Table caption="Venues" columns={['Venue', 'Id', admin && 'Actions']}>
              {list.map((v) => (
                <tr key={v.id}>
                  <td>{v.name}</td>
                  <td>
                    <code>{v.id}</code>
                  </td>
                  {admin && (
                    <td>
                      <Remove
                        name={v.name}
                        remove={() => logisticsCommands.removeVenue(summit.id, v.id, v.version)}
                        run={run}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </Table>
          )}
          <InlineError error={error} />
          {admin && (
            <Form
              className="form-row add-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() =>
                  logisticsCommands.addVenue(summit.id, { id: id.trim(), name: name.trim() }),
                ).then((ok) => {
                  if (ok) {
                    setId('');
                    setName('');
                  }
                });
              }}
            >
              <TextField
                label="New venue id"
                value={id}
                onChange={setId}
                isRequired
                description="lower-case, e.g. hyatt"
              />
              <TextField label="Name" value={name} onChange={setName} isRequired />
              <Button type="submit" tone="primary">
                Add venue
              </Button>
            </Form>
          )}
        </>
      )}
    </QueryState>
  );
}

function RoomEditor(props: { room: Room; run(fn: () => Promise<unknown>): Promise<boolean> }) {
  const { summit } = useSummitScope();
  const [capacity, setCapacity] = useState(props.room.capacity);
  const { version, ...record } = props.room;
  return (
    <Form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.run(() => logisticsCommands.replaceRoom(summit.id, { ...record, capacity }, version));
      }}
    >
      <NumberField
        label={`Seats in ${props.room.name}`}
        value={capacity}
        minValue={1}
        onChange={setCapacity}
      />
      <Button type="submit" className="btn-small" isDisabled={capacity === props.room.capacity}>
        Save
      </Button>
    </Form>
  );
}

function RoomsPanel({ admin }: { admin: boolean }) {
  const { summit } = useSummitScope();
  const rooms = useRooms(summit.id);
  const venues = useVenues(summit.id);
  const places = useMemo(() => byId<Venue>(venues.data), [venues.data]);
  const { error, run } = useLogistics(summit.id);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [capacity, setCapacity] = useState(10);
  return (
    <QueryState query={rooms} what="Loading rooms">
      {(list) => (
        <>
          {list.length === 0 ? (
            <Empty title="No rooms yet" />
          ) : (
            <Table
              caption="Rooms"
              columns={['Room', 'Venue', 'Seats', 'Lent to', 'Open', admin && 'Actions']}
            >
              {list.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{places.get(r.venue)?.name ?? r.venue}</td>
                  <td>{admin ? <RoomEditor key={r.version} room={r} run={run} /> : r.capacity}</td>
                  <td>{r.delegation?.toUpperCase() ?? '—'}</td>
                  <td>
                    {r.available === null
                      ? 'Always'
                      : r.available.map((w) => (
                          <span key={w.from} className="block">
                            <When from={w.from} to={w.to} />
                          </span>
                        ))}
                  </td>
                  {admin && (
                    <td>
                      <Remove
                        name={r.name}
                        remove={() => logisticsCommands.removeRoom(summit.id, r.id, r.version)}
                        run={run}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </Table>
          )}
          <InlineError error={error} />
          {admin && (
            <Form
              className="form-row add-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() =>
                  logisticsCommands.addRoom(summit.id, {
                    id: id.trim(),
                    name: name.trim(),
                    venue,
                    capacity,
                    available: null,
                    delegation: null,
                  }),
                ).then((ok) => ok && (setId(''), setName('')));
              }}
            >
              <TextField label="New room id" value={id} onChange={setId} isRequired />
              <TextField label="Room name" value={name} onChange={setName} isRequired />
              <SelectField
                label="At venue"
                value={venue}
                onChange={setVenue}
                isRequired
                choices={(venues.data ?? []).map((v) => ({ id: v.id, label: v.name }))}
              />
              <NumberField label="Seats" value={capacity} minValue={1} onChange={setCapacity} />
              <Button type="submit" tone="primary">
                Add room
              </Button>
            </Form>
          )}
        </>
      )}
    </QueryState>
  );
}

function ProgrammePanel() {
  const { summit } = useSummitScope();
  const programme = useProgramme(summit.id);
  const venues = useVenues(summit.id);
  const places = byId(venues.data);
  return (
    <QueryState query={programme} what="Loading the programme">
      {(list) =>
        list.length === 0 ? (
          <Empty title="No programme events yet">Import a summit file with its programme.</Empty>
        ) : (
          <Table caption="Official programme" columns={['Event', 'When', 'Venue', 'Attendees', 'Encounter']}>
            {[...list]
              .sort((a, b) => a.from.localeCompare(b.from))
              .map((e) => (
                <tr key={e.id}>
                  <td>{e.title}</td>
                  <td>
                    <When from={e.from} to={e.to} />
                  </td>
                  <td>{e.venue ? (places.get(e.venue)?.name ?? e.venue) : '—'}</td>
                  <td>{e.attendees === 'principals' ? 'All principals' : `${e.attendees.length} named`}</td>
                  <td>{e.encounter ? 'Leaders mingle' : '—'}</td>
                </tr>
              ))}
          </Table>
        )
      }
    </QueryState>
  );
}

function UtilisationPanel() {
  const { summit } = useSummitScope();
  const utilisation = useUtilisation(summit.id);
  const rooms = useRooms(summit.id);
  const [date, setDate] = useState(() => defaultDay(summit));
  const roomById = useMemo(() => byId(rooms.data), [rooms.data]);
  return (
    <>
      <DayPicker summit={summit} value={date} onChange={setDate} />
      {/* the rooms' names first: the chart never shows a room by its id while they load */}
      <QueryState query={rooms} what="Loading room utilisation">
        {() => (
          <QueryState query={utilisation} what="Loading room utilisation">
            {(days) => <UtilisationChart days={days} rooms={roomById} date={date} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

/** The host's logistics screen. */
export default function HostPage() {
  const { standing } = useSummitScope();
  const admin = canManageLogistics(standing);
  if (!standing.host)
    return <Empty title="For the host's staff">Delegations see venues and rooms on the schedule.</Empty>;
  return (
    <>
      <h1>Venues & rooms</h1>
      {!admin && <p className="notice">You can read the logistics; the host's administrator changes them.</p>}
      <Tabs className="tabs">
        <TabList aria-label="Logistics">
          <Tab id="utilisation" className="tab">
            Utilisation
          </Tab>
          <Tab id="rooms" className="tab">
            Rooms
          </Tab>
          <Tab id="venues" className="tab">
            Venues
          </Tab>
          <Tab id="programme" className="tab">
            Programme
          </Tab>
        </TabList>
        <TabPanel id="utilisation">
          <UtilisationPanel />
        </TabPanel>
        <TabPanel id="rooms">
          <RoomsPanel admin={admin} />
        </TabPanel>
        <TabPanel id="venues">
          <VenuesPanel admin={admin} />
        </TabPanel>
        <TabPanel id="programme">
          <ProgrammePanel />
        </TabPanel>
      </Tabs>
    </>
  );
}
