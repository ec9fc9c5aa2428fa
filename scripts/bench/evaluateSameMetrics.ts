// Our side of the like-for-like evaluation benchmark: exactly what scripts/bench/sklearnEvaluate.py
// computes (per-label confusion counts, P/R/F1 per label and micro/macro/weighted/samples, per-label
// AP and ROC-AUC) on the same .npy arrays, loading excluded, on ONE thread as scikit-learn is.
// Prints JSON in the same shape as the Python side so the two can be checked against each other.
// Usage: node --import tsx scripts/bench/evaluateSameMetrics.ts TRUTH.npy SCORES.npy
import { readNpy } from '../../src/core/io/predictions/npy.js';
import { averagedPrecisionRecallF1, confusionCounts, perLabelPrecisionRecallF1, type EvaluationData } from '../../src/core/metrics/index.js';
import { scoreLabels } from '../../src/core/metrics/computeMetrics.js';

async function main(): Promise<void> {
  const [truthFile, scoresFile] = process.argv.slice(2);
  const truthRows = await readNpy(truthFile);
  const scoreRows = await readNpy(scoresFile);
  const [rows, labels] = scoreRows.shape;

  // The engine works label-major (one contiguous column per label); the loaders transpose as they read.
  const truth = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows * labels);
  for (let r = 0; r < rows; r++) {
    for (let l = 0; l < labels; l++) {
      truth[l * rows + r] = truthRows.data[r * labels + l];
      scores[l * rows + r] = scoreRows.data[r * labels + l];
    }
  }
  const data: EvaluationData = { rows, labelNames: Array.from({ length: labels }, (_, l) => `y${l}`), truth, scores };

  const started = performance.now();
  const counts = confusionCounts(data, new Array<number>(labels).fill(0.5));
  const perLabel = perLabelPrecisionRecallF1(counts, 0);
  const averages = averagedPrecisionRecallF1(counts, perLabel, 0);
  const { ap, rocAuc } = scoreLabels(data, 0, labels, null);
  const seconds = (performance.now() - started) / 1000;

  process.stdout.write(
    JSON.stringify({
      seconds,
      microF1: averages.micro.f1,
      macroF1: averages.macro.f1,
      samplesF1: averages.samples.f1,
      ap: Array.from(ap),
      rocAuc: rocAuc.map((r) => r.value),
      tp: Array.from(counts.tp),
    }),
  );
}

void main();
