/**
 * computeMetrics against scikit-learn 1.2 (test/parity/sklearn_metrics.py) on many seeded random
 * cases: every number to 1e-9. zero_division 'exclude' has no sklearn 1.2 counterpart; it is
 * checked against sklearn's per-label and per-row values with the undefined ones left out.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { computeMetrics } from '../../src/core/metrics/computeMetrics.js';
import type { EvaluationMetrics } from '../../src/core/metrics/computeMetrics.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';
import { seededRandom } from '../../scripts/random.mjs';

const script = path.resolve(__dirname, '..', 'parity', 'sklearn_metrics.py');

function findPython(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(candidate, ['-c', 'import sklearn'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}
const python = findPython();
const skip = python ? false : 'python3 with scikit-learn not found; install python3-sklearn to run the parity tests';

const prng = seededRandom;

interface Case {
  truth: number[][];
  scores: number[][];
  thresholds: number[];
  zero_division: 0 | 1;
}

function randomCase(seed: number): Case {
  const rand = prng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)];
  const rows = pick([1, 2, 3, 5, 10, 30, 100, 300, Math.ceil(rand() * 300)]);
  const labels = pick([1, 2, 3, 5, 8, 20, Math.ceil(rand() * 20)]);
  const rounding = pick([0, 1, 1, 2, 1e9]);
  const truth: number[][] = Array.from({ length: rows }, () => new Array<number>(labels).fill(0));
  const scores: number[][] = Array.from({ length: rows }, () => new Array<number>(labels).fill(0));
  const thresholds: number[] = [];
  for (let l = 0; l < labels; l++) {
    const kind = pick(['none', 'single', 'all', 'rare', 'common', 'common']);
    const p = kind === 'rare' ? 0.05 : 0.1 + rand() * 0.5;
    const single = Math.floor(rand() * rows);
    const hard = rand() < 0.1;
    for (let i = 0; i < rows; i++) {
      const y = kind === 'none' ? 0 : kind === 'all' ? 1 : kind === 'single' ? (i === single ? 1 : 0) : rand() < p ? 1 : 0;
      truth[i][l] = y;
      const raw = hard ? (rand() < 0.7 ? y : 1 - y) : Math.min(1, Math.max(0, 0.35 * y + 0.65 * rand()));
      scores[i][l] = rounding === 0 ? Math.round(raw) : rounding >= 1e9 ? raw : Math.round(raw * 10 ** rounding) / 10 ** rounding;
    }
    thresholds.push(pick([0.5, 0, 1.01, rand(), Math.round(rand() * 10) / 10]));
  }
  if (rand() < 0.3) for (let i = 0; i < rows; i += 3) truth[i].fill(0);
  return { truth, scores, thresholds, zero_division: rand() < 0.5 ? 0 : 1 };
}

function toData(c: Case): EvaluationData {
  const rows = c.truth.length;
  const labels = c.thresholds.length;
  const truth = new Uint8Array(rows * labels);
  const scores = new Float64Array(rows * labels);
  for (let l = 0; l < labels; l++) {
    for (let i = 0; i < rows; i++) {
      truth[l * rows + i] = c.truth[i][l];
      scores[l * rows + i] = c.scores[i][l];
    }
  }
  return { rows, labelNames: Array.from({ length: labels }, (_, l) => `label${l}`), truth, scores };
}

interface Averaged { precision: number | null; recall: number | null; f1: number | null }
interface Reference {
  refused: Record<string, string>;
  tp: number[]; fp: number[]; fn: number[]; tn: number[];
  precision: number[]; recall: number[]; f1: number[]; support: number[];
  avg_micro: Averaged | null; avg_macro: Averaged | null; avg_weighted: Averaged | null; avg_samples: Averaged | null;
  ap: (number | null)[]; auc: (number | null)[];
  map_macro: number | null; map_micro: number | null; map_weighted: number | null;
  hamming: number; subset: number;
  jaccard_samples: number | null; jaccard_macro: number | null; jaccard_micro: number | null;
  lrap: number | null; coverage: number | null; ranking_loss: number | null;
}

function runSklearn(cases: Case[]): Reference[] {
  const r = spawnSync(python!, [script], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `sklearn_metrics.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Reference[];
}

let compared = 0;
function close(actual: number | null | undefined, expected: number | null, what: string): void {
  if (expected === null) {
    assert.equal(actual, null, `${what}: expected null, got ${actual}`);
    return;
  }
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9, `${what}: ${actual} vs sklearn ${expected}`);
  compared++;
}

/** Compare where sklearn gives a value; it may refuse only samplewise/ranking metrics of a single label. */
function closeUnlessRefused(ref: Reference, key: string, actual: number | null, expected: number | null, what: string, labels: number): void {
  if (key in ref.refused) {
    assert.equal(labels, 1, `sklearn refused ${key} on a multilabel case: ${ref.refused[key]}`);
    return;
  }
  close(actual, expected, what);
}

function compare(m: EvaluationMetrics, ref: Reference, where: string): void {
  const labels = m.labels;
  m.perLabel.forEach((l, k) => {
    const at = `${where} label ${k}`;
    assert.deepEqual([l.tp, l.fp, l.fn, l.tn, l.support], [ref.tp[k], ref.fp[k], ref.fn[k], ref.tn[k], ref.support[k]], `${at} counts`);
    close(l.precision, ref.precision[k], `${at} precision`);
    close(l.recall, ref.recall[k], `${at} recall`);
    close(l.f1, ref.f1[k], `${at} f1`);
    close(l.ap, ref.ap[k], `${at} ap`);
    close(l.rocAuc, ref.auc[k], `${at} rocAuc`);
    assert.equal(l.rocAucNote !== undefined, l.rocAuc === null, `${at} rocAucNote iff null`);
  });
  for (const avg of ['micro', 'macro', 'weighted', 'samples'] as const) {
    const expected = ref[`avg_${avg}`];
    for (const metric of ['precision', 'recall', 'f1'] as const) {
      closeUnlessRefused(ref, `avg_${avg}`, m.averages[avg][metric], expected ? expected[metric] : null, `${where} ${avg} ${metric}`, labels);
    }
  }
  for (const avg of ['macro', 'micro', 'weighted'] as const) close(m.mAP[avg], ref[`map_${avg}`], `${where} mAP ${avg}`);
  close(m.hammingLoss, ref.hamming, `${where} hamming`);
  close(m.subsetAccuracy, ref.subset, `${where} subset accuracy`);
  for (const avg of ['samples', 'macro', 'micro'] as const) closeUnlessRefused(ref, `jaccard_${avg}`, m.jaccard[avg], ref[`jaccard_${avg}`], `${where} jaccard ${avg}`, labels);
  closeUnlessRefused(ref, 'lrap', m.lrap, ref.lrap, `${where} lrap`, labels);
  closeUnlessRefused(ref, 'coverage', m.coverageError, ref.coverage, `${where} coverage`, labels);
  closeUnlessRefused(ref, 'ranking_loss', m.rankingLoss, ref.ranking_loss, `${where} ranking loss`, labels);
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** 'exclude' by hand: sklearn's zero_division=0 per-label values, undefined ones left out. */
function compareExclude(m: EvaluationMetrics, ref: Reference, c: Case, where: string): void {
  const labels = c.thresholds.length;
  const definedPrecision = ref.precision.filter((_, l) => ref.tp[l] + ref.fp[l] > 0);
  const definedRecall = ref.recall.filter((_, l) => ref.support[l] > 0);
  const definedF1 = ref.f1.filter((_, l) => ref.tp[l] + ref.fp[l] + ref.fn[l] > 0);
  close(m.averages.macro.precision, mean(definedPrecision), `${where} exclude macro precision`);
  close(m.averages.macro.recall, mean(definedRecall), `${where} exclude macro recall`);
  close(m.averages.macro.f1, mean(definedF1), `${where} exclude macro f1`);
  m.perLabel.forEach((l, k) => {
    close(l.precision, ref.tp[k] + ref.fp[k] > 0 ? ref.precision[k] : null, `${where} exclude precision ${k}`);
    close(l.recall, ref.support[k] > 0 ? ref.recall[k] : null, `${where} exclude recall ${k}`);
  });
  const rowsPrecision: number[] = [];
  const rowsJaccard: number[] = [];
  c.truth.forEach((truth, i) => {
    let tp = 0;
    let predicted = 0;
    let union = 0;
    for (let l = 0; l < labels; l++) {
      const p = c.scores[i][l] >= c.thresholds[l] ? 1 : 0;
      tp += p & truth[l];
      predicted += p;
      union += p | truth[l];
    }
    if (predicted > 0) rowsPrecision.push(tp / predicted);
    if (union > 0) rowsJaccard.push(tp / union);
  });
  close(m.averages.samples.precision, mean(rowsPrecision), `${where} exclude samples precision`);
  close(m.jaccard.samples, mean(rowsJaccard), `${where} exclude jaccard samples`);
}

describe('computeMetrics matches scikit-learn 1.2', { skip }, () => {
  test('on 300 random cases (sizes, rare and empty labels, ties, thresholds, zero_division 0 and 1)', () => {
    const cases = Array.from({ length: 300 }, (_, k) => randomCase(1000 + k));
    const refs = runSklearn(cases);
    cases.forEach((c, k) => {
      const data = toData(c);
      compare(computeMetrics(data, { thresholds: c.thresholds, zeroDivision: c.zero_division }), refs[k], `case ${k}`);
      if (c.zero_division === 0) compareExclude(computeMetrics(data, { thresholds: c.thresholds, zeroDivision: 'exclude' }), refs[k], c, `case ${k}`);
    });
    assert.ok(compared > 12000, `only ${compared} numbers compared`);
  });

  test('on a large column (the radix sort path) with ties and without', () => {
    const cases = [4, 17].map((seed) => {
      const c = randomCase(seed);
      const rand = prng(seed);
      const rows = 9000;
      const labels = 3;
      c.truth = Array.from({ length: rows }, () => Array.from({ length: labels }, () => (rand() < 0.2 ? 1 : 0)));
      c.scores = c.truth.map((t) => t.map((y, l) => (l === 0 ? Math.round((0.3 * y + 0.7 * rand()) * 1000) / 1000 : 0.3 * y + 0.7 * rand())));
      c.thresholds = [0.5, 0.4, 0.6];
      return c;
    });
    const refs = runSklearn(cases);
    cases.forEach((c, k) => compare(computeMetrics(toData(c), { thresholds: c.thresholds, zeroDivision: c.zero_division }), refs[k], `large ${k}`));
  });
});
