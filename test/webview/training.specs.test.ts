/**
 * The training views' spec builders and models on small runs with known numbers: each spec is
 * compiled by vega-lite, parsed with `ast: true` and rendered headless with vega-interpreter (as
 * the webview does under its CSP), then its marks and data are checked against the hand-made run:
 * loss curves, validation macro-F1 with best epochs, the per-class F1 heatmap, the strategies'
 * test metrics, the per-label F1 difference of two runs, and the comparison table's rows.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TopLevelSpec } from 'vega-lite';
import type { RunDigest, StrategyHistory, TrainingView } from '../../src/protocol/dashboard.js';
import { thresholdsInForce, type EpochRecord, type StrategyResult } from '../../src/protocol/training.js';
import { readChartTheme } from '../../webview/src/theme.js';
import type { ChartTheme } from '../../webview/src/types.js';
import { differenceRows, f1DifferenceSpec } from '../../webview/src/training/specs/f1Difference.js';
import { lossCurvesSpec, lossPoints } from '../../webview/src/training/specs/lossCurves.js';
import { heatmapCells, perClassHeatmapSpec } from '../../webview/src/training/specs/perClassHeatmap.js';
import { strategyColors } from '../../webview/src/training/specs/strategyColors.js';
import { strategyMetricBars, strategyMetricsSpec } from '../../webview/src/training/specs/strategyMetrics.js';
import { bestEpochs, validationF1Points, validationF1Spec } from '../../webview/src/training/specs/validationF1.js';
import { chartMaxEpoch, comparisonCaveats, comparisonRows, heatmapStrategy, progressSentence, statusNote, usesTuned } from '../../webview/src/training/trainingModel.js';
import { countMarks, renderSpec } from './harness/renderSpec.js';
import { HARNESS_THEMES } from './harness/themes.js';

const dark: ChartTheme = readChartTheme({ getPropertyValue: (n) => HARNESS_THEMES.dark.vars[n] ?? '' }, ['vscode-dark']);
const light: ChartTheme = readChartTheme({ getPropertyValue: (n) => HARNESS_THEMES.light.vars[n] ?? '' }, ['vscode-light']);

async function assertRenders(spec: TopLevelSpec, marks: Record<string, number>): Promise<string> {
  const out = await renderSpec(spec);
  assert.deepEqual(out.errors, [], 'vega errors');
  assert.deepEqual(out.warnings, [], 'vega-lite / vega warnings');
  for (const [markClass, n] of Object.entries(marks)) assert.equal(countMarks(out.svg, markClass), n, `${n} ${markClass} marks`);
  return out.svg;
}

const rec = (epoch: number, trainLoss: number, validationLoss: number | null, macroF1: number | null, perLabelF1: number[] | null = null): EpochRecord => ({ epoch, trainLoss, validationLoss, macroF1, microF1: macroF1, perLabelF1, ms: 1 });

/** bce: 3 epochs, validation macro-F1 0.2, 0.5, 0.5 (best: epoch 2, the first of the tie); focal: 2 epochs, the second without validation. */
const history: StrategyHistory[] = [
  { strategy: 'bce', records: [rec(1, 0.7, 0.8, 0.2, [0.1, 0.3, 0.2]), rec(2, 0.5, 0.6, 0.5, [0.4, 0.6, 0.5]), rec(3, 0.4, 0.65, 0.5, [0.5, 0.5, 0.5])] },
  { strategy: 'focal', records: [rec(1, 0.09, 0.1, 0.1, [0, 0.2, 0.1]), rec(2, 0.05, null, null, null)] },
];
const metric = (macroF1: number, microF1: number, mAP: number, tailF1: number) => ({ macroF1, microF1, mAP, tailF1 });
const result = (strategy: string, fixed: StrategyResult['fixed'], tuned: StrategyResult['tuned'], extra: Partial<StrategyResult> = {}): StrategyResult => ({
  strategy,
  loss: 'bce',
  resampling: 'none',
  runDir: `/runs/r/${strategy}`,
  epochsRun: 3,
  bestEpoch: 2,
  stoppedEarly: false,
  fixed,
  tuned,
  ...extra,
});

function view(overrides: Partial<TrainingView> = {}): TrainingView {
  return {
    kind: 'training',
    file: '/runs/r',
    summary: {
      kind: 'compare',
      name: 'd-compare',
      runDir: '/runs/r',
      file: '/data/d.csv',
      status: 'running',
      startedAt: '2024-03-01T10:00:00.000Z',
      backend: 'wasm',
      labelNames: ['x', 'y', 'z'],
      split: { source: 's', train: 70, validation: 15, test: 15, absent: [] },
      strategies: [],
    },
    strategies: ['bce', 'focal', 'asl'],
    epochs: 60,
    history,
    live: true,
    current: 'focal',
    ...overrides,
  };
}

describe('loss curves', () => {
  test('every training loss, the validation losses there are; on a log scale nothing at or below 0', () => {
    const points = lossPoints(history);
    assert.equal(points.length, 3 + 3 + 2 + 1);
    assert.deepEqual(points.filter((p) => p.strategy === 'focal').map((p) => [p.epoch, p.split, p.loss]), [[1, 'Training', 0.09], [1, 'Validation', 0.1], [2, 'Training', 0.05]]);
    assert.equal(lossPoints([{ strategy: 'a', records: [rec(1, 0, 0.5, null)] }], true).length, 1);
  });

  test('renders one line per strategy and part (bce training, bce validation, focal training, focal validation) and a point per loss', async () => {
    const spec = lossCurvesSpec({ strategies: ['bce', 'focal', 'asl'], history }, dark, { log: true, maxEpoch: 60 });
    await assertRenders(spec, { line: 4, symbol: 9 });
    const x = ((spec as { layer: { encoding: { x: { scale: { domain: number[] } } } }[] }).layer[0].encoding.x.scale.domain);
    assert.deepEqual(x, [1, 60], 'the axis spans the epoch cap while training');
    await assertRenders(lossCurvesSpec({ strategies: ['bce'], history: [] }, light, { log: false, maxEpoch: 1 }), { line: 0 });
  });
});

describe('validation macro-F1', () => {
  test('the scored epochs; the best epoch is the result’s once finished, else the first highest so far', () => {
    assert.deepEqual(validationF1Points(history).map((p) => [p.strategy, p.epoch, p.macroF1]), [['bce', 1, 0.2], ['bce', 2, 0.5], ['bce', 3, 0.5], ['focal', 1, 0.1]]);
    assert.deepEqual(bestEpochs(history, []).map((b) => [b.strategy, b.epoch]), [['bce', 2], ['focal', 1]]);
    assert.deepEqual(bestEpochs(history, [{ strategy: 'bce', bestEpoch: 3 }]).map((b) => [b.strategy, b.epoch, b.what]), [['bce', 3, 'best epoch (the model kept)'], ['focal', 1, 'best epoch so far']]);
  });

  test('live, the ring follows the epoch flagged best (early stopping’s warm-up never keeps epoch 1)', () => {
    const warm: StrategyHistory[] = [{ strategy: 'focal', records: [{ ...history[0].records[0], epoch: 1, macroF1: 0.35 }, { ...history[0].records[0], epoch: 2, macroF1: 0.1 }, { ...history[0].records[0], epoch: 3, macroF1: 0.2, best: true }] }];
    assert.deepEqual(bestEpochs(warm, []).map((b) => [b.epoch, b.macroF1]), [[3, 0.2]]);
  });

  test('renders a line per strategy with validation, a point per scored epoch and a ring per best epoch', async () => {
    const svg = await assertRenders(validationF1Spec({ strategies: ['bce', 'focal'], history, results: [] }, dark, { maxEpoch: 3 }), { line: 2, symbol: 4 + 2 });
    assert.match(svg, />Validation macro-F1 \(threshold 0\.5\)</);
  });

  test('a cross-validated run names its figures out-of-fold', async () => {
    const svg = await assertRenders(validationF1Spec({ strategies: ['bce', 'focal'], history, results: [] }, dark, { maxEpoch: 3, scoredOn: 'Out-of-fold' }), { line: 2, symbol: 4 + 2 });
    assert.match(svg, />Out-of-fold macro-F1 \(threshold 0\.5\)</);
    assert.doesNotMatch(svg, /Validation/);
    const heat = await assertRenders(perClassHeatmapSpec(history[0].records, ['x', 'y', 'z'], light, 'Out-of-fold'), { rect: 9 });
    assert.match(heat, />Out-of-fold F1</);
  });
});

describe('per-class F1 heatmap', () => {
  test('a cell per label and epoch with per-label F1; epochs without it are left out', async () => {
    const cells = heatmapCells(history[1].records, ['x', 'y', 'z']);
    assert.deepEqual(cells, [{ label: 'x', epoch: 1, f1: 0 }, { label: 'y', epoch: 1, f1: 0.2 }, { label: 'z', epoch: 1, f1: 0.1 }]);
    const svg = await assertRenders(perClassHeatmapSpec(history[0].records, ['x', 'y', 'z'], light), { rect: 9 });
    for (const label of ['x', 'y', 'z']) assert.match(svg, new RegExp(`>${label}<`));
  });
});

describe('strategies’ test metrics', () => {
  const results = [result('bce', metric(0.5, 0.6, 0.7, 0.2), metric(0.6, 0.65, 0.7, 0.3)), result('focal', metric(0.55, 0.6, 0.72, 0.35), metric(0.62, 0.66, 0.72, 0.4))];

  test('four bars per strategy, tuned or fixed as asked', async () => {
    const bars = strategyMetricBars(results, true);
    assert.deepEqual(bars.filter((b) => b.strategy === 'focal').map((b) => [b.metric, b.value]), [['Macro-F1', 0.62], ['Micro-F1', 0.66], ['mAP', 0.72], ['Tail F1', 0.4]]);
    assert.equal(strategyMetricBars(results, false)[0].value, 0.5);
    await assertRenders(strategyMetricsSpec(results, 'focal', true, dark), { rect: 8 });
  });

  test('the comparison table: one row per finished strategy, the recommended one marked, epochs with the best and early stopping', () => {
    const v = view();
    v.summary.strategies = [results[0], { ...results[1], epochsRun: 31, bestEpoch: 21, stoppedEarly: true }];
    v.summary.recommendation = { strategy: 'focal', tuned: true, chosenOn: 'validation', reason: 'r' };
    assert.deepEqual(comparisonRows(v).map((r) => [r.strategy, r.recommended, r.tuned.macroF1, r.fixed.macroF1, r.epochs]), [
      ['bce', false, 0.6, 0.5, '3 (best 2)'],
      ['focal', true, 0.62, 0.55, '31 (best 21, stopped early)'],
    ]);
  });
});

describe('two runs compared', () => {
  const digest = (name: string, perLabel: RunDigest['perLabel'], overrides: Partial<RunDigest> = {}): RunDigest => ({
    runDir: `/runs/${name}`,
    name,
    file: '/data/d.csv',
    kind: 'train',
    status: 'completed',
    startedAt: '2024-03-01T10:00:00.000Z',
    strategy: 'wbce',
    fixed: null,
    tuned: null,
    thresholdSource: 'per label, tuned for F1 on the 15 validation rows',
    perLabel,
    ...overrides,
  });
  const a = digest('a', [{ name: 'a', f1: 0.5, support: 4 }, { name: 'b', f1: 0.2, support: 3 }, { name: 'c', f1: null, support: 0 }, { name: 'd', f1: 0.9, support: 9 }]);
  const b = digest('b', [{ name: 'b', f1: 0.6, support: 3 }, { name: 'a', f1: 0.4, support: 4 }, { name: 'e', f1: 0.3, support: 2 }, { name: 'd', f1: 0.9, support: 9 }]);

  test('labels matched by name, B − A, B’s largest gain first; labels of one run only listed apart', () => {
    const { rows, onlyA, onlyB } = differenceRows(a, b);
    assert.deepEqual(rows.map((r) => [r.label, r.a, r.b, Number(r.difference.toFixed(10)), r.higher]), [
      ['b', 0.2, 0.6, 0.4, 'B'],
      ['d', 0.9, 0.9, 0, 'equal'],
      ['a', 0.5, 0.4, -0.1, 'A'],
    ]);
    assert.deepEqual(onlyA, []);
    assert.deepEqual(onlyB, ['e']);
  });

  test('renders a bar per shared label and the zero rule', async () => {
    const svg = await assertRenders(f1DifferenceSpec(a, b, dark), { rect: 3, rule: 1 });
    assert.match(svg, /B higher/);
  });

  test('caveats: other datasets, a run without evaluation, only one run tuned', () => {
    assert.deepEqual(comparisonCaveats(a, b), []);
    const other = digest('c', [], { file: '/data/other.csv', thresholdSource: '0.5 for every label (no validation split to tune on)' });
    const said = comparisonCaveats(a, other);
    assert.equal(said.length, 3);
    assert.match(said[0], /different datasets \(d\.csv and other\.csv\)/);
    assert.match(said[1], /Run B \(c\) has no test-split evaluation/);
    assert.match(said[2], /Only one run tuned its thresholds/);
  });
});

describe('the training view’s words', () => {
  test('where a live run is', () => {
    assert.equal(progressSentence(view()), 'Training focal (strategy 2 of 3) · epoch 2 of 60');
    assert.equal(progressSentence(view({ current: 'bce' })), 'Training bce (strategy 1 of 3) · epoch 3 of 60 · validation macro-F1 0.500');
    const crossValidated = view({ current: 'bce' });
    crossValidated.summary.split = { ...crossValidated.summary.split, validation: 0, folds: 5 };
    assert.equal(progressSentence(crossValidated), 'Training bce (strategy 1 of 3) · epoch 3 of 60 · out-of-fold macro-F1 0.500');
    assert.equal(progressSentence({ ...crossValidated, finalModel: { member: 2, of: 3, epochs: 36 } }), 'Training bce (strategy 1 of 3) · final model 2 of 3: 36 epochs on every training row');
    assert.equal(progressSentence({ ...crossValidated, finalModel: { member: 1, of: 1, epochs: 1 } }), 'Training bce (strategy 1 of 3) · final model: 1 epoch on every training row');
    assert.equal(progressSentence(view({ current: 'asl' })), 'Training asl (strategy 3 of 3) · first epoch…');
    assert.equal(progressSentence(view({ current: null, history: [] })), 'Preparing to train…');
    assert.equal(progressSentence(view({ live: false })), '');
  });

  test('what a status means', () => {
    assert.equal(statusNote(view()), null);
    const cancelled = view({ live: false });
    cancelled.summary.status = 'cancelled';
    cancelled.summary.strategies = [result('bce', metric(0.5, 0.5, 0.5, 0.5), metric(0.5, 0.5, 0.5, 0.5))];
    assert.match(statusNote(cancelled)!.text, /^The run was cancelled: 1 of the 3 strategies that started finished\./);
    const stale = view({ live: false });
    assert.match(statusNote(stale)!.text, /this window is not training it/);
    const failed = view({ live: false });
    failed.summary.status = 'failed';
    failed.summary.error = 'boom';
    assert.match(statusNote(failed)!.text, /^The run failed: boom\./);
  });

  test('the heatmap’s strategy: the pick, else the one training now, else the recommended one, else the last with epochs', () => {
    assert.equal(heatmapStrategy(view(), 'bce'), 'bce');
    assert.equal(heatmapStrategy(view(), 'gone'), 'focal');
    assert.equal(heatmapStrategy(view({ current: 'asl' }), ''), 'focal', 'asl has no epoch yet: the last one with epochs stays');
    const done = view({ live: false, current: null });
    assert.equal(heatmapStrategy(done, ''), 'focal');
    done.summary.recommendation = { strategy: 'bce', tuned: true, chosenOn: 'validation', reason: '' };
    assert.equal(heatmapStrategy(done, ''), 'bce');
  });

  test('the x axis: the epoch cap while training, the last epoch after; tuned thresholds when there were validation rows', () => {
    assert.equal(chartMaxEpoch(view()), 60);
    assert.equal(chartMaxEpoch(view({ live: false })), 3);
    assert.equal(usesTuned(view()), true);
    const noValidation = view();
    noValidation.summary.split = { ...noValidation.summary.split, validation: 0 };
    assert.equal(usesTuned(noValidation), false);
  });

  test('the thresholds in force, which the comparison table shades: none before a comparison recommends, else what the run is read at', () => {
    const compare = view({ live: false }).summary;
    assert.equal(thresholdsInForce(compare), undefined, 'a comparison stopped before its recommendation chose no thresholds');
    assert.equal(thresholdsInForce({ ...compare, recommendation: { strategy: 'bce', tuned: false, chosenOn: 'validation', reason: '' } }), 'fixed');
    assert.equal(thresholdsInForce({ ...compare, recommendation: { strategy: 'bce', tuned: true, chosenOn: 'validation', reason: '' } }), 'tuned');
    const train = { ...compare, kind: 'train' as const };
    assert.equal(thresholdsInForce({ ...train, thresholdsTuned: false }), 'fixed');
    assert.equal(thresholdsInForce({ ...train, thresholdsTuned: true }), 'tuned');
    assert.equal(thresholdsInForce(train), 'tuned', 'a run saved before the rule was read at its tuned thresholds');
    assert.equal(thresholdsInForce({ ...train, split: { ...train.split, validation: 0 } }), 'fixed', 'no rows to tune on: 0.5');
  });

  test('seven strategies, seven colours: the theme’s six, then a seventh of its own', () => {
    const colours = strategyColors(['1', '2', '3', '4', '5', '6', '7'], dark);
    assert.deepEqual(colours.slice(0, 6), dark.categorical.slice(0, 6));
    assert.equal(new Set(colours).size, 7);
  });
});
