// Notification test kit: the APEC demo on a real store with real accounts in chosen roles, so the
// outbox has people to tell.
import type { Actor, RoleGrant } from '../../../src/domain/actor/schema.js';
import type { DelegationId, SummitId, UserId } from '../../../src/domain/ids.js';
import { DEMO_SUMMIT, loadDemo } from '../../../src/app/demo/apec-2017.js';
import type { Store } from '../../../src/store/store.js';
import { ConflictError } from '../../../src/app/errors.js';
import { placeMeeting } from '../../../src/app/meetings/place.js';
import { openTestStore, SYSTEM, testContext, type BackendName, type TestStore } from '../../support/app.js';

export const S = DEMO_SUMMIT;

/** The accounts the kit creates, by name, with one grant each. */
export const PEOPLE = {
  usPo: { kind: 'delegation', delegation: 'usa', role: 'protocol-officer' },
  usLead: { kind: 'delegation', delegation: 'usa', role: 'delegation-lead' },
  usViewer: { kind: 'delegation', delegation: 'usa', role: 'viewer' },
  usAdviser: { kind: 'delegation', delegation: 'usa', role: 'adviser' },
  ruPo: { kind: 'delegation', delegation: 'rus', role: 'protocol-officer' },
  cnLead: { kind: 'delegation', delegation: 'chn', role: 'delegation-lead' },
  hostAdmin: { kind: 'host', role: 'host-admin' },
  hostStaff: { kind: 'host', role: 'host-staff' },
} as const;
export type PersonName = keyof typeof PEOPLE;

/** The kit's world on one backend. */
export interface NotifyWorld {
  t: TestStore;
  ctx: ReturnType<typeof testContext>;
  actors: Record<PersonName, Actor>;
}

function grantOf(name: PersonName): RoleGrant {
  const p = PEOPLE[name];
  return p.kind === 'host'
    ? { kind: 'host', summit: S, role: p.role }
    : { kind: 'delegation', summit: S, delegation: p.delegation as DelegationId, role: p.role };
}

/** Creates an account holding `grants` (stored, so the outbox finds it). */
export async function addUser(store: Store, id: string, grants: RoleGrant[]): Promise<Actor> {
  await store.write(async (tx) => {
    await tx.users.insert({
      id: id as UserId,
      email: `${id}@example.test`,
      name: id,
      disabled: false,
      version: 1,
    });
    await tx.users.setGrants(id as UserId, grants);
  });
  return { user: id as UserId, grants, system: false };
}

/** The demo with one account per PEOPLE entry. */
export async function buildNotifyWorld(backend: BackendName): Promise<NotifyWorld> {
  const t = await openTestStore(backend);
  const ctx = testContext(t.store);
  await loadDemo(ctx, SYSTEM);
  const actors = {} as Record<PersonName, Actor>;
  for (const name of Object.keys(PEOPLE) as PersonName[]) {
    actors[name] = await addUser(t.store, name, [grantOf(name)]);
  }
  return { t, ctx, actors };
}

/** Every in-app notice of a user, newest first. */
export function noticesOf(w: NotifyWorld, name: PersonName, summit: SummitId = S) {
  return w.t.store.read((tx) => tx.notifications.list(w.actors[name].user, { summit, limit: 500 }));
}

/** Places a request as `actor` at the first slot on 10-11 November that breaks no rule; says where. */
export async function placeSomewhere(
  w: NotifyWorld,
  actor: Actor,
  request: string,
  rooms: (string | null)[],
  after = '2017-11-10T05:00:00.000Z',
): Promise<{ start: string; room: string | null }> {
  for (let t = Date.parse(after); t < Date.parse('2017-11-11T12:00:00.000Z'); t += 15 * 60_000) {
    for (const room of rooms) {
      const slot = { start: new Date(t).toISOString(), room };
      try {
        await placeMeeting(w.ctx, actor, S, request, slot);
        return slot;
      } catch (e) {
        if (!(e instanceof ConflictError)) throw e;
      }
    }
  }
  throw new Error(`no free slot for ${request}`);
}
