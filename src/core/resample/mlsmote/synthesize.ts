/**
 * One synthetic row of MLSMOTE (Charte et al., KBS 2015, Algorithm 1, `newSample`), from a seed,
 * its k nearest neighbours and the neighbour drawn among them (the reference):
 * - numeric: seed + U(0,1) · (reference − seed), one random number per attribute as in the
 *   paper (so the point lies in the box spanned by seed and reference, not on the segment);
 *   one number is drawn for every numeric column, in column order, used or not. When one of
 *   the two values is missing the present one is taken; when both are, the value stays missing.
 * - nominal: the most frequent value among the seed and its k neighbours; ties go to the value
 *   met first in the order seed, nearest neighbour, next one... (so the seed's value wins a tie).
 *   Missing values do not count; when all are missing the value stays missing.
 * - text: the seed's text, copied as it is (text is not interpolated).
 * - labels: from the labelsets of the seed and its k neighbours, by the chosen rule.
 */
import type { DatasetTable } from '../../data/datasetTable.js';
import type { LabelMatrix } from '../../data/labelMatrix.js';
import { numericValueAt } from '../../data/sparseNumeric.js';
import type { FeatureValue } from '../../io/types.js';
import type { OutputRow } from '../types.js';

/**
 * How the synthetic labelset is formed from the k + 1 labelsets of the seed and its neighbours:
 * 'ranking' (the paper's): a label is on when more than half of them carry it;
 * 'union': when any carries it; 'intersection': when all carry it.
 */
export type LabelsetRule = 'ranking' | 'union' | 'intersection';

export const LABELSET_RULES: readonly LabelsetRule[] = ['ranking', 'union', 'intersection'];

/**
 * The synthetic labelset (ascending ids) from the labelsets of `rows` (seed and neighbours).
 * `counts` is scratch space of labelCount zeros, left zeroed (pass one to avoid an allocation per call).
 */
export function syntheticLabelset(labels: LabelMatrix, rows: readonly number[], rule: LabelsetRule, counts: Int32Array = new Int32Array(labels.labelCount)): number[] {
  const seen: number[] = [];
  for (const r of rows) {
    for (let p = labels.offsets[r]; p < labels.offsets[r + 1]; p++) {
      const l = labels.labels[p];
      if (counts[l]++ === 0) seen.push(l);
    }
  }
  seen.sort((a, b) => a - b);
  const out: number[] = [];
  for (const l of seen) {
    const count = counts[l];
    counts[l] = 0;
    // MLSMOTE's ranking: lblCounts > (k + 1) / 2 over the seed and its k neighbours.
    if (rule === 'ranking' ? 2 * count > rows.length : rule === 'union' ? true : count === rows.length) out.push(l);
  }
  return out;
}

/**
 * The synthetic row for `seed` (an input row index), its `neighbours` (input row indices, nearest
 * first) and `reference`, the neighbour drawn to interpolate towards. `random` gives U(0,1);
 * `labelCounts`, optional scratch space for syntheticLabelset.
 */
export function synthesize(
  table: DatasetTable,
  seed: number,
  neighbours: readonly number[],
  reference: number,
  random: () => number,
  rule: LabelsetRule,
  labelCounts?: Int32Array,
): OutputRow {
  const features: FeatureValue[] = new Array<FeatureValue>(table.features.length);
  for (let f = 0; f < table.features.length; f++) {
    const column = table.features[f];
    if (column.kind === 'numeric') {
      features[f] = interpolate(numericValueAt(column, seed), numericValueAt(column, reference), random());
    } else if (column.kind === 'categorical') {
      const code = mostFrequentCode(column.codes, seed, neighbours);
      features[f] = code < 0 ? null : column.categories[code];
    } else {
      features[f] = column.values[seed];
    }
  }
  return { source: seed, kind: 'synthetic', labels: syntheticLabelset(table.labels, [seed, ...neighbours], rule, labelCounts), features };
}

/** seed + gap · (reference − seed); the present value when the other is missing (NaN); null when both are. */
export function interpolate(seed: number, reference: number, gap: number): number | null {
  if (seed !== seed) return reference !== reference ? null : reference;
  if (reference !== reference) return seed;
  return seed + gap * (reference - seed);
}

/** The most frequent code among seed and neighbours (-1 ignored); ties to the first met, seed first. */
function mostFrequentCode(codes: Int32Array, seed: number, neighbours: readonly number[]): number {
  let best = -1;
  let bestCount = 0;
  for (let a = -1; a < neighbours.length; a++) {
    const code = codes[a < 0 ? seed : neighbours[a]];
    if (code < 0 || code === best) continue;
    let count = 0;
    if (codes[seed] === code) count++;
    for (const r of neighbours) if (codes[r] === code) count++;
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}
