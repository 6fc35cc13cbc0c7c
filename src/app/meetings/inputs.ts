// Inputs of the meeting use cases.
import { z } from 'zod';
import { RoomId } from '../../domain/ids.js';
import { Instant } from '../../domain/time.js';

/** Where and when a meeting goes; the end follows from the request's minutes. */
export const Slot = z.strictObject({
  start: Instant,
  /** Required for every format but pull-aside, which takes no room. */
  room: RoomId.nullable().default(null),
});
export type Slot = z.input<typeof Slot>;
