/**
 * ML-ROS, multilabel random oversampling (Charte, Rivera, del Jesus, Herrera, "Addressing
 * imbalance in multilabel classification: Measures and random resampling algorithms",
 * Neurocomputing 2015): clones random rows carrying minority labels until the dataset has grown
 * by P% of its rows.
 *
 * Conventions, as in the paper's pseudo-code:
 * - minority labels: IRLbl > MeanIR, MeanIR computed once on the input; one bag per minority label
 *   holding the input rows that carry it;
 * - the bags take turns (round robin, label order); each turn clones one uniformly drawn row of
 *   the bag (with replacement) and raises the count of every label the clone carries;
 * - a bag is retired for good once its label's IRLbl (current max count / current count) is at or
 *   below MeanIR. This is checked on the bag's turn, before and after its clone, so a label lifted
 *   by other bags' clones gets no extra copy. (mldr.resampling's MLROS never updates its flags, so
 *   it never retires a bag: its clones keep going until P% is reached.)
 * - it stops after round(P% x rows) clones, or earlier when every bag is retired (with a note).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { drawWithReplacement, labelBags } from './bagsOfRows.js';
import { LabelCountTracker, imbalanceLevels, minorityLabelIds } from './minorityLabels.js';
import { keptThenAdded } from './resampleOutput.js';
import { noteNumber, resamplePercent, resampleRandom, rowsForPercent, type RandomResampleOptions } from './resampleOptions.js';
import type { OutputRow, ResampleResult } from './types.js';

export function mlRos(labels: LabelMatrix, options: RandomResampleOptions = {}): ResampleResult {
  const percent = resamplePercent('ML-ROS', options.percent);
  const random = resampleRandom(options.seed);
  const target = rowsForPercent(labels.rows, percent);
  const levels = imbalanceLevels(labels);
  const minority = minorityLabelIds(levels);
  const bags = labelBags(labels, minority);
  const tracker = new LabelCountTracker(levels.counts, target);
  const isRetired = (bag: number): boolean => tracker.irLbl(minority[bag]) <= levels.meanIR;

  const active: number[] = [];
  for (let b = 0; b < bags.count; b++) if (bags.sizes[b] > 0) active.push(b);
  const added: OutputRow[] = [];
  let turn = 0;
  while (added.length < target && active.length > 0) {
    if (turn >= active.length) turn = 0;
    const bag = active[turn];
    if (!isRetired(bag)) {
      const row = drawWithReplacement(bags, bag, random);
      added.push({ source: row, kind: 'clone' });
      tracker.addRow(labels, row);
    }
    if (isRetired(bag)) active.splice(turn, 1);
    else turn++;
  }

  const notes: string[] = [];
  const asked = `${target} row${target === 1 ? '' : 's'} (${percent}% of ${labels.rows})`;
  if (minority.length === 0) {
    notes.push(`ML-ROS added no rows: no label has IRLbl above MeanIR (${noteNumber(levels.meanIR)}), so there is nothing to clone`);
  } else if (added.length < target) {
    notes.push(`ML-ROS added ${added.length} of the ${asked} asked for: it stopped when every minority label's IRLbl had fallen to MeanIR (${noteNumber(levels.meanIR)}) or below`);
  }
  return { method: 'mlros', rows: keptThenAdded(labels.rows, added), minorityLabels: minority, notes };
}
