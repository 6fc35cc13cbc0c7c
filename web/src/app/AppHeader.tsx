// The top bar: product, the summit (a switcher only for those at several), search, live status and
// the account menu (who is signed in as what, sign out). On a phone it is one line.
import type { ReactNode } from 'react';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { useMe, useSession } from '../api/session';
import { summitsOf } from '../lib/roles';
import { SelectField } from '../ui/fields';
import type { LiveStatus } from './live';

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline: reconnecting',
  off: '',
};

/** "AB" from "Alice Brown", for the account button on a phone. */
function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .trim()
    .split(/\s+/u);
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** The app's header; `summitId` when a summit is on screen. */
export function AppHeader(props: {
  summitId?: string;
  summitName?: string | undefined;
  /** The user's standing at the summit, in names: "United States · protocol officer". */
  standing?: string | undefined;
  live?: LiveStatus;
  /** The notification centre's bell, beside the live status. */
  notices?: ReactNode;
  /** Search (and anything else a summit screen adds to the bar). */
  children?: ReactNode;
}) {
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const summits = summitsOf(me.grants);

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
                label: s === props.summitId ? (props.summitName ?? 'This summit') : s,
              }))}
            />
          ) : (
            <span className="summit-name" title={props.summitName}>
              {props.summitName ?? ''}
            </span>
          )}
        </div>
      )}
      {props.children}
      <div className="header-end">
        {props.notices}
        {props.live && props.live !== 'off' && (
          <span className={`live live-${props.live}`} role="status">
            <span className="live-dot" aria-hidden="true" />
            <span className="live-text">{LIVE_TEXT[props.live]}</span>
          </span>
        )}
        <MenuTrigger>
          <AriaButton className="btn btn-quiet account-button" aria-label={`Account: ${me.user.name}`}>
            <span className="who">
              <span className="who-name">{me.user.name}</span>
              {props.standing && <span className="who-role">{props.standing}</span>}
            </span>
            <span className="who-initials" aria-hidden="true">
              {initials(me.user.name)}
            </span>
            <span aria-hidden="true" className="select-caret">
              ▾
            </span>
          </AriaButton>
          <Popover className="popover" placement="bottom end">
            <Menu
              className="listbox account-menu"
              onAction={(key) => {
                if (key === 'signout') void signOut().then(() => navigate('/signin', { replace: true }));
                if (key === 'summits') void navigate('/summits');
              }}
            >
              <MenuItem id="who" className="listbox-item menu-who" isDisabled textValue={me.user.name}>
                <strong>{me.user.name}</strong>
                {props.standing && <span className="block small">{props.standing}</span>}
              </MenuItem>
              <Separator className="menu-separator" />
              {summits.length > 1 && (
                <MenuItem id="summits" className="listbox-item">
                  All your summits
                </MenuItem>
              )}
              <MenuItem id="signout" className="listbox-item">
                Sign out
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
      </div>
    </header>
  );
}
