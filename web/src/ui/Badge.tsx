// A small coloured label for a state or a stance.
import type { ReactNode } from 'react';

/** A badge; `kind` picks its colour (a state name, a stance, "private"). */
export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}
