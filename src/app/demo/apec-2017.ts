// The APEC 2017 demo: the example summit file plus the records a file does not carry — the US
// deliberation on meeting Russia and both sides' public lines, as the seed article tells it.
import { readFile } from 'node:fs/promises';
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId, UserId } from '../../domain/ids.js';
import type { AppContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { decideOnRequest, recordRequestPosition } from '../deliberation/deliberation.js';
import { setPublicLine } from '../deliberation/public-line.js';
import { importSummitFile } from '../files/import-summit.js';
import { editRequestTerms } from '../requests/edit.js';
import { postToThread } from '../requests/thread.js';

/** The demo summit's id. */
export const DEMO_SUMMIT = 'apec-2017' as SummitId;

/** Where the example file lives, relative to this module. */
export const DEMO_FILE = new URL('../../../examples/apec-2017-danang.yaml', import.meta.url);

function member(
  delegation: string,
  role: 'delegation-lead' | 'protocol-officer' | 'adviser',
  user: string,
): Actor {
  return {
    user: user as UserId,
    grants: [{ kind: 'delegation', summit: DEMO_SUMMIT, delegation: delegation as never, role }],
    system: false,
  };
}

/**
 * Loads the demo into an empty store (or refreshes the summit file part of an existing one). Only an
 * operator may: it writes the US deliberation in the name of the demo's US users.
 */
export async function loadDemo(ctx: AppContext, operator: Actor): Promise<{ summit: SummitId }> {
  if (!operator.system) throw new ForbiddenError('only an operator may load the demo');
  const text = await readFile(DEMO_FILE, 'utf8');
  await importSummitFile(ctx, operator, { text, format: 'yaml' });
  const already = await ctx.store.read((tx) => tx.positions.listFor(DEMO_SUMMIT, 'usa-rus', 'usa'));
  if (already.length === 0) {
    await seedDeliberation(ctx);
    await seedEdit(ctx);
  }
  return { summit: DEMO_SUMMIT };
}

async function seedDeliberation(ctx: AppContext): Promise<void> {
  const state = member('usa', 'adviser', 'demo-usa-state');
  const experts = member('usa', 'adviser', 'demo-usa-nsc');
  const lead = member('usa', 'delegation-lead', 'demo-usa-lead');
  const usaPo = member('usa', 'protocol-officer', 'demo-usa-protocol');
  const rusPo = member('rus', 'protocol-officer', 'demo-rus-protocol');
  const r = 'usa-rus';

  await recordRequestPosition(ctx, state, DEMO_SUMMIT, r, {
    holder: 'Secretary of State',
    stance: 'for',
    rationale:
      'Worth the cost of awkward optics: we need Russian cooperation on Syria, Ukraine and North Korea, ' +
      'and something useful to point to if the two heads of state meet.',
    considerations: [
      {
        kind: 'benefit',
        weight: 5,
        topic: 'syria',
        note: 'Expand de-escalation zones beyond southwest Syria; start talks on a political transition',
      },
      { kind: 'benefit', weight: 3, topic: 'ukraine', note: null },
      { kind: 'benefit', weight: 4, topic: 'dprk', note: 'Sanctions enforcement' },
      { kind: 'risk', weight: 3, topic: 'optics', note: 'Scrutiny of past contacts with Russian officials' },
    ],
  });
  await recordRequestPosition(ctx, state, DEMO_SUMMIT, r, {
    holder: 'Bureau of Near Eastern Affairs (special envoy to the anti-ISIS coalition)',
    stance: 'for',
    rationale: "Russia's support is needed for the next phase against ISIS and for the safe zones.",
    considerations: [{ kind: 'benefit', weight: 4, topic: 'syria', note: null }],
  });
  await recordRequestPosition(ctx, experts, DEMO_SUMMIT, r, {
    holder: 'Russia experts, National Security Council',
    stance: 'against',
    rationale: 'Little to gain, particularly on Syria, where the two sides back opposing parties.',
    considerations: [
      { kind: 'risk', weight: 4, topic: 'optics', note: 'Investigations into campaign contacts with Russia' },
      { kind: 'risk', weight: 3, topic: 'syria', note: 'No shared objective to announce' },
    ],
  });
  await decideOnRequest(ctx, lead, DEMO_SUMMIT, r, {
    outcome: 'defer',
    note: 'No formal meeting unless Moscow agrees to the conditions on substance first.',
  });
  await postToThread(ctx, usaPo, DEMO_SUMMIT, r, {
    text: 'Before the leaders meet we need agreement on a deliverable on Syria (conditions c1 and c2).',
  });
  await postToThread(ctx, rusPo, DEMO_SUMMIT, r, {
    text: 'Consultations are continuing. We propose a full bilateral meeting, announced in advance (c3).',
  });
  await setPublicLine(ctx, rusPo, DEMO_SUMMIT, r, {
    claim: 'no-final-understanding',
    text: 'There is no final understanding yet.',
    published: true,
  });
  // The US line is still a draft: only the US delegation sees it until it is published.
  await setPublicLine(ctx, usaPo, DEMO_SUMMIT, r, {
    claim: 'no-meeting',
    text:
      'There was never a meeting confirmed and there will not be one that takes place: scheduling conflicts on ' +
      'both sides. Are they going to bump into each other and say hello? Certainly possible and likely.',
    published: false,
  });
}

/**
 * Summit week: New Zealand adds its trade minister to its scheduled meeting with China, a change to
 * what was agreed, so the request waits for China's consent again with its meeting kept meanwhile.
 */
async function seedEdit(ctx: AppContext): Promise<void> {
  const nzlPo = member('nzl', 'protocol-officer', 'demo-nzl-protocol');
  await editRequestTerms(ctx, nzlPo, DEMO_SUMMIT, 'nzl-chn', {
    attendees: ['nzl-pm', 'nzl-trade', 'chn-president'],
  });
}
