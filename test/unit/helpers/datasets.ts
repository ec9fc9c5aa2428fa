/**
 * Where the shared real datasets are: $IMBALANCE_LENS_DATASETS, else ../shared/datasets next to
 * the repository. Tests that need them skip with a message when the folder is absent.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The datasets folder, or undefined when it does not exist. */
export function datasetsDir(): string | undefined {
  const dir = process.env.IMBALANCE_LENS_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
  return existsSync(dir) ? dir : undefined;
}

/** Absolute path of a file under the datasets folder, or undefined when it is not there. */
export function datasetPath(rel: string): string | undefined {
  const dir = datasetsDir();
  if (!dir) return undefined;
  const file = path.join(dir, rel);
  return existsSync(file) ? file : undefined;
}

/**
 * For node:test's `{ skip }`: false when the files are there, else the reason to skip, e.g.
 * `test('yeast', { skip: skipUnlessDatasets('csv/yeast.csv') }, ...)`.
 */
export function skipUnlessDatasets(...rel: string[]): false | string {
  const dir = datasetsDir();
  const where = process.env.IMBALANCE_LENS_DATASETS ?? path.resolve(repoRoot, '../shared/datasets');
  if (!dir) return `datasets folder not found at ${where}; skipping`;
  const missing = rel.filter((r) => datasetPath(r) === undefined);
  return missing.length > 0 ? `dataset file(s) ${missing.join(', ')} not found under ${dir}; skipping` : false;
}
