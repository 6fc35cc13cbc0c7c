// Webhooks: a delegation's lead or the host's admin registers a URL to hear of chosen kinds of
// change; each sees and manages only their own side's hooks (another's answer "not found").
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../domain/actor/schema.js';
import { can, delegationsOf } from '../../domain/actor/authority.js';
import { DelegationId, type SummitId } from '../../domain/ids.js';
import { scopeOfDelegation, HOST_SCOPE } from '../../domain/visibility/scopes.js';
import { NotFoundError, type Delivery, type NotificationKind, type Webhook } from '../../store/store.js';
import { actingDelegation, requireCapability, requireParticipant } from '../access.js';
import { ForbiddenError } from '../errors.js';
import { randomSecret } from '../auth/secrets.js';
import type { AppContext } from '../context.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { parseInput } from '../validate.js';

/** The kinds a webhook may hear of. */
export const HookKind = z.enum(['requests', 'conditions', 'schedule', 'deliberation']);

/** A new webhook: where, what, and for whom (a delegation, or the host when `host` is true). */
export const NewWebhook = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).max(2000),
  kinds: z.array(HookKind).min(1).max(4),
  /** The delegation it is for; defaults to the actor's only delegation. */
  delegation: DelegationId.optional(),
  /** True for a hook of the host (the host's admin only). */
  host: z.boolean().default(false),
});

/** A webhook as its owners see it: never its secret. */
export type WebhookView = Omit<Webhook, 'secret'>;

/** Hides the secret. */
export function viewOf(hook: Webhook): WebhookView {
  const { secret: _secret, ...view } = hook;
  return view;
}

/** True when `actor` manages the hook's side: its delegation's lead, or the host's admin. */
function manages(actor: Actor, hook: Pick<Webhook, 'summit' | 'delegation'>): boolean {
  return can(actor, hook.summit, 'manage-webhooks', hook.delegation);
}

/** The hook when the actor manages it; "not found" otherwise, so others' hooks stay unknown. */
async function requireHook(ctx: AppContext, actor: Actor, summit: SummitId, id: string): Promise<Webhook> {
  requireParticipant(actor, summit);
  const hook = await ctx.store.read((tx) => tx.webhooks.get(summit, id));
  if (!hook || !manages(actor, hook)) throw new NotFoundError('webhook', id);
  return hook;
}

/** Registers a webhook; the answer holds its signing secret, shown this once. */
export function registerWebhook(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  input: unknown,
): Promise<{ webhook: WebhookView; secret: string }> {
  const data = parseInput(NewWebhook, input);
  requireParticipant(actor, summit);
  const delegation = data.host ? null : actingDelegation(actor, summit, null, data.delegation ?? null);
  requireCapability(actor, summit, 'manage-webhooks', delegation);
  const hook: Webhook = {
    id: randomUUID(),
    summit,
    delegation,
    url: data.url,
    secret: randomSecret(),
    kinds: [...new Set(data.kinds)] as NotificationKind[],
    enabled: true,
    failures: 0,
    disabledReason: null,
    createdBy: actor.user,
    createdAt: ctx.now(),
    version: 1,
  };
  return writeWithEvents(ctx, async (tx) => {
    if (!(await tx.summits.get(summit))) throw new NotFoundError('summit', summit);
    const stored = await tx.webhooks.insert(hook);
    const scope = delegation ? scopeOfDelegation(delegation) : HOST_SCOPE;
    await recordEvent(tx, ctx, actor, summit, scope, 'webhook.registered', {
      webhook: hook.id,
      kinds: hook.kinds,
    });
    return { webhook: viewOf(stored), secret: stored.secret };
  });
}

/** The webhooks of every side the actor manages in the summit. */
export async function listWebhooks(ctx: AppContext, actor: Actor, summit: SummitId): Promise<WebhookView[]> {
  requireParticipant(actor, summit);
  const sides = [...delegationsOf(actor, summit), null];
  if (!sides.some((d) => can(actor, summit, 'manage-webhooks', d)))
    throw new ForbiddenError('you may not manage webhooks here: a delegation lead or the host admin does');
  const hooks = await ctx.store.read((tx) => tx.webhooks.list(summit));
  return hooks.filter((h) => manages(actor, h)).map(viewOf);
}

/** One webhook the actor manages. */
export async function getWebhook(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
): Promise<WebhookView> {
  return viewOf(await requireHook(ctx, actor, summit, id));
}

/** Removes a webhook at the version read (If-Match); its waiting calls are dropped as they come up. */
export async function removeWebhook(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
  expectedVersion?: number,
): Promise<void> {
  const hook = await requireHook(ctx, actor, summit, id);
  await writeWithEvents(ctx, async (tx) => {
    await tx.webhooks.remove(summit, id, expectedVersion ?? hook.version);
    const scope = hook.delegation ? scopeOfDelegation(hook.delegation) : HOST_SCOPE;
    await recordEvent(tx, ctx, actor, summit, scope, 'webhook.removed', { webhook: id });
  });
}

/** A webhook's latest calls, newest first: status code, attempts, error; never the body's secret. */
export async function webhookDeliveries(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  id: string,
  limit = 50,
): Promise<Omit<Delivery, 'claimedBy' | 'claimedUntil'>[]> {
  await requireHook(ctx, actor, summit, id);
  const list = await ctx.store.read((tx) =>
    tx.deliveries.listForWebhook(id, Math.min(Math.max(limit, 1), 200)),
  );
  return list.map(({ claimedBy: _c, claimedUntil: _u, ...rest }) => rest);
}
