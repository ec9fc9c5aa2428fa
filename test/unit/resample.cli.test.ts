/**
 * `imbalance-lens resample` and `split` as a user runs them on copies of real datasets: the files
 * they write next to the input, the before/after measures they print, and what they refuse to do.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { openDataset, scanLabels } from '../../src/core/io/open.js';
import { computeMeasures } from '../../src/core/stats/index.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false }, new AbortController().signal);
  return { code, stdout, stderr };
}

/** Copies dataset files into a fresh temp folder (the shared folder is read-only to us). */
function copyDatasets(...rel: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-resample-'));
  for (const r of rel) fs.copyFileSync(datasetPath(r)!, path.join(dir, path.basename(r)));
  return dir;
}

describe('imbalance-lens resample', { skip: skipUnlessDatasets('yeast/yeast.arff', 'yeast/yeast.xml', 'csv/yeast.csv') }, () => {
  test('ML-ROS on MULAN yeast writes yeast.mlros.arff and its xml next to the input; MeanIR falls; the input is untouched', async () => {
    const dir = copyDatasets('yeast/yeast.arff', 'yeast/yeast.xml');
    const input = path.join(dir, 'yeast.arff');
    const original = fs.readFileSync(input);
    const { code, stdout, stderr } = await cli('resample', input, '--method', 'mlros', '--percent', '10');
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    const out = path.join(dir, 'yeast.mlros.arff');
    assert.deepEqual(report.written.sort(), [out, path.join(dir, 'yeast.mlros.xml')].sort());
    assert.ok(fs.readFileSync(input).equals(original), 'the input file changed');
    // read back independently: the rows and MeanIR the report claims
    const scan = await scanLabels(out);
    assert.equal(scan.matrix.rows, report.rows.after);
    assert.equal(report.rows.after, 2417 + report.rows.cloned);
    assert.ok(report.rows.cloned > 0);
    const measures = computeMeasures(scan.matrix, scan.schema.labelNames, 0);
    assert.ok(Math.abs(measures.meanIR - report.after.meanIR) < 1e-9);
    assert.ok(report.after.meanIR < report.before.meanIR);
    assert.ok(Math.abs(report.before.meanIR - 7.1968) < 1e-4, 'MeanIR before is mldr\'s yeast value');
    // the markers are neither features nor labels when read back
    const reader = await openDataset(out);
    assert.equal(reader.schema.features.length, 103);
    assert.equal(reader.schema.labelNames.length, 14);
  });

  test('an existing output is never replaced without --force, and --force replaces it', async () => {
    const dir = copyDatasets('csv/yeast.csv');
    const input = path.join(dir, 'yeast.csv');
    const out = path.join(dir, 'yeast.remedial.csv');
    fs.writeFileSync(out, 'precious\n');
    const refused = await cli('resample', input, '--method', 'remedial');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /yeast\.remedial\.csv/);
    assert.match(refused.stderr, /already exists/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'precious\n');
    const forced = await cli('resample', input, '--method', 'remedial', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    const report = JSON.parse(forced.stdout);
    assert.ok(report.after.scumble < report.before.scumble);
    assert.equal((await scanLabels(out)).matrix.rows, report.rows.after);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['yeast.csv', 'yeast.remedial.csv'], 'no temp files left behind');
  });

  test('the table format shows the measures before and after; --dry-run writes nothing', async () => {
    const dir = copyDatasets('csv/yeast.csv');
    const input = path.join(dir, 'yeast.csv');
    const { code, stdout } = await cli('resample', input, '--method', 'mlrus', '--percent', '10', '--dry-run', '--format', 'table');
    assert.equal(code, 0);
    assert.match(stdout, /ML-RUS/);
    assert.match(stdout, /MeanIR\s+7\.1968/);
    assert.match(stdout, /dry run/);
    assert.deepEqual(fs.readdirSync(dir), ['yeast.csv']);
  });

  test('bad arguments are usage errors naming what was expected', async () => {
    const dir = copyDatasets('csv/yeast.csv');
    const input = path.join(dir, 'yeast.csv');
    const noMethod = await cli('resample', input);
    assert.equal(noMethod.code, 2);
    assert.match(noMethod.stderr, /--method/);
    const badPercent = await cli('resample', input, '--method', 'mlros', '--percent', '150');
    assert.equal(badPercent.code, 2);
    assert.match(badPercent.stderr, /\(0, 100\]/);
    const sameFile = await cli('resample', input, '--method', 'mlros', '--out', input, '--force');
    assert.notEqual(sameFile.code, 0);
    assert.match(sameFile.stderr, /input/);
    assert.deepEqual(fs.readdirSync(dir), ['yeast.csv']);
  });
});

describe('imbalance-lens split', { skip: skipUnlessDatasets('csv/yeast.csv') }, () => {
  test('train/val/test files next to the input, every row in exactly one part, every label in every part', async () => {
    const dir = copyDatasets('csv/yeast.csv');
    const input = path.join(dir, 'yeast.csv');
    const { code, stdout, stderr } = await cli('split', input, '--ratios', '0.7,0.15,0.15');
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.parts.map((p: { name: string }) => p.name), ['train', 'val', 'test']);
    const rows = [];
    for (const name of ['train', 'val', 'test']) {
      const scan = await scanLabels(path.join(dir, `yeast.${name}.csv`));
      rows.push(scan.matrix.rows);
      assert.equal(scan.matrix.labelCount, 14);
    }
    assert.equal(rows.reduce((a, b) => a + b, 0), 2417);
    assert.deepEqual(report.parts.map((p: { summary: { rows: number } }) => p.summary.rows), rows);
    assert.deepEqual(report.absent, []);
    const header = fs.readFileSync(input, 'utf8').split('\n')[0];
    assert.equal(fs.readFileSync(path.join(dir, 'yeast.train.csv'), 'utf8').split('\n')[0], header);
  });

  test('5 folds to an output folder; the same seed gives the same files', async () => {
    const dir = copyDatasets('csv/yeast.csv');
    const input = path.join(dir, 'yeast.csv');
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    assert.equal((await cli('split', input, '--folds', '5', '--out-dir', a)).code, 0);
    assert.equal((await cli('split', input, '--folds', '5', '--out-dir', b)).code, 0);
    const names = fs.readdirSync(a).sort();
    assert.deepEqual(names, ['yeast.fold1.csv', 'yeast.fold2.csv', 'yeast.fold3.csv', 'yeast.fold4.csv', 'yeast.fold5.csv']);
    for (const name of names) assert.ok(fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name))));
  });

  test('proportions that do not sum to 1, and more folds than rows, are refused', async () => {
    const dir = copyDatasets('csv/yeast.csv');
    const input = path.join(dir, 'yeast.csv');
    const badSum = await cli('split', input, '--ratios', '0.7,0.2,0.2');
    assert.equal(badSum.code, 2);
    assert.match(badSum.stderr, /add up to 1/);
    const both = await cli('split', input, '--ratios', '0.8,0.2', '--folds', '5');
    assert.equal(both.code, 2);
    assert.deepEqual(fs.readdirSync(dir), ['yeast.csv']);
  });
});
