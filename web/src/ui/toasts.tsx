// Toasts: short notes about what just happened, with Undo where a change can be taken back (the
// way a calendar says "Event moved · Undo"). Z or Ctrl+Z undoes the newest one while it shows;
// hovering or focusing a toast holds its timer. Shared by every screen: `useToasts().show(…)`.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { messageOf } from '../api/problem';
import { Button } from './Button';

/** What a toast says and offers. */
export interface ToastOptions {
  /** The sentence, in names and summit time. */
  text: string;
  tone?: 'info' | 'ok' | 'bad';
  /** Takes the change back; shown as "Undo", and bound to Z / Ctrl+Z while the toast shows. */
  undo?: () => Promise<unknown> | void;
  /** What "Undo" did, said once it is done ("Move undone"). */
  undoneText?: string;
  /** Another action the toast offers ("Open", "Try again"). */
  action?: { label: string; run(): void };
  /** How long it shows (ms); longer with Undo. */
  timeoutMs?: number;
  /** Called when the toast leaves without its Undo having been pressed. */
  onExpire?: () => void;
}

interface Toast extends ToastOptions {
  id: number;
  /** When the timer runs out (ms since epoch); paused timers keep `left` instead. */
  until: number;
  left: number | null;
  busy: boolean;
}

/** The toast functions every screen may call. */
export interface Toasts {
  /** Shows a toast; returns its id. */
  show(options: ToastOptions): number;
  dismiss(id: number): void;
}

const ToastContext = createContext<Toasts | null>(null);

/** How long a toast shows: an undoable one long enough to read and reach. */
export const TOAST_MS = 6000;
/** How long an undoable toast shows. */
export const UNDO_MS = 8000;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Holds the toasts of the app; one at the root. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const live = useRef<Toast[]>([]);
  // the callbacks below read the toasts as they are when they run, not as they were when made
  useLayoutEffect(() => {
    live.current = toasts;
  });

  const remove = useCallback((id: number, expired: boolean) => {
    const t = live.current.find((x) => x.id === id);
    setToasts((list) => list.filter((x) => x.id !== id));
    if (t && expired) t.onExpire?.();
  }, []);

  const show = useCallback((options: ToastOptions) => {
    const id = next.current++;
    const ms = options.timeoutMs ?? (options.undo ? UNDO_MS : TOAST_MS);
    // at most four at once: the oldest leave first (and count as expired)
    setToasts((list) => {
      const kept = list.slice(-3);
      for (const gone of list.slice(0, -3)) queueMicrotask(() => gone.onExpire?.());
      return [...kept, { ...options, id, until: Date.now() + ms, left: null, busy: false }];
    });
    return id;
  }, []);

  const undo = useCallback(
    async (id: number) => {
      const t = live.current.find((x) => x.id === id);
      if (!t?.undo || t.busy) return;
      setToasts((list) => list.map((x) => (x.id === id ? { ...x, busy: true, left: 1 } : x)));
      try {
        await t.undo();
        setToasts((list) => list.filter((x) => x.id !== id));
        if (t.undoneText) show({ text: t.undoneText, tone: 'info' });
      } catch (e) {
        setToasts((list) => list.filter((x) => x.id !== id));
        show({ text: `Could not undo: ${messageOf(e)}`, tone: 'bad' });
      }
    },
    [show],
  );

  // one timer for all: the nearest expiry
  useEffect(() => {
    const running = toasts.filter((t) => t.left === null && !t.busy);
    if (running.length === 0) return;
    const soonest = Math.min(...running.map((t) => t.until));
    const timer = setTimeout(
      () => {
        const now = Date.now();
        for (const t of live.current) if (t.left === null && !t.busy && t.until <= now) remove(t.id, true);
      },
      Math.max(0, soonest - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [toasts, remove]);

  // Z or Ctrl/Cmd+Z undoes the newest undoable toast, unless the key is typing text
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'z' && e.key !== 'Z') return;
      if (e.altKey || e.shiftKey || isTyping(e.target)) return;
      const newest = [...live.current].reverse().find((t) => t.undo && !t.busy);
      if (!newest) return;
      e.preventDefault();
      void undo(newest.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const hold = (id: number, held: boolean) =>
    setToasts((list) =>
      list.map((t) => {
        if (t.id !== id || t.busy) return t;
        if (held && t.left === null) return { ...t, left: Math.max(1500, t.until - Date.now()) };
        if (!held && t.left !== null) return { ...t, until: Date.now() + t.left, left: null };
        return t;
      }),
    );

  const value = useMemo<Toasts>(() => ({ show, dismiss: (id) => remove(id, true) }), [show, remove]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {/* one polite live region that is always there, so each toast added to it is read out */}
      <section className="toasts" aria-label="Messages" aria-live="polite" aria-relevant="additions text">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={`toast toast-${t.tone ?? 'info'}`}
            role={t.tone === 'bad' ? 'alert' : undefined}
            data-testid="toast"
            onPointerEnter={() => hold(t.id, true)}
            onPointerLeave={() => hold(t.id, false)}
            onFocus={() => hold(t.id, true)}
            onBlur={() => hold(t.id, false)}
          >
            <p className="toast-text">{t.text}</p>
            <div className="toast-actions">
              {t.undo && (
                <Button
                  className="btn-small"
                  tone="primary"
                  isDisabled={t.busy}
                  onPress={() => void undo(t.id)}
                >
                  {t.busy ? 'Undoing…' : 'Undo'}
                  <span className="visually-hidden"> (Z)</span>
                </Button>
              )}
              {t.action && (
                <Button
                  className="btn-small"
                  onPress={() => {
                    t.action!.run();
                    remove(t.id, false);
                  }}
                >
                  {t.action.label}
                </Button>
              )}
              <Button className="btn-small toast-close" tone="quiet" onPress={() => remove(t.id, true)}>
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">Dismiss</span>
              </Button>
            </div>
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

/** The app's toasts; only inside ToastProvider. */
export function useToasts(): Toasts {
  const t = useContext(ToastContext);
  if (!t) throw new Error('useToasts outside ToastProvider');
  return t;
}

/** A change sent only when its toast leaves without Undo: "Accepting the condition… Undo". */
export interface DeferredChange {
  /** Said while it waits: "Accepting the condition “…”". */
  text: string;
  /** Sends the change; its error is shown in a toast. */
  commit(): Promise<unknown>;
  /** Said once it is sent. */
  doneText?: string;
  /** Said when Undo kept it from being sent. */
  undoneText?: string;
  timeoutMs?: number;
}

/** Deferred changes not yet sent: each sends itself at most once. */
const pending = new Set<() => void>();

/** Sends every change still waiting for its toast to leave (the page is being left). */
function sendPending(): boolean {
  const waiting = [...pending];
  for (const send of waiting) send();
  return waiting.length > 0;
}

/**
 * Changes that reach others the moment they are sent (accepting a condition, accepting a request)
 * wait a few seconds with Undo before they go, as a mail client's "Undo send". Leaving the page
 * while one waits sends it at once and asks the browser to hold the page until it is through.
 */
export function useDeferredChange(): (change: DeferredChange) => void {
  const toasts = useToasts();
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (sendPending()) e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);
  return useCallback(
    (change: DeferredChange) => {
      let settled = false;
      const send = () => {
        if (settled) return;
        settled = true;
        pending.delete(send);
        void change.commit().then(
          () => change.doneText && toasts.show({ text: change.doneText, tone: 'ok' }),
          (e: unknown) => toasts.show({ text: `Not done: ${messageOf(e)}`, tone: 'bad' }),
        );
      };
      pending.add(send);
      toasts.show({
        text: `${change.text}…`,
        timeoutMs: change.timeoutMs ?? 5000,
        undo: () => {
          if (settled) throw new Error('it was already sent');
          settled = true;
          pending.delete(send);
        },
        undoneText: change.undoneText ?? 'Not sent.',
        onExpire: send,
      });
    },
    [toasts],
  );
}
