/**
 * Real evaluation reports for the Evaluation view's tests and browser harness: predictions are
 * generated (seeded) for a dataset of /work/shared/datasets or for a synthetic 1,000-label truth,
 * written to a temp folder, and evaluated by the engine with tuning, so every field has the shape
 * and the values the host would send.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { evaluatePredictions, type EvaluationReport } from '../../../src/core/analysis/evaluatePredictions.js';
import { scanLabels } from '../../../src/core/io/open.js';
import { INITIAL_CURVE_LABELS, type EvaluationView } from '../../../src/protocol/dashboard.js';
import { seededRandom } from '../../../scripts/random.mjs';
import { datasetPath, skipUnlessDatasets } from '../../unit/helpers/datasets.js';
import { f64Bytes, npyBytes } from '../../unit/helpers/predictionFiles.js';

/** The shared dataset the real-report tests use: yeast, 14 labels, 2,417 rows, MaxIR 53. */
export const YEAST = 'yeast/yeast.arff';

/** For node:test's `{ skip }`: false when yeast is there, else why the tests are skipped. */
export const skipUnlessYeast = (): false | string => skipUnlessDatasets(YEAST);

const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'il-evalview-'));

/** Scores that lean towards the truth, better for some labels than others (quality falls with the label index). */
function scoreOf(random: () => number, positive: boolean, label: number, labels: number): number {
  const quality = 0.85 - (0.6 * label) / Math.max(1, labels - 1);
  const centre = positive ? 0.35 + 0.4 * quality : 0.22 - 0.12 * quality;
  const noise = (random() + random() + random() - 1.5) * 0.35;
  return Math.min(1, Math.max(0, centre + noise));
}

/** Write `scores` (rows x labels, row-major) as a float64 .npy file. */
function writeNpy(dir: string, name: string, rows: number, labels: number, scores: Float64Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, npyBytes({ descr: '<f8', shape: [rows, labels] }, f64Bytes(Array.from(scores))));
  return file;
}

/** Predictions generated for a dataset file's truth (columns in its label order), evaluated with tuning. */
export async function datasetReport(truthFile: string, seed = 7): Promise<EvaluationReport> {
  const { matrix } = await scanLabels(truthFile);
  const random = seededRandom(seed);
  const labels = matrix.labelCount;
  const scores = new Float64Array(matrix.rows * labels);
  for (let r = 0; r < matrix.rows; r++) {
    const positives = new Set(matrix.labels.subarray(matrix.offsets[r], matrix.offsets[r + 1]));
    for (let l = 0; l < labels; l++) scores[r * labels + l] = Math.round(scoreOf(random, positives.has(l), l, labels) * 1e4) / 1e4;
  }
  const pred = writeNpy(tempDir(), 'pred.npy', matrix.rows, labels, scores);
  return evaluatePredictions(truthFile, pred, { tuneThresholds: true, maxCurvePoints: 120 });
}

/** The yeast dataset with generated predictions; undefined without the datasets folder. */
export async function yeastReport(): Promise<EvaluationReport | undefined> {
  const file = datasetPath(YEAST);
  return file === undefined ? undefined : datasetReport(file);
}

/** Synthetic label names from a few families, so a filter such as "sport" matches a fifth of them. */
export function syntheticLabelName(l: number): string {
  const families = ['news', 'sport', 'tech', 'health', 'finance'];
  return `${families[l % families.length]}.${String(l + 1).padStart(4, '0')}`;
}

/**
 * A synthetic truth of `labels` labels with long-tailed frequencies (label l has prevalence
 * 0.5 / (l + 1)^0.7, so the rarest have a dozen positives; the last three have none), and
 * generated scores.
 */
export function syntheticReport(labels = 1000, rows = 3000, seed = 3): Promise<EvaluationReport> {
  const key = `${labels}x${rows}@${seed}`;
  let pending = syntheticCache.get(key);
  if (pending === undefined) {
    pending = makeSyntheticReport(labels, rows, seed);
    syntheticCache.set(key, pending);
  }
  return pending;
}

/** One evaluation per shape and seed per process: several suites use the same report. */
const syntheticCache = new Map<string, Promise<EvaluationReport>>();

async function makeSyntheticReport(labels: number, rows: number, seed: number): Promise<EvaluationReport> {
  const random = seededRandom(seed);
  const names = Array.from({ length: labels }, (_, l) => syntheticLabelName(l));
  const header = ['id', ...names].join(',');
  const truthLines = [header];
  const scores = new Float64Array(rows * labels);
  for (let r = 0; r < rows; r++) {
    const y = new Array<number>(labels);
    for (let l = 0; l < labels; l++) {
      y[l] = l >= labels - 3 ? 0 : random() < 0.5 / Math.pow(l + 1, 0.7) ? 1 : 0;
      scores[r * labels + l] = Math.round(scoreOf(random, y[l] === 1, l, labels) * 1e4) / 1e4;
    }
    truthLines.push(`r${r},${y.join(',')}`);
  }
  const dir = tempDir();
  const truth = path.join(dir, 'truth.csv');
  writeFileSync(truth, truthLines.join('\n') + '\n');
  const pred = writeNpy(dir, 'pred.npy', rows, labels, scores);
  return evaluatePredictions(truth, pred, { tuneThresholds: true, maxCurvePoints: 120 });
}

/** The view the host sends: the report without curves, plus the curves of the first labels by support. */
export function evaluationViewOf(report: EvaluationReport, curveLabels = INITIAL_CURVE_LABELS): EvaluationView {
  const { curves, ...rest } = report;
  const order = report.perLabel
    .map((l, i) => ({ support: l.support, i }))
    .sort((p, q) => q.support - p.support || p.i - q.i)
    .slice(0, curveLabels)
    .map(({ i }) => i);
  return { kind: 'evaluation', file: report.predFile, report: rest, curves: order.map((i) => curves[i]) };
}
