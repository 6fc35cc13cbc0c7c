// The schedule's time grid: one row per room or person, one cell per slot of the day; rows are
// virtualised so a summit of thousands of meetings renders only what is on screen. It is an ARIA
// grid: arrow keys move between cells, Enter picks up a meeting, arrows move it, Enter drops it
// (after the server's rule check), Escape cancels. A pointer drags meetings the same way.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import type { CheckResult } from '../../api/hooks/meetings';
import { clock, clockWithZone, sameOffset, viewerClockShort, zoneAbbrev } from '../../lib/time';
import {
  assignLanes,
  cellAt,
  clampStart,
  geometry,
  hourMarks,
  slotOf,
  slotStart,
  type DayAxis,
  type Span,
} from './grid-model';

/** One row of the grid: a room or a person. */
export interface GridRow {
  id: string;
  label: string;
  sub?: string;
}

/** Something shown on a row: a meeting, a programme event, a private commitment or "busy". */
export interface GridBlock extends Span {
  key: string;
  row: string;
  kind: 'meeting' | 'programme' | 'busy' | 'private';
  label: string;
  request?: string;
  movable: boolean;
  confirmed?: boolean;
  pinned?: boolean;
}

/** A proposed new place for a block. */
export interface MoveTarget {
  row: string;
  start: number;
}

/** Sizes of the grid, in pixels. */
export const GRID = { rowHeight: 46, slotWidth: 24, rowHeaderWidth: 190, headerHeight: 46 };

interface Moving {
  block: GridBlock;
  row: number;
  slot: number;
  via: 'pointer' | 'keyboard';
  /** Slots between the block's start and where the pointer took hold of it. */
  grab: number;
}

interface Props {
  axis: DayAxis;
  zone: string;
  viewerZone: string;
  rows: GridRow[];
  blocks: GridBlock[];
  /** Times a row cannot be used (a room's closed hours), shaded. */
  closed?: ReadonlyMap<string, Span[]>;
  /** What the rows are, for labels: "Room" or "Person". */
  rowNoun: string;
  caption: string;
  /** Asks the server whether a move breaks a rule (no write). */
  check?: (block: GridBlock, target: MoveTarget) => Promise<CheckResult>;
  /** Makes the move; throws to report failure. */
  move?: (block: GridBlock, target: MoveTarget) => Promise<void>;
  onSelect?: (block: GridBlock | null) => void;
  onOpen?: (block: GridBlock) => void;
  onFirstRender?: () => void;
}

type Status = { tone: 'info' | 'ok' | 'bad'; text: string; reasons?: string[] } | null;

const DRAG_THRESHOLD = 4;

/** The grid. */
export function TimeGrid(props: Props) {
  const { axis, rows, blocks, zone } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState({ row: 0, slot: 0 });
  const [moving, setMoving] = useState<Moving | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [checked, setChecked] = useState<{ key: string; result: CheckResult | 'pending' } | null>(null);
  const pointer = useRef<{ x: number; y: number; block: GridBlock; started: boolean } | null>(null);
  const focusPending = useRef(false);

  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const byRow = useMemo(() => {
    const map = new Map<string, GridBlock[]>();
    for (const b of blocks) {
      if (b.to <= axis.start || b.from >= axis.end) continue;
      const list = map.get(b.row);
      if (list) list.push(b);
      else map.set(b.row, [b]);
    }
    return map;
  }, [blocks, axis.start, axis.end]);

  // the app does not use the React Compiler; the virtualiser's functions are read fresh each render
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => GRID.rowHeight,
    overscan: 6,
    scrollMargin: GRID.headerHeight,
    // a first guess before the scroller is measured (and the size where layout is not measured at all)
    initialRect: { width: 1200, height: 600 },
  });

  const first = useRef(false);
  useEffect(() => {
    if (first.current || rows.length === 0) return;
    first.current = true;
    props.onFirstRender?.();
  });

  const width = GRID.rowHeaderWidth + axis.count * GRID.slotWidth;
  const height = GRID.headerHeight + rows.length * GRID.rowHeight;

  const targetOf = useCallback(
    (m: Moving): MoveTarget => ({ row: rows[m.row]?.id ?? m.block.row, start: slotStart(axis, m.slot) }),
    [rows, axis],
  );
  const moveKey = (m: Moving) => `${m.block.key}|${m.row}|${m.slot}`;

  // the live rule check of the slot a meeting is being moved to
  useEffect(() => {
    if (!moving || !props.check) return;
    const key = moveKey(moving);
    const target = targetOf(moving);
    if (target.row === moving.block.row && target.start === moving.block.from) return;
    let live = true;
    const timer = setTimeout(() => {
      setChecked({ key, result: 'pending' });
      props.check!(moving.block, target).then(
        (result) => live && setChecked({ key, result }),
        () => live && setChecked(null),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [moving, props.check, targetOf]);

  const current = moving && checked?.key === moveKey(moving) ? checked.result : null;

  const describeTarget = (m: Moving) => {
    const t = targetOf(m);
    const row = rows[m.row];
    return `${m.block.label} to ${row?.label ?? ''}, ${clockWithZone(t.start, zone)}`;
  };

  const drop = async (m: Moving) => {
    setMoving(null);
    const target = targetOf(m);
    if (target.row === m.block.row && target.start === m.block.from) {
      setStatus({ tone: 'info', text: 'Not moved: same slot.' });
      return;
    }
    if (!props.check || !props.move) return;
    setStatus({ tone: 'info', text: `Checking ${describeTarget(m)}…` });
    try {
      const result = await props.check(m.block, target);
      if (!result.ok) {
        setStatus({
          tone: 'bad',
          text: `Refused: ${describeTarget(m)} breaks ${result.violations.length === 1 ? 'a rule' : `${result.violations.length} rules`}.`,
          reasons: result.violations.map((v) => v.message),
        });
        return;
      }
      await props.move(m.block, target);
      setStatus({ tone: 'ok', text: `Moved ${describeTarget(m)}.` });
    } catch (e) {
      setStatus({ tone: 'bad', text: `Not moved: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  // keep the focused cell on screen and focused after the virtual rows re-render
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${focus.row}:${focus.slot}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: false });
    }
  });

  const goTo = (row: number, slot: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    const s = Math.max(0, Math.min(axis.count - 1, slot));
    setFocus({ row: r, slot: s });
    focusPending.current = true;
    virtualizer.scrollToIndex(r, { align: 'auto' });
  };

  const blockAt = (row: number, slot: number): GridBlock | undefined => {
    const id = rows[row]?.id;
    if (!id) return undefined;
    const t = slotStart(axis, slot);
    const list = byRow.get(id) ?? [];
    return (
      list.find((b) => b.kind === 'meeting' && b.from <= t && t < b.to) ??
      list.find((b) => b.from <= t && t < b.to)
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-10, 0],
      PageDown: [10, 0],
    };
    if (moving && moving.via === 'keyboard') {
      const d = step[e.key];
      if (d) {
        e.preventDefault();
        const len = Math.round((moving.block.to - moving.block.from) / axis.grainMs);
        const next = {
          ...moving,
          row: Math.max(0, Math.min(rows.length - 1, moving.row + d[0])),
          slot: clampStart(axis, moving.slot + d[1], len),
        };
        setMoving(next);
        setStatus({ tone: 'info', text: `Moving ${describeTarget(next)}. Enter to drop, Escape to cancel.` });
        goTo(next.row, next.slot);
        return;
      }
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        void drop(moving);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setMoving(null);
        setStatus({ tone: 'info', text: 'Move cancelled.' });
        return;
      }
    }
    const d = step[e.key];
    if (d) {
      e.preventDefault();
      goTo(focus.row + d[0], focus.slot + d[1]);
      return;
    }
    if (e.key === 'Home') {
      e.preventDefault();
      goTo(e.ctrlKey ? 0 : focus.row, 0);
      return;
    }
    if (e.key === 'End') {
      e.preventDefault();
      goTo(e.ctrlKey ? rows.length - 1 : focus.row, axis.count - 1);
      return;
    }
    const block = blockAt(focus.row, focus.slot);
    if ((e.key === 'Enter' || e.key === ' ') && block) {
      e.preventDefault();
      props.onSelect?.(block);
      if (block.movable && props.move) {
        const m: Moving = { block, row: focus.row, slot: slotOf(axis, block.from), via: 'keyboard', grab: 0 };
        setMoving(m);
        setStatus({
          tone: 'info',
          text: `Picked up ${block.label}. Arrow keys move it, Enter drops it, Escape cancels.`,
        });
        goTo(m.row, m.slot);
      }
      return;
    }
    if ((e.key === 'o' || e.key === 'O') && block) {
      e.preventDefault();
      props.onOpen?.(block);
    }
  };

  const contentPoint = (e: PointerEvent) => {
    const box = scroller.current!.getBoundingClientRect();
    return {
      x: e.clientX - box.left + scroller.current!.scrollLeft,
      y: e.clientY - box.top + scroller.current!.scrollTop,
    };
  };
  const layout = { ...GRID, rows: rows.length };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-block]')?.dataset.block;
    const block = key ? blocks.find((b) => b.key === key) : undefined;
    if (!block || e.button !== 0) return;
    pointer.current = { x: e.clientX, y: e.clientY, block, started: false };
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = pointer.current;
    if (!p) return;
    if (!p.started) {
      if (Math.hypot(e.clientX - p.x, e.clientY - p.y) < DRAG_THRESHOLD || !p.block.movable || !props.move)
        return;
      p.started = true;
      scroller.current?.setPointerCapture(e.pointerId);
      const cell = cellAt(axis, contentPoint(e), layout);
      const startSlot = slotOf(axis, p.block.from);
      setMoving({
        block: p.block,
        row: rowIndex.get(p.block.row) ?? 0,
        slot: startSlot,
        via: 'pointer',
        grab: cell ? cell.slot - startSlot : 0,
      });
      return;
    }
    const cell = cellAt(axis, contentPoint(e), layout);
    if (!cell) return;
    setMoving((m) => {
      if (!m) return m;
      const len = Math.round((m.block.to - m.block.from) / axis.grainMs);
      const slot = clampStart(axis, cell.slot - m.grab, len);
      return m.row === cell.row && m.slot === slot ? m : { ...m, row: cell.row, slot };
    });
  };

  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const p = pointer.current;
    pointer.current = null;
    if (!p) return;
    if (scroller.current?.hasPointerCapture(e.pointerId)) scroller.current.releasePointerCapture(e.pointerId);
    if (!p.started) {
      props.onSelect?.(p.block);
      return;
    }
    if (moving) void drop(moving);
  };

  const onFocusCell = useCallback((row: number, slot: number) => setFocus({ row, slot }), []);
  // keep one cell reachable by Tab even when the focused row has scrolled out of the DOM
  const rendered = virtualizer.getVirtualItems();
  const firstRendered = rendered[0]?.index ?? 0;
  const focusRendered = rendered.some((v) => v.index === focus.row);

  const ghost = moving
    ? geometry(
        axis,
        {
          from: slotStart(axis, moving.slot),
          to: slotStart(axis, moving.slot) + (moving.block.to - moving.block.from),
        },
        GRID.slotWidth,
      )
    : null;
  const hours = hourMarks(axis);

  return (
    <div className="tgrid-wrap">
      <div
        ref={scroller}
        className="grid-scroller"
        style={{ height: height + 18 }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          pointer.current = null;
          setMoving(null);
        }}
      >
        <div
          role="grid"
          tabIndex={-1}
          aria-label={props.caption}
          aria-rowcount={rows.length + 1}
          aria-colcount={axis.count + 1}
          aria-describedby="grid-help"
          className="tgrid"
          style={{ width, height }}
          onKeyDown={onKeyDown}
        >
          <div
            role="row"
            aria-rowindex={1}
            className="tgrid-head"
            style={{ width, height: GRID.headerHeight }}
          >
            <div
              role="columnheader"
              aria-colindex={1}
              className="tgrid-corner"
              style={{ width: GRID.rowHeaderWidth }}
            >
              <span>
                {props.rowNoun}
                {!sameOffset(zone, props.viewerZone, axis.start) && (
                  <span className="viewer">
                    {zoneAbbrev(zone, axis.start)} / yours {zoneAbbrev(props.viewerZone, axis.start)}
                  </span>
                )}
              </span>
            </div>
            {hours.map((h, n) => {
              const next = hours[n + 1]?.slot ?? axis.count;
              const mine = viewerClockShort(h.ms, zone, props.viewerZone);
              return (
                <div
                  key={h.slot}
                  role="columnheader"
                  aria-colindex={h.slot + 2}
                  aria-colspan={next - h.slot}
                  className="tgrid-hour"
                  style={{ width: (next - h.slot) * GRID.slotWidth }}
                >
                  {clock(h.ms, zone)} <span className="visually-hidden">{zoneAbbrev(zone, h.ms)}</span>
                  {mine && <span className="viewer">{mine}</span>}
                </div>
              );
            })}
          </div>
          {rendered.map((v) => {
            const row = rows[v.index]!;
            return (
              <GridRowView
                key={row.id}
                index={v.index}
                top={v.start}
                row={row}
                blocks={byRow.get(row.id)}
                closed={props.closed?.get(row.id)}
                axis={axis}
                zone={zone}
                width={width}
                focusSlot={focus.row === v.index ? focus.slot : -1}
                movingKey={moving?.block.key ?? null}
                rowNoun={props.rowNoun}
                onFocusCell={onFocusCell}
                tabbable={focus.row === v.index || (v.index === firstRendered && !focusRendered)}
              />
            );
          })}
          {moving && ghost && (
            <div
              className={`tgrid-ghost${current && current !== 'pending' && !current.ok ? ' bad' : ''}`}
              aria-hidden="true"
              style={{
                left: GRID.rowHeaderWidth + ghost.left,
                width: ghost.width,
                top: GRID.headerHeight + moving.row * GRID.rowHeight + 2,
                height: GRID.rowHeight - 4,
              }}
            >
              {clock(slotStart(axis, moving.slot), zone)}
              {current === 'pending' ? ' …' : current ? (current.ok ? ' ✓' : ' ✗') : ''}
            </div>
          )}
        </div>
      </div>
      <div className="drag-status" aria-live="polite" role="status" data-testid="drag-status">
        {moving && status && <p className="small">{status.text}</p>}
        {moving && current && current !== 'pending' && !current.ok && (
          <div className="notice notice-warn">
            <strong>{describeTarget(moving)} would break:</strong>
            <ul className="issues">
              {current.violations.map((v, n) => (
                <li key={n}>{v.message}</li>
              ))}
            </ul>
          </div>
        )}
        {moving && current && current !== 'pending' && current.ok && (
          <p className="notice notice-ok">{describeTarget(moving)}: no conflict.</p>
        )}
        {!moving && status && (
          <div
            className={`notice ${status.tone === 'bad' ? 'notice-warn' : status.tone === 'ok' ? 'notice-ok' : ''}`}
          >
            {status.text}
            {status.reasons && (
              <ul className="issues">
                {status.reasons.map((r, n) => (
                  <li key={n}>{r}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

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
  rowNoun: string;
  tabbable: boolean;
  onFocusCell(row: number, slot: number): void;
}

/** One row: its header, its cells (which carry the accessible text) and its blocks (drawn). */
const GridRowView = memo(function GridRowView(p: RowProps) {
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
              (b) =>
                `${b.label} (${b.kind}${b.pinned ? ', pinned' : ''}, ${clock(b.from, zone)}–${clock(b.to, zone)})`,
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
          return (
            <div
              key={b.key}
              aria-hidden="true"
              data-block={b.key}
              data-request={b.request}
              data-focused={focused}
              title={`${b.label}, ${clock(b.from, zone)}–${clockWithZone(b.to, zone)}`}
              className={`tgrid-block ${b.kind}${b.confirmed ? ' confirmed' : ''}${b.pinned ? ' pinned' : ''}${p.movingKey === b.key ? ' dragging' : ''}`}
              style={{
                left: g.left,
                width: g.width,
                top: 3 + lanes[n]! * laneHeight,
                height: laneHeight - 1,
                bottom: 'auto',
              }}
            >
              {b.label}
            </div>
          );
        })}
      </div>
    </div>
  );
});
