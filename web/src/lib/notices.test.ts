// The bell's accessible name and which notices concern the page on screen.
import { describe, expect, it } from 'vitest';
import { isOnPage, unreadLabel } from './notices';

const countered = { link: '/s/apec-2017/requests/usa-rus', kind: 'conditions', summit: 'apec-2017' } as const;
const moved = { link: '/s/apec-2017/requests/usa-rus-fm', kind: 'schedule', summit: 'apec-2017' } as const;

describe('notices in the header', () => {
  it('names the bell by its unread count, in words', () => {
    expect(unreadLabel(0)).toBe('No unread notifications');
    expect(unreadLabel(1)).toBe('1 unread notification');
    expect(unreadLabel(3)).toBe('3 unread notifications');
  });

  it("counts a notice as on the page when the page shows its record, not another's", () => {
    expect(isOnPage(countered, '/s/apec-2017/requests/usa-rus')).toBe(true);
    expect(isOnPage(countered, '/s/apec-2017/requests/usa-rus/history')).toBe(true);
    // a request whose id starts with another's is another page
    expect(isOnPage(countered, '/s/apec-2017/requests/usa-rus-fm')).toBe(false);
    expect(isOnPage(countered, '/s/apec-2017/requests')).toBe(false);
  });

  it('counts a schedule change as on the page of the calendars too, in its own summit only', () => {
    expect(isOnPage(moved, '/s/apec-2017/schedule')).toBe(true);
    expect(isOnPage(moved, '/s/apec-2017/today')).toBe(true);
    expect(isOnPage(countered, '/s/apec-2017/schedule')).toBe(false);
    expect(isOnPage(moved, '/s/g20-2017/schedule')).toBe(false);
    expect(isOnPage(moved, '/s/apec-2017/schedules-old')).toBe(false);
  });

  it("keeps a notice about the whole summit to the summit's home page", () => {
    const disabled = { link: '/s/apec-2017', kind: 'webhooks', summit: 'apec-2017' } as const;
    expect(isOnPage(disabled, '/s/apec-2017')).toBe(true);
    expect(isOnPage(disabled, '/s/apec-2017/requests/usa-rus')).toBe(false);
  });
});
