import { perLabelPrecisionRecallF1, averagedPrecisionRecallF1 } from './averages.js';
import type { AveragedPrecisionRecallF1 } from './averages.js';
import { confusionCounts, type ConfusionCounts } from './confusionCounts.js';
import { averagePrecision, rocAuc, type RocAucResult } from './labelScores.js';
import { macroAveragePrecision, microAveragePrecision, startMicroTally, weightedAveragePrecision } from './meanAveragePrecision.js';
import type { MeanAveragePrecision, MicroAveragePrecisionTally } from './meanAveragePrecision.js';
import { rankColumn, rankWorkspace, type RankedLabel, type RankWorkspace } from './rankedColumn.js';
import { rankingMetrics, type RankingMetrics } from './rankingMetrics.js';
import { hammingLoss, jaccard, subsetAccuracy } from './setMetrics.js';
import type { JaccardAverages } from './setMetrics.js';
import { labelColumn } from './types.js';
import type { EvaluationData, ZeroDivision } from './types.js';

/**
 * One label's evaluation. precision/recall/f1 are null only under zeroDivision 'exclude' when
 * undefined (precision: nothing predicted; recall: no positives; f1: neither). rocAuc is null when
 * the truth has one class only, and rocAucNote says so. ap is 0 for a label without positives
 * (what scikit-learn 1.2.1 returns).
 */
export interface LabelEvaluation {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  support: number;
  prevalence: number;
  ap: number;
  rocAuc: number | null;
  rocAucNote?: string;
  threshold: number;
}

/**
 * The whole evaluation, plain JSON with stable field names and no NaN. Averages and Jaccard values
 * are null only under 'exclude' when nothing they average is defined.
 */
export interface EvaluationMetrics {
  rows: number;
  labels: number;
  perLabel: LabelEvaluation[];
  averages: AveragedPrecisionRecallF1;
  mAP: MeanAveragePrecision;
  hammingLoss: number;
  subsetAccuracy: number;
  jaccard: JaccardAverages;
  lrap: number;
  coverageError: number;
  rankingLoss: number;
}

export interface ComputeMetricsOptions {
  /** Per label: predict the label when score >= threshold. */
  thresholds: ArrayLike<number>;
  /** Default 0, scikit-learn's behaviour for 'warn'. */
  zeroDivision?: ZeroDivision;
  /** The threshold-free part, when already computed (it does not change with the thresholds). */
  scores?: ThresholdFreeScores;
  /** The confusion counts at exactly these thresholds, when already computed (the per-label workers count them). */
  counts?: ConfusionCounts;
}

/** What does not depend on the thresholds: per-label AP and ROC-AUC, micro AP, the ranking metrics. */
export interface ThresholdFreeScores {
  ap: Float64Array;
  rocAuc: ReturnType<typeof rocAuc>[];
  microAp: number;
  ranking: RankingMetrics;
}

/** Every metric of predictions against the truth, matching scikit-learn 1.2. */
export function computeMetrics(data: EvaluationData, options: ComputeMetricsOptions): EvaluationMetrics {
  const zeroDivision = options.zeroDivision ?? 0;
  const counts = options.counts ?? confusionCounts(data, options.thresholds);
  const prf = perLabelPrecisionRecallF1(counts, zeroDivision);
  const scores = options.scores ?? thresholdFreeScores(data);
  const support = Array.from(counts.tp, (tp, l) => tp + counts.fn[l]);
  const perLabel = data.labelNames.map((name, l): LabelEvaluation => {
    const entry: LabelEvaluation = {
      name,
      tp: counts.tp[l],
      fp: counts.fp[l],
      fn: counts.fn[l],
      tn: counts.tn[l],
      ...prf[l],
      support: support[l],
      prevalence: data.rows === 0 ? 0 : support[l] / data.rows,
      ap: scores.ap[l],
      rocAuc: scores.rocAuc[l].value,
      threshold: options.thresholds[l],
    };
    if (scores.rocAuc[l].note !== undefined) entry.rocAucNote = scores.rocAuc[l].note;
    return entry;
  });
  return {
    rows: data.rows,
    labels: data.labelNames.length,
    perLabel,
    averages: averagedPrecisionRecallF1(counts, prf, zeroDivision),
    mAP: { macro: macroAveragePrecision(scores.ap), micro: scores.microAp, weighted: weightedAveragePrecision(scores.ap, support) },
    hammingLoss: hammingLoss(counts),
    subsetAccuracy: subsetAccuracy(counts),
    jaccard: jaccard(counts, zeroDivision),
    ...scores.ranking,
  };
}

/**
 * Per label AP and ROC-AUC from the ranked column, the micro AP tallied along the way, and the
 * ranking metrics. Each label is ranked once, into a reused workspace; `onRanked` sees every
 * label's ranking while it is alive (curves, tuning and the sweep read it there), and must not
 * keep it.
 */
export function thresholdFreeScores(data: EvaluationData, onRanked?: (label: number, ranked: RankedLabel) => void): ThresholdFreeScores {
  const tally = startMicroTally(data);
  const { ap, rocAuc } = scoreLabels(data, 0, data.labelNames.length, tally, onRanked);
  return { ap, rocAuc, microAp: microAveragePrecision(tally), ranking: rankingMetrics(data) };
}

/** AP and ROC-AUC of labels [from, to), in label order. */
export interface LabelRangeScores {
  ap: Float64Array;
  rocAuc: ReturnType<typeof rocAuc>[];
}

/**
 * The per-label loop of thresholdFreeScores over labels [from, to) (what a worker thread runs on
 * its share): rank each label once into a reused workspace, score it, show it to `onRanked`, and
 * add its negatives to `tally` (whose thresholds must be those of the whole matrix) when there is one.
 */
export function scoreLabels(
  data: EvaluationData,
  from: number,
  to: number,
  tally: MicroAveragePrecisionTally | null,
  onRanked?: (label: number, ranked: RankedLabel) => void,
): LabelRangeScores {
  const ap = new Float64Array(to - from);
  const rocAucs: ReturnType<typeof rocAuc>[] = [];
  const workspace = rankWorkspace(data.rows);
  for (let l = from; l < to; l++) {
    const scored = scoreLabel(data, l, workspace, tally);
    ap[l - from] = scored.ap;
    rocAucs.push(scored.rocAuc);
    onRanked?.(l, scored.ranked);
  }
  return { ap, rocAuc: rocAucs };
}

/** One label of scoreLabels: its ranking (a view into `workspace`, valid until its next use), AP and ROC-AUC. */
export function scoreLabel(data: EvaluationData, label: number, workspace: RankWorkspace, tally: MicroAveragePrecisionTally | null): { ranked: RankedLabel; ap: number; rocAuc: RocAucResult } {
  const { ranked } = rankColumn(labelColumn(data.truth, data.rows, label), labelColumn(data.scores, data.rows, label), workspace, tally);
  return { ranked, ap: averagePrecision(ranked), rocAuc: rocAuc(ranked) };
}
