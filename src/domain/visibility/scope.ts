// The visibility scope every record carries (docs/architecture.md, Who sees what).
import { z } from 'zod';
import { DelegationId, RequestId } from '../ids.js';

export const Scope = z.discriminatedUnion('kind', [
  /** Every participant. */
  z.object({ kind: z.literal('summit') }),
  /** The delegations of one request (and the host for logistics, unless confidential). */
  z.object({
    kind: z.literal('parties'),
    request: RequestId,
    delegations: z.array(DelegationId),
    /** A confidential request's records are hidden from the host too. */
    confidential: z.boolean().optional(),
  }),
  /** One delegation only. */
  z.object({ kind: z.literal('delegation'), delegation: DelegationId }),
  /** The host's staff. */
  z.object({ kind: z.literal('host') }),
]);
export type Scope = z.infer<typeof Scope>;
