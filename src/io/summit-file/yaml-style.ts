// The YAML text of a summit file: compact like the examples in summit-file.md (windows, id lists
// and small records on one line), and quoted so that YAML 1.1 readers (PyYAML and others) read
// the same strings as YAML 1.2 readers do ("07:00", "2017-11-08", "no" stay strings).
import { Document, isMap, isScalar, visit, type Node } from 'yaml';

const FLOW_MAP_MAX_KEYS = 6;
const FLOW_MAX_CHARS = 100;

/** Renders a plain value as YAML text in the summit file's style. */
export function renderYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Map(_, node) {
      const small = node.items.length <= FLOW_MAP_MAX_KEYS && node.items.every((p) => isScalar(p.value));
      if (small && shortEnough(node)) node.flow = true;
    },
  });
  // A second pass, once the small maps are known: a short list of scalars or of small maps
  // (`[{from: …, to: …}]`) goes on one line too.
  visit(doc, {
    Seq(_, node) {
      const flat = node.items.every((item) => isScalar(item) || (isMap(item) && item.flow));
      if (flat && shortEnough(node)) node.flow = true;
    },
  });
  // Flow-context quoting (commas, brackets in a name) is the library's job.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function shortEnough(node: Node): boolean {
  return JSON.stringify(node.toJSON()).length <= FLOW_MAX_CHARS;
}

// Written plain only when every YAML reader takes it as this very string: a summit time, or
// text starting with a letter made of letters, digits, spaces and a few harmless marks. The
// library quotes what YAML 1.2 needs; this quotes the rest of what YAML 1.1 reads differently
// (yes, no, on, off, null…) or parses more strictly (a leading ":" or "?").
// (With seconds, a YAML 1.1 reader would take a time for a timestamp, so those are quoted.)
const SUMMIT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?$/;
const PLAIN_TEXT = /^\p{L}[\p{L}\p{M}\p{N} ._'()/&+\p{Pd}]*$/u;
const YAML11_WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

/** True when a string needs quotes to read back as itself in YAML 1.1 and 1.2 alike. */
function needsQuotes(s: string): boolean {
  if (SUMMIT_TIME.test(s)) return false;
  return !PLAIN_TEXT.test(s) || s.endsWith(' ') || YAML11_WORDS.test(s);
}
