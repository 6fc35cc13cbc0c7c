// Turns zod's issues about a record's shape into errors in the input's own terms.
import type { z } from 'zod';
import { describeValue, type Located } from '../errors.js';

/** Reports each issue: a missing value, an unexpected value (and what it was), or unknown keys. */
export function reportIssues(issues: readonly z.core.$ZodIssue[], at: Located): void {
  for (const issue of issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        at.error([...path, key], `unknown key; expected one of ${issue.message}`);
      }
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    at.error(
      path,
      input === undefined
        ? `missing; expected ${issue.message}`
        : `expected ${issue.message}, got ${describeValue(input)}`,
    );
  }
}

/** Checks one record against its schema, reporting every issue; null when its shape is wrong. */
export function parseRecord<S extends z.ZodType>(schema: S, raw: unknown, at: Located): z.infer<S> | null {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  reportIssues(result.error.issues, at);
  return null;
}
