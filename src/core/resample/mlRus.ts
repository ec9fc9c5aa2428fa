/**
 * ML-RUS, multilabel random undersampling (Charte, Rivera, del Jesus, Herrera, Neurocomputing
 * 2015): deletes random rows carrying majority labels until the dataset has shrunk by P% of its rows.
 *
 * Conventions:
 * - majority labels: IRLbl < MeanIR (MeanIR computed once on the input); one bag per majority
 *   label holding the input rows that carry it and carry NO minority label (IRLbl > MeanIR), so a
 *   row with a minority label is never deleted (as mldr.resampling's MLRUS);
 * - the bags take turns (round robin, label order); each turn deletes one uniformly drawn row of
 *   the bag, without replacement (a row deleted through another bag is no longer drawn), and
 *   lowers the count of every label it carries;
 * - a bag is retired once its label's IRLbl, computed from the current counts and the current
 *   largest count, reaches MeanIR (the paper's rule), or once it has no rows left;
 * - it stops after round(P% x rows) deletions, or earlier when every bag is retired (with a note).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { drawWithoutReplacement, labelBags } from './bagsOfRows.js';
import { LabelCountTracker, imbalanceLevels, labelMask, majorityLabelIds, minorityLabelIds, rowsCarrying } from './minorityLabels.js';
import { keptThenAdded } from './resampleOutput.js';
import { noteNumber, resamplePercent, resampleRandom, rowsForPercent, type RandomResampleOptions } from './resampleOptions.js';
import type { ResampleResult } from './types.js';

export function mlRus(labels: LabelMatrix, options: RandomResampleOptions = {}): ResampleResult {
  const percent = resamplePercent('ML-RUS', options.percent);
  const random = resampleRandom(options.seed);
  const target = rowsForPercent(labels.rows, percent);
  const levels = imbalanceLevels(labels);
  const minority = minorityLabelIds(levels);
  const majority = majorityLabelIds(levels);
  const protectedRows = rowsCarrying(labels, labelMask(labels.labelCount, minority));
  const bags = labelBags(labels, majority, protectedRows);
  const tracker = new LabelCountTracker(levels.counts, 0);
  const isRetired = (bag: number): boolean => bags.sizes[bag] === 0 || tracker.irLbl(majority[bag]) >= levels.meanIR;

  const deleted = new Uint8Array(labels.rows);
  const active: number[] = [];
  for (let b = 0; b < bags.count; b++) active.push(b);
  let removed = 0;
  let turn = 0;
  while (removed < target && active.length > 0) {
    if (turn >= active.length) turn = 0;
    const bag = active[turn];
    if (!isRetired(bag)) {
      const row = drawWithoutReplacement(bags, bag, random, deleted);
      if (row >= 0) {
        deleted[row] = 1;
        tracker.removeRow(labels, row);
        removed++;
      }
    }
    if (isRetired(bag)) active.splice(turn, 1);
    else turn++;
  }

  const notes: string[] = [];
  const asked = `${target} row${target === 1 ? '' : 's'} (${percent}% of ${labels.rows})`;
  if (majority.length === 0) {
    notes.push(`ML-RUS removed no rows: no label has IRLbl below MeanIR (${noteNumber(levels.meanIR)}), so there is nothing to undersample`);
  } else if (removed < target) {
    notes.push(
      `ML-RUS removed ${removed} of the ${asked} asked for: it stopped when every majority label's IRLbl had risen to MeanIR (${noteNumber(levels.meanIR)}) ` +
        'or its rows without minority labels had run out (rows carrying a minority label are never removed)',
    );
  }
  return { method: 'mlrus', rows: keptThenAdded(labels.rows, [], deleted), minorityLabels: minority, notes };
}
