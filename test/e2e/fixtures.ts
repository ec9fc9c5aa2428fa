/**
 * The workspace the end-to-end tests open: the shipped example CSV plus small files made here
 * (seeded, so every run sees the same numbers): a MEKA ARFF, a truth/predictions pair and a CSV
 * with a malformed row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './codeServer.js';

export const EXAMPLE_CSV = 'support-tickets.csv';
export const ARFF = 'sensors.arff';
export const TRUTH = 'val.csv';
export const PREDICTIONS = 'val.pred.csv';
export const BROKEN = 'broken.csv';
/** The 1-based line of broken.csv whose row has too few fields. */
export const BROKEN_LINE = 6;

/** Park-Miller minimal standard generator: small, seeded, the same everywhere. */
function random(seed: number): () => number {
  let state = seed % 2147483647;
  if (state <= 0) state += 2147483646;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

/** A MEKA ARFF: 4 imbalanced 0/1 labels first (`-C 4`), then 3 numeric features; 120 rows. */
function sensorsArff(): string {
  const next = random(7);
  const labels = ['alarm', 'drift', 'fault', 'overheat'];
  const prevalence = [0.45, 0.2, 0.08, 0.03];
  const lines = ["@relation 'sensors: -C 4'", ''];
  for (const label of labels) lines.push(`@attribute ${label} {0,1}`);
  for (const feature of ['temperature', 'vibration', 'pressure']) lines.push(`@attribute ${feature} numeric`);
  lines.push('', '@data');
  for (let i = 0; i < 120; i++) {
    const y = prevalence.map((p) => (next() < p ? 1 : 0));
    const x = [20 + 60 * next(), next(), 1 + next()].map((v) => v.toFixed(3));
    lines.push([...y, ...x].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Truth with an id and 5 one-hot labels, and predictions as probabilities that mostly agree; 300 rows. */
function truthAndPredictions(): { truth: string; predictions: string } {
  const next = random(2024);
  const labels = ['spam', 'urgent', 'refund', 'legal', 'churn'];
  const prevalence = [0.5, 0.25, 0.12, 0.05, 0.02];
  const truth = [['id', ...labels].join(',')];
  const predictions = [['id', ...labels].join(',')];
  for (let i = 0; i < 300; i++) {
    const id = `r${String(i).padStart(4, '0')}`;
    const y = prevalence.map((p) => (next() < p ? 1 : 0));
    const score = y.map((v) => Math.min(1, Math.max(0, (v ? 0.68 : 0.3) + (next() - 0.5) * 0.7)));
    truth.push([id, ...y].join(','));
    predictions.push([id, ...score.map((s) => s.toFixed(3))].join(','));
  }
  return { truth: truth.join('\n') + '\n', predictions: predictions.join('\n') + '\n' };
}

/** Line BROKEN_LINE has one field too few. */
function brokenCsv(): string {
  const lines = ['id,text,a,b,c', '1,hello,1,0,0', '2,world,0,1,0', '3,again,1,1,0', '4,more,0,0,1', '5,short,1,0', '6,fine,0,1,1'];
  return lines.join('\n') + '\n';
}

/** Writes the test workspace into `dir` (created if needed) and returns it. */
export function makeWorkspace(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'examples', EXAMPLE_CSV), path.join(dir, EXAMPLE_CSV));
  fs.writeFileSync(path.join(dir, ARFF), sensorsArff());
  const { truth, predictions } = truthAndPredictions();
  fs.writeFileSync(path.join(dir, TRUTH), truth);
  fs.writeFileSync(path.join(dir, PREDICTIONS), predictions);
  fs.writeFileSync(path.join(dir, BROKEN), brokenCsv());
  return dir;
}
