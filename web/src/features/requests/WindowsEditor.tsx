// Edits a list of time windows as summit days with local start and end times.
import { datesBetween, dayLabel, localMillis } from '../../lib/time';
import type { Summit, TimeWindow } from '../../api/models';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/fields';

/** One window as the form holds it: a summit day and local HH:MM times. */
export interface LocalWindow {
  date: string;
  from: string;
  to: string;
}

/** The quarter hours of a day, "07:00" … "23:45", for time choices. */
export function timesOfDay(step = 15): string[] {
  const out: string[] = [];
  for (let m = 0; m < 24 * 60; m += step)
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  out.push('24:00');
  return out;
}

/** The windows as instants in the summit's zone; a window that ends before it starts is left out. */
export function toInstants(summit: Summit, windows: readonly LocalWindow[]): TimeWindow[] {
  return windows
    .map((w) => ({
      from: new Date(localMillis(w.date, w.from, summit.timezone)).toISOString(),
      to: new Date(localMillis(w.date, w.to, summit.timezone)).toISOString(),
    }))
    .filter((w) => w.from < w.to);
}

/** The editor: one row per window, add and remove. */
export function WindowsEditor(props: {
  label: string;
  summit: Summit;
  value: LocalWindow[];
  onChange(next: LocalWindow[]): void;
  emptyText: string;
}) {
  const { summit, value, onChange } = props;
  const days = datesBetween(summit.days.from, summit.days.to);
  const times = timesOfDay(summit.grainMinutes >= 15 ? 15 : summit.grainMinutes).map((t) => ({
    id: t,
    label: t,
  }));
  const set = (n: number, patch: Partial<LocalWindow>) =>
    onChange(value.map((w, i) => (i === n ? { ...w, ...patch } : w)));
  return (
    <fieldset className="windows">
      <legend>{props.label}</legend>
      {value.length === 0 && <p className="muted small">{props.emptyText}</p>}
      {value.map((w, n) => (
        <div key={n} className="form-row window-row">
          <SelectField
            label={`Day of window ${n + 1}`}
            value={w.date}
            onChange={(date) => set(n, { date })}
            choices={days.map((d) => ({
              id: d,
              label: dayLabel(localMillis(d, '12:00', summit.timezone), summit.timezone),
            }))}
          />
          <SelectField
            label={`From (window ${n + 1})`}
            value={w.from}
            onChange={(from) => set(n, { from })}
            choices={times}
          />
          <SelectField
            label={`To (window ${n + 1})`}
            value={w.to}
            onChange={(to) => set(n, { to })}
            choices={times}
          />
          <Button
            tone="quiet"
            className="btn-small"
            onPress={() => onChange(value.filter((_, i) => i !== n))}
          >
            Remove window {n + 1}
          </Button>
        </div>
      ))}
      <Button
        className="btn-small"
        onPress={() =>
          onChange([
            ...value,
            {
              date: days[0] ?? summit.days.from,
              from: summit.dayWindow.from,
              to: summit.dayWindow.to === '24:00' ? '23:45' : summit.dayWindow.to,
            },
          ])
        }
      >
        Add a window
      </Button>
    </fieldset>
  );
}
