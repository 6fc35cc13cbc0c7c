// Turns zod failures into the application's ValidationError, with every failing path.
import type { z } from 'zod';
import type { ShapeCode } from '../domain/request/rules.js';
import { ValidationError, type Issue } from './errors.js';

/** Formats a zod issue path as `requests[3].attendees[1]`. */
export function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * The shape code of a schema's finding, the same a summit file's reader gives it (a request rule's
 * code comes from the rule instead): an unknown key, a missing value, or any other wrong value.
 */
export function shapeCode(zodCode: string, message: string): ShapeCode {
  if (zodCode === 'unrecognized_keys') return 'unknown-key';
  return zodCode === 'invalid_type' && /received undefined/u.test(message)
    ? 'missing-value'
    : 'invalid-value';
}

/** Parses `input` with `schema` or throws a ValidationError listing every issue. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((i): Issue => ({
      path: pathOf(i.path),
      message: i.message,
      code: shapeCode(i.code, i.message),
    })),
  );
}
