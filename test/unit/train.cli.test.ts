/**
 * `imbalance-lens train` and `compare` from sources (the run on this thread): exit codes, one
 * progress line per epoch on stderr, the RunSummary on stdout, the model options reaching the
 * saved files, the table format, usage errors, and Ctrl-C (an aborted signal) keeping the run.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import type { RunSummary } from '../../src/protocol/training.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';

const FILES = ['emotions/emotions-train.arff', 'emotions/emotions-test.arff'];

async function cli(argv: string[], onStderr?: (text: string, controller: AbortController) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const io = {
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => {
      stderr += t;
      onStderr?.(t, controller);
    },
    isTTY: false,
  };
  const code = await runCli(argv, io, controller.signal);
  return { code, stdout, stderr };
}

const out = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'il-train-cli-'));

describe('imbalance-lens train / compare', { skip: skipUnlessDatasets(...FILES) }, () => {
  const [train, testFile] = [0, 1].map((i) => datasetPath(FILES[i])!);

  test('train: exit 0, a progress line per epoch on stderr, the RunSummary as JSON on stdout', async () => {
    const runs = out();
    const { code, stdout, stderr } = await cli(['train', train, '--test', testFile, '--loss', 'asl', '--epochs', '3', '--patience', '2', '--folds', '0', '--ensemble', '2', '--out', runs]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^ensemble 2: only a cross-validated run averages models .*; this run early-stops one model per strategy on its validation rows$/m);
    const epochLines = stderr.split('\n').filter((l) => l.startsWith('[asl] epoch'));
    assert.deepEqual(epochLines.map((l) => l.replace(/loss \d+\.\d{3} {2}val macro-F1 \d\.\d{3}$/, 'X')), ['[asl] epoch 1/3  X', '[asl] epoch 2/3  X', '[asl] epoch 3/3  X']);
    const summary = JSON.parse(stdout) as RunSummary;
    assert.equal(summary.kind, 'train');
    assert.equal(summary.status, 'completed');
    assert.equal(path.dirname(summary.runDir), runs);
    assert.equal(summary.file, train);
    assert.deepEqual(summary.strategies.map((s) => [s.strategy, s.loss, s.resampling]), [['asl', 'asl', 'none']]);
    assert.equal(summary.strategies[0].ensemble, undefined, 'one model');
    for (const key of ['macroF1', 'microF1', 'mAP', 'tailF1'] as const) {
      assert.ok(summary.strategies[0].tuned[key] >= 0 && summary.strategies[0].tuned[key] <= 1);
    }
    assert.ok(summary.evaluation && summary.evaluation.rows === 202);
    assert.match(stderr, new RegExp(`run saved in ${summary.runDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  test('compare: one folder per strategy, the recommendation with its reason; --format table', async () => {
    const runs = out();
    const { code, stdout, stderr } = await cli(['compare', train, '--test', testFile, '--losses', 'bce,wbce', '--resampling', 'none,mlros', '--epochs', '2', '--out', runs, '--name', 'my compare', '--format', 'table']);
    assert.equal(code, 0, stderr);
    const [runDir] = fs.readdirSync(runs).map((d) => path.join(runs, d));
    assert.match(path.basename(runDir), /^\d{8}-\d{6}-my_compare$/);
    assert.deepEqual(fs.readdirSync(runDir).sort(), ['bce', 'bce+mlros', 'run.json', 'wbce']);
    const summary = JSON.parse(fs.readFileSync(path.join(runDir, 'run.json'), 'utf8')) as RunSummary;
    assert.deepEqual(summary.strategies.map((s) => s.strategy), ['bce', 'wbce', 'bce+mlros']);
    assert.deepEqual(summary.strategies.map((s) => s.runDir), ['bce', 'wbce', 'bce+mlros'].map((s) => path.join(runDir, s)));
    // Chosen on the validation rows: tuned when tuning raises the median strategy's out-of-fold macro-F1 (3 strategies: the middle gain), then the best in that mode.
    const gains = summary.strategies.map((s) => s.validation!.tuned.macroF1 - s.validation!.fixed.macroF1).sort((a, b) => a - b);
    const tuned = gains[1] > 1e-9;
    assert.equal(summary.recommendation?.tuned, tuned);
    const figures = summary.strategies.map((s) => ({ strategy: s.strategy, f1: (tuned ? s.validation!.tuned : s.validation!.fixed).macroF1 }));
    const top = Math.max(...figures.map((o) => o.f1));
    const chosen = figures.find((o) => o.strategy === summary.recommendation?.strategy);
    assert.equal(summary.recommendation?.chosenOn, 'validation');
    assert.ok(chosen && Math.abs(chosen.f1 - top) < 1e-9, `the recommendation has the top validation macro-F1 (${top})`);
    // emotions-train has 391 rows and no validation part: 5-fold cross-validation by default.
    assert.equal(summary.split.folds, 5);
    assert.match(summary.recommendation!.reason, /(with tuned thresholds|at the threshold 0\.5): .*out of fold in 5-fold cross-validation of the training rows/);
    assert.match(stderr, /^\[wbce\] epoch 2\/2  loss \d\.\d{3}  out-of-fold macro-F1 \d\.\d{3}$/m);
    assert.match(stderr, /^\[wbce\] out-of-fold macro-F1 \d\.\d{3} at epoch [12]; final model: the mean of 3 models, [12] epochs each on all 391 training rows$/m);
    assert.match(stdout, /^recommended \(chosen on the out-of-fold scores of the training rows\): /m);
    // the table shows every strategy and the recommendation
    for (const s of ['bce', 'wbce', 'bce+mlros']) assert.match(stdout, new RegExp(`^${s.replace('+', '\\+')} +\\d+ `, 'm'));
    assert.ok(stdout.includes(summary.recommendation!.reason));
    // the test macro-F1 column at the recommendation's thresholds is starred, with its footnote under the table
    assert.match(stdout, tuned ? / test F1@0\.5 +test F1 tuned\* / : / test F1@0\.5\* +test F1 tuned /);
    assert.match(stdout, new RegExp(`\\n\\* thresholds in force: ${tuned ? 'tuned' : '0\\.5'}\\n\\nrecommended `));
    assert.match(stderr, /\[bce\+mlros\] mlros: \d+ rows added/);
  });

  test('--hidden 0 trains a linear model, --hidden 256,128 two layers; --dropout is saved', async () => {
    for (const [hidden, expected] of [['0', []], ['256,128', [256, 128]]] as const) {
      const { code, stdout, stderr } = await cli(['train', train, '--test', testFile, '--hidden', hidden, '--dropout', '0.25', '--epochs', '1', '--patience', '0', '--out', out()]);
      assert.equal(code, 0, stderr);
      const { runDir } = JSON.parse(stdout) as RunSummary;
      const model = JSON.parse(fs.readFileSync(path.join(runDir, 'model.json'), 'utf8')) as { hidden: number[]; dropout: number };
      assert.deepEqual([model.hidden, model.dropout], [expected, 0.25]);
    }
  });

  test('usage errors exit 2, dataset errors 1, before anything is written', async () => {
    const runs = out();
    for (const argv of [
      ['train', train, '--loss', 'hinge'],
      ['train', train, '--hidden', 'wide'],
      ['train', train, '--ratios', '0.5,0.5'],
      ['train', train, '--epochs', '0'],
      ['train', train, '--dropout', '1'],
      ['compare', train, '--losses', 'bce,nope'],
      ['compare', train, '--losses', 'bce', '--resampling', 'mlros'],
      ['train'],
    ]) {
      const { code, stderr } = await cli([...argv, '--out', runs]);
      assert.equal(code, 2, `${argv.join(' ')}: ${stderr}`);
      assert.match(stderr, /^error: /);
    }
    const missing = await cli(['train', path.join(runs, 'nope.csv'), '--out', runs]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.csv: file not found/);
    assert.deepEqual(fs.readdirSync(runs), []);
  });

  test('Ctrl-C: exit 130, the run folder kept and marked cancelled', async () => {
    const runs = out();
    const { code, stdout, stderr } = await cli(['compare', train, '--test', testFile, '--losses', 'bce,wbce', '--resampling', 'none', '--epochs', '200', '--patience', '0', '--out', runs], (text, controller) => {
      if (text.startsWith('[bce] epoch 2/')) controller.abort();
    });
    assert.equal(code, 130, stderr);
    const summary = JSON.parse(stdout) as RunSummary;
    assert.equal(summary.status, 'cancelled');
    assert.equal((JSON.parse(fs.readFileSync(path.join(summary.runDir, 'run.json'), 'utf8')) as RunSummary).status, 'cancelled');
    assert.match(stderr, /cancelled: the run folder is kept, marked cancelled/);
  });
});
