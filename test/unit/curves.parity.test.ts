/**
 * Curves and the threshold sweep against scikit-learn 1.2 (test/parity/sklearn_curves.py) on
 * seeded random cases with many ties: precision_recall_curve and roc_curve(drop_intermediate=False)
 * before any downsampling, point for point, and macro/micro f1_score(zero_division=0) on
 * thresholded predictions at the sweep's grid points.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { precisionRecallCurve, rocCurve, thresholdSweep } from '../../src/core/metrics/curves/index.js';
import { rankLabel } from '../../src/core/metrics/rankedColumn.js';
import { fromRows, lcg } from './curvesFixtures.js';

const script = path.resolve(__dirname, '..', 'parity', 'sklearn_curves.py');

function findPython(): string | undefined {
  for (const candidate of [process.env.PYTHON, '/usr/bin/python3', 'python3']) {
    if (!candidate) continue;
    const r = spawnSync(candidate, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}
const python = findPython();
const skip = python ? false : 'python3 with scikit-learn not found (set PYTHON or install scikit-learn) - parity tests skipped';

interface CurveCase {
  truth: number[];
  scores: number[];
}
interface SweepCase {
  truth: number[][];
  scores: number[][];
  grid: number[];
}
interface Reference {
  curves: {
    precision: number[];
    recall: number[];
    pr_thresholds: number[];
    fpr: number[];
    tpr: number[];
    roc_thresholds: number[];
  }[];
  sweeps: { macro: number[]; micro: number[] }[];
}

function sklearn(request: { curves: CurveCase[]; sweeps: SweepCase[] }): Reference {
  const r = spawnSync(python as string, [script], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Reference;
}

/** Scores from a coarse grid (ties), from a continuous draw, or hard 0/1. */
function randomScore(random: () => number, kind: number, positive: boolean): number {
  const s = Math.min(1, Math.max(0, (positive ? 0.3 : 0) + 0.7 * random()));
  if (kind === 0) return Math.round(s * 4) / 4;
  if (kind === 1) return Math.round(s * 20) / 20;
  if (kind === 2) return positive === random() < 0.8 ? 1 : 0;
  return s;
}

function curveCases(): CurveCase[] {
  const random = lcg(99);
  const cases: CurveCase[] = [];
  while (cases.length < 120) {
    const rows = [2, 3, 5, 10, 40, 200, 1000][Math.floor(random() * 7)];
    const rate = random();
    const kind = Math.floor(random() * 4);
    const truth: number[] = [];
    const scores: number[] = [];
    for (let r = 0; r < rows; r++) {
      const positive = random() < rate;
      truth.push(positive ? 1 : 0);
      scores.push(randomScore(random, kind, positive));
    }
    const positives = truth.reduce((a, b) => a + b, 0);
    if (positives > 0 && positives < rows) cases.push({ truth, scores });
  }
  return cases;
}

function sweepCases(): SweepCase[] {
  const random = lcg(7);
  const grid = [0, 0.01, 0.25, 0.3, 0.33, 0.5, 0.7, 0.75, 0.99, 1];
  return Array.from({ length: 12 }, (_, c) => {
    const rows = [1, 5, 30, 300][c % 4];
    const labels = [1, 3, 8][c % 3];
    const truth: number[][] = [];
    const scores: number[][] = [];
    const kinds = Array.from({ length: labels }, () => Math.floor(random() * 4));
    const rates = Array.from({ length: labels }, () => (random() < 0.2 ? 0 : random()));
    for (let r = 0; r < rows; r++) {
      const positives = rates.map((rate) => random() < rate);
      truth.push(positives.map((p) => (p ? 1 : 0)));
      scores.push(positives.map((p, l) => randomScore(random, kinds[l], p)));
    }
    return { truth, scores, grid };
  });
}

function assertClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= 1e-12, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`);
  }
}

describe('curves vs scikit-learn 1.2', { skip }, () => {
  const curves = curveCases();
  const sweeps = sweepCases();
  const reference = python ? sklearn({ curves, sweeps }) : { curves: [], sweeps: [] };

  test('precision_recall_curve and roc_curve(drop_intermediate=False), 120 cases with ties', () => {
    curves.forEach((c, i) => {
      const ranked = rankLabel(Uint8Array.from(c.truth), Float64Array.from(c.scores));
      const expected = reference.curves[i];
      const pr = precisionRecallCurve(ranked);
      const roc = rocCurve(ranked);
      assert.ok(pr && roc);
      assertClose(pr.precision, expected.precision, `case ${i} precision`);
      assertClose(pr.recall, expected.recall, `case ${i} recall`);
      assert.deepEqual([...pr.thresholds], expected.pr_thresholds, `case ${i} PR thresholds`);
      assertClose(roc.fpr, expected.fpr, `case ${i} fpr`);
      assertClose(roc.tpr, expected.tpr, `case ${i} tpr`);
      assert.equal(roc.thresholds[0], Infinity);
      assert.deepEqual([...roc.thresholds.subarray(1)], expected.roc_thresholds, `case ${i} ROC thresholds`);
    });
  });

  test('thresholdSweep macro/micro F1 = f1_score(zero_division=0) on thresholded predictions', () => {
    sweeps.forEach((c, i) => {
      const sweep = thresholdSweep(fromRows(c.truth, c.scores), c.grid);
      assert.deepEqual(sweep.threshold, c.grid);
      assertClose(sweep.macroF1, reference.sweeps[i].macro, `sweep ${i} macro`);
      assertClose(sweep.microF1, reference.sweeps[i].micro, `sweep ${i} micro`);
    });
  });
});
