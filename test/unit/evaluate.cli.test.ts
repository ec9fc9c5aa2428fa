/**
 * `imbalance-lens evaluate` end to end: a truth file, a predictions file, the report's stable
 * fields, tuning, exported thresholds read back, and the messages for mistakes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { thresholdsJson } from '../../src/core/analysis/evaluatePredictions.js';
import { seededRandom } from '../../scripts/random.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'il-eval-'));
const file = (name: string, content: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
};

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false }, new AbortController().signal);
  return { code, stdout, stderr };
}

/** 400 rows, 4 labels of falling frequency, scores that lean towards the truth. */
function makeCase() {
  const random = seededRandom(11);
  const names = ['common', 'usual', 'rare', 'never'];
  const prevalence = [0.5, 0.25, 0.05, 0];
  const truth = ['id,' + names.join(',')];
  const pred = ['id,' + names.join(',')];
  for (let i = 0; i < 400; i++) {
    const y = prevalence.map((p) => (random() < p ? 1 : 0));
    const s = y.map((v) => Math.min(1, Math.max(0, (v ? 0.62 : 0.3) + (random() - 0.5) * 0.7)).toFixed(3));
    truth.push(`r${i},${y.join(',')}`);
    pred.push(`r${i},${s.join(',')}`);
  }
  const shuffled = [pred[0], ...pred.slice(1).reverse()];
  return { truth: file('truth.csv', truth.join('\n') + '\n'), pred: file('pred.csv', shuffled.join('\n') + '\n') };
}

describe('imbalance-lens evaluate', () => {
  const { truth, pred } = makeCase();

  test('prints the stable JSON fields, joined by the shared id column', async () => {
    const { code, stdout, stderr } = await cli('evaluate', '--truth', truth, '--pred', pred);
    assert.equal(code, 0, stderr);
    const r = JSON.parse(stdout);
    for (const key of ['perLabel', 'averages', 'mAP', 'hammingLoss', 'subsetAccuracy', 'jaccard', 'lrap', 'coverageError', 'rankingLoss', 'curves', 'bands', 'confusedPairs']) {
      assert.ok(key in r, `missing ${key}`);
    }
    assert.deepEqual(Object.keys(r.averages).sort(), ['macro', 'micro', 'samples', 'weighted']);
    for (const key of ['name', 'tp', 'fp', 'fn', 'tn', 'precision', 'recall', 'f1', 'support', 'ap', 'rocAuc', 'threshold']) assert.ok(key in r.perLabel[0], key);
    assert.equal(r.joinedBy, 'id');
    assert.equal(r.rows, 400);
    const never = r.perLabel.find((l: { name: string }) => l.name === 'never');
    assert.equal(never.rocAuc, null);
    assert.match(never.rocAucNote, /positive/i);
    assert.equal(r.tuning, null);
    assert.equal(r.bands.length, 3);
  });

  test('--tune-thresholds reports before and after, and the exported thresholds read back', async () => {
    const tuned = JSON.parse((await cli('evaluate', '--truth', truth, '--pred', pred, '--tune-thresholds')).stdout);
    assert.ok(tuned.tuning.macroF1After >= tuned.tuning.macroF1Before);
    assert.equal(tuned.tuning.macroF1Change, tuned.tuning.macroF1After - tuned.tuning.macroF1Before);
    const exported = file('thresholds.json', thresholdsJson(tuned));
    const again = JSON.parse((await cli('evaluate', '--truth', truth, '--pred', pred, '--thresholds', exported)).stdout);
    assert.equal(again.averages.macro.f1, tuned.tuning.macroF1After);
    assert.deepEqual(again.perLabel.map((l: { threshold: number }) => l.threshold), tuned.tuning.thresholds.map((t: { threshold: number }) => t.threshold));
  });

  test('--save-thresholds writes them once, atomically, and refuses to overwrite without --force', async () => {
    const out = path.join(dir, 'saved-thresholds.json');
    const first = await cli('evaluate', '--truth', truth, '--pred', pred, '--save-thresholds', out);
    assert.equal(first.code, 0, first.stderr);
    const saved = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(Object.keys(saved.thresholds), ['common', 'usual', 'rare', 'never']);
    fs.writeFileSync(out, 'mine');
    const again = await cli('evaluate', '--truth', truth, '--pred', pred, '--save-thresholds', out);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists; not overwritten/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'mine');
    const forced = await cli('evaluate', '--truth', truth, '--pred', pred, '--save-thresholds', out, '--force');
    assert.equal(forced.code, 0);
    assert.deepEqual(JSON.parse(fs.readFileSync(out, 'utf8')), saved);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  test('table and markdown are readable', async () => {
    const table = await cli('evaluate', '--truth', truth, '--pred', pred, '--format', 'table', '--tune-thresholds');
    assert.match(table.stdout, /Per class \(most frequent first\)/);
    assert.match(table.stdout, /never .* n\/a/);
    assert.match(table.stdout, /macro-F1 \d\.\d{4} -> \d\.\d{4}/);
    const md = await cli('evaluate', '--truth', truth, '--pred', pred, '--format', 'markdown');
    assert.match(md.stdout, /^# Evaluation: pred\.csv against truth\.csv/);
  });

  test('band cut-offs by support put each label where its support says', async () => {
    const r = JSON.parse((await cli('evaluate', '--truth', truth, '--pred', pred, '--head-min-support', '150', '--tail-max-support', '30')).stdout);
    const band = (name: string) => r.bands.find((b: { labels: string[] }) => b.labels.includes(name)).band;
    const support = (name: string) => r.perLabel.find((l: { name: string }) => l.name === name).support;
    assert.ok(support('common') >= 150 && support('rare') <= 30);
    assert.equal(band('common'), 'head');
    assert.equal(band('rare'), 'tail');
    const half = await cli('evaluate', '--truth', truth, '--pred', pred, '--head-min-support', '150');
    assert.equal(half.code, 2);
    assert.match(half.stderr, /give both --head-min-support and --tail-max-support/);
  });

  test('mistakes give one clear message', async () => {
    const both = await cli('evaluate', '--truth', truth, '--pred', pred, '--threshold', '0.4', '--thresholds', truth);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /either --threshold or --thresholds/);
    const missing = await cli('evaluate', '--truth', truth);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /evaluate needs --pred FILE/);
    const positional = await cli('evaluate', truth, pred);
    assert.equal(positional.code, 2);
    assert.match(positional.stderr, /--truth FILE --pred FILE/);
    const fewer = file('fewer.csv', 'id,common,usual,rare\nr0,0.1,0.2,0.3\n');
    const mismatch = await cli('evaluate', '--truth', truth, '--pred', fewer);
    assert.equal(mismatch.code, 1);
    assert.match(mismatch.stderr, /never/);
  });
});
