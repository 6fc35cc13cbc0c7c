// The schedule's time grid: one row per room or person, one cell per slot of the day; rows are
// virtualised so a summit of thousands of meetings renders only what is on screen. It is an ARIA
// grid: arrow keys move between cells, Enter picks up a meeting, arrows move it, Enter drops it
// (after the server's rule check), Escape cancels. A pointer drags meetings the same way. A drop
// the rules refuse is answered where it was dropped, in words, with the nearest free slots; a day
// opens at its first meeting, and meetings out of sight are counted at the edges.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
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
import { DropConflict, type Refusal } from './DropConflict';
import { EdgeMarkers } from './EdgeMarkers';
import {
  cellAt,
  clampStart,
  firstOfDay,
  geometry,
  GRID,
  hourMarks,
  slotOf,
  slotStart,
  type DayAxis,
  type Span,
} from './grid-model';
import { GridRowView } from './GridRowView';

/** One row of the grid: a room or a person. */
export interface GridRow {
  id: string;
  label: string;
  sub?: string;
}

/** Something shown on a row: a meeting, a proposed meeting, a programme event, a private commitment or "busy". */
export interface GridBlock extends Span {
  key: string;
  row: string;
  kind: 'meeting' | 'programme' | 'busy' | 'private' | 'proposed';
  /** What the block shows (short: the parties). */
  label: string;
  /** The whole name, for its tooltip and the cell's accessible text (the meeting's title). */
  title?: string;
  request?: string;
  movable: boolean;
  confirmed?: boolean;
  pinned?: boolean;
  /** What a plan proposal would do to this meeting: move it away, or take it off. */
  proposal?: 'moving' | 'removing';
  /** For a proposed meeting: placed new, or moved here. */
  change?: 'placed' | 'moved';
  /** Why the meeting is late in the day ("after the Gala dinner"), when it is. */
  late?: string;
}

/** A proposed new place for a block. */
export interface MoveTarget {
  row: string;
  start: number;
}

/** Sizes of the grid, in pixels. */
export { GRID } from './grid-model';

/** A meeting being moved: where it is now on the grid, and how it got picked up. */
export interface Moving {
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
  /** Makes the move (and offers its Undo); throws to report failure. */
  move?: (block: GridBlock, target: MoveTarget) => Promise<void>;
  /** The free slots nearest a refused drop (the engine's suggestions), as grid targets. */
  suggest?: (block: GridBlock, target: MoveTarget) => Promise<MoveTarget[]>;
  onSelect?: (block: GridBlock | null) => void;
  onOpen?: (block: GridBlock) => void;
  onFirstRender?: () => void;
}

type Status = { tone: 'info' | 'ok' | 'bad'; text: string } | null;

const DRAG_THRESHOLD = 4;

/** The grid. */
export function TimeGrid(props: Props) {
  const { axis, rows, blocks, zone } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState({ row: 0, slot: 0 });
  const [moving, setMoving] = useState<Moving | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
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

  // a day opens at its first meeting (an hour's slack before it), not at the start of the window
  const opened = useRef<number | null>(null);
  const firstAt = firstOfDay(axis, blocks);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || opened.current === axis.start || firstAt === null) return;
    opened.current = axis.start;
    const slot = Math.max(0, slotOf(axis, firstAt) - Math.round(3_600_000 / axis.grainMs / 2));
    el.scrollLeft = slot * GRID.slotWidth;
  }, [axis, firstAt]);

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

  const describeAt = (block: GridBlock, t: MoveTarget) => {
    const row = rows[rowIndex.get(t.row) ?? -1];
    return `${block.title ?? block.label} to ${row?.label ?? ''}, ${clockWithZone(t.start, zone)}`;
  };
  const describeTarget = (m: Moving) => describeAt(m.block, targetOf(m));

  /** Moves a block to a target the rules allow; says so (the caller's toast offers Undo). */
  const commit = async (block: GridBlock, target: MoveTarget) => {
    if (!props.move) return;
    try {
      await props.move(block, target);
      setRefusal(null);
      setStatus({ tone: 'ok', text: `Moved ${describeAt(block, target)}.` });
    } catch (e) {
      setStatus({ tone: 'bad', text: `Not moved: ${e instanceof Error ? e.message : String(e)}` });
    }
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
          text: `Refused: ${describeTarget(m)} breaks ${result.violations.length === 1 ? 'a rule' : `${result.violations.length} rules`}: ${result.violations.map((v) => v.title).join('; ')}.`,
        });
        setRefusal({ moving: m, target, result, suggestions: props.suggest ? 'loading' : null });
        if (props.suggest) {
          props.suggest(m.block, target).then(
            (suggestions) => setRefusal((r) => (r && r.moving === m ? { ...r, suggestions } : r)),
            () => setRefusal((r) => (r && r.moving === m ? { ...r, suggestions: [] } : r)),
          );
        }
        return;
      }
      await commit(m.block, target);
    } catch (e) {
      setStatus({ tone: 'bad', text: `Not moved: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  /** Closes a refusal and gives focus back to the meeting's own cell. */
  const closeRefusal = () => {
    if (!refusal) return;
    const { block } = refusal.moving;
    setRefusal(null);
    setStatus({ tone: 'info', text: `${block.title ?? block.label} stays where it was.` });
    goTo(rowIndex.get(block.row) ?? 0, slotOf(axis, block.from));
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
    if ((e.target as HTMLElement).closest('.drop-conflict')) return;
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
        setRefusal(null);
        const m: Moving = { block, row: focus.row, slot: slotOf(axis, block.from), via: 'keyboard', grab: 0 };
        setMoving(m);
        setStatus({
          tone: 'info',
          text: `Picked up ${block.title ?? block.label}. Arrow keys move it, Enter drops it, Escape cancels.`,
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
      setRefusal(null);
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

  const shown = moving ?? refusal?.moving ?? null;
  const ghost = shown
    ? geometry(
        axis,
        {
          from: slotStart(axis, shown.slot),
          to: slotStart(axis, shown.slot) + (shown.block.to - shown.block.from),
        },
        GRID.slotWidth,
      )
    : null;
  const liveBad = current && current !== 'pending' && !current.ok ? current : null;
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
                movingKey={shown?.block.key ?? null}
                onFocusCell={onFocusCell}
                tabbable={focus.row === v.index || (v.index === firstRendered && !focusRendered)}
              />
            );
          })}
          {shown && ghost && (
            <div
              className={`tgrid-ghost${liveBad || refusal ? ' bad' : ''}`}
              aria-hidden="true"
              data-testid="drag-ghost"
              style={{
                left: GRID.rowHeaderWidth + ghost.left,
                minWidth: ghost.width,
                top: GRID.headerHeight + shown.row * GRID.rowHeight + 2,
                height: GRID.rowHeight - 4,
              }}
            >
              <span className="ghost-time">
                {clock(slotStart(axis, shown.slot), zone)}
                {current === 'pending' ? ' …' : current ? (current.ok ? ' ✓' : ' ✗') : ''}
              </span>
              {moving && liveBad && <span className="ghost-why">{liveBad.violations[0]?.title}</span>}
              {moving && current && current !== 'pending' && current.ok && (
                <span className="ghost-why">free</span>
              )}
            </div>
          )}
        </div>
      </div>
      {refusal && ghost && (
        <DropConflict
          refusal={refusal}
          rows={rows}
          zone={zone}
          scroller={scroller}
          anchor={{
            left: GRID.rowHeaderWidth + ghost.left,
            top: GRID.headerHeight + (refusal.moving.row + 1) * GRID.rowHeight,
            rowTop: GRID.headerHeight + refusal.moving.row * GRID.rowHeight,
          }}
          onPick={(target) => void commit(refusal.moving.block, target)}
          onClose={closeRefusal}
        />
      )}
      <EdgeMarkers scroller={scroller} axis={axis} blocks={blocks} zone={zone} />
      <div className="visually-hidden" aria-live="polite" role="status" data-testid="drag-status">
        {status && <p>{status.text}</p>}
        {moving && liveBad && (
          <p>
            {describeTarget(moving)} would break:{' '}
            {liveBad.violations.map((v) => `${v.title}. ${v.detail}`).join(' ')}
          </p>
        )}
        {moving && current && current !== 'pending' && current.ok && (
          <p>{describeTarget(moving)}: no conflict.</p>
        )}
      </div>
    </div>
  );
}
