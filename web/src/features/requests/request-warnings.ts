// What to say before a request is sent: why "Send" cannot be pressed yet, and warnings that do not
// stop it but that its sender should see first (an attendee away during a chosen window, an open
// request with the same parties). Pure, so the form and its tests share it.
import type { Delegation, MeetingRequest, Person, TimeWindow } from '../../api/models';
import type { SummitNames } from '../../lib/names';
import { momentLabel, spanLabel } from '../../lib/time';
import { STATUS_LABEL, words } from './labels';

/** A request as the form holds it before it is sent. */
export interface DraftRequest {
  from: string;
  to: readonly string[];
  format: string;
  level: string;
  minutes: number;
  attendees: readonly string[];
  /** The allowed windows, or none (any time). */
  allowed: readonly TimeWindow[];
  preferred: readonly TimeWindow[];
}

/** A warning shown before sending: what, and where to look (a request to open). */
export interface RequestWarning {
  kind: 'absent' | 'duplicate' | 'rank' | string;
  text: string;
  /** A request the warning is about, to open. */
  request?: string;
}

/**
 * What keeps "Send" from being pressed, in words; empty when it may be sent. `delegationOf` gives
 * an attendee's delegation.
 */
export function missingForSend(
  d: DraftRequest,
  grainMinutes: number,
  delegationOf: (person: string) => string | undefined,
): string[] {
  const out: string[] = [];
  if (d.to.length === 0) out.push('choose at least one delegation to ask');
  if (d.format === 'multilateral' && d.to.length === 1) {
    out.push('a multilateral meeting needs two delegations or more to ask');
  }
  if (d.attendees.length === 0) out.push('choose who attends');
  else if (!d.attendees.some((a) => delegationOf(a) === d.from)) {
    out.push('choose who attends for your delegation');
  }
  if (!Number.isFinite(d.minutes) || d.minutes <= 0) out.push('give the length in minutes');
  else if (d.minutes % grainMinutes !== 0) {
    out.push(`make the length a multiple of the summit's ${grainMinutes} minutes`);
  }
  return out;
}

const OPEN = new Set([
  'draft',
  'requested',
  'under-consideration',
  'conditions-pending',
  'agreed',
  'scheduled',
  'confirmed',
]);

/** When a person is at the summit: their own presence, else their delegation's, else all of it (null). */
function presence(p: Person, delegations: ReadonlyMap<string, Delegation>): readonly TimeWindow[] | null {
  return p.presence ?? delegations.get(p.delegation)?.presence ?? null;
}

/** True when [from, to) lies inside one of `spans`. */
function covered(w: TimeWindow, spans: readonly TimeWindow[]): boolean {
  return spans.some((s) => s.from <= w.from && w.to <= s.to);
}

/**
 * The attendees who are not at the summit for the whole of a window the request names (its allowed
 * windows, else its preferred ones): "Vladimir Putin is not at the summit on Thu 9 Nov, 07:00–12:00
 * GMT+7 (there Fri 10 Nov, 12:00 GMT+7 – Sat 11 Nov, 21:00 GMT+7)".
 */
export function absenceWarnings(
  d: DraftRequest,
  persons: ReadonlyMap<string, Person>,
  delegations: ReadonlyMap<string, Delegation>,
  names: SummitNames,
): RequestWarning[] {
  const windows = d.allowed.length ? d.allowed : d.preferred;
  const out: RequestWarning[] = [];
  for (const id of d.attendees) {
    const p = persons.get(id);
    if (!p) continue;
    const there = presence(p, delegations);
    if (there === null) continue;
    for (const w of windows) {
      if (covered(w, there)) continue;
      const when = there
        .map((s) => `${momentLabel(s.from, names.zone)} – ${momentLabel(s.to, names.zone)}`)
        .join('; ');
      out.push({
        kind: 'absent',
        text: `${p.name} is not at the summit for all of ${spanLabel(w.from, w.to, names.zone)} (there ${when}).`,
      });
    }
  }
  return out;
}

/** Open requests with the same parties: the sender may mean one of them. */
export function duplicateWarnings(
  d: DraftRequest,
  existing: readonly MeetingRequest[],
  names: SummitNames,
): RequestWarning[] {
  if (d.to.length === 0) return [];
  const parties = new Set([d.from, ...d.to]);
  return existing
    .filter((r) => OPEN.has(r.status))
    .filter((r) => {
      const theirs = new Set([r.from, ...r.to]);
      return theirs.size === parties.size && [...parties].every((x) => theirs.has(x));
    })
    .map((r) => ({
      kind: 'duplicate',
      request: r.id,
      text: `An open request with the same parties exists: ${names.ask(r.id)} (${STATUS_LABEL[r.status]}, ${words(r.level).toLowerCase()}, ${r.minutes} min${r.topics.length ? `, ${r.topics.join(', ')}` : ''}).`,
    }));
}
