/**
 * The per-label part of an evaluation, as one function for both the sequential path and the
 * worker threads: rank the label once, then read off it AP, ROC-AUC, the curves, the sweep
 * counts, the F1-tuned threshold, and its negatives for the micro AP. Results are plain data,
 * merged in label order (so every floating-point sum runs in the same order either way).
 */
import { scoreLabels, type ThresholdFreeScores } from '../computeMetrics.js';
import { bestF1Index, curvesOfLabel, SweepAccumulator, tuneLabel, type LabelCurves, type SweepCounts, type ThresholdSweep } from '../curves/index.js';
import type { RocAucResult } from '../labelScores.js';
import { microAveragePrecision, startMicroTally, type MicroAveragePrecisionTally } from '../meanAveragePrecision.js';
import { rankingMetrics, type RankingMetrics } from '../rankingMetrics.js';
import type { EvaluationData } from '../types.js';

export interface LabelWorkOptions {
  /** Most points per PR/ROC curve (default 200). */
  maxCurvePoints?: number;
  /** Also tune the label's threshold for F1. */
  tune: boolean;
}

export type TunedLabel = ReturnType<typeof tuneLabel>;

/** Everything read off one label's ranking. */
export interface LabelWork {
  ap: number;
  rocAuc: RocAucResult;
  curves: LabelCurves;
  sweep: SweepCounts;
  tuned: TunedLabel | null;
}

/** What an evaluation reads off the rankings, every label ranked exactly once. */
export interface RankedLabelReports {
  scores: ThresholdFreeScores;
  curves: LabelCurves[];
  sweep: ThresholdSweep;
  tuned: TunedLabel[];
}

/** Labels [from, to) in order; their negatives go into `tally` (the whole matrix's thresholds). */
export function labelRangeWork(data: EvaluationData, from: number, to: number, tally: MicroAveragePrecisionTally, options: LabelWorkOptions): LabelWork[] {
  const sweep = new SweepAccumulator();
  const seen: Omit<LabelWork, 'ap' | 'rocAuc'>[] = [];
  const scores = scoreLabels(data, from, to, tally, (l, ranked) => {
    const best = bestF1Index(ranked); // shared by the curves' F1-optimal point and the tuned threshold
    seen.push({
      curves: curvesOfLabel(data.labelNames[l], ranked, { maxPoints: options.maxCurvePoints }, best),
      sweep: sweep.counts(ranked),
      tuned: options.tune ? tuneLabel(ranked, best) : null,
    });
  });
  return seen.map((work, i) => ({ ap: scores.ap[i], rocAuc: scores.rocAuc[i], ...work }));
}

/** The reports from every label's work (in label order), the finished micro tally and the ranking metrics. */
export function mergeLabelWork(works: LabelWork[], tally: MicroAveragePrecisionTally, ranking: RankingMetrics): RankedLabelReports {
  const sweep = new SweepAccumulator();
  for (const work of works) sweep.addCounts(work.sweep);
  return {
    scores: { ap: Float64Array.from(works, (w) => w.ap), rocAuc: works.map((w) => w.rocAuc), microAp: microAveragePrecision(tally), ranking },
    curves: works.map((w) => w.curves),
    sweep: sweep.result(),
    tuned: works.flatMap((w) => (w.tuned === null ? [] : [w.tuned])),
  };
}

/** The whole per-label part on this thread. */
export function rankedLabelReports(data: EvaluationData, options: LabelWorkOptions): RankedLabelReports {
  const tally = startMicroTally(data);
  const works = labelRangeWork(data, 0, data.labelNames.length, tally, options);
  return mergeLabelWork(works, tally, rankingMetrics(data));
}
