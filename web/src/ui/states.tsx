// Loading, empty and error states, so every screen says what is going on.
import type { ReactNode } from 'react';
import { messageOf } from '../api/problem';
import { ApiError } from '../api/problem';
import { Button } from './Button';

/** A polite "loading" placeholder announced to screen readers. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}…
    </div>
  );
}

/** Nothing to show, with a sentence why and maybe what to do. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children && <div className="state-body">{children}</div>}
    </div>
  );
}

/** An error, what it means, and a retry when one is possible. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">
        {notFound ? 'Not found, or not visible to you' : forbidden ? 'Not allowed' : 'Something went wrong'}
      </p>
      <p className="state-body">{messageOf(error)}</p>
      {error instanceof ApiError && error.issues.length > 0 && <IssueList issues={error.issues} />}
      {onRetry && !notFound && !forbidden && (
        <Button onPress={onRetry} tone="secondary">
          Try again
        </Button>
      )}
    </div>
  );
}

/** Every failing path the server named, one per line. */
export function IssueList({ issues }: { issues: readonly { path: string; message: string }[] }) {
  return (
    <ul className="issues">
      {issues.map((i, n) => (
        <li key={`${i.path}-${n}`}>
          <code>{i.path || '(the whole input)'}</code> {i.message}
        </li>
      ))}
    </ul>
  );
}

/** An inline error under a form or an action, announced when it appears. */
export function InlineError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div className="inline-error" role="alert">
      {messageOf(error)}
      {error instanceof ApiError && error.issues.length > 0 && <IssueList issues={error.issues} />}
    </div>
  );
}

/** Renders a query's three states: loading, error (with retry), or its data. */
export function QueryState<T>(props: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  what?: string;
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  if (query.isPending) return <Loading what={props.what ?? 'Loading'} />;
  if (query.error || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{props.children(query.data)}</>;
}
