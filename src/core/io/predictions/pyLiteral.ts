/**
 * The Python literals a NumPy .npy header is written in: a dict of strings, booleans, None,
 * integers, tuples and lists (what `repr` gives for {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }). Throws a plain Error with the position on anything else.
 */
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

export function parsePyLiteral(text: string): PyValue {
  const p = new PyParser(text);
  const value = p.value();
  p.skipSpace();
  if (p.pos < text.length) p.fail('unexpected text after the value');
  return value;
}

class PyParser {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(what: string): never {
    throw new Error(`${what} at character ${this.pos + 1}`);
  }

  skipSpace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }

  value(): PyValue {
    this.skipSpace();
    const c = this.s[this.pos];
    if (c === undefined) this.fail('the header ends early');
    if (c === '{') return this.dict();
    if (c === '(') return this.sequence(')');
    if (c === '[') return this.sequence(']');
    if (c === "'" || c === '"') return this.string();
    const word = /^(True|False|None|[+-]?\d+L?)/.exec(this.s.slice(this.pos));
    if (!word) this.fail(`unexpected "${c}"`);
    this.pos += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[0].replace(/L$/, ''));
  }

  private string(): string {
    const quote = this.s[this.pos++];
    let out = '';
    for (;;) {
      const c = this.s[this.pos++];
      if (c === undefined) this.fail('unterminated string');
      if (c === quote) return out;
      if (c === '\\') {
        const e = this.s[this.pos++];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e ?? '';
      } else out += c;
    }
  }

  /** A tuple or list: items separated by commas, a trailing comma allowed. */
  private sequence(close: string): PyValue[] {
    this.pos++;
    const items: PyValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] === close) {
        this.pos++;
        return items;
      }
      items.push(this.value());
      this.skipSpace();
      if (this.s[this.pos] === ',') this.pos++;
      else if (this.s[this.pos] !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  private dict(): { [key: string]: PyValue } {
    this.pos++;
    const out: { [key: string]: PyValue } = {};
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const key = this.value();
      if (typeof key !== 'string') this.fail('expected a string key');
      this.skipSpace();
      if (this.s[this.pos] !== ':') this.fail('expected ":"');
      this.pos++;
      out[key] = this.value();
      this.skipSpace();
      if (this.s[this.pos] === ',') this.pos++;
      else if (this.s[this.pos] !== '}') this.fail('expected "," or "}"');
    }
  }
}
