/**
 * How a run splits its data (prepareSplit): the file's own split column, a separate test file
 * (validation carved from the training file, or none in the patience-0 parity mode), iterative
 * stratification otherwise; labels absent from a part; and the input problems it reports.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DatasetError } from '../../src/core/errors.js';
import { prepareSplit } from '../../src/core/train/run/prepareSplit.js';
import { DEFAULT_JOB_SETTINGS } from '../../src/core/train/run/trainJob.js';
import type { TrainJob } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

/** A job with a carved validation part (folds 0); train.runCv.test.ts covers cross-validation. */
function job(file: string, extra: Partial<TrainJob> = {}): TrainJob {
  return { kind: 'train', file, runsDir: os.tmpdir(), strategies: [{ loss: 'bce', resampling: 'none' }], ...DEFAULT_JOB_SETTINGS, folds: 0, ...extra };
}

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-split-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** A CSV with a split column: row i has x = i, labels by i, and the split given. */
function splitCsv(splits: string[]): string {
  const rows = splits.map((s, i) => `r${i},${i},${i % 3 === 0 ? 'a|b' : i % 3 === 1 ? 'b' : 'a'},${s}`);
  return ['id,x,labels,split', ...rows].join('\n') + '\n';
}

describe('the file\'s own split column', () => {
  test('train / val / validation / test rows go to their parts, whatever the case', async () => {
    const splits = ['train', 'train', 'Test', 'val', 'train', 'validation', 'test', 'train', 'TRAIN', 'test', 'train', 'dev'];
    const file = tempFile('own.csv', splitCsv(splits));
    const split = await prepareSplit(job(file));
    const idsOf = (t: { ids?: readonly string[] } | undefined): string[] => [...(t?.ids ?? [])];
    const expected = (part: string[]): string[] => splits.flatMap((s, i) => (part.includes(s.toLowerCase()) ? [`r${i}`] : []));
    assert.deepEqual(idsOf(split.train), expected(['train']));
    assert.deepEqual(idsOf(split.validation), expected(['val', 'validation', 'dev']));
    assert.deepEqual(idsOf(split.test), expected(['test']));
    assert.deepEqual([split.info.train, split.info.validation, split.info.test], [6, 3, 3]);
    assert.match(split.info.source, /split column "split"/);
    assert.deepEqual(split.notes, []);
  });

  test('without validation rows: carved from the train rows when early stopping needs it, none with patience 0', async () => {
    const splits = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? 'test' : 'train'));
    const file = tempFile('noval.csv', splitCsv(splits));
    const carved = await prepareSplit(job(file, { patience: 5 }));
    assert.equal(carved.info.train + carved.info.validation, 30);
    assert.ok(carved.info.validation >= 3 && carved.info.validation <= 6, `validation ${carved.info.validation} is about 15% of 30`);
    assert.match(carved.info.source, /validation carved from the training rows by iterative stratification \(15%, seed 0\)/);
    const none = await prepareSplit(job(file, { patience: 0 }));
    assert.equal(none.validation, undefined);
    assert.deepEqual([none.info.train, none.info.validation, none.info.test], [30, 0, 10]);
    assert.match(none.notes.join(' '), /thresholds stay at 0\.5/);
  });

  test('an unknown split value is a DatasetError at its line; no test rows is one too', async () => {
    const bad = tempFile('bad.csv', splitCsv(['train', 'test', 'fold3', 'train']));
    await assert.rejects(prepareSplit(job(bad)), (e: unknown) => e instanceof DatasetError && e.line === 4 && /unknown split "fold3"/.test(e.message));
    const noTest = tempFile('notest.csv', splitCsv(['train', 'val', 'train']));
    await assert.rejects(prepareSplit(job(noTest)), (e: unknown) => e instanceof DatasetError && /has no test rows/.test(e.message));
  });

  test('a dataset with labels only cannot be trained on', async () => {
    const file = tempFile('labels-only.csv', 'a,b\n1,0\n0,1\n1,1\n');
    await assert.rejects(prepareSplit(job(file)), (e: unknown) => e instanceof DatasetError && /no feature columns/.test(e.message));
  });
});

describe('a separate test file', { skip: skipUnlessDatasets('emotions/emotions-train.arff', 'emotions/emotions-test.arff', 'yeast/yeast-test.arff') }, () => {
  const train = (): string => datasetPath('emotions/emotions-train.arff')!;
  const testFile = (): string => datasetPath('emotions/emotions-test.arff')!;

  test('the test file is the test part; validation is carved from the training file (15%)', async () => {
    const split = await prepareSplit(job(train(), { testFile: testFile(), patience: 10 }));
    assert.equal(split.info.train + split.info.validation, 391);
    assert.equal(split.info.test, 202);
    assert.ok(Math.abs(split.info.validation - 0.15 * 391) <= 3, `validation ${split.info.validation}`);
    assert.equal(split.testFile, testFile());
    // the carve is a partition of the training file's rows
    const lines = [...split.train.lines, ...split.validation!.lines].sort((a, b) => a - b);
    assert.equal(new Set(lines).size, 391);
  });

  test('patience 0 (the PyTorch parity mode): every training row, no validation', async () => {
    const split = await prepareSplit(job(train(), { testFile: testFile(), patience: 0 }));
    assert.deepEqual([split.info.train, split.info.validation, split.info.test], [391, 0, 202]);
    assert.equal(split.validation, undefined);
  });

  test('a test file with other labels is refused', async () => {
    await assert.rejects(prepareSplit(job(train(), { testFile: datasetPath('yeast/yeast-test.arff')! })), (e: unknown) => e instanceof DatasetError && /labels .* differ from the training file's/.test(e.message));
  });
});

describe('iterative stratification', { skip: skipUnlessDatasets('emotions/emotions.arff', 'yeast/yeast.arff') }, () => {
  test('70/15/15 by default, seeded: the same seed gives the same parts, another seed others', async () => {
    const file = datasetPath('emotions/emotions.arff')!;
    const a = await prepareSplit(job(file));
    assert.equal(a.info.train + a.info.validation + a.info.test, 593);
    // iterative stratification balances label counts first, so part sizes may drift a few rows from 15% (89)
    assert.ok(Math.abs(a.info.test - 0.15 * 593) <= 8 && Math.abs(a.info.validation - 0.15 * 593) <= 8, `${a.info.validation} / ${a.info.test}`);
    assert.match(a.info.source, /^iterative stratification 70\/15\/15, seed 0/);
    const again = await prepareSplit(job(file));
    assert.deepEqual(Array.from(again.test.lines), Array.from(a.test.lines));
    const other = await prepareSplit(job(file, { seed: 1 }));
    assert.notDeepEqual(Array.from(other.test.lines), Array.from(a.test.lines));
  });

  test('labels absent from a part are reported, checked against the parts themselves', async () => {
    // yeast: Class14 has 34 positives; 90/5/5 leaves about 2 per small part, so some may miss it
    const file = datasetPath('yeast/yeast.arff')!;
    for (const ratios of [[0.9, 0.05, 0.05], [0.98, 0.01, 0.01]] as [number, number, number][]) {
      const split = await prepareSplit(job(file, { ratios }));
      const expected: string[] = [];
      for (const [part, table] of [['train', split.train], ['validation', split.validation!], ['test', split.test]] as const) {
        const seen = new Set(table.labels.labels);
        split.labelNames.forEach((name, l) => !seen.has(l) && expected.push(`${name} (${part})`));
      }
      assert.deepEqual([...split.info.absent].sort(), expected.sort());
      if (ratios[1] === 0.01) assert.ok(split.info.absent.length > 0, '24 validation rows cannot hold all 14 yeast labels');
    }
  });
});
