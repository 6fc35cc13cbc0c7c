// The notification centre in the header: a bell with the unread count, opening the newest notices
// (what changed and by whom, in names and summit time) with "Mark all read". It follows the summit's
// event stream, and a notice about the page on screen also shows as a toast.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { Link, useLocation } from 'react-router';
import { noticeKeys, useMarkRead, useNotices, useUnreadCount, type Notice } from '../api/hooks/notifications';
import { isOnPage, unreadLabel } from '../lib/notices';
import { momentLabel } from '../lib/time';
import { Button } from '../ui/Button';
import { useToasts } from '../ui/toasts';
import { subscribeLive } from './live';

/** Refreshes the notices whenever the summit's event stream brings a change (they are written with it). */
function useNoticesFollowLive(summit: string): void {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribeLive(() => {
      // a burst of events (a plan accepted) costs one refresh
      timer ??= setTimeout(() => {
        timer = null;
        void client.invalidateQueries({ queryKey: noticeKeys.all(summit) });
      }, 250);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [client, summit]);
}

/** Shows a toast for each new unread notice about the page on screen; the first load only remembers. */
function useToastsForThisPage(summit: string, notices: readonly Notice[] | undefined): void {
  const toasts = useToasts();
  const markRead = useMarkRead(summit);
  const { pathname } = useLocation();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    seen.current = null;
  }, [summit]);
  useEffect(() => {
    if (!notices) return;
    const known = seen.current;
    seen.current = new Set([...(known ?? []), ...notices.map((n) => n.id)]);
    if (!known) return;
    // oldest first, so they stack in the order they happened
    for (const n of [...notices].reverse()) {
      if (known.has(n.id) || n.readAt !== null || !isOnPage(n, pathname)) continue;
      toasts.show({ text: n.title, action: { label: 'Mark read', run: () => markRead.mutate(n.id) } });
    }
    // a new page re-runs this with the notices already seen: no toast repeats. markRead changes
    // identity on every render; the toast's action needs only its latest mutate
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [notices, toasts, pathname]);
}

function NoticeItem(props: { notice: Notice; zone: string; onOpen(): void; onRead(): void }) {
  const { notice: n } = props;
  const unread = n.readAt === null;
  return (
    <li className={`inbox-item${unread ? ' inbox-unread' : ''}`} data-testid="notice">
      <Link to={n.link} className="inbox-link" onClick={props.onOpen}>
        {unread && <span className="visually-hidden">Unread: </span>}
        <span className="inbox-title">{n.title}</span>
        <span className="inbox-body">{n.body}</span>
        <time className="inbox-time" dateTime={n.createdAt}>
          {momentLabel(n.createdAt, props.zone)}
        </time>
      </Link>
      {unread && (
        <Button
          className="btn-small inbox-read"
          tone="quiet"
          aria-label={`Mark read: ${n.title}`}
          onPress={props.onRead}
        >
          Mark read
        </Button>
      )}
    </li>
  );
}

/** The bell and its panel, for the summit on screen; `zone` is the summit's time zone. */
export function NotificationCentre(props: { summit: string; zone: string }) {
  const { summit, zone } = props;
  const count = useUnreadCount(summit);
  const notices = useNotices(summit);
  const markRead = useMarkRead(summit);
  useNoticesFollowLive(summit);
  useToastsForThisPage(summit, notices.data);
  const unread = count.data ?? 0;
  const panel = useRef<HTMLElement>(null);
  // the button pressed goes away (Mark read) or is disabled (Mark all read): the focus moves to the
  // panel first, so it stays in it and Escape and Tab still work there
  const read = (notice: string | null) => {
    panel.current?.focus();
    markRead.mutate(notice);
  };

  return (
    <DialogTrigger>
      <AriaButton className="btn btn-quiet inbox-button" aria-label={unreadLabel(unread)}>
        <svg className="inbox-bell" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="inbox-count" aria-hidden="true" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </AriaButton>
      <Popover className="popover inbox-popover" placement="bottom end">
        <Dialog className="inbox-panel" aria-labelledby="inbox-heading" ref={panel}>
          {({ close }) => (
            <>
              <div className="inbox-head">
                <Heading slot="title" id="inbox-heading" level={2}>
                  Notifications
                </Heading>
                <Button
                  className="btn-small"
                  isDisabled={unread === 0 || markRead.isPending}
                  onPress={() => read(null)}
                >
                  Mark all read
                </Button>
              </div>
              <p className="visually-hidden" aria-live="polite">
                {unreadLabel(unread)}
              </p>
              {notices.isPending ? (
                <p className="inbox-empty">Loading…</p>
              ) : notices.error ? (
                <p className="inbox-empty">Could not load your notifications. They will be retried.</p>
              ) : notices.data.length === 0 ? (
                <p className="inbox-empty">
                  Nothing yet. What others change in your requests and meetings shows here.
                </p>
              ) : (
                <ul className="inbox-list" aria-label="Your notifications, newest first">
                  {notices.data.map((n) => (
                    <NoticeItem
                      key={n.id}
                      notice={n}
                      zone={zone}
                      onRead={() => read(n.id)}
                      onOpen={() => {
                        if (n.readAt === null) markRead.mutate(n.id);
                        close();
                      }}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
