import type { SummitData } from '../../../domain/summit/data.js';
import type { Request } from '../../../domain/request/schema.js';
import type { PlacedRequest, Rule } from '../plan-context.js';
import { formatSpan } from '../local-time.js';
import { partiesOf } from '../summit-index.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

const interpretations = new WeakMap<SummitData, (request: Request) => string[]>();

/** For each request, the delegations whose attendees share no language with another party's attendees. */
function interpretation(data: SummitData): (request: Request) => string[] {
  let f = interpretations.get(data);
  if (!f) {
    f = interpretationOf(data);
    interpretations.set(data, f);
  }
  return f;
}

function interpretationOf(data: SummitData): (request: Request) => string[] {
  const persons = new Map(data.persons.map((p) => [p.id as string, p]));
  const delegations = new Map(data.delegations.map((d) => [d.id as string, d]));
  const speaks = (id: string): readonly string[] | null => {
    const person = persons.get(id);
    if (!person) return null;
    return person.languages ?? delegations.get(person.delegation)?.languages ?? null;
  };
  const canTalk = (a: readonly string[], b: readonly string[]) =>
    a.some((x) =>
      b.some((y) => {
        const lx = speaks(x);
        const ly = speaks(y);
        return lx === null || ly === null || lx.some((l) => ly.includes(l));
      }),
    );
  return (request) => {
    const parties = partiesOf(request);
    const attendeesOf = (d: string) => request.attendees.filter((id) => persons.get(id)?.delegation === d);
    return parties.filter((d) => {
      const mine = attendeesOf(d);
      return (
        mine.length > 0 &&
        parties.some((e) => e !== d && attendeesOf(e).length > 0 && !canTalk(mine, attendeesOf(e)))
      );
    });
  };
}

/**
 * Rule 8: a meeting needs an interpreter of each party whose attendees share no language with
 * another party's; at no moment do more meetings need a delegation's interpreters than it brings.
 */
export const interpreters: Rule = {
  name: 'interpreters',
  meaning: "at no moment do more meetings need a delegation's interpreters than it brings",
  check(ctx) {
    const { data, zone } = ctx.index;
    if (!data.delegations.some((d) => d.interpreters !== null)) return [];
    const needs = interpretation(data);
    const needing = new Map<string, PlacedRequest[]>();
    for (const p of ctx.placed) {
      for (const d of needs(p.request)) needing.set(d, [...(needing.get(d) ?? []), p]);
    }
    const out: Violation[] = [];
    for (const delegation of data.delegations) {
      const limit = delegation.interpreters;
      const list = needing.get(delegation.id);
      if (limit === null || !list) continue;
      // Each start is a moment the count can rise: look at who is in a meeting then.
      let reported: string | null = null;
      for (const at of [...list].sort((a, b) => a.from - b.from)) {
        const busy = list.filter((p) => p.from <= at.from && at.from < p.to);
        if (busy.length <= limit) continue;
        const key = busy
          .map((p) => p.request.id)
          .sort()
          .join(',');
        if (key === reported) continue;
        reported = key;
        const until = Math.min(...busy.map((p) => p.to));
        out.push(
          violation(
            'interpreters',
            `${busy.length} ${busy.length === 1 ? 'meeting needs' : 'meetings need'} ${delegation.id}'s ${limit} interpreters at ${formatSpan({ from: at.from, to: until }, zone)}: ${busy.map((p) => p.request.id).join(', ')}`,
            { requests: busy.map((p) => p.request.id) },
          ),
        );
      }
    }
    return out;
  },
};
