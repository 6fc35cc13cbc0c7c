// Meetings out of sight, counted at the grid's edges: "◀ 2 earlier" and "3 later ▶", each a button
// that scrolls to the nearest of them, so an evening meeting is never hidden without a word.
import { useEffect, useState, type RefObject } from 'react';
import { clock } from '../../lib/time';
import { GRID, offscreen, slotOf, type DayAxis, type Span } from './grid-model';

/** The stretch of the day the scroller shows now (ms). */
function visibleSpan(el: HTMLElement, axis: DayAxis): Span {
  const px = axis.grainMs / GRID.slotWidth;
  const from = axis.start + el.scrollLeft * px;
  return { from, to: from + Math.max(0, el.clientWidth - GRID.rowHeaderWidth) * px };
}

/** The two edge markers of a grid. */
export function EdgeMarkers(props: {
  scroller: RefObject<HTMLDivElement | null>;
  axis: DayAxis;
  blocks: readonly (Span & { kind: string; key: string })[];
  zone: string;
}) {
  const { scroller, axis, blocks, zone } = props;
  const [span, setSpan] = useState<Span | null>(null);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSpan(visibleSpan(el, axis)));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resize?.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', measure);
      resize?.disconnect();
    };
  }, [scroller, axis]);

  if (!span) return null;
  const inDay = blocks.filter((b) => b.to > axis.start && b.from < axis.end);
  const o = offscreen(inDay, span);
  const scrollTo = (ms: number) => {
    const el = scroller.current;
    if (!el) return;
    const slot = Math.max(0, slotOf(axis, ms) - 2);
    el.scrollTo({ left: slot * GRID.slotWidth, behavior: 'smooth' });
  };
  const plural = (n: number) => (n === 1 ? 'meeting' : 'meetings');
  return (
    <>
      {o.before > 0 && o.nearestBefore !== null && (
        <button
          type="button"
          className="edge-marker before"
          style={{ left: GRID.rowHeaderWidth + 6 }}
          onClick={() => scrollTo(o.nearestBefore!)}
        >
          ◀ {o.before} earlier {plural(o.before)}
          <span className="small"> (last at {clock(o.nearestBefore, zone)})</span>
        </button>
      )}
      {o.after > 0 && o.nearestAfter !== null && (
        <button type="button" className="edge-marker after" onClick={() => scrollTo(o.nearestAfter!)}>
          {o.after} later {plural(o.after)}
          <span className="small"> (from {clock(o.nearestAfter, zone)})</span> ▶
        </button>
      )}
    </>
  );
}
