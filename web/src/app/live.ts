// Live updates: the summit's event stream (server-sent events) refreshes what others change.
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LogEvent } from '../api/models';

/** The state of the live connection, for the header. */
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'off';

type Listener = (event: LogEvent) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with every event that arrives; returns an unsubscribe. */
export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Lists that change only when the logistics change, keyed by the event-type word that changes them. */
const LOGISTICS: Readonly<Record<string, string>> = {
  venues: 'venue',
  rooms: 'room',
  delegations: 'delegation',
  persons: 'person',
  programme: 'programme',
  busy: 'busy',
};

/** True when a query of summit `s` may show something `types` changed. */
export function isAffected(
  query: Pick<Query, 'queryKey'>,
  summit: string,
  types: ReadonlySet<string>,
): boolean {
  const [root, s, what] = query.queryKey as unknown[];
  if (root !== 'summit' || s !== summit) return false;
  const word = typeof what === 'string' ? LOGISTICS[what] : undefined;
  if (what === undefined) return [...types].some((t) => t.startsWith('summit.') || t.startsWith('import'));
  if (word === undefined) return true;
  return [...types].some(
    (t) => t.startsWith(`${word}.`) || t.startsWith('summit.') || t.startsWith('import'),
  );
}

function parse(data: unknown): LogEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const e = JSON.parse(data) as LogEvent;
    return typeof e === 'object' && e !== null && typeof e.type === 'string' ? e : null;
  } catch {
    return null;
  }
}

/**
 * Opens the summit's event stream while `enabled`. Each event refreshes the queries it may affect,
 * batched so a burst (a plan accepted) costs one refresh. EventSource reconnects by itself and
 * resumes with Last-Event-ID.
 */
export function useLiveUpdates(summit: string, enabled: boolean): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/summits/${encodeURIComponent(summit)}/events`);
    let pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      const types = pending;
      pending = new Set();
      timer = null;
      void client.invalidateQueries({ predicate: (q) => isAffected(q, summit, types) });
    };
    const onEvent = (message: MessageEvent) => {
      const event = parse(message.data);
      if (!event) return;
      for (const l of listeners) l(event);
      pending.add(event.type);
      timer ??= setTimeout(flush, 250);
    };
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'off' : 'offline');
    source.onmessage = onEvent;
    // the server may name its events by type; listen to the generic name it uses for all of them
    source.addEventListener('event', onEvent as EventListener);
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      setStatus('connecting');
    };
  }, [summit, enabled, client]);

  return enabled ? status : 'off';
}
