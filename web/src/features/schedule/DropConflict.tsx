// Where a drop was refused, said where it happened: what is in the way, in names, and the nearest
// free slots the engine suggests, one click (or Enter) from moving there. Escape keeps the meeting
// where it was.
import { useEffect, useRef, type RefObject } from 'react';
import type { CheckResult } from '../../api/hooks/meetings';
import { clock, dayLabel } from '../../lib/time';
import { Button } from '../../ui/Button';
import type { GridRow, Moving, MoveTarget } from './TimeGrid';

/** A refused drop: where it was aimed, why not, and the free slots nearest it (while they load: 'loading'). */
export interface Refusal {
  moving: Moving;
  target: MoveTarget;
  result: CheckResult;
  suggestions: MoveTarget[] | 'loading' | null;
}

/** Where to draw the panel: under (or above) the refused slot, in the grid's content coordinates. */
export interface Anchor {
  left: number;
  top: number;
  rowTop: number;
}

const PANEL_WIDTH = 360;
const PANEL_HEIGHT = 260;

/** The panel at the drop point. */
export function DropConflict(props: {
  refusal: Refusal;
  rows: GridRow[];
  zone: string;
  anchor: Anchor;
  scroller: RefObject<HTMLDivElement | null>;
  onPick(target: MoveTarget): void;
  onClose(): void;
}) {
  const { refusal, rows, zone } = props;
  const box = useRef<HTMLDivElement>(null);
  const block = refusal.moving.block;
  const rowName = (id: string) => rows.find((r) => r.id === id)?.label ?? '';
  const title = block.title ?? block.label;
  const suggestions = refusal.suggestions;

  // Escape keeps the meeting where it was, wherever the keyboard is
  const { onClose } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  // the panel is where the eye is: scrolled into the window when the page cuts it (again once the
  // suggestions have loaded and it has grown)
  useEffect(() => {
    const panel = box.current;
    if (!panel) return;
    const r = panel.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) panel.scrollIntoView({ block: 'nearest' });
  }, [suggestions]);

  // a keyboard drop leaves the keyboard here: on the first way out
  useEffect(() => {
    if (refusal.moving.via !== 'keyboard') return;
    box.current?.querySelector<HTMLElement>('button')?.focus();
  }, [refusal.moving.via, suggestions]);

  const el = props.scroller.current;
  const viewLeft = props.anchor.left - (el?.scrollLeft ?? 0);
  const below = props.anchor.top - (el?.scrollTop ?? 0);
  const room = el ? el.clientWidth : 1200;
  const left = Math.max(8, Math.min(viewLeft, room - PANEL_WIDTH - 8));
  const flip = el
    ? below + PANEL_HEIGHT > el.clientHeight + 160 && props.anchor.rowTop > PANEL_HEIGHT
    : false;
  const style = flip
    ? { left, bottom: (el?.clientHeight ?? 0) - (props.anchor.rowTop - (el?.scrollTop ?? 0)) + 4 }
    : { left, top: below + 4 };

  return (
    <div
      ref={box}
      className="drop-conflict"
      role="dialog"
      aria-modal="false"
      aria-labelledby="drop-conflict-title"
      data-testid="drop-conflict"
      style={style}
    >
      <h3 id="drop-conflict-title">
        {title} cannot go to {rowName(refusal.target.row)}, {clock(refusal.target.start, zone)}
      </h3>
      <ul className="conflicts">
        {refusal.result.violations.map((v, n) => (
          <li key={n}>
            <strong>{v.title}.</strong> <span className="small">{v.detail}</span>
          </li>
        ))}
      </ul>
      {suggestions !== null && (
        <div className="nearest">
          <p className="small">
            <strong>Nearest free slots</strong>
          </p>
          {suggestions === 'loading' ? (
            <p className="muted small">Asking the planner…</p>
          ) : suggestions.length === 0 ? (
            <p className="muted small">No free slot fits this meeting.</p>
          ) : (
            <ul className="plain slot-choices">
              {suggestions.slice(0, 3).map((s) => (
                <li key={`${s.row}|${s.start}`}>
                  <Button className="btn-small" tone="primary" onPress={() => props.onPick(s)}>
                    Move to {dayLabel(s.start, zone)}, {clock(s.start, zone)} · {rowName(s.row) || 'standing'}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <Button className="btn-small" onPress={props.onClose}>
          Keep it where it was
        </Button>
      </div>
    </div>
  );
}
