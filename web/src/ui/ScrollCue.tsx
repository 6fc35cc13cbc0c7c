// A box that scrolls sideways and says so: shaded edges where more lies beyond, and arrow buttons
// that scroll by most of a screen. Used by the request board, the schedule grid and the phone nav.
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/** Which sides of a scroller hold more than is shown. */
export interface Overflow {
  left: boolean;
  right: boolean;
}

/** Watches a scroller's sideways overflow (on scroll, resize and content change). */
export function useOverflow(ref: RefObject<HTMLElement | null>): Overflow {
  const [overflow, setOverflow] = useState<Overflow>({ left: false, right: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const left = el.scrollLeft > 2;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 2;
    setOverflow((o) => (o.left === left && o.right === right ? o : { left, right }));
  }, [ref]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resize?.observe(el);
    if (el.firstElementChild) resize?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', measure);
      resize?.disconnect();
    };
  }, [ref, measure]);
  return overflow;
}

/** Scrolls `el` sideways by most of its width, towards `side`. */
export function scrollSideways(el: HTMLElement | null, side: 'left' | 'right'): void {
  if (!el) return;
  const by = Math.max(120, el.clientWidth * 0.8) * (side === 'left' ? -1 : 1);
  el.scrollBy({ left: by, behavior: 'smooth' });
}

/**
 * Wraps content that may be wider than the screen. `label` names what scrolls ("Request board"),
 * for the arrow buttons; the content itself stays in the tab order as it was.
 */
export function ScrollCue(props: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const overflow = useOverflow(ref);
  return (
    <div
      className={`scroll-cue${overflow.left ? ' more-left' : ''}${overflow.right ? ' more-right' : ''}${props.className ? ` ${props.className}` : ''}`}
    >
      <div ref={ref} className="scroll-cue-body">
        {props.children}
      </div>
      {overflow.left && (
        <button
          type="button"
          className="scroll-cue-arrow left"
          onClick={() => scrollSideways(ref.current, 'left')}
          aria-label={`Scroll the ${props.label.toLowerCase()} left`}
          tabIndex={-1}
        >
          ‹
        </button>
      )}
      {overflow.right && (
        <button
          type="button"
          className="scroll-cue-arrow right"
          onClick={() => scrollSideways(ref.current, 'right')}
          aria-label={`Scroll the ${props.label.toLowerCase()} right`}
          tabIndex={-1}
        >
          ›
        </button>
      )}
    </div>
  );
}
