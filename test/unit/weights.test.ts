/** Loss-weight schemes against values computed by hand from their definitions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/core/errors.js';
import { suggestWeights } from '../../src/core/weights/index.js';

const names = ['one', 'two', 'five', 'none', 'ten'];
const counts = [1, 2, 5, 0, 10]; // N = 10

function assertWeights(actual: (number | null)[], expected: (number | null)[], what: string): void {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (e === null || a === null) assert.equal(a, e, `${what}[${i}]`);
    else assert.ok(Math.abs(a - e) < 1e-12 * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} vs ${e}`);
  });
}

describe('N = 10, counts [1, 2, 5, 0, 10]', () => {
  const s = suggestWeights(counts, 10, names);

  it('pos: (N - n) / n, null for the absent label', () => {
    assertWeights(s.schemes.pos, [9, 4, 1, null, 0], 'pos');
  });

  it('inverse: N / n = [10, 5, 2, -, 1], mean 4.5 -> divided by 4.5', () => {
    assertWeights(s.schemes.inverse, [10 / 4.5, 5 / 4.5, 2 / 4.5, null, 1 / 4.5], 'inverse');
  });

  it('sqrt: sqrt(N / n), divided by its mean over the 4 present labels', () => {
    const raw = [Math.sqrt(10), Math.sqrt(5), Math.sqrt(2), 1];
    const m = (raw[0] + raw[1] + raw[2] + raw[3]) / 4;
    assertWeights(s.schemes.sqrt, [raw[0] / m, raw[1] / m, raw[2] / m, null, raw[3] / m], 'sqrt');
  });

  it('effective (beta 0.999): (1 - b) / (1 - b^n), scaled to sum to 4', () => {
    const b = 0.999;
    const raw = [1, 2, 5, 10].map((n) => (1 - b) / (1 - b ** n));
    const scale = 4 / raw.reduce((x, y) => x + y, 0);
    assertWeights(s.schemes.effective, [raw[0] * scale, raw[1] * scale, raw[2] * scale, null, raw[3] * scale], 'effective');
    const sum = s.schemes.effective.reduce<number>((x, y) => x + (y ?? 0), 0);
    assert.ok(Math.abs(sum - 4) < 1e-12);
  });

  it('reports its parameters, counts and warnings for the absent and the always-present label', () => {
    assert.equal(s.beta, 0.999);
    assert.equal(s.maxPosWeight, 1000);
    assert.deepEqual(s.counts, counts);
    assert.equal(s.maxIR, 10);
    assert.ok(s.warnings.some((w) => w.includes('"none"') && w.includes('never occurs')));
    assert.ok(s.warnings.some((w) => w.includes('"ten"') && w.includes('every row')));
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
  });
});

describe('effective number: beta edge cases', () => {
  it('hand example beta 0.9, counts [1, 2]: raw [1, 0.1 / 0.19], sum 2', () => {
    const s = suggestWeights([1, 2], 4, ['a', 'b'], { beta: 0.9 });
    const raw = [1, 0.1 / 0.19];
    const scale = 2 / (raw[0] + raw[1]);
    assertWeights(s.schemes.effective, [raw[0] * scale, raw[1] * scale], 'effective');
  });

  it('beta 0 gives equal weights', () => {
    const s = suggestWeights([1, 3, 1000, 0], 2000, ['a', 'b', 'c', 'd'], { beta: 0 });
    assert.deepEqual(s.schemes.effective, [1, 1, 1, null]);
  });

  it('beta close to 1 approaches inverse frequency', () => {
    const s = suggestWeights([1, 2, 4], 10, ['a', 'b', 'c'], { beta: 1 - 1e-12 });
    assertWeights(s.schemes.effective.map((w) => Number((w ?? 0).toFixed(6))), s.schemes.inverse.map((w) => Number((w ?? 0).toFixed(6))), 'effective ~ inverse');
  });

  it('beta outside [0, 1) and a non-positive clamp are usage errors', () => {
    for (const beta of [-0.1, 1, 1.5, Number.NaN]) assert.throws(() => suggestWeights([1], 2, ['a'], { beta }), UsageError);
    assert.throws(() => suggestWeights([1], 2, ['a'], { maxPosWeight: 0 }), UsageError);
  });
});

describe('clamp and scale', () => {
  it('pos_weight is clamped at maxPosWeight, with a warning', () => {
    const s = suggestWeights([1, 50], 100, ['rare', 'half'], { maxPosWeight: 20 });
    assert.deepEqual(s.schemes.pos, [20, 1]);
    assert.ok(s.warnings.some((w) => w.includes('"rare"') && w.includes('clamped at 20')));
  });

  it('huge N: 10^12 rows stay finite and exact in ratio', () => {
    const N = 1e12;
    const s = suggestWeights([1, 1e6, 5e11], N, ['a', 'b', 'c']);
    assertWeights(s.schemes.pos, [1000, Math.min((N - 1e6) / 1e6, 1000), 1], 'pos');
    // inverse: N/n = [1e12, 1e6, 2]: mean (1e12 + 1e6 + 2) / 3
    const m = (1e12 + 1e6 + 2) / 3;
    assertWeights(s.schemes.inverse, [1e12 / m, 1e6 / m, 2 / m], 'inverse');
    for (const scheme of Object.values(s.schemes)) for (const w of scheme) assert.ok(w !== null && Number.isFinite(w));
  });

  it('no rows, no labels: all null or empty, never NaN', () => {
    const s = suggestWeights([0, 0], 0, ['a', 'b']);
    for (const scheme of Object.values(s.schemes)) assert.deepEqual(scheme, [null, null]);
    assert.equal(s.maxIR, 0);
    assert.ok(s.warnings.length > 0);
    const empty = suggestWeights([], 5, []);
    assert.deepEqual(empty.schemes.pos, []);
  });

  it('inconsistent counts are rejected', () => {
    assert.throws(() => suggestWeights([11], 10, ['a']), RangeError);
    assert.throws(() => suggestWeights([1, 2], 10, ['a']), RangeError);
  });
});

describe('loss recommendations', () => {
  it('focal loss: torchvision defaults, recommended when MaxIR is large', () => {
    const s = suggestWeights([1000, 5], 2000, ['big', 'small']);
    assert.equal(s.focal.alpha, 0.25);
    assert.equal(s.focal.gamma, 2);
    assert.equal(s.focal.recommended, true);
    assert.match(s.focal.rationale, /MaxIR is 200/);
    assert.equal(suggestWeights([10, 9], 20, ['a', 'b']).focal.recommended, false);
  });

  it('asymmetric loss: gamma_neg 4, gamma_pos 0, clip 0.05, recommended when negatives dominate', () => {
    const s = suggestWeights([10, 20], 1000, ['a', 'b']);
    assert.deepEqual([s.asymmetric.gammaNeg, s.asymmetric.gammaPos, s.asymmetric.clip], [4, 0, 0.05]);
    assert.equal(s.asymmetric.recommended, true);
    assert.equal(suggestWeights([500, 400], 1000, ['a', 'b']).asymmetric.recommended, false);
  });
});
