// Attacks on a delegation's private deliberation and on public lines.
import type { DelegationId } from '../../../../src/domain/ids.js';
import {
  decideOnRequest,
  readDeliberation,
  recordRequestPosition,
} from '../../../../src/app/deliberation/deliberation.js';
import { readPublicLines, setPublicLine } from '../../../../src/app/deliberation/public-line.js';
import { attack, attacks, type Attack } from '../probe.js';
import { S } from '../world.js';

const OUTSIDERS = ['other-summit', 'other-host', 'nobody'] as const;
const HOST = ['host-admin', 'host-staff'] as const;
const usa = 'usa' as DelegationId;
const position = { holder: 'Someone', stance: 'against', rationale: 'x' };
const line = { claim: 'no-comment', text: 'x', published: false };

/** Every deliberation and public-line use case, with the attempts that must fail. */
export const DELIBERATION_ATTACKS: Record<string, Attack[]> = {
  'deliberation/deliberation.ts#readDeliberation': [
    attack('rus', 'reads the US deliberation on usa-rus', 'hidden', (w, a) =>
      readDeliberation(w.ctx, a, S, 'usa-rus', usa),
    ),
    attack('rus', 'reads its own deliberation on usa-rus', 'read', (w, a) =>
      readDeliberation(w.ctx, a, S, 'usa-rus'),
    ),
    ...attacks(['chn', ...HOST, ...OUTSIDERS], 'reads the deliberation on usa-rus', 'hidden', (w, a) =>
      readDeliberation(w.ctx, a, S, 'usa-rus'),
    ),
    ...attacks(['chn', ...HOST], 'reads the US deliberation on usa-rus', 'hidden', (w, a) =>
      readDeliberation(w.ctx, a, S, 'usa-rus', usa),
    ),
    ...attacks(HOST, 'reads the deliberation on usa-rus-officials', 'hidden', (w, a) =>
      readDeliberation(w.ctx, a, S, 'usa-rus-officials', usa),
    ),
  ],
  'deliberation/deliberation.ts#recordRequestPosition': [
    attack('rus', 'records a position in the US deliberation', 'hidden', (w, a) =>
      recordRequestPosition(w.ctx, a, S, 'usa-rus', { ...position, delegation: 'usa' }),
    ),
    attack('rus', 'amends a US position by its id', 'hidden', (w, a) =>
      recordRequestPosition(w.ctx, a, S, 'usa-rus', { ...position, id: w.usPositions[0] }),
    ),
    ...attacks(['chn', ...HOST, ...OUTSIDERS], 'records a US position', 'hidden', (w, a) =>
      recordRequestPosition(w.ctx, a, S, 'usa-rus', { ...position, delegation: 'usa' }),
    ),
    attack('usa-viewer', 'records a position', 'refused', (w, a) =>
      recordRequestPosition(w.ctx, a, S, 'usa-rus', position),
    ),
    attack('usa-adviser', 'amends another adviser’s position', 'refused', (w, a) =>
      recordRequestPosition(w.ctx, a, S, 'usa-rus', { ...position, id: w.usPositions[0] }),
    ),
    attack('usa-adviser', 'records a position with an unknown stance', 'invalid', (w, a) =>
      recordRequestPosition(w.ctx, a, S, 'usa-rus', { ...position, stance: 'maybe' }),
    ),
  ],
  'deliberation/deliberation.ts#decideOnRequest': [
    attack('rus', 'decides for the US', 'hidden', (w, a) =>
      decideOnRequest(w.ctx, a, S, 'usa-rus', { delegation: 'usa', outcome: 'pursue' }),
    ),
    ...attacks(['usa-viewer', 'usa-adviser'], 'decides for the US', 'refused', (w, a) =>
      decideOnRequest(w.ctx, a, S, 'usa-rus', { outcome: 'pursue' }),
    ),
    ...attacks(['chn', ...HOST, ...OUTSIDERS], 'decides for the US', 'hidden', (w, a) =>
      decideOnRequest(w.ctx, a, S, 'usa-rus', { delegation: 'usa', outcome: 'pursue' }),
    ),
    attack('usa-viewer', 'decides an unknown outcome', 'invalid', (w, a) =>
      decideOnRequest(w.ctx, a, S, 'usa-rus', { outcome: 'bomb' }),
    ),
  ],
  'deliberation/public-line.ts#readPublicLines': [
    ...attacks(['rus', ...HOST], 'reads the lines on usa-rus', 'read', (w, a) =>
      readPublicLines(w.ctx, a, S, 'usa-rus'),
    ),
    ...attacks(['chn', ...OUTSIDERS], 'reads the lines on usa-rus', 'hidden', (w, a) =>
      readPublicLines(w.ctx, a, S, 'usa-rus'),
    ),
    ...attacks(HOST, 'reads the lines on usa-rus-officials', 'hidden', (w, a) =>
      readPublicLines(w.ctx, a, S, 'usa-rus-officials'),
    ),
  ],
  'deliberation/public-line.ts#setPublicLine': [
    attack('rus', 'drafts the US line', 'forbidden', (w, a) =>
      setPublicLine(w.ctx, a, S, 'usa-rus', { ...line, delegation: 'usa' }),
    ),
    ...attacks([...HOST, 'usa-viewer', 'usa-adviser'], 'drafts a line on usa-rus', 'forbidden', (w, a) =>
      setPublicLine(w.ctx, a, S, 'usa-rus', line),
    ),
    ...attacks(['chn', ...OUTSIDERS], 'drafts a line on usa-rus', 'hidden', (w, a) =>
      setPublicLine(w.ctx, a, S, 'usa-rus', line),
    ),
    attack('host-admin', 'drafts a line on usa-rus-officials', 'hidden', (w, a) =>
      setPublicLine(w.ctx, a, S, 'usa-rus-officials', line),
    ),
    attack('rus', 'publishes an unknown claim', 'invalid', (w, a) =>
      setPublicLine(w.ctx, a, S, 'usa-rus', { ...line, claim: 'we-won' }),
    ),
  ],
};
