/**
 * MULAN's label file: an `.xml` beside the ARFF listing `<label name="..."/>` elements,
 * possibly nested (hierarchical labels: every element, parent or child, is a label).
 */
import { access, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DatasetError } from '../../errors.js';

/**
 * The MULAN xml for an ARFF file: `NAME.xml` beside `NAME.arff`, or, when that is absent and
 * the name ends in -train/-test (MULAN's split files share one xml), the name without it.
 */
export async function findMulanXml(arffFile: string): Promise<string | undefined> {
  const dir = path.dirname(arffFile);
  const base = path.basename(arffFile).replace(/\.arff$/i, '');
  const candidates = [base];
  const stripped = base.replace(/[-_](train|test)$/i, '');
  if (stripped !== base) candidates.push(stripped);
  for (const name of candidates) {
    const file = path.join(dir, `${name}.xml`);
    if (await exists(file)) return file;
  }
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

export async function readMulanLabels(xmlFile: string): Promise<string[]> {
  return parseMulanLabels(await readFile(xmlFile, 'utf8'), xmlFile);
}

const LABEL_TAG = /<(?:[\w.-]+:)?label\b([^>]*)>/g;
const NAME_ATTR = /(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** Label names in document order. */
export function parseMulanLabels(xml: string, xmlFile: string): string[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, '')); // keep line numbers
  const names: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(LABEL_TAG)) {
    const where = () => ({ file: xmlFile, line: lineOf(text, match.index ?? 0) });
    const attr = NAME_ATTR.exec(match[1]);
    if (!attr) throw new DatasetError(where(), '<label> element without a name="..." attribute');
    const name = decodeEntities(attr[1] ?? attr[2] ?? '');
    if (seen.has(name)) throw new DatasetError(where(), `label '${name}' is listed twice`);
    seen.add(name);
    names.push(name);
  }
  if (names.length === 0) {
    throw new DatasetError({ file: xmlFile }, 'the MULAN label file lists no labels', 'it should contain <label name="..."></label> elements, one per label attribute');
  }
  return names;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0 predefined entities and character references. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let p = text.indexOf('\n'); p >= 0 && p < index; p = text.indexOf('\n', p + 1)) line++;
  return line;
}
