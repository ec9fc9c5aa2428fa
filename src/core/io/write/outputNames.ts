/**
 * Where outputs go by default: next to the input, named after it with the method or the part
 * inserted before the extension (`yeast.arff` -> `yeast.mlros.arff`, `yeast.train.arff`).
 */
import * as path from 'node:path';
import { UsageError } from '../../errors.js';

/** `dir/name` and `.ext` of a file (`.ext` empty when it has none). */
function stemAndExt(file: string): { stem: string; ext: string } {
  const ext = path.extname(file);
  return { stem: file.slice(0, file.length - ext.length), ext };
}

/** Default output path: next to the input, `name.<method>.<ext>` (e.g. yeast.mlros.arff). */
export function resampledPath(input: string, method: string): string {
  const { stem, ext } = stemAndExt(input);
  return `${stem}.${method}${ext}`;
}

/** The file of one split part: `name.<part>.<ext>` in `outDir` (default: beside the input). */
export function splitPartPath(input: string, part: string, outDir?: string): string {
  const { ext } = stemAndExt(input);
  const name = path.basename(input, ext);
  return path.join(outDir ?? path.dirname(input), `${name}.${part}${ext}`);
}

/** Default single-file split output: `name.split.<ext>` beside the input. */
export function splitFilePath(input: string): string {
  return resampledPath(input, 'split');
}

/** The MULAN label file that goes with an ARFF output: `name.xml` beside `name.arff`. */
export function mulanXmlPathFor(arffOutput: string): string {
  const { stem } = stemAndExt(arffOutput);
  return `${stem}.xml`;
}

/**
 * Names of the parts of a split: folds are fold1..foldK; ratio splits are train,test (2 parts),
 * train,val,test (3), train (1), and part1..partK beyond that.
 */
export function splitPartNames(parts: number, kind: 'folds' | 'ratios'): string[] {
  if (!Number.isInteger(parts) || parts < 1) throw new UsageError(`a split needs a whole number of parts (at least 1), not ${parts}`);
  const numbered = (prefix: string): string[] => Array.from({ length: parts }, (_, k) => `${prefix}${k + 1}`);
  if (kind === 'folds') return numbered('fold');
  if (parts === 1) return ['train'];
  if (parts === 2) return ['train', 'test'];
  if (parts === 3) return ['train', 'val', 'test'];
  return numbered('part');
}
