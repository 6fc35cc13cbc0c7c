// One attack on one use case, what it must come to, and the checks every attack gets: the answer
// expected, nothing changed in the store, and no private string in what came back.
import { expect } from 'vitest';
import type { Actor } from '../../../src/domain/actor/schema.js';
import { DeliberationError } from '../../../src/domain/deliberation/record.js';
import { ConditionError } from '../../../src/domain/request/conditions.js';
import { EditError } from '../../../src/domain/request/edit.js';
import { TransitionError } from '../../../src/domain/request/transition.js';
import { DuplicateError, NotFoundError } from '../../../src/store/store.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../../src/app/errors.js';
import { ACTORS, leaksIn, type AttackerName, type World } from './world.js';

/**
 * What an attack must come to: `hidden` — "not found", so existence does not leak; `forbidden` —
 * ForbiddenError; `refused` — ForbiddenError or the domain's refusal naming the role it needs;
 * `invalid` — ValidationError; `conflict` — ConflictError; `duplicate` — DuplicateError (an id is
 * taken: what an operator creating a summit may learn); `read` — an answer, checked for leaks.
 */
export type Expected = 'hidden' | 'forbidden' | 'refused' | 'invalid' | 'conflict' | 'duplicate' | 'read';

/** One attempt by one attacker. */
export interface Attack {
  who: AttackerName;
  what: string;
  expect: Expected;
  run(w: World, actor: Actor): Promise<unknown>;
  /** Further checks on an answer (`read` only). */
  check?(value: unknown, w: World, actor: Actor): void;
  /** Private strings the attacker itself sent, which an error may repeat without telling it anything. */
  said?: string[];
}

/** Builds one attack. */
export function attack(
  who: AttackerName,
  what: string,
  expected: Expected,
  run: Attack['run'],
  check?: Attack['check'],
): Attack {
  return { who, what, expect: expected, run, ...(check ? { check } : {}) };
}

/** The same attempt by several attackers. */
export function attacks(
  who: readonly AttackerName[],
  what: string,
  expected: Expected,
  run: Attack['run'],
  check?: Attack['check'],
): Attack[] {
  return who.map((w) => attack(w, what, expected, run, check));
}

const REFUSALS = [ForbiddenError, TransitionError, ConditionError, DeliberationError, EditError] as const;

function matches(expected: Expected, error: unknown): boolean {
  switch (expected) {
    case 'hidden':
      return error instanceof NotFoundError;
    case 'forbidden':
      return error instanceof ForbiddenError;
    case 'refused':
      return REFUSALS.some((E) => error instanceof E);
    case 'invalid':
      return error instanceof ValidationError;
    case 'conflict':
      return error instanceof ConflictError;
    case 'duplicate':
      return error instanceof DuplicateError;
    case 'read':
      return error === undefined;
  }
}

/** Runs one attack and asserts its answer, an unchanged store and no leak in the answer or the error. */
export async function runAttack(w: World, a: Attack): Promise<void> {
  const actor = ACTORS[a.who];
  const before = await w.snapshot();
  let value: unknown;
  let error: unknown;
  try {
    value = await a.run(w, actor);
  } catch (e) {
    error = e;
  }
  const after = await w.snapshot();
  const got = error === undefined ? 'an answer' : `${(error as Error).name}: ${(error as Error).message}`;
  expect(matches(a.expect, error), `expected ${a.expect}, got ${got}`).toBe(true);
  expect(after === before, 'the store changed').toBe(true);
  const markers = w.markersFor(actor);
  expect(leaksIn(value, markers), 'private strings in the answer').toEqual([]);
  if (error !== undefined) {
    // "not found" repeats the key the attacker sent; the rest of the message must say nothing more
    const message =
      error instanceof NotFoundError
        ? error.message.replace(`"${error.key}"`, '""')
        : (error as Error).message;
    const sent = new Set(a.said ?? []);
    const told = markers.filter((m) => !sent.has(m.text));
    expect(leaksIn(message, told), 'private strings in the error').toEqual([]);
  }
  if (a.check && error === undefined) a.check(value, w, actor);
}
