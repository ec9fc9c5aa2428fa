/**
 * The protocol for training runs: the `training` and `runComparison` views and the per-event
 * `trainingProgress` message pass the validators when well formed and not otherwise; a run
 * comparison's state keeps its second folder; applyTrainingEvent builds a live view step by step.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyTrainingEvent, isDashboardState, isHostMessage, isRunComparisonView, isTrainingView, PROTOCOL_VERSION, type RunDigest, type TrainingView } from '../../src/protocol/dashboard.js';
import type { EpochRecord, StrategyResult } from '../../src/protocol/training.js';

const headline = { macroF1: 0.6, microF1: 0.7, mAP: 0.65, tailF1: 0.4 };
const result = (strategy: string, macroF1 = 0.6): StrategyResult => ({
  strategy,
  loss: 'bce',
  resampling: 'none',
  runDir: `/runs/r/${strategy}`,
  epochsRun: 3,
  bestEpoch: 2,
  stoppedEarly: false,
  fixed: { ...headline, macroF1: macroF1 - 0.1 },
  tuned: { ...headline, macroF1 },
});
const record = (epoch: number, macroF1: number | null = 0.5): EpochRecord => ({ epoch, trainLoss: 1 / epoch, validationLoss: 1.1 / epoch, macroF1, microF1: macroF1, perLabelF1: [0.1, 0.2], ms: 4 });

function trainingView(): TrainingView {
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
      labelNames: ['a', 'b'],
      split: { source: 'its split column', train: 10, validation: 3, test: 3, absent: [] },
      strategies: [],
    },
    strategies: ['bce', 'focal'],
    epochs: 5,
    history: [],
    live: true,
    current: null,
  };
}

const evaluation = { kind: 'evaluation', file: '/runs/r/predictions.csv', report: { rows: 3, perLabel: [] }, curves: [] };
const digest = (name: string): RunDigest => ({
  runDir: `/runs/${name}`,
  name,
  file: '/data/d.csv',
  kind: 'train',
  status: 'completed',
  startedAt: '2024-03-01T10:00:00.000Z',
  strategy: 'wbce',
  fixed: headline,
  tuned: headline,
  thresholdSource: 'per label, tuned for F1 on the 3 validation rows',
  perLabel: [{ name: 'a', f1: 0.5, support: 2 }, { name: 'b', f1: null, support: 0 }],
});

describe('training views', () => {
  test('a training view passes, live or finished with its evaluation', () => {
    const live = trainingView();
    assert.equal(isTrainingView(live), true);
    assert.equal(isHostMessage({ type: 'view', view: live }), true);
    const done: TrainingView = { ...trainingView(), live: false, history: [{ strategy: 'bce', records: [record(1), record(2, null)] }], evaluation: evaluation as never };
    done.summary.strategies = [result('bce')];
    assert.equal(isHostMessage({ type: 'view', view: done }), true);
  });

  const broken: [string, (v: Record<string, unknown>) => void][] = [
    ['no history', (v) => delete v.history],
    ['a record without an epoch number', (v) => (v.history = [{ strategy: 'bce', records: [{ epoch: '1', trainLoss: 1 }] }])],
    ['live not a boolean', (v) => (v.live = 'yes')],
    ['current a number', (v) => (v.current = 2)],
    ['strategies not names', (v) => (v.strategies = [1, 2])],
    ['a summary without label names', (v) => delete (v.summary as Record<string, unknown>).labelNames],
    ['a strategy result without tuned metrics', (v) => ((v.summary as Record<string, unknown>).strategies = [{ strategy: 'bce', fixed: headline }])],
    ['an evaluation that is not an evaluation view', (v) => (v.evaluation = { kind: 'analysis', file: '/x', report: { instances: 1, perLabel: [] } })],
  ];
  for (const [why, spoil] of broken) {
    test(`refused: ${why}`, () => {
      const v = trainingView() as unknown as Record<string, unknown>;
      spoil(v);
      assert.equal(isTrainingView(v), false);
      assert.equal(isHostMessage({ type: 'view', view: v }), false);
    });
  }

  test('a run comparison passes with two digests, and not with one or a digest missing its per-label F1', () => {
    const view = { kind: 'runComparison', file: '/runs/a', otherFile: '/runs/b', runs: [digest('a'), digest('b')] };
    assert.equal(isRunComparisonView(view), true);
    assert.equal(isHostMessage({ type: 'view', view }), true);
    assert.equal(isHostMessage({ type: 'view', view: { ...view, runs: [digest('a')] } }), false);
    assert.equal(isHostMessage({ type: 'view', view: { ...view, otherFile: undefined } }), false);
    const { perLabel: _gone, ...partial } = digest('b');
    assert.equal(isHostMessage({ type: 'view', view: { ...view, runs: [digest('a'), partial] } }), false);
    assert.equal(isHostMessage({ type: 'view', view: { ...view, runs: [digest('a'), { ...digest('b'), tuned: { macroF1: 1 } }] } }), false);
  });

  test('the saved state of a run comparison keeps its second folder; a training view’s is its folder alone', () => {
    assert.equal(isDashboardState({ protocol: PROTOCOL_VERSION, kind: 'runComparison', file: '/runs/a', otherFile: '/runs/b', ui: {} }), true);
    assert.equal(isDashboardState({ protocol: PROTOCOL_VERSION, kind: 'runComparison', file: '/runs/a', otherFile: 7, ui: {} }), false);
    assert.equal(isDashboardState({ protocol: PROTOCOL_VERSION, kind: 'training', file: '/runs/a', ui: { 'training.loss.log': true } }), true);
  });
});

describe('trainingProgress', () => {
  const valid = [
    { kind: 'strategyStarted', strategy: 'bce', index: 0 },
    { kind: 'epoch', strategy: 'bce', record: record(1) },
    { kind: 'epoch', strategy: 'bce', record: record(2, null) },
    { kind: 'finalModel', strategy: 'bce', member: 2, of: 3, epochs: 36 },
    { kind: 'strategyDone', result: result('bce') },
  ];
  for (const event of valid) {
    test(`accepts ${event.kind}`, () => assert.equal(isHostMessage({ type: 'trainingProgress', file: '/runs/r', event }), true));
  }
  const invalid: [string, unknown][] = [
    ['no file', { type: 'trainingProgress', event: valid[0] }],
    ['an unknown event', { type: 'trainingProgress', file: '/r', event: { kind: 'finished' } }],
    ['an epoch without its record', { type: 'trainingProgress', file: '/r', event: { kind: 'epoch', strategy: 'bce' } }],
    ['an epoch numbered as text', { type: 'trainingProgress', file: '/r', event: { kind: 'epoch', strategy: 'bce', record: { ...record(1), epoch: '1' } } }],
    ['a fractional strategy index', { type: 'trainingProgress', file: '/r', event: { kind: 'strategyStarted', strategy: 'bce', index: 0.5 } }],
    ['a final model without its count', { type: 'trainingProgress', file: '/r', event: { kind: 'finalModel', strategy: 'bce', member: 2, epochs: 36 } }],
    ['a final model with fractional epochs', { type: 'trainingProgress', file: '/r', event: { kind: 'finalModel', strategy: 'bce', member: 2, of: 3, epochs: 3.5 } }],
    ['a result without metrics', { type: 'trainingProgress', file: '/r', event: { kind: 'strategyDone', result: { strategy: 'bce' } } }],
  ];
  for (const [why, message] of invalid) test(`refuses ${why}`, () => assert.equal(isHostMessage(message), false));
});

describe('applyTrainingEvent', () => {
  test('strategies start, gain epochs (a repeated epoch replaces the first), and finish into the summary', () => {
    const view = trainingView();
    applyTrainingEvent(view, { kind: 'strategyStarted', strategy: 'bce', index: 0 });
    assert.equal(view.current, 'bce');
    assert.deepEqual(view.history.map((h) => [h.strategy, h.records.length]), [['bce', 0]]);
    applyTrainingEvent(view, { kind: 'epoch', strategy: 'bce', record: record(1, 0.2) });
    applyTrainingEvent(view, { kind: 'epoch', strategy: 'bce', record: record(2, 0.3) });
    applyTrainingEvent(view, { kind: 'epoch', strategy: 'bce', record: record(2, 0.35) });
    assert.deepEqual(view.history[0].records.map((r) => [r.epoch, r.macroF1]), [[1, 0.2], [2, 0.35]]);
    applyTrainingEvent(view, { kind: 'strategyDone', result: result('bce', 0.6) });
    assert.equal(view.current, null);
    applyTrainingEvent(view, { kind: 'strategyDone', result: result('bce', 0.61) });
    assert.deepEqual(view.summary.strategies.map((s) => [s.strategy, s.tuned.macroF1]), [['bce', 0.61]]);
    // a strategy the view did not plan for (another version's worker) is added at the end
    applyTrainingEvent(view, { kind: 'epoch', strategy: 'asl', record: record(1) });
    assert.deepEqual(view.strategies, ['bce', 'focal', 'asl']);
    assert.deepEqual(view.history.map((h) => h.strategy), ['bce', 'asl']);
  });

  test('a final model after cross-validation is the current strategy\'s stage until the strategy ends or the next starts', () => {
    const view = trainingView();
    applyTrainingEvent(view, { kind: 'strategyStarted', strategy: 'bce', index: 0 });
    applyTrainingEvent(view, { kind: 'finalModel', strategy: 'focal', member: 1, of: 3, epochs: 20 });
    assert.equal(view.finalModel, undefined, 'not the current strategy: ignored');
    applyTrainingEvent(view, { kind: 'finalModel', strategy: 'bce', member: 2, of: 3, epochs: 20 });
    assert.deepEqual(view.finalModel, { member: 2, of: 3, epochs: 20 });
    assert.equal(isTrainingView(view), true);
    assert.equal(isTrainingView({ ...view, finalModel: { member: 2 } }), false);
    applyTrainingEvent(view, { kind: 'strategyDone', result: result('bce', 0.6) });
    assert.equal(view.finalModel, undefined);
    applyTrainingEvent(view, { kind: 'strategyStarted', strategy: 'focal', index: 1 });
    applyTrainingEvent(view, { kind: 'finalModel', strategy: 'focal', member: 1, of: 1, epochs: 20 });
    applyTrainingEvent(view, { kind: 'strategyStarted', strategy: 'asl', index: 2 });
    assert.equal(view.finalModel, undefined, 'a new strategy starts with its folds');
  });
});
