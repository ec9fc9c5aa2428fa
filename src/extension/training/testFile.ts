/**
 * The separate test file a training may use: offered only for a dataset named like one half of a
 * train/test pair (`emotions-train.arff`, `yeast_train.csv`, `scene.train.arff`) whose other half
 * is beside it (`emotions-test.arff`), as the MULAN benchmarks ship them.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** `emotions-train.arff` -> the names its test half may have (`emotions-test.arff`, `emotions-tst.arff`), lower case; none when it is not a train half. */
export function testNamesFor(trainName: string): string[] {
  const ext = path.extname(trainName);
  const stem = trainName.slice(0, trainName.length - ext.length);
  const match = /^(.+?)([-_.])(train|training|trn)$/i.exec(stem);
  if (!match) return [];
  const [, prefix, separator] = match;
  return ['test', 'tst', 'testing'].map((word) => `${prefix}${separator}${word}${ext}`.toLowerCase());
}

/** The test half beside `dataset` (absolute path, as the folder spells it), or undefined. */
export async function siblingTestFile(dataset: string): Promise<string | undefined> {
  const wanted = testNamesFor(path.basename(dataset));
  if (wanted.length === 0) return undefined;
  const folder = path.dirname(dataset);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const candidate of wanted) {
    const found = names.find((name) => name.toLowerCase() === candidate);
    if (found) return path.join(folder, found);
  }
  return undefined;
}
