// Fresh records of another delegation, made through the use cases as the operator, so that a write
// the matrix sends for each actor finds its target as new (version 1) and cannot disturb other rows.
import { sha256Hex } from '../../../src/app/auth/secrets.js';
import { createToken } from '../../../src/app/auth/tokens.js';
import { recordRequestPosition } from '../../../src/app/deliberation/deliberation.js';
import { busy, delegations, persons, programme, rooms, venues } from '../../../src/app/logistics/specs.js';
import { proposeRequestCondition } from '../../../src/app/requests/conditions.js';
import { requestMeeting } from '../../../src/app/requests/request-meeting.js';
import { DEMO_SUMMIT } from '../../../src/app/demo/apec-2017.js';
import type { DelegationId } from '../../../src/domain/ids.js';
import { addTokenMarkers } from './markers.js';
import { OPERATOR, type World } from './world.js';

/** The demo summit's id, as a path parameter. */
export const S = DEMO_SUMMIT as string;

/** The If-Match header for a version. */
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"${version}"` });

/** A new busy block of a US person, labelled with a US secret. */
export async function freshUsBusy(w: World) {
  const n = w.next();
  return busy.add(w.ctx, OPERATOR, DEMO_SUMMIT, {
    id: `usa-mx-busy-${n}`,
    person: 'usa-sos',
    from: '2017-11-09T07:00:00.000Z',
    to: '2017-11-09T07:30:00.000Z',
    venue: null,
    label: w.markers.usSecret('busy-label'),
  });
}

/** The body of a busy block for a US person (a new id and a US secret label). */
export function usBusyBody(w: World, id = `usa-mx-busy-${w.next()}`) {
  return {
    id,
    person: 'usa-sos',
    from: '2017-11-09T08:00:00.000Z',
    to: '2017-11-09T08:30:00.000Z',
    venue: null,
    label: w.markers.usSecret('busy-label'),
  };
}

/** Bodies of new logistics records, one per kind, with a fresh id. */
export const logisticsBody = {
  venues: (id: string) => ({ id, name: `Matrix venue ${id}` }),
  rooms: (id: string) => ({
    id,
    venue: 'furama',
    name: `Matrix room ${id}`,
    capacity: 6,
    available: null,
    delegation: null,
  }),
  // a delegation's principal is a person of its own, added once the delegation exists (principalOf)
  delegations: (id: string) => ({
    id,
    name: `Matrix delegation ${id}`,
    principal: `${id}-principal`,
    presence: null,
  }),
  persons: (id: string) => ({
    id,
    delegation: 'usa',
    name: `Matrix person ${id}`,
    title: null,
    role: 'member',
    presence: null,
  }),
  programme: (id: string) => ({
    id,
    title: `Matrix event ${id}`,
    venue: 'ariyana',
    from: '2017-11-08T07:00:00.000Z',
    to: '2017-11-08T07:30:00.000Z',
    attendees: ['usa-ustr'],
    encounter: false,
  }),
} as const;

/** A logistics kind of the summit. */
export type LogisticsKind = keyof typeof logisticsBody;

const USE_CASES = { venues, rooms, delegations, persons, programme } as const;

/**
 * Adds the principal of a delegation made from `logisticsBody.delegations`: until it exists the summit
 * is not a valid summit file, and its export fails.
 */
export async function addPrincipalOf(w: World, delegation: string): Promise<void> {
  await persons.add(w.ctx, OPERATOR, DEMO_SUMMIT, {
    id: `${delegation}-principal`,
    delegation,
    name: `Principal of ${delegation}`,
    title: null,
    role: 'principal',
    presence: null,
  });
}

/** A new record of `kind`, stored as the operator; for persons, a member of the US delegation. */
export async function freshLogistics(w: World, kind: LogisticsKind): Promise<{ id: string; body: object }> {
  const id = `mx-${kind}-${w.next()}`;
  const body = logisticsBody[kind](id);
  await USE_CASES[kind].add(w.ctx, OPERATOR, DEMO_SUMMIT, body);
  if (kind === 'delegations') await addPrincipalOf(w, id);
  return { id, body };
}

/** A new US request to Russia (submitted), optionally confidential and with an open condition set by one side. */
export async function freshUsRequest(
  w: World,
  options: { confidential?: boolean; conditionBy?: 'usa' | 'rus' } = {},
): Promise<{ id: string; version: number; condition?: string }> {
  const id = `mx-usa-rus-${w.next()}`;
  const created = await requestMeeting(w.ctx, OPERATOR, DEMO_SUMMIT, {
    id,
    from: 'usa',
    to: ['rus'],
    format: 'bilateral',
    level: 'officials',
    minutes: 30,
    attendees: ['usa-nsa', 'rus-aide'],
    confidential: options.confidential ?? false,
  });
  if (!options.conditionBy) return { id, version: created.request.version };
  const outcome = await proposeRequestCondition(
    w.ctx,
    OPERATOR,
    DEMO_SUMMIT,
    id,
    { id: 'c1', kind: 'agenda', text: `Agenda set by ${options.conditionBy} for ${id}` },
    { actingFor: options.conditionBy as DelegationId },
  );
  return { id, version: outcome.request.version, condition: 'c1' };
}

/** A new position in the US deliberation on usa-rus, recorded by the US adviser, with a US secret rationale. */
export async function freshUsPosition(w: World): Promise<{ id: string; version: number }> {
  const position = await recordRequestPosition(w.ctx, w.actorOf('usa-adviser'), DEMO_SUMMIT, 'usa-rus', {
    delegation: 'usa',
    holder: 'Matrix adviser',
    stance: 'undecided',
    rationale: w.markers.usSecret('us-deliberation'),
  });
  return { id: position.id, version: position.version };
}

/** A new API token of `owner`, its secret and id known only to it. */
export async function freshToken(w: World, owner: string): Promise<string> {
  const created = await createToken(w.server.store, w.user(owner).id, 'matrix target', w.server.clock.now());
  addTokenMarkers(w.markers, owner, {
    secret: created.token,
    id: created.info.id,
    hash: sha256Hex(created.token),
  });
  return created.info.id;
}
