/**
 * The per-label part of an evaluation, as one function for both the sequential path and the
 * worker threads: rank the label once, then read off it AP, ROC-AUC, the curves, the sweep
 * counts, the F1-tuned threshold, and its negatives for the micro AP. Results are plain data,
 * merged in label order (so every floating-point sum runs in the same order either way).
 */
import { scoreLabel, type ThresholdFreeScores } from '../computeMetrics.js';
import { rankWorkspace } from '../rankedColumn.js';
import { bestF1Index, curvesOfLabel, SweepAccumulator, tuneLabel, type LabelCurves, type SweepCounts, type ThresholdSweep } from '../curves/index.js';
import type { RocAucResult } from '../labelScores.js';
import { microAveragePrecision, startMicroTally, type MicroAveragePrecisionTally } from '../meanAveragePrecision.js';
import { rankingMetrics, type RankingMetrics } from '../rankingMetrics.js';
import { labelColumn, type EvaluationData } from '../types.js';
import { addInto, assembleCounts, countLabel, rowCounters, type LabelCounts, type RowCounters } from '../labelCounts.js';
import { checkShape, type ConfusionCounts } from '../confusionCounts.js';

export interface LabelWorkOptions {
  /** Per label, the thresholds in force (finite; checked by the caller). */
  thresholds: number[];
  /** Most points per PR/ROC curve (default 200). */
  maxCurvePoints?: number;
  /** Also tune the label's threshold for F1. */
  tune: boolean;
}

export type TunedLabel = ReturnType<typeof tuneLabel>;

/** Everything read off one label's ranking. */
export interface LabelWork {
  label: number;
  ap: number;
  rocAuc: RocAucResult;
  curves: LabelCurves;
  sweep: SweepCounts;
  tuned: TunedLabel | null;
  /** Confusion counts at the threshold in force, and at the tuned one when tuning. */
  counts: LabelCounts;
  tunedCounts: LabelCounts | null;
}

/** The per-row counters a range of labels adds to (one set per thread, summed at the end). */
export interface RowTallies {
  rowTrue: Int32Array;
  inForce: RowCounters;
  tuned: RowCounters | null;
}

export function rowTallies(rows: number, tune: boolean): RowTallies {
  return { rowTrue: new Int32Array(rows), inForce: rowCounters(rows), tuned: tune ? rowCounters(rows) : null };
}

/** into += from, for the per-row counters of another thread's labels. */
export function addRowTallies(into: RowTallies, from: RowTallies): void {
  addInto(into.rowTrue, from.rowTrue);
  addInto(into.inForce.tp, from.inForce.tp);
  addInto(into.inForce.predicted, from.inForce.predicted);
  if (into.tuned && from.tuned) {
    addInto(into.tuned.tp, from.tuned.tp);
    addInto(into.tuned.predicted, from.tuned.predicted);
  }
}

/** What an evaluation reads off the rankings, every label ranked exactly once. */
export interface RankedLabelReports {
  scores: ThresholdFreeScores;
  curves: LabelCurves[];
  sweep: ThresholdSweep;
  tuned: TunedLabel[];
  /** The confusion counts at the thresholds in force, and at the tuned ones (null unless tuning). */
  counts: ConfusionCounts;
  tunedCounts: ConfusionCounts | null;
}

/**
 * Labels [from, to) in order; their negatives go into `tally` (the whole matrix's thresholds) and
 * their per-row counts into `perRow`.
 */
export function labelRangeWork(data: EvaluationData, from: number, to: number, tally: MicroAveragePrecisionTally, options: LabelWorkOptions, perRow: RowTallies): LabelWork[] {
  let next = from;
  return labelsWork(data, () => (next < to ? next++ : -1), tally, options, perRow);
}

/** The label source of threads sharing `counter` (one int32 on shared memory): the next untaken label, or -1. */
export function nextLabelOf(counter: Int32Array, labels: number): () => number {
  return () => {
    const l = Atomics.add(counter, 0, 1);
    return l < labels ? l : -1;
  };
}

/**
 * The labels that `next` hands out (one at a time, until it returns -1: a shared counter lets
 * threads take labels as they become free), as labelRangeWork; each work says its label.
 */
export function labelsWork(data: EvaluationData, next: () => number, tally: MicroAveragePrecisionTally, options: LabelWorkOptions, perRow: RowTallies): LabelWork[] {
  const sweep = new SweepAccumulator();
  const workspace = rankWorkspace(data.rows);
  const works: LabelWork[] = [];
  for (let l = next(); l >= 0; l = next()) {
    const { ranked, ap, rocAuc } = scoreLabel(data, l, workspace, tally);
    const best = bestF1Index(ranked); // shared by the curves' F1-optimal point and the tuned threshold
    const tuned = options.tune ? tuneLabel(ranked, best) : null;
    const [counts, tunedCounts] = countLabel(
      labelColumn(data.truth, data.rows, l),
      labelColumn(data.scores, data.rows, l),
      { threshold: options.thresholds[l], perRow: perRow.inForce },
      tuned && perRow.tuned ? { threshold: tuned.threshold, perRow: perRow.tuned } : null,
      perRow.rowTrue,
    );
    works.push({
      label: l,
      ap,
      rocAuc,
      curves: curvesOfLabel(data.labelNames[l], ranked, { maxPoints: options.maxCurvePoints }, best),
      sweep: sweep.counts(ranked),
      tuned,
      counts,
      tunedCounts,
    });
  }
  return works;
}

/**
 * The reports from every label's work (each label once, in any order; merged in label order),
 * the finished micro tally, the ranking metrics and the per-row counters summed over all labels.
 */
export function mergeLabelWork(unordered: LabelWork[], tally: MicroAveragePrecisionTally, ranking: RankingMetrics, perRow: RowTallies): RankedLabelReports {
  const works = [...unordered].sort((a, b) => a.label - b.label);
  const sweep = new SweepAccumulator();
  for (const work of works) sweep.addCounts(work.sweep);
  const tunedCounts = perRow.tuned ? works.flatMap((w) => (w.tunedCounts === null ? [] : [w.tunedCounts])) : [];
  return {
    scores: { ap: Float64Array.from(works, (w) => w.ap), rocAuc: works.map((w) => w.rocAuc), microAp: microAveragePrecision(tally), ranking },
    curves: works.map((w) => w.curves),
    sweep: sweep.result(),
    tuned: works.flatMap((w) => (w.tuned === null ? [] : [w.tuned])),
    counts: assembleCounts(works.map((w) => w.counts), perRow.inForce, perRow.rowTrue),
    tunedCounts: perRow.tuned && tunedCounts.length === works.length ? assembleCounts(tunedCounts, perRow.tuned, perRow.rowTrue) : null,
  };
}

/** The whole per-label part on this thread. */
export function rankedLabelReports(data: EvaluationData, options: LabelWorkOptions): RankedLabelReports {
  checkShape(data, options.thresholds);
  const tally = startMicroTally(data);
  const perRow = rowTallies(data.rows, options.tune);
  const works = labelRangeWork(data, 0, data.labelNames.length, tally, options, perRow);
  return mergeLabelWork(works, tally, rankingMetrics(data), perRow);
}
