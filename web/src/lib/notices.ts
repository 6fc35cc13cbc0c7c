// How the notification centre speaks of notices: the bell's name, and which notices concern the
// page on screen (those also show as a toast).
import type { Notice } from '../api/hooks/notifications';

/** "3 unread notifications": the bell's accessible name. */
export function unreadLabel(count: number): string {
  if (count === 0) return 'No unread notifications';
  return `${count} unread notification${count === 1 ? '' : 's'}`;
}

/** True when `notice` is about what `path` shows: its record's page, or the calendar for a schedule change. */
export function isOnPage(notice: Pick<Notice, 'link' | 'kind' | 'summit'>, path: string): boolean {
  if (path === notice.link) return true;
  // a notice about the summit as a whole (a webhook disabled) links to its home: not every page of it
  if (notice.link !== `/s/${notice.summit}` && path.startsWith(`${notice.link}/`)) return true;
  const calendars = ['schedule', 'today'].map((screen) => `/s/${notice.summit}/${screen}`);
  return notice.kind === 'schedule' && calendars.some((c) => path === c || path.startsWith(`${c}/`));
}
