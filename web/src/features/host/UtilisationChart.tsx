// Room utilisation: booked minutes against available minutes, per room, for one day, as a bar chart
// drawn as plain SVG, with the same numbers in a table for those who do not see the chart.
import type { RoomDay } from '../../api/hooks/logistics';
import type { Room } from '../../api/models';
import { useSummitScope } from '../../app/summit-context';
import { dayLabel, localMillis } from '../../lib/time';
import { Table } from '../../ui/Table';

/** The chart and table for `date`. */
export function UtilisationChart(props: { days: RoomDay[]; rooms: ReadonlyMap<string, Room>; date: string }) {
  const { summit } = useSummitScope();
  const day = dayLabel(localMillis(props.date, '12:00', summit.timezone), summit.timezone);
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
  return (
    <>
      <figure className="chart-box" aria-labelledby="util-caption">
        <figcaption id="util-caption" className="visually-hidden">
          Share of each room's available time that is booked on {day}; the table below has the same figures.
        </figcaption>
        <BarsSvg bars={data.map((d) => ({ label: d.room, percent: d.percent, closed: d.closed }))} />
      </figure>
      <Table caption={`Room utilisation on ${day}`} columns={['Room', 'Booked', 'Available', 'Share']}>
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

/** Geometry of the chart, in the SVG's own units (it scales to the width of its box). */
const CHART = { width: 640, label: 180, right: 48, row: 28, top: 24 } as const;
const TICKS = [0, 25, 50, 75, 100] as const;

/** One horizontal bar per room, 0–100 % of the room's available time, with its figure at its end. */
function BarsSvg(props: { bars: { label: string; percent: number; closed: boolean }[] }) {
  const { width, label, right, row, top } = CHART;
  const span = width - label - right;
  const height = top + props.bars.length * row + 8;
  const x = (percent: number) => label + (span * Math.min(100, Math.max(0, percent))) / 100;
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="presentation"
      aria-hidden="true"
      focusable="false"
    >
      {TICKS.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 6} y2={height - 8} className="bar-chart-grid" />
          <text x={x(t)} y={top - 10} textAnchor="middle" className="bar-chart-tick">
            {t}%
          </text>
        </g>
      ))}
      {props.bars.map((b, i) => {
        const y = top + i * row;
        return (
          <g key={b.label}>
            <text
              x={label - 8}
              y={y + row / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="bar-chart-label"
            >
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect
              x={label}
              y={y + 5}
              width={x(b.percent) - label}
              height={row - 10}
              className="bar-chart-bar"
            />
            <text x={x(b.percent) + 6} y={y + row / 2} dominantBaseline="middle" className="bar-chart-value">
              {b.closed ? 'closed' : `${b.percent}%`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
