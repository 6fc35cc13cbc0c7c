// Errors of an import. Each names where the offending value sits, in the input's own terms
// (`requests[3].attendees[1]`, `row 4, column "attendees"`), and what was expected there.

/** One problem found in an imported file; `path` is empty for a syntax error located by line. */
export interface FileError {
  path: string;
  message: string;
  /** The request rule's stable code (`attendee-not-party`), or a shape code, where one applies. */
  code?: string;
}

/** The one-line text of an error as a user reads it: `path: message`. */
export function formatFileError(error: FileError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

/** A step into a value: a mapping key or a list index. */
export type PathSegment = string | number;

/** Writes a path the way the file reads: `requests[3].attendees[1]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

/** A short description of a value found where something else was expected. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** The errors of one import, collected so that all of them can be listed at once. */
export class Problems {
  readonly list: FileError[] = [];

  add(path: string, message: string, code?: string): void {
    this.list.push(code === undefined ? { path, message } : { path, message, code });
  }

  get count(): number {
    return this.list.length;
  }
}

/** Turns a path inside one record into a location in the input's own terms. */
export type Locate = (path: readonly PathSegment[]) => string;

/** A record's view of the problem list: reports errors at paths relative to the record. */
export class Located {
  constructor(
    readonly problems: Problems,
    readonly locate: Locate,
  ) {}

  /** Reports an error at `path` inside the record, with its stable code where it has one. */
  error(path: readonly PathSegment[], message: string, code?: string): void {
    this.problems.add(this.locate(path), message, code);
  }

  /** The view of a nested record, e.g. one condition inside a request. */
  within(prefix: readonly PathSegment[]): Located {
    return new Located(this.problems, (path) => this.locate([...prefix, ...path]));
  }
}

/** A record located by its path in a summit file, e.g. `requests[3]`. */
export function inFile(problems: Problems, prefix: readonly PathSegment[]): Located {
  return new Located(problems, (path) => formatPath([...prefix, ...path]));
}
