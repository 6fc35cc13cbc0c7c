// Picks one summit day; the summit's dates as a row of toggle buttons.
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { dayLabel, datesBetween, localDate, localMillis } from '../lib/time';
import type { Summit } from '../api/models';

/** Today's date in the summit's zone when the summit is on, else null. */
export function summitToday(summit: Summit, now = Date.now()): string | null {
  const today = localDate(now, summit.timezone);
  return today >= summit.days.from && today <= summit.days.to ? today : null;
}

/**
 * The summit day to show first: today while the summit is on; otherwise the first day that has
 * something on it (the earliest of `starts`), else the summit's first day.
 */
export function defaultDay(summit: Summit, starts: readonly string[] = [], now = Date.now()): string {
  const today = summitToday(summit, now);
  if (today) return today;
  const days = starts
    .map((s) => localDate(s, summit.timezone))
    .filter((d) => d >= summit.days.from && d <= summit.days.to)
    .sort();
  return days[0] ?? summit.days.from;
}

/** A row of the summit's days. */
export function DayPicker(props: { summit: Summit; value: string; onChange(date: string): void }) {
  const { summit } = props;
  const days = datesBetween(summit.days.from, summit.days.to);
  return (
    <ToggleButtonGroup
      aria-label="Day"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[props.value]}
      onSelectionChange={(keys: Set<Key>) => {
        const next = [...keys][0];
        if (next !== undefined) props.onChange(String(next));
      }}
      className="segmented day-picker"
    >
      {days.map((d) => (
        <ToggleButton key={d} id={d} className="btn btn-small">
          {dayLabel(localMillis(d, '12:00', summit.timezone), summit.timezone)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
