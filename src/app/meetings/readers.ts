// Everyone who reads a request's shared records (its event, its notices), as stand-in actors: a text
// written once for all of them must name nothing any one of them may not see.
import type { Actor } from '../../domain/actor/schema.js';
import type { UserId } from '../../domain/ids.js';
import { partiesOf } from '../../domain/request/agreement.js';
import type { Request } from '../../domain/request/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import type { Violation } from '../../engine/check/violation.js';
import { canSeeRequest } from '../access.js';
import { redactViolations } from './check.js';

/** A viewer of each party, and the host's staff unless the request is confidential. */
export function readersOf(data: Pick<SummitData, 'summit'>, request: Request): Actor[] {
  const summit = data.summit.id;
  const user = 'reader' as UserId;
  const parties: Actor[] = partiesOf(request).map((delegation) => ({
    user,
    grants: [{ kind: 'delegation', summit, delegation, role: 'viewer' }],
    system: false,
  }));
  if (request.confidential) return parties;
  return [...parties, { user, grants: [{ kind: 'host', summit, role: 'host-staff' }], system: false }];
}

/** Violations worded for every reader of `request`'s records: each redaction applied in turn. */
export function redactForReaders(data: SummitData, request: Request, violations: Violation[]): Violation[] {
  return readersOf(data, request).reduce((vs, reader) => redactViolations(reader, data, vs), violations);
}

/** True when every reader of `about`'s records may also see `other` (so a text for them may name it). */
export function everyReaderSees(data: SummitData, about: Request, other: Request): boolean {
  return readersOf(data, about).every((reader) => canSeeRequest(reader, data.summit.id, other));
}
