// One row of the time grid: its header, its cells (which carry the accessible text) and its
// blocks (drawn): meetings, proposed meetings as ghosts, programme events, private and busy time.
import { memo, useMemo } from 'react';
import { clock, clockWithZone } from '../../lib/time';
import { assignLanes, geometry, GRID, slotStart, type DayAxis, type Span } from './grid-model';
import type { GridBlock, GridRow } from './TimeGrid';

interface RowProps {
  index: number;
  top: number;
  row: GridRow;
  blocks: GridBlock[] | undefined;
  closed: Span[] | undefined;
  axis: DayAxis;
  zone: string;
  width: number;
  focusSlot: number;
  movingKey: string | null;
  tabbable: boolean;
  onFocusCell(row: number, slot: number): void;
}

/** What a block is, in the words a cell's label uses. */
function kindWords(b: GridBlock): string {
  if (b.kind === 'proposed') return b.change === 'moved' ? 'proposed: moved here' : 'proposed: placed here';
  const extra = [
    b.pinned ? 'pinned' : '',
    b.confirmed ? 'confirmed' : '',
    b.proposal === 'moving' ? 'the proposal moves it' : '',
    b.proposal === 'removing' ? 'the proposal takes it off' : '',
    b.late ? `late: ${b.late}` : '',
  ].filter(Boolean);
  return [b.kind, ...extra].join(', ');
}

/** One row. */
export const GridRowView = memo(function GridRowView(p: RowProps) {
  const { axis, zone } = p;
  const blocks = useMemo(() => p.blocks ?? [], [p.blocks]);
  const { lanes, count } = useMemo(() => assignLanes(blocks), [blocks]);
  const cells = useMemo(() => {
    const out: { label: string; closed: boolean }[] = [];
    for (let i = 0; i < axis.count; i++) {
      const t = slotStart(axis, i);
      const here = blocks.filter((b) => b.from <= t && t < b.to);
      const closed = (p.closed ?? []).some((c) => c.from <= t && t < c.to);
      const what = here.length
        ? here
            .map(
              (b) => `${b.title ?? b.label} (${kindWords(b)}, ${clock(b.from, zone)}–${clock(b.to, zone)})`,
            )
            .join('; ')
        : closed
          ? 'closed'
          : 'free';
      out.push({ label: `${p.row.label}, ${clockWithZone(t, zone)}: ${what}`, closed });
    }
    return out;
  }, [axis, zone, blocks, p.closed, p.row.label]);
  const laneHeight = (GRID.rowHeight - 6) / count;

  return (
    <div
      role="row"
      aria-rowindex={p.index + 2}
      className="tgrid-row"
      style={{ top: p.top, width: p.width, height: GRID.rowHeight }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        className="tgrid-rowhead"
        style={{ width: GRID.rowHeaderWidth }}
      >
        {p.row.label}
        {p.row.sub && <small>{p.row.sub}</small>}
      </div>
      <div className="tgrid-lane" style={{ width: axis.count * GRID.slotWidth, height: GRID.rowHeight }}>
        {cells.map((c, i) => (
          <div
            key={i}
            role="gridcell"
            aria-colindex={i + 2}
            aria-label={c.label}
            tabIndex={p.tabbable && i === (p.focusSlot < 0 ? 0 : p.focusSlot) ? 0 : -1}
            data-cell={`${p.index}:${i}`}
            data-focused={i === p.focusSlot}
            onFocus={() => p.onFocusCell(p.index, i)}
            className={`tgrid-cell${c.closed ? ' outside' : ''}${(slotStart(axis, i) - axis.start) % 3_600_000 === 0 ? ' hour' : ''}`}
            style={{ left: i * GRID.slotWidth, width: GRID.slotWidth }}
          />
        ))}
        {blocks.map((b, n) => {
          const g = geometry(axis, b, GRID.slotWidth);
          if (!g) return null;
          const focused =
            p.focusSlot >= 0 && b.from <= slotStart(axis, p.focusSlot) && slotStart(axis, p.focusSlot) < b.to;
          const classes = [
            'tgrid-block',
            b.kind,
            b.confirmed ? 'confirmed' : '',
            b.pinned ? 'pinned' : '',
            b.change ? `change-${b.change}` : '',
            b.proposal ? `proposal-${b.proposal}` : '',
            b.late ? 'late' : '',
            p.movingKey === b.key ? 'dragging' : '',
          ].filter(Boolean);
          return (
            <div
              key={b.key}
              aria-hidden="true"
              data-block={b.key}
              data-request={b.request}
              data-kind={b.kind}
              data-focused={focused}
              title={`${b.title ?? b.label}, ${clock(b.from, zone)}–${clockWithZone(b.to, zone)}${b.late ? ` · late: ${b.late}` : ''}`}
              className={classes.join(' ')}
              style={{
                left: g.left,
                width: g.width,
                top: 3 + lanes[n]! * laneHeight,
                height: laneHeight - 1,
                bottom: 'auto',
              }}
            >
              {b.kind === 'proposed' && (
                <span className="block-mark">{b.change === 'moved' ? '→' : '+'}</span>
              )}
              {b.late && <span className="block-mark late-mark">☾</span>}
              {b.label}
            </div>
          );
        })}
      </div>
    </div>
  );
});
