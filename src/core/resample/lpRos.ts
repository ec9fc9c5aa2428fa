/**
 * LP-ROS, label-powerset random oversampling (Charte, Rivera, del Jesus, Herrera, Neurocomputing
 * 2015): each distinct labelset is a class; the labelsets with fewer rows than the mean labelset
 * size (rows / distinct labelsets) are the minority ones, and random rows of them are cloned.
 *
 * Conventions:
 * - round(P% x rows) clones are spread over the minority labelsets as the paper does: the mean
 *   share is clones / minority labelsets, a labelset takes at most enough to reach the mean size
 *   (floor(mean) - size: it never grows above the mean), and what it cannot take is redistributed
 *   over the labelsets not yet served, served from the least room (largest minority labelset) to
 *   the most (`spreadEvenly`);
 * - a clone copies a uniformly drawn input row of its labelset (with replacement);
 * - the empty labelset (rows without labels) is a labelset like any other (mldr counts it);
 * - when the minority labelsets have less room in total than asked for, it adds what fits (with a note).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { drawWithReplacement, labelsetBags } from './bagsOfRows.js';
import { imbalanceLevels, minorityLabelIds } from './minorityLabels.js';
import { keptThenAdded } from './resampleOutput.js';
import { noteNumber, resamplePercent, resampleRandom, rowsForPercent, type RandomResampleOptions } from './resampleOptions.js';
import { spreadEvenly } from './resampleShares.js';
import type { OutputRow, ResampleResult } from './types.js';

export function lpRos(labels: LabelMatrix, options: RandomResampleOptions = {}): ResampleResult {
  const percent = resamplePercent('LP-ROS', options.percent);
  const random = resampleRandom(options.seed);
  const target = rowsForPercent(labels.rows, percent);
  const bags = labelsetBags(labels);
  const meanSize = bags.count === 0 ? 0 : labels.rows / bags.count;

  const rooms = new Int32Array(bags.count);
  let minorityLabelsets = 0;
  for (let s = 0; s < bags.count; s++) {
    if (bags.sizes[s] < meanSize) {
      rooms[s] = Math.floor(meanSize) - bags.sizes[s];
      minorityLabelsets++;
    }
  }
  const shares = spreadEvenly(target, rooms);
  const added: OutputRow[] = [];
  for (let s = 0; s < bags.count; s++) {
    for (let n = 0; n < shares[s]; n++) added.push({ source: drawWithReplacement(bags, s, random), kind: 'clone' });
  }

  const notes: string[] = [];
  if (added.length < target) {
    notes.push(
      `LP-ROS added ${added.length} of the ${target} rows (${percent}% of ${labels.rows}) asked for: ` +
        `its ${minorityLabelsets} labelset${minorityLabelsets === 1 ? '' : 's'} below the mean labelset size (${noteNumber(meanSize)} rows) ` +
        'reached that size, and no labelset is grown beyond it',
    );
  }
  return { method: 'lpros', rows: keptThenAdded(labels.rows, added), minorityLabels: minorityLabelIds(imbalanceLevels(labels)), notes };
}
