// Every hard rule of summit-file.md ("What the scheduler must honour"), in the order they are reported.
import type { Rule } from '../plan-context.js';
import { placeableState } from './placeable-state.js';
import { atMostOnce } from './at-most-once.js';
import { fixedMeetingsKept } from './fixed-meetings-kept.js';
import { grid } from './grid.js';
import { duration } from './duration.js';
import { dayWindow } from './day-window.js';
import { allowedWindows } from './allowed-windows.js';
import { presence } from './presence.js';
import { personOverlap, personTravel } from './person-overlap-and-travel.js';
import { roomExclusive } from './room-exclusive.js';
import { roomAvailability } from './room-availability.js';
import { roomCapacity } from './room-capacity.js';
import { roomDelegation } from './room-delegation.js';
import { roomVenue } from './room-venue.js';
import { pullAsideNoRoom } from './pull-aside-no-room.js';

/** The rules checkPlan applies. */
export const RULES: readonly Rule[] = [
  placeableState,
  atMostOnce,
  fixedMeetingsKept,
  grid,
  duration,
  dayWindow,
  allowedWindows,
  presence,
  personOverlap,
  personTravel,
  roomExclusive,
  roomAvailability,
  roomCapacity,
  roomDelegation,
  roomVenue,
  pullAsideNoRoom,
];
