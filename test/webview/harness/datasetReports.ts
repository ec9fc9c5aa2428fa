/**
 * Real analysis reports for the Dataset view's tests and the browser harness, made by the engine
 * (analyzeDataset): the shared benchmark datasets when they are there, and generated files (a
 * small label-list CSV; a wide one-hot CSV with 1,200 long-tailed labels, a few labels that never
 * occur, rows with no label and malformed rows) written to a temp folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeDataset, type AnalysisReport } from '../../../src/core/analysis/analyzeDataset.js';
import type { DatasetView } from '../../../src/protocol/dashboard.js';
import { seededRandom } from '../../../scripts/random.mjs';
import { datasetPath, skipUnlessDatasets } from '../../unit/helpers/datasets.js';

export { datasetPath, skipUnlessDatasets };

export const EMOTIONS = 'emotions/emotions.arff';
/** The shared dataset with the most labels (90, Reuters-21578 ModApte, JSONL). */
export const REUTERS = 'reuters21578-modapte.jsonl';

export function datasetViewOf(report: AnalysisReport): DatasetView {
  return { kind: 'analysis', file: report.file, report };
}

/** The analysis of a shared dataset (relative path under the datasets folder); throws when it is absent (check skipUnlessDatasets first). */
export async function sharedDatasetReport(rel: string): Promise<AnalysisReport> {
  const file = datasetPath(rel);
  if (!file) throw new Error(`${rel} is not in the datasets folder`);
  return analyzeDataset(file);
}

const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'il-datasetview-'));

/**
 * A small label-list CSV: 40 rows over 5 labels with known counts (a 16, b 12, c 8, d 3, e 1)
 * and two groups that occur together ({a, b} and {c, d, e}); rare threshold 4.
 */
export async function smallSyntheticReport(): Promise<AnalysisReport> {
  const rows: string[] = ['id,x,labels'];
  const add = (n: number, labels: string): void => {
    for (let i = 0; i < n; i++) rows.push(`r${rows.length},${(rows.length * 0.37).toFixed(2)},${labels}`);
  };
  add(10, 'a|b'); // a 10, b 10
  add(6, 'a'); // a 16
  add(2, 'b'); // b 12
  add(5, 'c'); // c 5
  add(2, 'c|d'); // c 7, d 2
  add(1, 'c|d|e'); // c 8, d 3, e 1
  add(14, ''); // rows with no label
  const file = path.join(tempDir(), 'small.csv');
  writeFileSync(file, rows.join('\n') + '\n');
  return analyzeDataset(file, { rareThreshold: 4 });
}

/** Label names in a few families, so a filter such as "sport" matches a fifth of them. */
export function manyLabelName(l: number): string {
  const families = ['news', 'sport', 'tech', 'health', 'finance'];
  return `${families[l % families.length]}.${String(l + 1).padStart(4, '0')}`;
}

/**
 * A wide one-hot CSV: `labels` labels with long-tailed prevalence (label l: 0.45 / (l + 1)^0.75;
 * the last 4 never occur), 2 numeric features, and 3 malformed rows (too few fields), read with
 * skipBadRows.
 */
export async function manyLabelReport(labels = 1200, rows = 3000, seed = 11): Promise<AnalysisReport> {
  const random = seededRandom(seed);
  const names = Array.from({ length: labels }, (_, l) => manyLabelName(l));
  const lines = [['id', 'f1', 'f2', ...names].join(',')];
  for (let r = 0; r < rows; r++) {
    if (r === 17 || r === 1234 || r === 2999) {
      lines.push(`r${r},0.5`); // malformed: too few fields
      continue;
    }
    const y = names.map((_, l) => (l < labels - 4 && random() < 0.45 / Math.pow(l + 1, 0.75) ? 1 : 0));
    lines.push([`r${r}`, (random() * 10).toFixed(3), (random() * 5).toFixed(3), ...y].join(','));
  }
  const file = path.join(tempDir(), 'many-labels.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return analyzeDataset(file, { skipBadRows: true });
}
