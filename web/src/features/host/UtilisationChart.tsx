// Room utilisation: booked minutes against available minutes, per room, for one day, as a bar chart
// with the same numbers in a table for those who do not see the chart.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoomDay } from '../../api/hooks/logistics';
import type { Room } from '../../api/models';
import { Table } from '../../ui/Table';

/** The chart and table for `date`. */
export function UtilisationChart(props: { days: RoomDay[]; rooms: ReadonlyMap<string, Room>; date: string }) {
  const data = props.days
    .filter((d) => d.date === props.date)
    .map((d) => ({
      room: props.rooms.get(d.room)?.name ?? d.room,
      percent: d.ratio === null ? 0 : Math.round(d.ratio * 100),
      booked: d.bookedMinutes,
      available: d.availableMinutes,
      closed: d.ratio === null,
    }))
    .sort((a, b) => b.percent - a.percent);
  if (data.length === 0) return <p className="muted">No rooms on this day.</p>;
  const height = Math.max(220, data.length * 28 + 60);
  return (
    <>
      <figure className="chart-box" style={{ height }} aria-labelledby="util-caption">
        <figcaption id="util-caption" className="visually-hidden">
          Share of each room's available time that is booked on {props.date}; the table below has the same
          figures.
        </figcaption>
        <div aria-hidden="true" style={{ width: '100%', height: '100%' }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              layout="vertical"
              margin={{ left: 24, right: 24, top: 8, bottom: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} unit="%" />
              <YAxis type="category" dataKey="room" width={170} />
              <Tooltip formatter={(v) => `${String(v)}%`} />
              <Bar dataKey="percent" name="Booked" fill="#284f80" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <Table caption={`Room utilisation on ${props.date}`} columns={['Room', 'Booked', 'Available', 'Share']}>
        {data.map((d) => (
          <tr key={d.room}>
            <th scope="row">{d.room}</th>
            <td>{d.booked} min</td>
            <td>{d.closed ? 'closed' : `${d.available} min`}</td>
            <td>{d.closed ? '—' : `${d.percent}%`}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
