/** The command line as a user meets it: help, formats, exit codes, and messages for mistakes. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';

const root = path.resolve(__dirname, '../..');
const example = path.join(root, 'examples', 'support-tickets.csv');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false }, new AbortController().signal);
  return { code, stdout, stderr };
}

function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('imbalance-lens CLI', () => {
  test('help lists the commands; a command help lists its options', async () => {
    const main = await cli('--help');
    assert.equal(main.code, 0);
    assert.match(main.stdout, /analyze/);
    assert.match(main.stdout, /weights/);
    const analyze = await cli('analyze', '--help');
    assert.match(analyze.stdout, /--format table\|markdown\|json/);
    assert.match(analyze.stdout, /--labels-from N/);
  });

  test('analyze prints JSON with the stable field names when not on a terminal', async () => {
    const { code, stdout } = await cli('analyze', example);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    for (const key of ['instances', 'labels', 'inputs', 'cardinality', 'density', 'labelsets', 'singleLabelsets', 'maxLabelsetFrequency', 'meanIR', 'maxIR', 'cvIR', 'scumble', 'scumbleCV', 'tcs', 'emptyRows', 'perLabel', 'cooccurrence', 'topLabelsets']) {
      assert.ok(key in report, `missing ${key}`);
    }
    assert.deepEqual(Object.keys(report.perLabel[0]).slice(0, 6).sort(), ['count', 'frequency', 'irLbl', 'name', 'posWeight', 'scumble']);
    assert.equal(report.instances, 3000);
    assert.equal(report.labels, 10);
    assert.equal(report.cooccurrence.counts.length, 10);
  });

  test('table and markdown formats are readable', async () => {
    const table = await cli('analyze', example, '--format', 'table');
    assert.match(table.stdout, /MeanIR\s+\d+\.\d{4}/);
    assert.match(table.stdout, /gdpr\s+9 /);
    const md = await cli('analyze', example, '--format', 'markdown');
    assert.match(md.stdout, /^# Label imbalance/);
    assert.match(md.stdout, /\| label \| count \|/);
  });

  test('weights --format pytorch is a correct BCEWithLogitsLoss snippet', async () => {
    const { code, stdout } = await cli('weights', example, '--scheme', 'pos', '--format', 'pytorch');
    assert.equal(code, 0);
    assert.match(stdout, /pos_weight = torch\.tensor\(/);
    assert.match(stdout, /BCEWithLogitsLoss\(pos_weight=pos_weight\)/);
    assert.doesNotMatch(stdout, /nn\.Sigmoid\(\)\s*[,)]/);
  });

  test('weights --format csv and json carry every label', async () => {
    const csv = await cli('weights', example, '--scheme', 'effective', '--format', 'csv');
    assert.equal(csv.stdout.trim().split('\n').length, 11);
    const json = JSON.parse((await cli('weights', example, '--format', 'json', '--scheme', 'sqrt')).stdout);
    assert.equal(json.scheme, 'sqrt');
    assert.equal(json.selected.length, 10);
  });

  test('mistakes on the command line exit 2 with a message and a hint', async () => {
    const unknown = await cli('analyze', example, '--fromat', 'json');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --fromat; did you mean --format\?/);
    const badChoice = await cli('weights', example, '--scheme', 'median');
    assert.equal(badChoice.code, 2);
    assert.match(badChoice.stderr, /--scheme must be one of pos, inverse, sqrt, effective/);
    const noFile = await cli('analyze');
    assert.equal(noFile.code, 2);
    assert.match(noFile.stderr, /analyze needs a dataset file/);
    const badBeta = await cli('weights', example, '--beta', '1');
    assert.equal(badBeta.code, 2);
    const badCommand = await cli('analyse', example);
    assert.equal(badCommand.code, 2);
  });

  test('a problem in the file exits 1 with file:line:column and no stack trace', async () => {
    const file = tempFile('bad.csv', 'a,b,y1,y2\n1,2,0,1\n3,4,1\n');
    const { code, stderr } = await cli('analyze', file);
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3`));
    assert.doesNotMatch(stderr, /\n\s+at /);
    const missing = await cli('analyze', path.join(os.tmpdir(), 'no-such-file.csv'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /file not found/);
    const unsupported = await cli('analyze', tempFile('data.xlsx', 'x'));
    assert.equal(unsupported.code, 1);
    assert.match(unsupported.stderr, /unsupported file type "\.xlsx"/);
  });
});

describe('the bundled CLI as a process', () => {
  const bin = path.join(root, 'dist', 'cli.js');
  before(() => {
    if (!fs.existsSync(bin)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  });

  test('runs with a shebang, prints JSON, and uses worker threads or not with the same result', () => {
    assert.match(fs.readFileSync(bin, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
    const many = JSON.parse(execFileSync(process.execPath, [bin, 'analyze', example, '--format', 'json'], { encoding: 'utf8' }));
    const one = JSON.parse(execFileSync(process.execPath, [bin, 'analyze', example, '--format', 'json', '--threads', '1'], { encoding: 'utf8' }));
    delete many.elapsedMs;
    delete one.elapsedMs;
    assert.deepEqual(many, one);
  });

  test('exit code 1 and a one-line error for a bad file', () => {
    const file = tempFile('bad.tsv', 'a\ty\n1\t7\n');
    const result = spawnSync(process.execPath, [bin, 'analyze', file, '--labels', 'y'], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^error: .*bad\.tsv:2:2: /);
  });
});
