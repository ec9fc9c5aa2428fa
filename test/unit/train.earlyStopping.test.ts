/**
 * EarlyStopping: the warm-up (the first `patience` epochs are never kept), the first of ties,
 * the stop `patience` epochs after the best watched epoch, and short runs.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { EarlyStopping } from '../../src/core/train/earlyStopping.js';

/** Feeds scores (epoch 1, 2, ...) until it says stop; returns the epochs run and the best epoch. */
function run(scores: number[], patience: number): { ran: number; best: number; flags: boolean[] } {
  const stopping = new EarlyStopping(patience, scores.length);
  const flags: boolean[] = [];
  let ran = 0;
  for (const [i, score] of scores.entries()) {
    ran = i + 1;
    flags.push(stopping.observe(i + 1, score));
    if (stopping.shouldStop(i + 1)) break;
  }
  return { ran, best: stopping.bestEpoch, flags };
}

test('a focal-like curve: highest at epoch 1, low, then recovering past it late: the warm-up lets it recover', () => {
  // epoch 1: 0.35 (outputs near 0.5), down to 0.05 at epoch 2, then rising by 0.01 an epoch to 0.53 at epoch 50, then falling
  const scores = [0.35, ...Array.from({ length: 49 }, (_, i) => 0.05 + 0.01 * i), 0.49, 0.48];
  const { ran, best, flags } = run(scores, 10);
  assert.equal(flags[0], false, 'epoch 1 is in the warm-up: never kept');
  assert.equal(best, 50, 'the recovered model, not epoch 1');
  assert.equal(ran, 52, 'ran to the end: never 10 epochs without a better score');
  // Without the warm-up (patience counted from epoch 1) the same curve would have stopped at epoch 11 keeping epoch 1.
});

test('the stop comes `patience` epochs after the best watched epoch; ties keep the first', () => {
  const { ran, best, flags } = run([0.1, 0.2, 0.5, 0.6, 0.6, 0.55, 0.4, 0.3, 0.3, 0.3], 2);
  assert.deepEqual(flags.slice(0, 6), [false, false, true, true, false, false], 'watched from epoch 3; the tie at epoch 5 is not a new best');
  assert.equal(best, 4);
  assert.equal(ran, 6, 'two epochs after epoch 4');
});

test('fewer epochs than the warm-up: the last epoch is watched; patience 0 watches from epoch 1 and never stops', () => {
  assert.deepEqual(run([0.9, 0.1, 0.2], 10), { ran: 3, best: 3, flags: [false, false, true] });
  const none = run([0.9, 0.1, 0.2, 0.1], 0);
  assert.deepEqual([none.ran, none.best], [4, 1]);
  assert.equal(new EarlyStopping(0, 4).shouldStop(4), false);
});

test('NaN scores are never the best', () => {
  const stopping = new EarlyStopping(1, 5);
  assert.equal(stopping.observe(2, Number.NaN), false);
  assert.equal(stopping.observe(3, 0.1), true);
});
