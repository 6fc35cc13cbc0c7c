// Writing and reading meeting notices (domain/meeting/notice.ts): one of each kind per request, about
// one placement of its meeting, replaced by the next of its kind.
import type { SummitId } from '../../domain/ids.js';
import type { MeetingNotice, NoticeDetail, NoticeKind } from '../../domain/meeting/notice.js';
import { noticeIsCurrent } from '../../domain/meeting/notice.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { Tx } from '../../store/store.js';

/** Stores a notice of its kind for its request, over any earlier one. */
export async function putNotice(
  tx: Tx,
  summit: SummitId,
  notice: Omit<MeetingNotice, 'version'>,
): Promise<MeetingNotice> {
  const key = { request: notice.request, kind: notice.detail.kind };
  const existing = await tx.notices.get(summit, key);
  return existing
    ? tx.notices.update(summit, { ...notice, version: existing.version })
    : tx.notices.insert(summit, { ...notice, version: 1 });
}

/** Removes a request's notice of one kind, if there is one; true when there was. */
export async function dropNotice(
  tx: Tx,
  summit: SummitId,
  request: string,
  kind: NoticeKind,
): Promise<boolean> {
  const existing = await tx.notices.get(summit, { request, kind });
  if (!existing) return false;
  await tx.notices.remove(summit, { request, kind }, existing.version);
  return true;
}

/** A request's notices that still speak of its meeting as it is (or of its absence). */
export async function currentNotices(
  tx: Tx,
  summit: SummitId,
  request: string,
  meeting: Pick<Meeting, 'start' | 'room'> | null,
): Promise<MeetingNotice[]> {
  return (await tx.notices.listFor(summit, request)).filter((n) => noticeIsCurrent(n, meeting));
}

/** The current notice of one kind, with its detail typed. */
export function noticeOf<K extends NoticeKind>(
  notices: readonly MeetingNotice[],
  kind: K,
): (MeetingNotice & { detail: Extract<NoticeDetail, { kind: K }> }) | undefined {
  return notices.find((n) => n.detail.kind === kind) as
    (MeetingNotice & { detail: Extract<NoticeDetail, { kind: K }> }) | undefined;
}
