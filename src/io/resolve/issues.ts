// Turns zod's issues about a record's shape into errors in the input's own terms.
import type { z } from 'zod';
import { describeValue, type Located } from '../errors.js';

/** Reports each issue: a missing value, an unexpected value (and what it was), or unknown keys. */
export function reportIssues(issues: readonly z.core.$ZodIssue[], at: Located): void {
  for (const issue of issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        at.error([...path, key], `unknown key; expected one of ${issue.message}`, 'unknown-key');
      }
      continue;
    }
    const input = (issue as { input?: unknown }).input;
    if (input === undefined) at.error(path, `missing; expected ${issue.message}`, 'missing-value');
    else at.error(path, `expected ${issue.message}, got ${describeValue(input)}`, 'invalid-value');
  }
}

/** Checks one record against its schema, reporting every issue; null when its shape is wrong. */
export function parseRecord<S extends z.ZodType>(schema: S, raw: unknown, at: Located): z.infer<S> | null {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  reportIssues(result.error.issues, at);
  return null;
}

/** A record checked against its schema: whole when valid, and its individually valid fields either way. */
export interface ParsedFields<T> {
  record: T | null;
  fields: Partial<T>;
}

/**
 * Checks a mapping against its schema, reporting every issue, and keeps the fields that are
 * valid on their own, so that references and times in them are still checked (and reported)
 * when another field of the record is wrong.
 */
export function parseFields<S extends z.ZodObject>(
  schema: S,
  raw: unknown,
  at: Located,
): ParsedFields<z.infer<S>> {
  const record = parseRecord(schema, raw, at);
  if (record !== null) return { record, fields: record };
  const fields: Record<string, unknown> = {};
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [key, field] of Object.entries(schema.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      if (value === undefined || !Object.hasOwn(raw, key)) continue;
      const parsed = (field as z.ZodType).safeParse(value);
      if (parsed.success) fields[key] = parsed.data;
    }
  }
  return { record: null, fields: fields as Partial<z.infer<S>> };
}
