/**
 * The Create Stratified Split wizard: the parts (5 folds by default, 10 folds, train/val/test
 * 70/15/15, train/test 80/20, or custom sizes), what to balance (labels, or label pairs too), and
 * how to write it (a file per part, or one file with a split column), each output path shown.
 */
import * as path from 'node:path';
import { splitFilePath, splitPartNames, splitPartPath } from '../../core/io/write/outputNames.js';
import { parseRatios } from './parseInputs.js';
import { askValue, pickOne, type Choice, type Step } from './quickInput.js';

export interface SplitChoices {
  /** k folds, or else `ratios`. */
  folds?: number;
  ratios?: number[];
  order: 1 | 2;
  /** One file with a split column (this path) instead of a file per part. */
  singleFile?: string;
  /** The data files that will be written, in part order (or the one single file). */
  dataFiles: string[];
  /** "5 folds", "train/val/test 70/15/15": for messages. */
  description: string;
}

type Parts = { folds: number } | { ratios: number[] } | 'custom';

const PART_CHOICES: Choice<Parts>[] = [
  { value: { folds: 5 }, label: '5 folds', description: 'default', detail: 'Five equal parts for 5-fold cross-validation.' },
  { value: { folds: 10 }, label: '10 folds', detail: 'Ten equal parts for 10-fold cross-validation.' },
  { value: { ratios: [0.7, 0.15, 0.15] }, label: 'train / val / test: 70 / 15 / 15', detail: 'Training, validation and test sets.' },
  { value: { ratios: [0.8, 0.2] }, label: 'train / test: 80 / 20', detail: 'A training and a test set.' },
  { value: 'custom', label: 'Custom sizes…', detail: 'Two or more part sizes, e.g. 60/20/20 or 0.9, 0.1.' },
];

const ORDER_CHOICES: Choice<1 | 2>[] = [
  { value: 1, label: 'Labels', description: 'default', detail: 'Each part gets its share of every label’s positives (Sechidis et al. 2011).' },
  { value: 2, label: 'Label pairs', detail: 'Also balance pairs of labels that occur together (Szymański & Kajdanowicz 2017); slower.' },
];

/** Percent with at most one decimal: 0.15 -> "15". */
function percentText(p: number): string {
  return String(Math.round(p * 1000) / 10);
}

function describeParts(parts: { folds: number } | { ratios: number[] }, names: string[]): string {
  if ('folds' in parts) return `${parts.folds} folds`;
  return `${names.join('/')} ${parts.ratios.map(percentText).join('/')}`;
}

export async function askSplitChoices(input: string): Promise<SplitChoices | undefined> {
  const name = path.basename(input);
  let total = 3;
  const step = (n: number): Step => ({ title: `Split ${name}`, step: n, total });

  let parts = await pickOne(step(1), 'How many parts (Enter: 5 folds)', PART_CHOICES);
  if (parts === undefined) return undefined;
  let next = 2;
  if (parts === 'custom') {
    total = 4;
    const ratios = await askValue(step(next++), 'Part sizes, adding up to 1 or 100: two parts are train/test, three are train/val/test', '60/20/20', parseRatios);
    if (ratios === undefined) return undefined;
    parts = { ratios };
  }
  const count = 'folds' in parts ? parts.folds : parts.ratios.length;
  const names = splitPartNames(count, 'folds' in parts ? 'folds' : 'ratios');

  const order = await pickOne(step(next++), 'What to balance across the parts (Enter: labels)', ORDER_CHOICES);
  if (order === undefined) return undefined;

  const perPart = names.map((part) => splitPartPath(input, part));
  const single = splitFilePath(input);
  const shown = perPart.length <= 3 ? perPart.map((f) => path.basename(f)).join(', ') : `${path.basename(perPart[0])} … ${path.basename(perPart[perPart.length - 1])}`;
  const layout = await pickOne(step(next), 'How to write the split', [
    { value: 'parts' as const, label: `$(files) One file per part`, description: shown, detail: `${perPart.length} files beside ${name}, one per part.` },
    { value: 'single' as const, label: `$(new-file) One file with a split column`, description: path.basename(single), detail: `The rows of ${name} with a split column naming each row’s part.` },
  ]);
  if (layout === undefined) return undefined;

  const description = describeParts(parts, names);
  const common = { order, description, ...('folds' in parts ? { folds: parts.folds } : { ratios: parts.ratios }) };
  return layout === 'single' ? { ...common, singleFile: single, dataFiles: [single] } : { ...common, dataFiles: perPart };
}
