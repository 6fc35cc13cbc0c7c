// The public domain API: schemas, life cycle, authority, deliberation, encounters and visibility rules.
export * from './ids.js';
export * from './time.js';

export * from './summit/schema.js';
export * from './summit/practice.js';
export * from './summit/data.js';
export * from './summit/presence.js';

export * from './actor/schema.js';
export * from './actor/authority.js';

export * from './request/schema.js';
export * from './request/agreement.js';
export * from './request/acting.js';
export * from './request/lifecycle.js';
export * from './request/transition.js';
export * from './request/follow-up.js';
export * from './request/conditions.js';
export * from './request/rank-parity.js';
export * from './request/rules.js';

export * from './meeting/schema.js';
export * from './meeting/slot.js';

export * from './deliberation/schema.js';
export * from './deliberation/record.js';
export * from './deliberation/summary.js';
export * from './deliberation/public-line.js';

export * from './encounter/encounters.js';

export * from './visibility/scope.js';
export * from './visibility/scopes.js';
export * from './visibility/read.js';
export * from './visibility/busy.js';

export * from './event/schema.js';
