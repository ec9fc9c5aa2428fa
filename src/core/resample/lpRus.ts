/**
 * LP-RUS, label-powerset random undersampling (Charte, Rivera, del Jesus, Herrera, Neurocomputing
 * 2015): each distinct labelset is a class; the labelsets with more rows than the mean labelset
 * size (rows / distinct labelsets) are the majority ones, and random rows of them are deleted.
 *
 * Conventions:
 * - round(P% x rows) deletions are spread over the majority labelsets as the paper does: the mean
 *   share is deletions / majority labelsets, a labelset gives at most what keeps it at or above the
 *   mean size (size - ceil(mean): it never shrinks below the mean), and what it cannot give is
 *   redistributed over the labelsets not yet served, served from the least room (smallest majority
 *   labelset) to the most (`spreadEvenly`);
 * - the deleted rows of a labelset are drawn uniformly without replacement;
 * - the empty labelset (rows without labels) is a labelset like any other (mldr counts it);
 * - when the majority labelsets have less to give in total than asked for, it removes what it can (with a note).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { drawWithoutReplacement, labelsetBags } from './bagsOfRows.js';
import { imbalanceLevels, minorityLabelIds } from './minorityLabels.js';
import { keptThenAdded } from './resampleOutput.js';
import { noteNumber, resamplePercent, resampleRandom, rowsForPercent, type RandomResampleOptions } from './resampleOptions.js';
import { spreadEvenly } from './resampleShares.js';
import type { ResampleResult } from './types.js';

export function lpRus(labels: LabelMatrix, options: RandomResampleOptions = {}): ResampleResult {
  const percent = resamplePercent('LP-RUS', options.percent);
  const random = resampleRandom(options.seed);
  const target = rowsForPercent(labels.rows, percent);
  const bags = labelsetBags(labels);
  const meanSize = bags.count === 0 ? 0 : labels.rows / bags.count;

  const rooms = new Int32Array(bags.count);
  let majorityLabelsets = 0;
  for (let s = 0; s < bags.count; s++) {
    if (bags.sizes[s] > meanSize) {
      rooms[s] = bags.sizes[s] - Math.ceil(meanSize);
      majorityLabelsets++;
    }
  }
  const shares = spreadEvenly(target, rooms);
  const deleted = new Uint8Array(labels.rows);
  let removed = 0;
  for (let s = 0; s < bags.count; s++) {
    for (let n = 0; n < shares[s]; n++) {
      deleted[drawWithoutReplacement(bags, s, random)] = 1;
      removed++;
    }
  }

  const notes: string[] = [];
  if (removed < target) {
    notes.push(
      `LP-RUS removed ${removed} of the ${target} rows (${percent}% of ${labels.rows}) asked for: ` +
        `its ${majorityLabelsets} labelset${majorityLabelsets === 1 ? '' : 's'} above the mean labelset size (${noteNumber(meanSize)} rows) ` +
        'reached that size, and no labelset is shrunk below it',
    );
  }
  return { method: 'lprus', rows: keptThenAdded(labels.rows, [], deleted), minorityLabels: minorityLabelIds(imbalanceLevels(labels)), notes };
}
