/**
 * The small pieces of a training run against hand-computed cases: headline metrics and tuned
 * thresholds on a 4-row example, the tail band by training frequency, the recommendation and its
 * sentence (the issue's own example), strategy names, run folder names, predictions.csv cells,
 * the CLI's --hidden, subsetTable, and the training-split resampling on real data.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { hiddenFrom } from '../../src/cli/commands/train.js';
import { readDatasetTable } from '../../src/core/data/datasetTable.js';
import { subsetTable } from '../../src/core/data/subsetTable.js';
import { UsageError } from '../../src/core/errors.js';
import { openDataset } from '../../src/core/io/open.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';
import { headlineMetrics, tailLabels, tunedThresholds } from '../../src/core/train/run/headline.js';
import { recommend } from '../../src/core/train/run/recommend.js';
import { validationEstimate, validationHalves } from '../../src/core/train/run/validationEstimate.js';
import { LabelMatrixBuilder } from '../../src/core/data/labelMatrix.js';
import { resampleTraining } from '../../src/core/train/run/resampleTraining.js';
import { createRunFolder, predictionsCsv, runTimestamp, safeName } from '../../src/core/train/run/runFolder.js';
import { checkStrategies, compareStrategies, lossConfigFor, strategyName } from '../../src/core/train/run/strategies.js';
import type { HeadlineMetrics, StrategyResult } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

/** Row-major truth and scores -> label-major EvaluationData. */
function data(truth: number[][], scores: number[][]): EvaluationData {
  const rows = truth.length;
  const labels = truth[0].length;
  const d: EvaluationData = { rows, labelNames: Array.from({ length: labels }, (_, l) => `L${l}`), truth: new Uint8Array(rows * labels), scores: new Float64Array(rows * labels) };
  for (let i = 0; i < rows; i++) {
    for (let l = 0; l < labels; l++) {
      d.truth[l * rows + i] = truth[i][l];
      d.scores[l * rows + i] = scores[i][l];
    }
  }
  return d;
}

const EXAMPLE = data(
  [
    [1, 0, 1],
    [0, 1, 0],
    [1, 1, 0],
    [0, 0, 1],
  ],
  [
    [0.9, 0.2, 0.6],
    [0.4, 0.7, 0.3],
    [0.6, 0.4, 0.2],
    [0.1, 0.3, 0.25],
  ],
);

const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);

describe('headline metrics', () => {
  test('at 0.5 and at tuned thresholds, by hand (tail = the rarest third by training positives)', () => {
    // training positives 5, 9, 1: ranking L1, L0, L2; the tail is the last round(3/3) = 1 label, L2
    const tail = tailLabels([5, 9, 1]);
    assert.deepEqual(tail, [2]);
    const fixed = headlineMetrics(EXAMPLE, [0.5, 0.5, 0.5], tail);
    // F1 per label at 0.5: L0 tp2 -> 1; L1 tp1 fn1 -> 2/3; L2 tp1 fn1 -> 2/3
    close(fixed.macroF1, (1 + 2 / 3 + 2 / 3) / 3, 'macro-F1');
    close(fixed.microF1, 8 / 10, 'micro-F1 (tp 4, fn 2)');
    // AP: L0 1, L1 1, L2 = 0.5·1 + 0.5·(2/3)
    close(fixed.mAP, (1 + 1 + (0.5 + 1 / 3)) / 3, 'macro AP');
    close(fixed.tailF1, 2 / 3, 'tail F1');
    const thresholds = tunedThresholds(EXAMPLE);
    // L0: F1 1 only at 0.6; L1: F1 1 at 0.4; L2: best F1 0.8 at 0.25 (tp 2, fp 1)
    assert.deepEqual(thresholds, [0.6, 0.4, 0.25]);
    const tuned = headlineMetrics(EXAMPLE, thresholds, tail);
    close(tuned.macroF1, (1 + 1 + 0.8) / 3, 'tuned macro-F1');
    close(tuned.tailF1, 0.8, 'tuned tail F1');
  });

  test('the tail band cuts the training-frequency ranking as frequencyBands does (ties by label index)', () => {
    // ranking 0(10), 4(8), 2(5), 3(3), 5(2), 1(1): round(6/3) = 2 tail labels
    assert.deepEqual(tailLabels([10, 1, 5, 3, 8, 2]).sort(), [1, 5]);
    // ties: equal counts keep label order, so the last labels are the tail
    assert.deepEqual(tailLabels([4, 4, 4, 4]).sort(), [3]);
    assert.deepEqual(tailLabels([7, 3]), [1]); // round(2/3) = 1 tail label
    assert.deepEqual(tailLabels([7]), []); // round(1/3) = 0
  });
});

function result(
  strategy: string,
  loss: StrategyResult['loss'],
  resampling: StrategyResult['resampling'],
  tuned: Partial<HeadlineMetrics>,
  fixed: Partial<HeadlineMetrics> = {},
  validation?: { fixed: Partial<HeadlineMetrics>; tuned: Partial<HeadlineMetrics> },
): StrategyResult {
  const full = (m: Partial<HeadlineMetrics>): HeadlineMetrics => ({ macroF1: 0, microF1: 0, mAP: 0, tailF1: 0, ...m });
  return {
    strategy,
    loss,
    resampling,
    runDir: '/r',
    epochsRun: 1,
    bestEpoch: 1,
    stoppedEarly: false,
    fixed: full(fixed),
    tuned: full(tuned),
    ...(validation ? { validation: { fixed: full(validation.fixed), tuned: full(validation.tuned) } } : {}),
  };
}

describe('recommend', () => {
  test('chooses on the validation rows, never the test rows: the issue example, weighted BCE over plain BCE', () => {
    // On the test rows plain BCE looks better; on validation weighted BCE (tuned) is best: validation decides.
    const r = recommend([
      result('bce', 'bce', 'none', { macroF1: 0.55, tailF1: 0.12 }, { macroF1: 0.5 }, { fixed: { macroF1: 0.4 }, tuned: { macroF1: 0.45 } }),
      result('wbce', 'wbce', 'none', { macroF1: 0.52, tailF1: 0.31 }, { macroF1: 0.49 }, { fixed: { macroF1: 0.47 }, tuned: { macroF1: 0.5 } }),
    ]);
    assert.deepEqual(r, {
      strategy: 'wbce',
      tuned: true,
      chosenOn: 'validation',
      reason:
        'Weighted BCE with tuned thresholds: the highest macro-F1 on the validation rows (0.50 vs 0.45 for plain BCE, thresholds tuned out of fold); tuning pays on the validation rows for 2 of 2 strategies (median +0.040); on the test rows 0.52 vs 0.55, but the rare labels do better: test tail-band F1 0.31 vs 0.12.',
    });
  });

  test('the fixed threshold wins when tuning does not pay on validation; ties go to tail F1, then to 0.5', () => {
    const fixedWins = recommend([
      result('bce', 'bce', 'none', { macroF1: 0.7 }, { macroF1: 0.6 }, { fixed: { macroF1: 0.62 }, tuned: { macroF1: 0.58 } }),
      result('focal', 'focal', 'none', { macroF1: 0.7 }, { macroF1: 0.6 }, { fixed: { macroF1: 0.6 }, tuned: { macroF1: 0.61 } }),
    ])!;
    assert.deepEqual([fixedWins.strategy, fixedWins.tuned], ['bce', false]);
    assert.match(fixedWins.reason, /^Plain BCE at the threshold 0\.5: the highest macro-F1 on the validation rows \(0\.62 vs 0\.60 for focal loss, the runner-up\); tuning pays on the validation rows for only 1 of 2 strategies \(median -0\.015\), so all are compared at 0\.5; on the test rows 0\.60 vs 0\.60/);
    const tied = recommend([
      result('focal', 'focal', 'none', {}, {}, { fixed: { macroF1: 0.6, tailF1: 0.2 }, tuned: { macroF1: 0.5 } }),
      result('asl', 'asl', 'none', {}, {}, { fixed: { macroF1: 0.6, tailF1: 0.3 }, tuned: { macroF1: 0.6, tailF1: 0.3 } }),
    ])!;
    assert.deepEqual([tied.strategy, tied.tuned], ['asl', false]);
    assert.match(tied.reason, /^Asymmetric loss at the threshold 0\.5: macro-F1 on the validation rows tied with focal loss, the runner-up \(0\.60\), broken by the higher tail-band F1/);
  });

  test('whether to tune is decided once, by the median strategy: one lucky difference does not flip it', () => {
    // cb's tuned figure (0.66) is the single highest, but tuning loses for 2 of 3 strategies: all at 0.5, where wbce leads.
    const mostLose = recommend([
      result('bce', 'bce', 'none', {}, {}, { fixed: { macroF1: 0.6 }, tuned: { macroF1: 0.58 } }),
      result('wbce', 'wbce', 'none', {}, {}, { fixed: { macroF1: 0.64 }, tuned: { macroF1: 0.63 } }),
      result('cb', 'cb', 'none', {}, {}, { fixed: { macroF1: 0.55 }, tuned: { macroF1: 0.66 } }),
    ])!;
    assert.deepEqual([mostLose.strategy, mostLose.tuned], ['wbce', false]);
    assert.match(mostLose.reason, /tuning pays on the validation rows for only 1 of 3 strategies \(median -0\.010\), so all are compared at 0\.5/);
    // wbce at 0.5 (0.70) is the single highest, but tuning pays for 2 of 3: all tuned, where bce leads.
    const mostGain = recommend([
      result('bce', 'bce', 'none', {}, {}, { fixed: { macroF1: 0.6 }, tuned: { macroF1: 0.68 } }),
      result('wbce', 'wbce', 'none', {}, {}, { fixed: { macroF1: 0.7 }, tuned: { macroF1: 0.66 } }),
      result('cb', 'cb', 'none', {}, {}, { fixed: { macroF1: 0.6 }, tuned: { macroF1: 0.62 } }),
    ])!;
    assert.deepEqual([mostGain.strategy, mostGain.tuned], ['bce', true]);
    assert.match(mostGain.reason, /tuning pays on the validation rows for 2 of 3 strategies \(median \+0\.020\)/);
  });

  test('without validation rows the choice is made on the test rows at 0.5, and the sentence says so', () => {
    const r = recommend([result('focal', 'focal', 'none', { macroF1: 0.9 }, { macroF1: 0.4 }), result('bce+mlros', 'bce', 'mlros', { macroF1: 0.5 }, { macroF1: 0.45 })])!;
    assert.deepEqual([r.strategy, r.tuned, r.chosenOn], ['bce+mlros', false, 'test']);
    assert.equal(r.reason, 'Plain BCE on ML-ROS-resampled data at the threshold 0.5: the highest macro-F1 on the test rows (0.45 vs 0.40 for focal loss, the runner-up); the run has no validation rows, so this is the best of several test figures and flatters the choice.');
  });

  test('the rare labels\' clause is worded against the test macro-F1 just given', () => {
    const validation = (macroF1: number) => ({ fixed: { macroF1 }, tuned: { macroF1 } });
    const reason = (test: Partial<HeadlineMetrics>) =>
      recommend([result('bce', 'bce', 'none', {}, { macroF1: 0.5, tailF1: 0.3 }, validation(0.6)), result('wbce', 'wbce', 'none', {}, test, validation(0.7))])!.reason;
    assert.match(reason({ macroF1: 0.52, tailF1: 0.4 }), /on the test rows 0\.52 vs 0\.50, and the rare labels gain most: test tail-band F1 0\.40 vs 0\.30\.$/);
    assert.match(reason({ macroF1: 0.6, tailF1: 0.35 }), /on the test rows 0\.60 vs 0\.50, test tail-band F1 0\.35 vs 0\.30\.$/);
    assert.match(reason({ macroF1: 0.48, tailF1: 0.4 }), /on the test rows 0\.48 vs 0\.50, but the rare labels do better: test tail-band F1 0\.40 vs 0\.30\.$/);
    assert.match(reason({ macroF1: 0.55, tailF1: 0.2 }), /on the test rows 0\.55 vs 0\.50, though the rare labels do not gain: test tail-band F1 0\.20 vs 0\.30\.$/);
    assert.match(reason({ macroF1: 0.45, tailF1: 0.2 }), /on the test rows 0\.45 vs 0\.50, and the rare labels do not gain either: test tail-band F1 0\.20 vs 0\.30\.$/);
    assert.match(reason({ macroF1: 0.45, tailF1: 0.3 }), /on the test rows 0\.45 vs 0\.50\.$/);
  });

  test('one strategy, or none', () => {
    assert.equal(recommend([]), undefined);
    const one = recommend([result('cb', 'cb', 'none', { macroF1: 0.512 }, { macroF1: 0.49 }, { fixed: { macroF1: 0.4 }, tuned: { macroF1: 0.45 } })])!;
    assert.equal(one.reason, 'Class-balanced BCE with tuned thresholds: the only strategy trained; tuned thresholds beat 0.5 on the validation rows (macro-F1 0.45 vs 0.40), 0.51 on the test rows.');
    const untuned = recommend([result('cb', 'cb', 'none', { macroF1: 0.512 }, { macroF1: 0.49 }, { fixed: { macroF1: 0.45 }, tuned: { macroF1: 0.45 } })])!;
    assert.equal(untuned.tuned, false, 'no gain: 0.5');
    assert.equal(untuned.reason, 'Class-balanced BCE at the threshold 0.5: the only strategy trained; 0.5 does as well as tuned thresholds on the validation rows or better (macro-F1 0.45 vs 0.45), 0.49 on the test rows.');
    const alone = recommend([result('cb', 'cb', 'none', {}, { macroF1: 0.49 })])!;
    assert.equal(alone.reason, 'Class-balanced BCE at the threshold 0.5: the only strategy trained (macro-F1 0.49 on the test rows; the run has no validation rows to tune thresholds on).');
  });
});

describe('validationEstimate: thresholds tuned on one half of the validation rows score the other half', () => {
  // Label a: half 0 (rows 0, 2) truth 1,0 scores .3,.1 -> tuned .3; half 1 (rows 1, 3) truth 1,0
  // scores .2,.25 -> tuned .2 (F1 2/3 beats .25's 0). Out of fold: row 0 at .2 is a tp, row 2 a tn,
  // row 1 at .3 a fn, row 3 a tn: F1 2/3. At 0.5 nothing is predicted: F1 0. Label b has its only
  // positive in half 0 (row 0, score .9): half 1 has no positives, keeps 0.5, and row 0 scored at
  // 0.5 is a tp; half 0 tunes to .9, and half 1's negatives (.95, .1) at .9 give one fp: F1 2/3.
  const data: EvaluationData = {
    rows: 4,
    labelNames: ['a', 'b'],
    truth: Uint8Array.from([1, 1, 0, 0, /* b */ 1, 0, 0, 0]),
    scores: Float64Array.from([0.3, 0.2, 0.1, 0.25, /* b */ 0.9, 0.95, 0.2, 0.1]),
  };
  const halves = Int32Array.from([0, 1, 0, 1]);

  test('hand-computed out-of-fold F1, and the fixed figures at 0.5', () => {
    const estimate = validationEstimate(data, halves, [1]);
    close(estimate.fixed.macroF1, (0 + 2 / 3) / 2, 'fixed macro-F1: a 0, b tp 1 fp 1 -> 2/3');
    close(estimate.tuned.macroF1, (2 / 3 + 2 / 3) / 2, 'tuned out of fold');
    close(estimate.tuned.microF1, (2 * 2) / (2 * 2 + 1 + 1), 'micro: tp 2, fp 1, fn 1');
    close(estimate.tuned.tailF1, 2 / 3, 'tail = label b');
    assert.equal(estimate.tuned.mAP, estimate.fixed.mAP);
    // In-sample tuning on all four rows would claim F1 1 for label a (threshold .2 catches both positives, only .25 in between): the estimate does not.
    assert.ok(headlineMetrics(data, tunedThresholds(data), [1]).macroF1 > estimate.tuned.macroF1);
  });

  test('a half with no rows falls back to the fixed figures; the halves are stratified and seeded', () => {
    const estimate = validationEstimate(data, new Int32Array(4), []);
    assert.deepEqual(estimate.tuned, estimate.fixed);
    const labels = new LabelMatrixBuilder(2);
    for (let i = 0; i < 40; i++) labels.addRow(i % 4 === 0 ? [0, 1] : i % 2 === 0 ? [0] : []);
    const matrix = labels.build();
    const a = validationHalves(matrix, 3);
    assert.deepEqual(a, validationHalves(matrix, 3));
    const count = (half: number, label: number) => Array.from(a).filter((h, row) => h === half && (label === 0 ? row % 2 === 0 : row % 4 === 0)).length;
    assert.deepEqual([count(0, 0), count(1, 0), count(0, 1), count(1, 1)], [10, 10, 5, 5]);
  });
});

describe('strategies and names', () => {
  test('the short loss names map to the engine losses', () => {
    assert.equal(lossConfigFor('wbce').kind, 'weightedBce');
    assert.equal(lossConfigFor('asl').kind, 'asymmetric');
    assert.equal(lossConfigFor('cb').kind, 'classBalancedBce');
    assert.equal(lossConfigFor('focal').focalGamma, 2);
  });

  test('the default comparison: every loss, then ML-ROS and MLSMOTE with plain BCE', () => {
    assert.deepEqual(compareStrategies().map(strategyName), ['bce', 'wbce', 'focal', 'asl', 'cb', 'bce+mlros', 'bce+mlsmote']);
    assert.deepEqual(compareStrategies(['wbce'], ['mlsmote']).map(strategyName), ['bce+mlsmote']);
    assert.throws(() => checkStrategies([{ loss: 'bce', resampling: 'none' }, { loss: 'bce', resampling: 'none' }]), UsageError);
    assert.throws(() => checkStrategies([]), UsageError);
  });

  test('--hidden: widths, 0 or empty for a linear model', () => {
    assert.deepEqual(hiddenFrom(undefined), [128]);
    assert.deepEqual(hiddenFrom('0'), []);
    assert.deepEqual(hiddenFrom(''), []);
    assert.deepEqual(hiddenFrom('256, 128'), [256, 128]);
    assert.throws(() => hiddenFrom('abc'), UsageError);
    assert.throws(() => hiddenFrom('64,0'), UsageError);
    assert.throws(() => hiddenFrom('1.5'), UsageError);
  });
});

describe('run folders', () => {
  test('timestamped names, safe names, never an existing folder', async () => {
    const date = new Date(2024, 0, 31, 23, 59, 5);
    assert.equal(runTimestamp(date), '20240131-235905');
    assert.equal(safeName('my data/set?.v2'), 'my_data_set_.v2');
    assert.equal(safeName('../..'), 'run');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-runfolder-'));
    const first = await createRunFolder(path.join(dir, 'runs'), 'emotions', date);
    const second = await createRunFolder(path.join(dir, 'runs'), 'emotions', date);
    assert.equal(path.basename(first), '20240131-235905-emotions');
    assert.equal(path.basename(second), '20240131-235905-emotions-2');
  });

  test('predictions.csv: RFC 4180 quoting of names and ids, scores in full', () => {
    const d = data([[1, 0]], [[0.1 + 0.2, 1e-7]]);
    d.labelNames = ['a,b', 'say "hi"'];
    const csv = predictionsCsv(d, { column: 'id', values: ['x,1'] });
    assert.equal(csv, 'id,"a,b","say ""hi"""\n"x,1",0.30000000000000004,1e-7\n');
  });
});

describe('subsetTable', () => {
  test('rows in the order given, repeats allowed, categories and codes unchanged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-subset-'));
    const file = path.join(dir, 'small.csv');
    fs.writeFileSync(file, 'id,x,colour,labels\nr0,1.5,red,a\nr1,2.5,blue,a|b\nr2,,red,b\n');
    const table = await readDatasetTable(await openDataset(file));
    const sub = subsetTable(table, [2, 0, 2]);
    assert.equal(sub.rows, 3);
    assert.deepEqual(sub.ids, ['r2', 'r0', 'r2']);
    assert.deepEqual(Array.from(sub.lines), [4, 2, 4]);
    const x = sub.features.find((f) => f.name === 'x');
    assert.ok(x?.kind === 'numeric' && x.entries === undefined, 'a dense file keeps dense numeric columns');
    assert.ok(Number.isNaN(x.values[0]) && x.values[1] === 1.5 && Number.isNaN(x.values[2]));
    const colour = sub.features.find((f) => f.name === 'colour');
    const original = table.features.find((f) => f.name === 'colour');
    assert.ok(colour?.kind === 'categorical' && original?.kind === 'categorical');
    assert.deepEqual(colour.categories, original.categories);
    assert.deepEqual(Array.from(colour.codes).map((c) => colour.categories[c]), ['red', 'red', 'red']);
    const labelsOf = (r: number): string[] => Array.from(sub.labels.labels.subarray(sub.labels.offsets[r], sub.labels.offsets[r + 1]), (l) => table.schema.labelNames[l]);
    assert.deepEqual([labelsOf(0), labelsOf(1), labelsOf(2)], [['b'], ['a'], ['b']]);
    assert.throws(() => subsetTable(table, [3]), RangeError);
  });
});

describe('resampling the training split', { skip: skipUnlessDatasets('emotions/emotions-train.arff') }, () => {
  test('ML-ROS: the input rows first, unchanged, then clones of rows with their labels', async () => {
    const train = await readDatasetTable(await openDataset(datasetPath('emotions/emotions-train.arff')!));
    const out = resampleTraining(train, 'mlros', 0);
    assert.ok(out.added > 0);
    assert.equal(out.table.rows, train.rows + out.added);
    assert.deepEqual(Array.from(out.table.lines.subarray(0, train.rows)), Array.from(train.lines));
    const first = train.features[0];
    const firstOut = out.table.features[0];
    assert.ok(first.kind === 'numeric' && firstOut.kind === 'numeric' && first.entries === undefined && firstOut.entries === undefined);
    // every clone equals the input row of the same source line, features and labels
    const rowOfLine = new Map(Array.from(train.lines, (line, r) => [line, r]));
    for (let r = train.rows; r < out.table.rows; r++) {
      const source = rowOfLine.get(out.table.lines[r])!;
      assert.equal(firstOut.values[r], first.values[source]);
      const labels = (m: typeof train.labels, i: number): number[] => Array.from(m.labels.subarray(m.offsets[i], m.offsets[i + 1]));
      assert.deepEqual(labels(out.table.labels, r), labels(train.labels, source));
    }
    assert.equal(resampleTraining(train, 'none', 0).table, train);
  });

  test('MLSMOTE: synthetic rows appended, each numeric value within its column range', async () => {
    const train = await readDatasetTable(await openDataset(datasetPath('emotions/emotions-train.arff')!));
    const out = resampleTraining(train, 'mlsmote', 0);
    assert.ok(out.added > 0);
    assert.equal(out.table.rows, train.rows + out.added);
    out.table.features.forEach((column, f) => {
      const input = train.features[f];
      assert.ok(column.kind === 'numeric' && input.kind === 'numeric' && column.entries === undefined && input.entries === undefined);
      const min = Math.min(...input.values);
      const max = Math.max(...input.values);
      for (let r = train.rows; r < out.table.rows; r++) assert.ok(column.values[r] >= min && column.values[r] <= max, `column ${column.name} row ${r}`);
    });
  });
});
