// A strict JSON reader that says where a syntax error is (Node's own messages differ between
// versions and may give no position) and refuses duplicate keys, which JSON.parse would let
// silently overwrite one another.

/** A JSON syntax error at a character offset of the text. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const MAX_DEPTH = 1000;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Parses JSON text; throws JsonSyntaxError with the offset of the first problem. */
export function parseStrictJson(text: string): unknown {
  const reader = new Reader(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const offsetShift = text.startsWith('\uFEFF') ? 1 : 0;
  try {
    reader.skipSpace();
    const value = reader.value(0);
    reader.skipSpace();
    if (!reader.atEnd()) reader.fail(`unexpected ${reader.describeHere()} after the end of the document`);
    return value;
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new JsonSyntaxError(e.message, e.offset + offsetShift);
    throw e;
  }
}

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string, at = this.pos): never {
    throw new JsonSyntaxError(message, at);
  }

  describeHere(): string {
    return this.atEnd() ? 'end of input' : JSON.stringify(this.text[this.pos]);
  }

  skipSpace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail(`unexpected ${this.describeHere()}, expected a value`);
  }

  private expect(char: string, what: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) this.fail(`unexpected ${this.describeHere()}, expected ${what}`);
    this.pos++;
  }

  private object(depth: number): Record<string, unknown> {
    this.pos++;
    const entries: [string, unknown][] = [];
    const keys = new Set<string>();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return {};
    }
    for (;;) {
      this.skipSpace();
      const at = this.pos;
      if (this.text[this.pos] !== '"')
        this.fail(`unexpected ${this.describeHere()}, expected a key in quotes`);
      const key = this.string();
      if (keys.has(key)) this.fail(`duplicate key ${JSON.stringify(key)}`, at);
      keys.add(key);
      this.expect(':', '":"');
      this.skipSpace();
      entries.push([key, this.value(depth + 1)]);
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect('}', '"," or "}"');
      // fromEntries defines own properties, so a "__proto__" key stays an ordinary key.
      return Object.fromEntries(entries);
    }
  }

  private array(depth: number): unknown[] {
    this.pos++;
    const items: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.pos] === ',') {
        this.pos++;
        continue;
      }
      this.expect(']', '"," or "]"');
      return items;
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (Number.isNaN(c)) this.fail('a string is not closed', start);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('a control character (such as a line break) inside a string');
      if (c === 0x5c) {
        const next = this.text[this.pos + 1] ?? '';
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.fail('a \\u escape needs four hexadecimal digits');
          }
          this.pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(next) || next === '') this.fail(`an unknown escape \\${next}`);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) return this.fail(`unexpected ${this.describeHere()}, expected a number`);
    this.pos = NUMBER.lastIndex;
    return Number(m[0]);
  }
}
