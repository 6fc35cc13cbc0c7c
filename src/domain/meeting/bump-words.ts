// A bump in a reader's words: who moved or took off the meeting, and why, naming the request that
// took its place only to a reader who may see it ("for a higher-priority engagement" otherwise).
import type { Bump } from './notice.js';

const WHO: Readonly<Record<Bump['cause'], string>> = {
  planner: 'The planner',
  host: 'The host',
  party: 'One of its parties',
  presence: 'A change of presence',
  deadline: 'The confirmation deadline',
};

/**
 * One sentence: `The planner took it off the calendar to make room for usa-mex-high: usa-potus is
 * needed then.` `showFor` says whether the reader may see the request that took its place.
 */
export function bumpReason(
  bump: Pick<Bump, 'cause' | 'for' | 'detail' | 'stated'>,
  moved: boolean,
  showFor: boolean,
): string {
  const did = moved ? 'moved it' : 'took it off the calendar';
  const why =
    bump.for === null ? '' : showFor ? ` to make room for ${bump.for}` : ' for a higher-priority engagement';
  const detail = (bump.for !== null && !showFor) || bump.detail === '' ? '' : `: ${bump.detail}`;
  const stated = bump.stated ? ` (“${bump.stated}”)` : '';
  return `${WHO[bump.cause]} ${did}${why}${detail}${stated}.`;
}
