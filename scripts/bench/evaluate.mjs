// Benchmark 2: `imbalance-lens evaluate` against scikit-learn on 200,000 rows x 100 labels,
// side by side in one run: scikit-learn's compute alone (arrays already loaded from .npy) versus
// (a) our engine computing exactly the same metrics on one thread (evaluateSameMetrics.ts, the
// like-for-like comparison), (b) our full report (report.timings.computeMs: every metric, curves,
// sweep, pairs, bands and tuning, on all cores) and (c) our whole process reading the CSV files.
// Checks that every side gives the same numbers before printing any time.
// Usage: node scripts/bench/evaluate.mjs [--rounds N]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { EVAL_LABELS, EVAL_ROWS, generateEvalBench } from '../gen-eval-bench-data.mjs';
import { median, numberArg, timed } from './run.mjs';

const rounds = numberArg('--rounds', 3);
const files = { truth: '.bench/eval-truth.csv', pred: '.bench/eval-pred.csv', truthNpy: '.bench/eval-truth.npy', scoresNpy: '.bench/eval-scores.npy' };
if (!Object.values(files).every((f) => fs.existsSync(f))) {
  console.log('generating the evaluation benchmark files (once; git-ignored) ...');
  generateEvalBench('.bench');
}
const python = '/usr/bin/python3';
const hasSklearn = spawnSync(python, ['-c', 'import sklearn'], { encoding: 'utf8' }).status === 0;

const ours = [];
const sameMetrics = [];
const theirs = [];
for (let r = 0; r < rounds; r++) {
  const run = timed(process.execPath, ['dist/cli.js', 'evaluate', '--truth', files.truth, '--pred', files.pred, '--tune-thresholds', '--format', 'json']);
  ours.push({ ...run, report: JSON.parse(run.stdout) });
  sameMetrics.push(JSON.parse(timed(process.execPath, ['--import', 'tsx', 'scripts/bench/evaluateSameMetrics.ts', files.truthNpy, files.scoresNpy]).stdout));
  if (hasSklearn) theirs.push(JSON.parse(timed(python, ['scripts/bench/sklearnEvaluate.py', files.truthNpy, files.scoresNpy]).stdout));
}

const report = ours[0].report;
if (theirs.length) {
  const sk = theirs[0];
  const close = (a, b, what) => {
    if (Math.abs(a - b) > 1e-9) throw new Error(`${what} differs: ours ${a}, scikit-learn ${b}`);
  };
  close(report.averages.micro.f1, sk.microF1, 'micro F1');
  close(report.averages.macro.f1, sk.macroF1, 'macro F1');
  close(report.averages.samples.f1, sk.samplesF1, 'samples F1');
  report.perLabel.forEach((l, i) => {
    close(l.ap, sk.ap[i], `AP of ${l.name}`);
    close(l.rocAuc, sk.rocAuc[i], `ROC-AUC of ${l.name}`);
    close(l.tp, sk.tp[i], `TP of ${l.name}`);
  });
  const same = sameMetrics[0];
  close(same.microF1, sk.microF1, 'micro F1 (same-metrics run)');
  close(same.macroF1, sk.macroF1, 'macro F1 (same-metrics run)');
  close(same.samplesF1, sk.samplesF1, 'samples F1 (same-metrics run)');
  sk.ap.forEach((ap, i) => {
    close(same.ap[i], ap, `AP of label ${i} (same-metrics run)`);
    close(same.rocAuc[i], sk.rocAuc[i], `ROC-AUC of label ${i} (same-metrics run)`);
    close(same.tp[i], sk.tp[i], `TP of label ${i} (same-metrics run)`);
  });
}

const oursCompute = median(ours.map((r) => r.report.timings.computeMs / 1000));
const oursSame = median(sameMetrics.map((r) => r.seconds));
const oursWhole = median(ours.map((r) => r.seconds));
console.log(`\nevaluation: ${EVAL_ROWS.toLocaleString('en-US')} rows x ${EVAL_LABELS} labels; median of ${rounds} runs each, alternating`);
if (!theirs.length) {
  console.log('scikit-learn not found (apt-get install python3-sklearn): our side only');
  console.log(`imbalance-lens: the same metrics on one thread ${oursSame.toFixed(2)} s, full report ${oursCompute.toFixed(2)} s, whole process ${oursWhole.toFixed(2)} s`);
  process.exit(0);
}
const skCompute = median(theirs.map((t) => t.seconds));
console.log('results agree: micro/macro/samples F1, and per label TP, AP and ROC-AUC to 1e-9\n');
console.log(`${'contender'.padEnd(72)} ${'seconds'.padStart(8)} ${'speed-up'.padStart(9)}`);
const line = (name, s) => console.log(`${name.padEnd(72)} ${s.toFixed(2).padStart(8)} ${(skCompute / s).toFixed(1).padStart(8)}x`);
line('scikit-learn compute: confusion, P/R/F1 (4 averages), per-label AP, ROC-AUC', skCompute);
line('imbalance-lens compute: the same metrics, one thread (like for like)', oursSame);
line('imbalance-lens compute: full report (+ curves, sweep, pairs, bands, tuning)', oursCompute);
line('imbalance-lens evaluate, whole process reading both CSV files', oursWhole);
console.log(`peak RSS of the whole process: ${Math.max(...ours.map((r) => r.rssMb)).toFixed(0)} MB`);
