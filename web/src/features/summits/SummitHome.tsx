// /s/:summit on its own: a delegation member starts at Today, the host at the schedule.
import { Navigate } from 'react-router';
import { useSummitScope } from '../../app/summit-context';

/** Sends the viewer to the screen their role starts at. */
export function SummitHome() {
  const { standing } = useSummitScope();
  return <Navigate to={standing.delegation ? 'today' : 'schedule'} replace />;
}
