// Column encodings shared by both databases: JSON as text, booleans as 0/1 integers.

/** Reads a JSON text column written by `json`. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Writes a value to a JSON text column. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Reads a nullable JSON text column. */
export function parseJsonOrNull<T>(text: string | null): T | null {
  return text === null ? null : parseJson<T>(text);
}

/** Writes a nullable value to a JSON text column (null stays SQL NULL). */
export function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : json(value);
}

/** A boolean as the 0/1 integer both databases store. */
export function flag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}
