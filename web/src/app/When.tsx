// A time span on screen: in the summit's zone with the zone named, and the viewer's own clock beside.
import { clockWithZone, dayLabel, spanLabel, viewerClock, viewerSpan } from '../lib/time';
import { useSummitScope } from './summit-context';

/** `from`–`to` in the summit's zone, with the viewer's time when their zone differs. */
export function When({ from, to }: { from: string; to?: string | undefined }) {
  const { summit, viewerZone } = useSummitScope();
  const zone = summit.timezone;
  const mine = to ? viewerSpan(from, to, zone, viewerZone) : viewerClock(from, zone, viewerZone);
  return (
    <span className="when">
      <time dateTime={from}>
        {to ? spanLabel(from, to, zone) : `${dayLabel(from, zone)}, ${clockWithZone(from, zone)}`}
      </time>
      {mine && <span className="muted small"> (your time {mine})</span>}
    </span>
  );
}
