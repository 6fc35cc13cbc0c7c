// The signed-in user's notices at one summit: the unread count for the header, the newest notices
// for the notification centre, and marking them read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../client';
import type { Schema } from '../types';

/** One notice: what changed and by whom, in names, and the path of the record. */
export type Notice = Schema<'Notification'>;

/**
 * How often the notices are read without a change on the event stream: notices the dispatcher
 * writes by itself (a webhook disabled) come with no event.
 */
const POLL_MS = 60_000;

/** How many notices the centre lists (the newest). */
export const CENTRE_SIZE = 30;

/** Query keys of the user's notices at a summit, so the live stream can refresh them by prefix. */
export const noticeKeys = {
  all: (summit: string) => ['notifications', summit] as const,
  list: (summit: string) => ['notifications', summit, 'list'] as const,
};

/** The newest notices and the unread count, as one read gives them. */
interface Inbox {
  items: Notice[];
  unread: number;
}

/** The one read behind the badge and the list (both select from it, so the header costs one call). */
function inboxQuery(summit: string) {
  return {
    queryKey: noticeKeys.list(summit),
    queryFn: async (): Promise<Inbox> => {
      const page = await unwrap(
        api.GET('/api/notifications', { params: { query: { summit, limit: CENTRE_SIZE } } }),
      );
      return { items: page.items, unread: page.unread };
    },
    refetchInterval: POLL_MS,
  };
}

/** How many of the user's notices at the summit are unread. */
export function useUnreadCount(summit: string) {
  return useQuery({ ...inboxQuery(summit), select: (inbox: Inbox) => inbox.unread });
}

/** The user's newest notices at the summit, newest first. */
export function useNotices(summit: string) {
  return useQuery({ ...inboxQuery(summit), select: (inbox: Inbox) => inbox.items });
}

/** Marks one notice read, or (with no id) all of the user's notices at the summit. */
export function useMarkRead(summit: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (notice: string | null) => {
      if (notice === null) {
        await unwrap(api.POST('/api/notifications/read-all', { params: { query: { summit } } }));
      } else {
        await unwrap(
          api.POST('/api/notifications/{notification}/read', { params: { path: { notification: notice } } }),
        );
      }
    },
    // the badge and the list change at once; the server's answer then confirms them
    onMutate: async (notice) => {
      await client.cancelQueries({ queryKey: noticeKeys.all(summit) });
      const now = new Date().toISOString();
      const marked = (n: Notice) => n.readAt === null && (notice === null || n.id === notice);
      client.setQueryData<Inbox>(noticeKeys.list(summit), (inbox) =>
        inbox === undefined
          ? inbox
          : {
              items: inbox.items.map((n) => (marked(n) ? { ...n, readAt: now } : n)),
              unread: notice === null ? 0 : Math.max(0, inbox.unread - inbox.items.filter(marked).length),
            },
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: noticeKeys.all(summit) }),
  });
}
