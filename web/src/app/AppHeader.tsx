// The top bar: product, summit switcher, who is signed in as what, live status and sign-out.
import { useNavigate } from 'react-router';
import { Link } from 'react-router';
import { useSession, useMe } from '../api/session';
import { standingAt, standingLabel, summitsOf } from '../lib/roles';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/fields';
import type { LiveStatus } from './live';

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: reconnecting',
  off: '',
};

/** The app's header; `summitId` when a summit is on screen. */
export function AppHeader(props: { summitId?: string; summitName?: string | undefined; live?: LiveStatus }) {
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const summits = summitsOf(me.grants);
  const standing = props.summitId ? standingAt(me.grants, props.summitId) : null;

  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Sideline
      </Link>
      {props.summitId && (
        <div className="summit-switch">
          {summits.length > 1 ? (
            <SelectField
              label="Summit"
              value={props.summitId}
              onChange={(s) => void navigate(`/s/${s}`)}
              choices={summits.map((s) => ({
                id: s,
                label: s === props.summitId ? (props.summitName ?? s) : s,
              }))}
            />
          ) : (
            <span className="summit-name">{props.summitName ?? props.summitId}</span>
          )}
        </div>
      )}
      <div className="header-end">
        {props.live && props.live !== 'off' && (
          <span className={`live live-${props.live}`} role="status">
            <span className="live-dot" aria-hidden="true" />
            {LIVE_TEXT[props.live]}
          </span>
        )}
        <span className="who">
          <span className="who-name">{me.user.name}</span>
          {standing && <span className="who-role">{standingLabel(standing)}</span>}
        </span>
        <Button
          tone="quiet"
          onPress={() => {
            void signOut().then(() => navigate('/signin', { replace: true }));
          }}
        >
          Sign out
        </Button>
      </div>
    </header>
  );
}
