/**
 * All imbalance measures of a dataset in one JSON-serialisable report, composed from the
 * measure functions (mldr's `measures`, `label_measures`, `dataset_measures` and summary).
 */
import type { LabelMatrix } from '../data/labelMatrix.js';
import { UsageError } from '../errors.js';
import { cooccurrenceMatrix, mostFrequentLabels } from './cooccurrence.js';
import { cvIR, irLbl, maxIR, meanIR } from './imbalanceRatio.js';
import { absentLabels, cardinality, density, emptyRows, labelCounts, labelFrequency, rareLabels } from './labelCounts.js';
import { countLabelsets } from './labelsetTable.js';
import { maxLabelsetFrequency, singleLabelsets, tcs, topLabelsets } from './labelsets.js';
import { labelScumbles, labelsetScumbles, scumble, scumbleCV } from './scumble.js';

export interface LabelMeasures {
  name: string;
  count: number;
  frequency: number;
  irLbl: number;
  scumble: number;
}

/**
 * Where R's mldr would give NaN, NA or -Inf (no rows, no labels, a single label, all labels
 * absent), the value here is 0, so the report never holds NaN.
 */
export interface ImbalanceMeasures {
  instances: number;
  labels: number;
  inputs: number;
  cardinality: number;
  density: number;
  /** Distinct labelsets; the empty labelset counts as one when some row has no label (as in mldr). */
  labelsets: number;
  singleLabelsets: number;
  maxLabelsetFrequency: number;
  meanIR: number;
  maxIR: number;
  cvIR: number;
  scumble: number;
  scumbleCV: number;
  tcs: number;
  emptyRows: number;
  perLabel: LabelMeasures[];
  /** Over all labels, or the `maxCooccurrenceLabels` most frequent ones (in label order) when there are more. */
  cooccurrence: { labels: string[]; counts: number[][] };
  topLabelsets: { labels: string[]; count: number }[];
  /** Labels with fewer than `rareThreshold` positives (absent ones included), fewest first. */
  rareLabels: { name: string; count: number }[];
  /** Labels with no positives, in label order. */
  absentLabels: string[];
}

export interface MeasureOptions {
  /** A label is rare with fewer positives than this. Default 10. */
  rareThreshold?: number;
  /** How many of the most frequent labelsets to list. Default 20. */
  topLabelsets?: number;
  /** Co-occurrence covers at most this many labels, the most frequent. Default 200. */
  maxCooccurrenceLabels?: number;
}

export function computeMeasures(matrix: LabelMatrix, labelNames: string[], inputs: number, options: MeasureOptions = {}): ImbalanceMeasures {
  const rareThreshold = count(options.rareThreshold, 10, 'rare threshold');
  const top = count(options.topLabelsets, 20, 'number of top labelsets');
  const maxCooccurrence = count(options.maxCooccurrenceLabels, 200, 'co-occurrence label limit');
  if (labelNames.length !== matrix.labelCount) {
    throw new RangeError(`${labelNames.length} label names for a matrix of ${matrix.labelCount} labels`);
  }
  if (!Number.isInteger(inputs) || inputs < 0) throw new RangeError(`inputs must be a count of feature columns, got ${inputs}`);

  const counts = labelCounts(matrix);
  const ir = irLbl(counts);
  const table = countLabelsets(matrix);
  const rowScumbles = labelsetScumbles(table, ir);
  const perLabelScumble = labelScumbles(table, rowScumbles, counts);
  const meanLabels = cardinality(matrix);
  const cooccurring = mostFrequentLabels(counts, maxCooccurrence);

  return {
    instances: matrix.rows,
    labels: matrix.labelCount,
    inputs,
    cardinality: meanLabels,
    density: density(meanLabels, matrix.labelCount),
    labelsets: table.size,
    singleLabelsets: singleLabelsets(table),
    maxLabelsetFrequency: maxLabelsetFrequency(table),
    meanIR: meanIR(ir),
    maxIR: maxIR(ir),
    cvIR: cvIR(ir),
    scumble: scumble(table, rowScumbles),
    scumbleCV: scumbleCV(table, rowScumbles),
    tcs: tcs(inputs, matrix.labelCount, table.size),
    emptyRows: emptyRows(matrix),
    perLabel: labelNames.map((name, l) => ({
      name,
      count: counts[l],
      frequency: labelFrequency(counts[l], matrix.rows),
      irLbl: ir[l],
      scumble: perLabelScumble[l],
    })),
    cooccurrence: {
      labels: cooccurring.map((l) => labelNames[l]),
      // over the distinct labelsets, each weighted by its row count: the same sums, fewer rows
      counts: cooccurrenceMatrix({ rows: table.size, offsets: table.offsets, labels: table.ids, weights: table.counts }, matrix.labelCount, cooccurring),
    },
    topLabelsets: topLabelsets(table, labelNames, top),
    rareLabels: rareLabels(counts, labelNames, rareThreshold),
    absentLabels: absentLabels(counts, labelNames),
  };
}

function count(value: number | undefined, fallback: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`The ${what} must be a whole number >= 0, got ${value}.`);
  return value;
}
