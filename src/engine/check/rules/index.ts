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
import { frozenMeetingsKept, noStartBeforeNow } from './freeze.js';
import { maxMoves } from './max-moves.js';
import { roomTurnover } from './room-turnover.js';
import { roomFeatures } from './room-features.js';
import { quotas } from './quotas.js';
import { interpreters } from './interpreters.js';

/** The rules that judge placements (each one, or a few together), whatever the plan leaves out or moves. */
export const PLACEMENT_RULES: readonly Rule[] = [
  placeableState,
  atMostOnce,
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
  roomTurnover,
  roomFeatures,
  quotas,
  interpreters,
  noStartBeforeNow,
];

/** The rules checkPlan applies: the placement rules, then what must stay and how much may move. */
export const RULES: readonly Rule[] = [
  ...PLACEMENT_RULES.slice(0, 2),
  fixedMeetingsKept,
  frozenMeetingsKept,
  ...PLACEMENT_RULES.slice(2),
  maxMoves,
];
