import { UsageError } from '../../errors.js';
import { f1FromCounts } from './bestF1.js';

/** One label's counts at its operating threshold (and its AP, when known). */
export interface LabelCounts {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  /** Positives in the truth (tp + fn). */
  support: number;
  ap?: number;
}

export interface BandCutoffs {
  /** Labels with support >= this are head. */
  headMinSupport: number;
  /** Labels with support <= this are tail (must be below headMinSupport). */
  tailMaxSupport: number;
}

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
}

export type BandName = 'head' | 'medium' | 'tail';

export interface Band {
  band: BandName;
  /** Label names, most frequent first (ties by label index). */
  labels: string[];
  labelCount: number;
  totalSupport: number;
  /** Means of the per-label values (zero_division 0); null for an empty band. */
  macro: PrecisionRecallF1 | null;
  /** From the band's summed counts (zero_division 0); null for an empty band. */
  micro: PrecisionRecallF1 | null;
  /** Mean AP over the band's labels that have one; null when none has. */
  meanAp: number | null;
}

/**
 * Head / medium / tail labels by frequency and how each group fares. Without cut-offs the
 * labels are ranked by support (descending, ties by label index) and split into thirds: head is
 * the first round(n/3), tail the last round(n/3), medium the rest. With cut-offs, head is
 * support >= headMinSupport, tail support <= tailMaxSupport, medium between.
 */
export function frequencyBands(perLabel: readonly LabelCounts[], cutoffs?: BandCutoffs): Band[] {
  const order = perLabel.map((_, l) => l).sort((p, q) => perLabel[q].support - perLabel[p].support || p - q);
  let bandOf: (rank: number) => BandName;
  if (cutoffs === undefined) {
    const third = Math.round(order.length / 3);
    bandOf = (rank) => (rank < third ? 'head' : rank >= order.length - third ? 'tail' : 'medium');
  } else {
    const { headMinSupport, tailMaxSupport } = cutoffs;
    if (!(tailMaxSupport < headMinSupport)) {
      throw new UsageError(
        `tailMaxSupport (${tailMaxSupport}) must be below headMinSupport (${headMinSupport}) for the bands not to overlap.`,
      );
    }
    bandOf = (rank) => {
      const support = perLabel[order[rank]].support;
      return support >= headMinSupport ? 'head' : support <= tailMaxSupport ? 'tail' : 'medium';
    };
  }
  const members: Record<BandName, LabelCounts[]> = { head: [], medium: [], tail: [] };
  order.forEach((l, rank) => members[bandOf(rank)].push(perLabel[l]));
  return (['head', 'medium', 'tail'] as const).map((band) => summarizeBand(band, members[band]));
}

function summarizeBand(band: BandName, labels: LabelCounts[]): Band {
  let totalSupport = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const macroSum: PrecisionRecallF1 = { precision: 0, recall: 0, f1: 0 };
  let apSum = 0;
  let apCount = 0;
  for (const label of labels) {
    totalSupport += label.support;
    tp += label.tp;
    fp += label.fp;
    fn += label.fn;
    const scores = precisionRecallF1(label.tp, label.fp, label.fn);
    macroSum.precision += scores.precision;
    macroSum.recall += scores.recall;
    macroSum.f1 += scores.f1;
    if (label.ap !== undefined && Number.isFinite(label.ap)) {
      apSum += label.ap;
      apCount++;
    }
  }
  const n = labels.length;
  return {
    band,
    labels: labels.map((label) => label.name),
    labelCount: n,
    totalSupport,
    macro: n === 0 ? null : { precision: macroSum.precision / n, recall: macroSum.recall / n, f1: macroSum.f1 / n },
    micro: n === 0 ? null : precisionRecallF1(tp, fp, fn),
    meanAp: apCount === 0 ? null : apSum / apCount,
  };
}

/** scikit-learn precision_recall_fscore_support for one set of counts, zero_division 0. */
function precisionRecallF1(tp: number, fp: number, fn: number): PrecisionRecallF1 {
  return {
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    f1: f1FromCounts(tp, fp, fn),
  };
}
