// The summit on screen and the viewer's standing at it, for every screen under /s/:summit.
import { createContext, useContext } from 'react';
import type { Summit } from '../api/models';
import type { Standing } from '../lib/roles';

/** What screens under a summit know about it. */
export interface SummitScope {
  summit: Summit;
  standing: Standing;
  /** The viewer's own time zone. */
  viewerZone: string;
}

/** Provided by SummitLayout. */
export const SummitContext = createContext<SummitScope | null>(null);

/** The summit on screen; only under SummitLayout. */
export function useSummitScope(): SummitScope {
  const scope = useContext(SummitContext);
  if (!scope) throw new Error('useSummitScope outside SummitLayout');
  return scope;
}
