// The authorisation matrix: one row per route of the OpenAPI document.
import type { Entry } from '../entry.js';
import { AUTH_ENTRIES } from './auth.js';
import { CALENDAR_ENTRIES } from './calendar.js';
import { DELIBERATION_ENTRIES } from './deliberation.js';
import { NOTIFICATION_ENTRIES } from './notifications.js';
import { REQUEST_ENTRIES } from './requests.js';
import { SUMMIT_WIDE_ENTRIES } from './summit-wide.js';
import { SUMMIT_ENTRIES } from './summits.js';

/** Every row; the test fails for a route of the document without one, and for a row without a route. */
export const MATRIX: readonly Entry[] = [
  ...AUTH_ENTRIES,
  ...SUMMIT_ENTRIES,
  ...REQUEST_ENTRIES,
  ...DELIBERATION_ENTRIES,
  ...SUMMIT_WIDE_ENTRIES,
  ...CALENDAR_ENTRIES,
  ...NOTIFICATION_ENTRIES,
];
