// From the text of a summit file to a plain value, or syntax errors located by line and column.
import { LineCounter, parseDocument } from 'yaml';
import type { FileError } from '../errors.js';
import { JsonSyntaxError, parseStrictJson } from './json-text.js';

/** The two notations of a summit file; they share one shape. */
export type SummitFileFormat = 'yaml' | 'json';

/** A parsed value, or the syntax errors that stopped the parse. */
export type ParsedText = { ok: true; value: unknown } | { ok: false; errors: FileError[] };

/** Parses YAML (1.2, duplicate keys refused) or strict JSON. */
export function parseFileText(text: string, format: SummitFileFormat): ParsedText {
  if (text.trim() === '') return { ok: false, errors: [{ path: '', message: 'the file is empty' }] };
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

function located(line: number, column: number, message: string): FileError {
  return { path: '', message: `(line ${line}, column ${column}): ${message}` };
}

function parseJson(text: string): ParsedText {
  try {
    return { ok: true, value: parseStrictJson(text) };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { ok: false, errors: [located(line, column, e.message)] };
  }
}

function parseYaml(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return located(line, col, firstLine(e.message));
      }),
    };
  }
  try {
    return { ok: true, value: doc.toJS() };
  } catch (e) {
    // toJS refuses excessive alias expansion (a "billion laughs" file).
    return { ok: false, errors: [{ path: '', message: firstLine((e as Error).message) }] };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
