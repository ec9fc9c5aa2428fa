import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { scanLabels } from '../../src/core/io/open.js';
import { loadEvaluationData } from '../../src/core/io/predictions/index.js';
import type { LabelScan } from '../../src/core/io/types.js';
import type { EvaluationData } from '../../src/core/metrics/types.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';
import { f32Bytes, f64Bytes, hasNumpy, npyBytes, runPython, tempFolder } from './helpers/predictionFiles.js';

const write = tempFolder('predictions-formats-');
const EMOTIONS = 'emotions/emotions-test.arff';
const YEAST = 'csv/yeast.csv';

/** A deterministic score in (0, 1) for row r, label l, with 4 decimals. */
function prob(r: number, l: number): number {
  return ((r * 7919 + l * 104729) % 9973) / 9973;
}

/** The logistic function as its textbook formula, an independent reference for moderate x. */
function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function truthOf(scan: LabelScan): (r: number, l: number) => number {
  const sets = Array.from({ length: scan.matrix.rows }, (_, r) => new Set(scan.matrix.labels.subarray(scan.matrix.offsets[r], scan.matrix.offsets[r + 1])));
  return (r, l) => (sets[r].has(l) ? 1 : 0);
}

function assertData(data: EvaluationData, scan: LabelScan, expected: (r: number, l: number) => number, tolerance = 0): void {
  const rows = scan.matrix.rows;
  const labels = scan.schema.labelNames;
  assert.equal(data.rows, rows);
  assert.deepEqual(data.labelNames, labels);
  assert.equal(data.truth.length, rows * labels.length);
  assert.equal(data.scores.length, rows * labels.length);
  const truth = truthOf(scan);
  for (let l = 0; l < labels.length; l++) {
    for (let r = 0; r < rows; r++) {
      assert.equal(data.truth[l * rows + r], truth(r, l), `truth row ${r} label ${l}`);
      const got = data.scores[l * rows + r];
      const want = expected(r, l);
      if (tolerance === 0) assert.equal(got, want, `score row ${r} label ${l}`);
      else assert.ok(Math.abs(got - want) <= tolerance, `score row ${r} label ${l}: ${got} vs ${want}`);
    }
  }
}

function csvText(header: string[], rows: string[][], delimiter = ','): string {
  return [header, ...rows].map((r) => r.join(delimiter)).join('\n') + '\n';
}

test('CSV probabilities by position, columns in another order than the truth', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
  const truth = datasetPath(EMOTIONS)!;
  const scan = await scanLabels(truth);
  const names = scan.schema.labelNames;
  const order = [...names.keys()].reverse();
  const rows = Array.from({ length: scan.matrix.rows }, (_, r) => order.map((l) => String(prob(r, l))));
  const res = await loadEvaluationData(truth, write('probs.csv', csvText(order.map((l) => names[l]), rows)), {});
  assert.equal(res.scoreKind, 'probabilities');
  assert.equal(res.joinedBy, 'position');
  assert.equal(res.truthSchema.format, 'arff');
  assertData(res.data, scan, prob);
});

test('CSV logits go through the sigmoid; TSV reads the same', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
  const truth = datasetPath(EMOTIONS)!;
  const scan = await scanLabels(truth);
  const names = scan.schema.labelNames;
  const logit = (r: number, l: number): number => Math.round((prob(r, l) * 12 - 6) * 1000) / 1000;
  const rows = Array.from({ length: scan.matrix.rows }, (_, r) => names.map((_, l) => String(logit(r, l))));
  for (const [name, delimiter] of [['logits.csv', ','], ['logits.tsv', '\t']] as const) {
    const res = await loadEvaluationData(truth, write(name, csvText(names, rows, delimiter)), {});
    assert.equal(res.scoreKind, 'logits');
    assert.ok(res.notes.some((n) => /read as logits/.test(n)), res.notes.join('\n'));
    assertData(res.data, scan, (r, l) => logistic(logit(r, l)), 1e-15);
  }
  // forced: values inside [0, 1] are logits too
  const inside = Array.from({ length: scan.matrix.rows }, (_, r) => names.map((_, l) => String(prob(r, l))));
  const forced = await loadEvaluationData(truth, write('forced-logits.csv', csvText(names, inside)), { scores: 'logits' });
  assert.equal(forced.scoreKind, 'logits');
  assertData(forced.data, scan, (r, l) => logistic(prob(r, l)), 1e-15);
});

test('CSV 0/1 values are hard predictions; a label-list column is read as hard predictions', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
  const truth = datasetPath(EMOTIONS)!;
  const scan = await scanLabels(truth);
  const names = scan.schema.labelNames;
  const hard = (r: number, l: number): number => (prob(r, l) > 0.6 ? 1 : 0);
  const rows = Array.from({ length: scan.matrix.rows }, (_, r) => names.map((_, l) => String(hard(r, l))));
  const res = await loadEvaluationData(truth, write('hard.csv', csvText(names, rows)), {});
  assert.equal(res.scoreKind, 'hard');
  assertData(res.data, scan, hard);

  const lists = Array.from({ length: scan.matrix.rows }, (_, r) => [String(r), names.filter((_, l) => hard(r, l)).join('|')]);
  const listed = await loadEvaluationData(truth, write('list.csv', csvText(['row', 'predicted'], lists)), {});
  assert.equal(listed.scoreKind, 'label-list');
  assertData(listed.data, scan, hard);

  // a Python list repr in a column named by --pred-label-column
  const repr = Array.from({ length: scan.matrix.rows }, (_, r) => [`"[${names.filter((_, l) => hard(r, l)).map((n) => `'${n}'`).join(', ')}]"`]);
  const named = await loadEvaluationData(truth, write('named-list.csv', csvText(['my_output'], repr)), { predLabelColumn: 'my_output' });
  assert.equal(named.scoreKind, 'label-list');
  assertData(named.data, scan, hard);
});

test('CSV: a non-numeric extra column and a split column are ignored; prefixed column names match', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
  const truth = datasetPath(EMOTIONS)!;
  const scan = await scanLabels(truth);
  const names = scan.schema.labelNames;
  const rows = Array.from({ length: scan.matrix.rows }, (_, r) => ['test', `model-${r % 3}`, ...names.map((_, l) => String(prob(r, l)))]);
  const res = await loadEvaluationData(truth, write('extra.csv', csvText(['split', 'model', ...names.map((n) => `prob_${n}`)], rows)), {});
  assert.ok(res.notes.some((n) => /ignored non-numeric prediction column "model"/.test(n)), res.notes.join('\n'));
  assert.ok(res.notes.some((n) => /affix "prob_"/.test(n)), res.notes.join('\n'));
  assertData(res.data, scan, prob);
});

test('JSONL: score objects, score arrays, label lists, top-level scores, a logits field', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
  const truth = datasetPath(EMOTIONS)!;
  const scan = await scanLabels(truth);
  const names = scan.schema.labelNames;
  const n = scan.matrix.rows;
  const lines = (f: (r: number) => object): string => Array.from({ length: n }, (_, r) => JSON.stringify(f(r))).join('\n') + '\n';
  const object = (r: number) => Object.fromEntries([...names.keys()].reverse().map((l) => [names[l], prob(r, l)]));

  const res = await loadEvaluationData(truth, write('scores.jsonl', lines((r) => ({ scores: object(r) }))), {});
  assert.equal(res.scoreKind, 'probabilities');
  assertData(res.data, scan, prob);

  const vec = await loadEvaluationData(truth, write('vec.jsonl', lines((r) => ({ probs: names.map((_, l) => prob(r, l)) }))), {});
  assertData(vec.data, scan, prob);

  const flat = await loadEvaluationData(truth, write('flat.ndjson', lines((r) => ({ note: 'x', ...object(r) }))), {});
  assertData(flat.data, scan, prob);

  const hard = (r: number, l: number): number => (prob(r, l) > 0.5 ? 1 : 0);
  const list = await loadEvaluationData(truth, write('list.jsonl', lines((r) => ({ predicted: names.filter((_, l) => hard(r, l)) }))), {});
  assert.equal(list.scoreKind, 'label-list');
  assertData(list.data, scan, hard);

  const logits = await loadEvaluationData(truth, write('logits.jsonl', lines((r) => ({ logits: object(r) }))), {});
  assert.equal(logits.scoreKind, 'logits');
  assertData(logits.data, scan, (r, l) => logistic(prob(r, l)), 1e-15);
});

test('npy: float64 and float32 with hand-written headers (format versions 1, 2, 3)', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
  const truth = datasetPath(EMOTIONS)!;
  const scan = await scanLabels(truth);
  const L = scan.schema.labelNames.length;
  const n = scan.matrix.rows;
  const values = Array.from({ length: n * L }, (_, i) => prob(Math.floor(i / L), i % L));
  for (const version of [1, 2, 3] as const) {
    const f8 = write(`p${version}.npy`, npyBytes({ descr: '<f8', shape: [n, L], version }, f64Bytes(values)));
    const res = await loadEvaluationData(truth, f8, {});
    assert.equal(res.scoreKind, 'probabilities');
    assertData(res.data, scan, prob);
  }
  const f4 = write('p4.npy', npyBytes({ descr: '<f4', shape: [n, L] }, f32Bytes(values)));
  const res = await loadEvaluationData(truth, f4, {});
  assertData(res.data, scan, (r, l) => Math.fround(prob(r, l)));
});

test('npy written by numpy itself: float32, float64, bool, int64, uint8', { skip: skipUnlessDatasets(EMOTIONS) || (hasNumpy() ? false : 'numpy not available') }, async () => {
  const truth = datasetPath(EMOTIONS)!;
  const scan = await scanLabels(truth);
  const L = scan.schema.labelNames.length;
  const n = scan.matrix.rows;
  const base = write('np-base.txt', '');
  const dir = base.slice(0, -'np-base.txt'.length);
  runPython(`
import numpy as np
n, L = ${n}, ${L}
r = np.arange(n).reshape(-1, 1); l = np.arange(L).reshape(1, -1)
p = ((r * 7919 + l * 104729) % 9973) / 9973
np.save('${dir}np-f8.npy', p.astype('<f8'))
np.save('${dir}np-f4.npy', p.astype('<f4'))
np.save('${dir}np-b1.npy', p > 0.5)
np.save('${dir}np-i8.npy', (p > 0.5).astype('<i8'))
np.save('${dir}np-u1.npy', (p > 0.5).astype('u1'))
np.save('${dir}np-logit.npy', (p * 12 - 6).astype('<f8'))
`);
  assertData((await loadEvaluationData(truth, `${dir}np-f8.npy`, {})).data, scan, prob);
  assertData((await loadEvaluationData(truth, `${dir}np-f4.npy`, {})).data, scan, (r, l) => Math.fround(prob(r, l)));
  for (const kind of ['b1', 'i8', 'u1']) {
    const res = await loadEvaluationData(truth, `${dir}np-${kind}.npy`, {});
    assert.equal(res.scoreKind, 'hard', kind);
    assertData(res.data, scan, (r, l) => (prob(r, l) > 0.5 ? 1 : 0));
  }
  const logits = await loadEvaluationData(truth, `${dir}np-logit.npy`, {});
  assert.equal(logits.scoreKind, 'logits');
  assertData(logits.data, scan, (r, l) => logistic(prob(r, l) * 12 - 6), 1e-12);
});

/** yeast.csv with an `id` column in front (ids not in row order), as a truth file that carries ids. */
function yeastWithIds(): { file: string; ids: string[] } {
  const lines = readFileSync(datasetPath(YEAST)!, 'utf8').split('\n').filter((s) => s !== '');
  const ids = lines.slice(1).map((_, r) => `y${(r * 37) % 100003}`);
  const text = [`id,${lines[0]}`, ...lines.slice(1).map((line, r) => `${ids[r]},${line}`)].join('\n') + '\n';
  return { file: write('yeast-ids.csv', text), ids };
}

/** A permutation of 0..n-1 (a fixed shuffle). */
function shuffled(n: number): number[] {
  const order = [...Array(n).keys()];
  let seed = 12345;
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

test('join by id: shuffled prediction rows land on their truth rows (CSV truth, detected id)', { skip: skipUnlessDatasets(YEAST) }, async () => {
  const { file, ids } = yeastWithIds();
  const scan = await scanLabels(datasetPath(YEAST)!);
  const names = scan.schema.labelNames;
  const order = shuffled(ids.length);
  const rows = order.map((r) => [ids[r], ...names.map((_, l) => String(prob(r, l)))]);
  const pred = write('yeast-pred.csv', csvText(['id', ...names], rows));
  const res = await loadEvaluationData(file, pred, {});
  assert.equal(res.joinedBy, 'id');
  assert.equal(res.truthSchema.idColumn, 'id');
  assertData(res.data, scan, prob);
  // the same, naming the id column
  assert.equal((await loadEvaluationData(file, pred, { id: 'id' })).joinedBy, 'id');
  // without an id in the truth the same predictions are joined by position: the rows no longer line up
  const byPosition = await loadEvaluationData(datasetPath(YEAST)!, pred, {});
  assert.equal(byPosition.joinedBy, 'position');
  assert.ok(byPosition.notes.some((n) => /id column "id" but the truth has none/.test(n)));
});

test('join by id: JSONL truth (reuters, field "id") with shuffled JSONL predictions', { skip: skipUnlessDatasets('reuters21578-modapte.jsonl') }, async () => {
  const truth = datasetPath('reuters21578-modapte.jsonl')!;
  const ids = readFileSync(truth, 'utf8').split('\n').filter((s) => s.trim() !== '').map((s) => (JSON.parse(s) as { id: number }).id);
  const scan = await scanLabels(truth);
  const names = scan.schema.labelNames;
  const order = shuffled(ids.length);
  const text = order.map((r) => JSON.stringify({ id: ids[r], scores: Object.fromEntries(names.map((n, l) => [n, prob(r, l)])) })).join('\n') + '\n';
  const res = await loadEvaluationData(truth, write('reuters-pred.jsonl', text), {});
  assert.equal(res.joinedBy, 'id');
  assertData(res.data, scan, prob);
});

test('--id naming an ordinary column: ids compared as written (leading zeros kept)', async () => {
  const truth = write('keyed.csv', 'key,f,a,b\n007,1.5,1,0\n7,2.5,0,1\n010,3.5,1,1\n');
  const pred = write('keyed-pred.csv', 'key,b,a\n010,0.9,0.8\n007,0.1,0.7\n7,0.6,0.2\n');
  const res = await loadEvaluationData(truth, pred, { id: 'key' });
  assert.equal(res.joinedBy, 'id');
  assert.deepEqual(res.data.labelNames, ['a', 'b']);
  assert.deepEqual([...res.data.truth], [1, 0, 1, 0, 1, 1]);
  assert.deepEqual([...res.data.scores], [0.7, 0.2, 0.8, 0.1, 0.6, 0.9]);
});

test('progress covers both files and never goes backwards', async () => {
  const truth = write('prog.csv', 'id,f,a,b\n1,1,1,0\n2,2,0,1\n');
  const pred = write('prog-pred.csv', 'id,a,b\n2,0.1,0.2\n1,0.3,0.4\n');
  const seen: Array<[number, number]> = [];
  const res = await loadEvaluationData(truth, pred, { onProgress: (d, t) => seen.push([d, t]) });
  assert.deepEqual([...res.data.scores], [0.3, 0.1, 0.4, 0.2]);
  assert.ok(seen.length > 0);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i][0] >= seen[i - 1][0]);
  assert.equal(seen[seen.length - 1][0], seen[seen.length - 1][1]);
});
