/**
 * The top-level members of a one-line JSON object as spans of the text (RFC 8259 strings with
 * escapes, nested objects and arrays stepped over), so a writer can replace one member's value
 * or add members and keep every other byte, and the spacing the line uses (`": "`, `", "`).
 */

export interface JsonMember {
  key: string;
  /** Index of the value's first character, and just after its last. */
  valueStart: number;
  valueEnd: number;
}

export interface JsonObjectSpans {
  members: JsonMember[];
  /** Index of the opening `{` and of the closing `}`. */
  open: number;
  close: number;
  /** What separates a key from its value (`:` or `: `) and one member from the next (`,` or `, `). */
  colon: string;
  comma: string;
}

function skipWs(s: string, p: number): number {
  while (p < s.length && (s[p] === ' ' || s[p] === '\t' || s[p] === '\r' || s[p] === '\n')) p++;
  return p;
}

/** Index just after the string whose opening quote is at `p`, or -1. */
function skipString(s: string, p: number): number {
  for (let q = p + 1; q < s.length; q++) {
    const c = s.charCodeAt(q);
    if (c === 92) q++;
    else if (c === 34) return q + 1;
  }
  return -1;
}

/** Index just after the value starting at `p`, or -1. */
function skipValue(s: string, p: number): number {
  const c = s[p];
  if (c === '"') return skipString(s, p);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let q = p; q < s.length; q++) {
      const d = s[q];
      if (d === '"') {
        q = skipString(s, q) - 1;
        if (q < 0) return -1;
      } else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return q + 1;
      }
    }
    return -1;
  }
  let q = p;
  while (q < s.length && s[q] !== ',' && s[q] !== '}' && s[q] !== ']' && s[q] !== ' ' && s[q] !== '\t' && s[q] !== '\r') q++;
  return q > p ? q : -1;
}

/** The object's members, or undefined when the text is not one JSON object. */
export function scanObjectMembers(s: string): JsonObjectSpans | undefined {
  const open = skipWs(s, 0);
  if (s[open] !== '{') return undefined;
  const members: JsonMember[] = [];
  let colon: string | undefined;
  let comma: string | undefined;
  let p = skipWs(s, open + 1);
  if (s[p] === '}') return { members, open, close: p, colon: ':', comma: ',' };
  for (;;) {
    if (s[p] !== '"') return undefined;
    const keyEnd = skipString(s, p);
    if (keyEnd < 0) return undefined;
    const key = JSON.parse(s.slice(p, keyEnd)) as string;
    const colonAt = skipWs(s, keyEnd);
    if (s[colonAt] !== ':') return undefined;
    const valueStart = skipWs(s, colonAt + 1);
    colon ??= s.slice(keyEnd, valueStart);
    const valueEnd = skipValue(s, valueStart);
    if (valueEnd < 0) return undefined;
    members.push({ key, valueStart, valueEnd });
    const after = skipWs(s, valueEnd);
    if (s[after] === '}') return { members, open, close: after, colon, comma: comma ?? ',' };
    if (s[after] !== ',') return undefined;
    p = skipWs(s, after + 1);
    comma ??= s.slice(valueEnd, p);
  }
}
