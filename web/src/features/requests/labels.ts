// Words for request states, formats, levels and transitions, as people say them.
import type { RequestStatus } from '../../api/models';

/** Each state's name on screen. */
export const STATUS_LABEL: Record<RequestStatus, string> = {
  draft: 'Draft',
  requested: 'Requested',
  'under-consideration': 'Under consideration',
  'conditions-pending': 'Conditions pending',
  agreed: 'Agreed',
  scheduled: 'Scheduled',
  confirmed: 'Confirmed',
  held: 'Held',
  'not-held': 'Not held',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  downgraded: 'Downgraded',
  lapsed: 'Lapsed',
};

/** A value as words: "working-meal" → "Working meal". */
export function words(value: string): string {
  const s = value.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The buttons for transitions a user takes from the request page. */
export const TRANSITION_LABEL: Record<string, string> = {
  submit: 'Submit request',
  consider: 'Take under consideration',
  accept: 'Accept request',
  agree: 'Record agreement',
  settleConditions: 'Settle conditions',
  setConditionsPending: 'Mark conditions pending',
  decline: 'Decline',
  withdraw: 'Withdraw request',
  reopen: 'Reopen',
  downgrade: 'Downgrade',
};

/** Transitions the request page offers as buttons (the rest happen through other actions). */
export const USER_TRANSITIONS = [
  'submit',
  'consider',
  'accept',
  'decline',
  'withdraw',
  'reopen',
  'downgrade',
] as const;

/** Transitions that end or refuse something: asked twice before they go. */
export const DESTRUCTIVE = new Set(['decline', 'withdraw']);

/** The board's columns: each open state, then everything closed together. */
export const BOARD_COLUMNS: { id: string; label: string; states: RequestStatus[] }[] = [
  { id: 'draft', label: 'Draft', states: ['draft'] },
  { id: 'requested', label: 'Requested', states: ['requested'] },
  { id: 'under-consideration', label: 'Under consideration', states: ['under-consideration'] },
  { id: 'conditions-pending', label: 'Conditions pending', states: ['conditions-pending'] },
  { id: 'agreed', label: 'Agreed', states: ['agreed'] },
  { id: 'scheduled', label: 'Scheduled', states: ['scheduled'] },
  { id: 'confirmed', label: 'Confirmed', states: ['confirmed', 'held'] },
  { id: 'closed', label: 'Closed', states: ['not-held', 'declined', 'withdrawn', 'downgraded', 'lapsed'] },
];
