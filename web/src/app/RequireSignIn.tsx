// Shows the sign-in page to anyone not signed in, and comes back to where they were going after.
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { ErrorState, Loading } from '../ui/states';

/** Renders the nested screens only for a signed-in user. */
export function RequireSignIn() {
  const { me, error } = useSession();
  const location = useLocation();
  if (me === undefined) {
    return error ? (
      <main id="main" className="page narrow">
        <ErrorState error={error} onRetry={() => window.location.reload()} />
      </main>
    ) : (
      <Loading what="Checking your session" />
    );
  }
  if (me === null) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin${back !== '/' ? `?next=${encodeURIComponent(back)}` : ''}`} replace />;
  }
  return <Outlet />;
}
