import { UsageError } from '../../errors.js';
import type { RankedLabel } from '../rankedColumn.js';
import type { EvaluationData } from '../types.js';
import { f1FromCounts } from './bestF1.js';
import { rankIndexAt } from './countsAtThreshold.js';
import { rankLabels } from './rankLabels.js';

export interface ThresholdSweep {
  threshold: number[];
  /** Mean of the per-label F1 at one shared threshold (scikit-learn average='macro', zero_division 0). */
  macroF1: number[];
  /** F1 of the summed counts at one shared threshold (scikit-learn average='micro', zero_division 0). */
  microF1: number[];
}

/** 0.00, 0.01, ..., 1.00, each computed as i / 100 so the values are the nearest doubles. */
export function defaultThresholdGrid(): number[] {
  return Array.from({ length: 101 }, (_, i) => i / 100);
}

/**
 * Macro- and micro-F1 when every label is predicted at score >= t, for each t of the grid. The
 * counts at t come from each label's ranked thresholds by search (each label walks the grid from
 * the highest t down, resuming where the previous t stopped), so the cost is about
 * labels x grid x log(rows), and the rows are never re-thresholded.
 */
export function thresholdSweep(
  data: EvaluationData,
  grid: readonly number[] = defaultThresholdGrid(),
  ranked: RankedLabel[] = rankLabels(data),
): ThresholdSweep {
  const sweep = new SweepAccumulator(grid);
  for (const label of ranked) sweep.add(label);
  return sweep.result();
}

/** One label's true and false positives at each grid point (grid order), and its positives. */
export interface SweepCounts {
  tp: Int32Array;
  fp: Int32Array;
  positives: number;
}

/** The sweep built one ranked label at a time, so a caller can rank each label once and drop it. */
export class SweepAccumulator {
  private readonly order: number[];
  private readonly f1Sum: Float64Array;
  private readonly tpSum: Float64Array;
  private readonly fpSum: Float64Array;
  private readonly fnSum: Float64Array;
  private labels = 0;

  constructor(private readonly grid: readonly number[] = defaultThresholdGrid()) {
    for (const t of grid) {
      if (!Number.isFinite(t)) throw new UsageError(`Sweep thresholds must be finite numbers, got ${t}.`);
    }
    this.order = grid.map((_, g) => g).sort((a, b) => grid[b] - grid[a]);
    this.f1Sum = new Float64Array(grid.length);
    this.tpSum = new Float64Array(grid.length);
    this.fpSum = new Float64Array(grid.length);
    this.fnSum = new Float64Array(grid.length);
  }

  add(label: RankedLabel): void {
    this.addCounts(this.counts(label));
  }

  /** One label's counts at each grid point (what `add` sums), so they can be computed elsewhere (a worker) and added in label order. */
  counts(label: RankedLabel): SweepCounts {
    const tp = new Int32Array(this.grid.length);
    const fp = new Int32Array(this.grid.length);
    let k = -1;
    for (const g of this.order) {
      k = rankIndexAt(label, this.grid[g], Math.max(0, k));
      tp[g] = k < 0 ? 0 : label.tp[k];
      fp[g] = k < 0 ? 0 : label.fp[k];
    }
    return { tp, fp, positives: label.positives };
  }

  /** Add one label's counts; labels must be added in label order for the sums to be reproducible to the bit. */
  addCounts(counts: SweepCounts): void {
    for (let g = 0; g < this.grid.length; g++) {
      const tp = counts.tp[g];
      const fp = counts.fp[g];
      const fn = counts.positives - tp;
      this.f1Sum[g] += f1FromCounts(tp, fp, fn);
      this.tpSum[g] += tp;
      this.fpSum[g] += fp;
      this.fnSum[g] += fn;
    }
    this.labels++;
  }

  result(): ThresholdSweep {
    return {
      threshold: [...this.grid],
      macroF1: this.grid.map((_, g) => (this.labels === 0 ? 0 : this.f1Sum[g] / this.labels)),
      microF1: this.grid.map((_, g) => f1FromCounts(this.tpSum[g], this.fpSum[g], this.fnSum[g])),
    };
  }
}
