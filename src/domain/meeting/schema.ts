// A request placed on the calendar.
import { z } from 'zod';
import { DelegationId, RequestId, RoomId } from '../ids.js';
import { Instant } from '../time.js';
import { Version } from '../summit/schema.js';

export const Meeting = z.object({
  request: RequestId,
  start: Instant,
  end: Instant,
  /** null for a pull-aside, which takes no room. */
  room: RoomId.nullable(),
  pinned: z.boolean(),
  /** Parties that accepted this slot; `confirmed` needs every party. */
  confirmedBy: z.array(DelegationId),
  announced: z.boolean(),
  version: Version,
});
export type Meeting = z.infer<typeof Meeting>;
