// Benchmark: iterative stratification (src/core/resample/iterativeStratify.ts) of a seeded
// synthetic label matrix, 100,000 rows x 100 labels with Zipf-like prevalence (p_k ∝ 1/(k+1),
// about 3 labels per row), into 5 folds; first order (the target: under 0.5 s) and second order.
// For scale: the Python package iterative-stratification takes about 3 s on such data,
// scikit-multilearn about 165 s.
// Usage: node --import tsx scripts/bench/stratify.mjs [--rows N] [--labels N] [--folds K] [--rounds N] [--json]
import { LabelMatrixBuilder } from '../../src/core/data/labelMatrix.ts';
import { foldProportions, iterativeStratify } from '../../src/core/resample/iterativeStratify.ts';
import { createRandom } from '../../src/core/resample/random.ts';

function numberArg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

const rows = numberArg('--rows', 100_000);
const labelCount = numberArg('--labels', 100);
const folds = numberArg('--folds', 5);
const rounds = numberArg('--rounds', 3);
const json = process.argv.includes('--json');
const meanLabelsPerRow = 3;

/** Each label independently, label k with probability c / (k + 1), c chosen for `meanLabelsPerRow` labels a row on average. */
function zipfLabels(rowCount, labels, seed) {
  const harmonic = Array.from({ length: labels }, (_, k) => 1 / (k + 1)).reduce((s, x) => s + x, 0);
  const prevalence = Array.from({ length: labels }, (_, k) => Math.min(1, meanLabelsPerRow / harmonic / (k + 1)));
  const random = createRandom(seed);
  const builder = new LabelMatrixBuilder(labels, rowCount);
  const row = new Int32Array(labels);
  for (let r = 0; r < rowCount; r++) {
    let n = 0;
    for (let k = 0; k < labels; k++) if (random() < prevalence[k]) row[n++] = k;
    builder.addRow(row, n);
  }
  return builder.build();
}

const matrix = zipfLabels(rows, labelCount, 20261126);
const proportions = foldProportions(folds);
const emptyRows = Array.from({ length: rows }, (_, r) => matrix.offsets[r + 1] === matrix.offsets[r]).filter(Boolean).length;

function measure(order) {
  const times = [];
  let report;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    const split = iterativeStratify(matrix, { proportions, order, seed: round });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    report = split.report;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const ideal = rows / folds;
  return {
    order,
    medianMs: sorted[Math.floor(sorted.length / 2)],
    minMs: sorted[0],
    timesMs: times,
    meanRelativeDeviation: report.meanRelativeDeviation,
    maxLabelDeviation: Math.max(...report.labels.map((l) => l.maxDeviation)),
    maxPartRowDeviation: Math.max(...report.partRows.map((n) => Math.abs(n - ideal))),
  };
}

const results = [measure(1), measure(2)];
const summary = {
  rows,
  labels: labelCount,
  folds,
  rounds,
  labelsPerRow: matrix.labels.length / rows,
  emptyRows,
  firstOrder: results[0],
  secondOrder: results[1],
  targetMs: 500,
};

if (json) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`iterative stratification: ${rows} rows x ${labelCount} labels (${summary.labelsPerRow.toFixed(2)} labels/row, ${emptyRows} empty rows) into ${folds} folds, ${rounds} rounds`);
  for (const r of results) {
    console.log(
      `  order ${r.order}: median ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)} ms); meanRelativeDeviation ${r.meanRelativeDeviation.toFixed(4)}, ` +
        `largest label deviation ${r.maxLabelDeviation.toFixed(1)} rows, largest part size deviation ${r.maxPartRowDeviation.toFixed(1)} rows`,
    );
  }
  console.log(`  target: order 1 under ${summary.targetMs} ms -> ${results[0].medianMs < summary.targetMs ? 'met' : 'NOT met'}`);
}
