/**
 * A run's folder on disk: `<runsDir>/<YYYYMMDD-HHMMSS>-<name>/`, every file in it written
 * atomically (a temp file beside it, then a rename), so a reader (the Runs view, a script) never
 * sees half a file: run.json, and per strategy config.json, metrics.jsonl, thresholds.json,
 * predictions.csv, model.json and featurizer.json. The user's dataset is never written.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { csvField } from '../../io/write/csvCells.js';
import { writeNewFile } from '../../io/writeNewFile.js';
import type { EvaluationData } from '../../metrics/types.js';
import type { EpochRecord, RunSummary } from '../../../protocol/training.js';

export const RUN_FILE = 'run.json';

/** `20240131-235959`: local time, so folders sort by start. */
export function runTimestamp(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

/** A name safe in a folder name on every OS: letters, digits, `.`, `_`, `-`, `+` (anything else becomes `_`). */
export function safeName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._+-]+/g, '_').replace(/^[._]+/, '').slice(0, 80);
  return cleaned === '' ? 'run' : cleaned;
}

/** Makes a new run folder (never an existing one: `-2`, `-3`, ... is appended when the name is taken). */
export async function createRunFolder(runsDir: string, name: string, date: Date = new Date()): Promise<string> {
  await fs.mkdir(runsDir, { recursive: true });
  const base = path.join(runsDir, `${runTimestamp(date)}-${safeName(name)}`);
  for (let k = 1; ; k++) {
    const dir = k === 1 ? base : `${base}-${k}`;
    try {
      await fs.mkdir(dir);
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Writes (or replaces) a file of the run: a temp file in the same folder, then a rename. */
export function writeAtomic(file: string, content: string): Promise<void> {
  return writeNewFile(file, content, { overwrite: true });
}

export function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  return writeAtomic(file, JSON.stringify(value, null, 2) + '\n');
}

export function writeRunSummary(summary: RunSummary): Promise<void> {
  return writeJsonAtomic(path.join(summary.runDir, RUN_FILE), summary);
}

/** metrics.jsonl: one line per epoch, the whole file replaced atomically at each append (it stays small). */
export class MetricsLog<Line = EpochRecord> {
  private text = '';

  constructor(readonly file: string) {}

  append(record: Line): Promise<void> {
    this.text += JSON.stringify(record) + '\n';
    return writeAtomic(this.file, this.text);
  }
}

/**
 * predictions.csv: one row per test row, the row's id (the dataset's id column) or else its
 * source line (`line_id`, an id-like name the evaluate command sets aside), then one score
 * column per label, named as the labels. Scores are written in full (shortest round-trip form),
 * so thresholds tuned on them apply exactly.
 */
export function predictionsCsv(data: EvaluationData, rowKeys: { column: string; values: readonly (string | number)[] }): string {
  const { rows, labelNames, scores } = data;
  const lines: string[] = [[rowKeys.column, ...labelNames].map((name) => csvField(name, ',')).join(',')];
  const cells = new Array<string>(labelNames.length + 1);
  for (let i = 0; i < rows; i++) {
    cells[0] = csvField(String(rowKeys.values[i]), ',');
    for (let l = 0; l < labelNames.length; l++) cells[l + 1] = String(scores[l * rows + i]);
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/** The thresholds as `{"thresholds": {label: t}}`, the form `imbalance-lens evaluate --thresholds FILE` reads. */
export function thresholdsFile(labelNames: readonly string[], thresholds: readonly number[], tunedOn: string | null, note: string): unknown {
  return { thresholds: Object.fromEntries(labelNames.map((name, l) => [name, thresholds[l]])), tunedOn, note };
}
