/**
 * averageMlps: several models of one shape as one wider MLP whose logits are the members' mean
 * logits, checked against the members' own predictions (dense and CSR input), for a linear
 * model, one hidden layer and two; its shape; and the refusals.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { averageMlps } from '../../src/core/train/averageMlps.js';
import { csrFromDense } from '../../src/core/train/featureRows.js';
import { createMlp, predictLogits, type MlpModel } from '../../src/core/train/model.js';
import { seededUniform } from '../../src/core/train/random.js';

const ROWS = 37;
const INPUTS = 11;
const OUTPUTS = 4;

/** Rows with about a third of the entries zero, some large, so ReLUs switch both ways. */
function inputs(): Float32Array {
  const random = seededUniform(7);
  return Float32Array.from({ length: ROWS * INPUTS }, () => (random() < 0.35 ? 0 : (random() - 0.5) * 6));
}

function meanLogits(members: readonly MlpModel[], x: Float32Array): Float64Array {
  const mean = new Float64Array(ROWS * OUTPUTS);
  for (const m of members) predictLogits(m, x, ROWS).forEach((v, i) => (mean[i] += v / members.length));
  return mean;
}

function assertClose(actual: Float32Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) assert.ok(Math.abs(actual[i] - expected[i]) < 1e-5, `${what}, entry ${i}: ${actual[i]} vs ${expected[i]}`);
}

for (const hidden of [[], [8], [6, 5]]) {
  test(`hidden [${hidden.join(', ')}]: the merged model's logits are the members' mean logits`, () => {
    const members = [1, 2, 3].map((seed) => createMlp(INPUTS, OUTPUTS, { hidden, dropout: 0 }, seed));
    // Larger biases than the init's, so some hidden units are dead for some rows.
    for (const [m, member] of members.entries()) for (const layer of member.layers) layer.bias.forEach((_, i) => (layer.bias[i] += (m - 1) * 0.7));
    const merged = averageMlps(members);
    assert.deepEqual(merged.hidden, hidden.map((h) => h * 3), 'hidden widths times the members');
    assert.deepEqual([merged.inputs, merged.outputs], [INPUTS, OUTPUTS]);
    const x = inputs();
    const expected = meanLogits(members, x);
    assertClose(predictLogits(merged, x, ROWS), expected, 'dense input');
    assertClose(predictLogits(merged, csrFromDense(x, ROWS, INPUTS), ROWS), expected, 'CSR input');
  });
}

test('one member: an equal copy, not the member itself', () => {
  const member = createMlp(INPUTS, OUTPUTS, { hidden: [5], dropout: 0 }, 4);
  const copy = averageMlps([member]);
  assert.deepEqual(copy.params, member.params);
  copy.params[0] += 1;
  assert.notEqual(copy.params[0], member.params[0], 'the member is untouched');
});

test('members of different shapes, or none, are refused', () => {
  assert.throws(() => averageMlps([]), /at least one model/);
  const a = createMlp(INPUTS, OUTPUTS, { hidden: [5], dropout: 0 }, 1);
  assert.throws(() => averageMlps([a, createMlp(INPUTS, OUTPUTS, { hidden: [6], dropout: 0 }, 1)]), /differ in shape/);
  assert.throws(() => averageMlps([a, createMlp(INPUTS + 1, OUTPUTS, { hidden: [5], dropout: 0 }, 1)]), /differ in shape/);
});
