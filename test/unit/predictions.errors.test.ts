import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../src/core/errors.js';
import { loadEvaluationData, sigmoid } from '../../src/core/io/predictions/index.js';
import { datasetPath, skipUnlessDatasets } from './helpers/datasets.js';
import { expectDatasetError, f64Bytes, npyBytes, tempFolder } from './helpers/predictionFiles.js';

const write = tempFolder('predictions-errors-');
/** Truth without ids: 3 rows, labels a, b, c. */
const TRUTH = write('truth.csv', 'f,a,b,c\n2.5,1,0,0\n3.5,0,1,1\n4.5,1,1,0\n');
/** The same with an id column. */
const TRUTH_IDS = write('truth-ids.csv', 'id,f,a,b,c\nr1,2.5,1,0,0\nr2,3.5,0,1,1\nr3,4.5,1,1,0\n');

test("pandas' unnamed index column is not a label", async () => {
  const res = await loadEvaluationData(TRUTH, write('pandas.csv', ',a,b,c\n0,0.1,0.2,0.3\n1,0.4,0.5,0.6\n2,0.7,0.8,0.9\n'), {});
  assert.deepEqual([...res.data.scores], [0.1, 0.4, 0.7, 0.2, 0.5, 0.8, 0.3, 0.6, 0.9]);
});

test('row counts differ when joining by position', async () => {
  const pred = write('short.csv', 'a,b,c\n0.1,0.2,0.3\n0.4,0.5,0.6\n');
  const e = await expectDatasetError(loadEvaluationData(TRUTH, pred, {}), /^row counts differ: the truth has 3 rows, the predictions 2; without ids, rows are joined by position$/);
  assert.equal(e.file, pred);
  assert.match(e.hint ?? '', /--id/);
});

test('label names differ: missing, extra numeric, differing only in case', async () => {
  await expectDatasetError(loadEvaluationData(TRUTH, write('missing.csv', 'a,b\n0.1,0.2\n0.1,0.2\n0.1,0.2\n'), {}), /^truth labels missing from predictions: "c"$/, { line: 1 });
  await expectDatasetError(loadEvaluationData(TRUTH, write('extra.csv', 'a,b,c,d\n0.1,0.2,0.3,0.4\n0.1,0.2,0.3,0.4\n0.1,0.2,0.3,0.4\n'), {}), /^predictions have labels the truth does not: "d"$/);
  const both = await expectDatasetError(
    loadEvaluationData(TRUTH, write('both.csv', 'a,b,C,d\n0.1,0.2,0.3,0.4\n0.1,0.2,0.3,0.4\n0.1,0.2,0.3,0.4\n'), {}),
    /^truth labels missing from predictions: "c"; predictions have labels the truth does not: "C", "d"$/,
  );
  assert.match(both.hint ?? '', /differing only in case: "C"/);
  // JSONL: per row, with the line
  await expectDatasetError(loadEvaluationData(TRUTH, write('missing.jsonl', '{"scores":{"a":0.1,"b":0.2,"c":0.3}}\n{"scores":{"a":0.1,"b":0.2}}\n{"scores":{"a":0.1,"b":0.2,"c":0.3}}\n'), {}), /^truth labels missing from predictions: "c"$/, { line: 2 });
  await expectDatasetError(loadEvaluationData(TRUTH, write('extra.jsonl', '{"scores":{"a":0.1,"b":0.2,"c":0.3,"zz":1}}\n'), {}), /^predictions have labels the truth does not: "zz"$/, { line: 1 });
  // label lists
  await expectDatasetError(loadEvaluationData(TRUTH, write('list-extra.csv', 'predicted\na|q\nb\nc|r|q\n'), {}), /^predictions have labels the truth does not: "q", "r"$/, { line: 2 });
  await expectDatasetError(loadEvaluationData(TRUTH, write('vec.jsonl', '{"probs":[0.1,0.2]}\n'), {}), /^expected 3 scores \(one per truth label, in the truth's label order\), found 2$/, { line: 1 });
});

test('ids present on one side only are listed, up to 10, with counts', async () => {
  const truthRows = Array.from({ length: 15 }, (_, i) => `t${i},${i + 2}.5,${i % 2},1,0`);
  const truth = write('truth15.csv', `id,f,a,b,c\n${truthRows.join('\n')}\n`);
  const predRows = Array.from({ length: 15 }, (_, i) => `${i < 3 ? `t${i}` : `p${i}`},0.1,0.2,0.3`);
  const pred = write('pred15.csv', `id,a,b,c\n${predRows.join('\n')}\n`);
  const e = await expectDatasetError(loadEvaluationData(truth, pred, {}), /^ids differ between the truth and the predictions: /);
  assert.match(e.message, /12 truth rows have no prediction: id "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12" and 2 more/);
  assert.match(e.message, /12 predictions have an id not in the truth: id "p3", .*"p12" and 2 more$/);
  const one = await expectDatasetError(loadEvaluationData(TRUTH_IDS, write('one.csv', 'id,a,b,c\nr1,0,0,0\nr2,0,0,0\nrX,0,0,0\n'), {}), /1 truth row has no prediction: id "r3"; 1 prediction has an id not in the truth: id "rX"$/);
  assert.equal(one.line, undefined);
});

test('duplicate ids on either side', async () => {
  await expectDatasetError(loadEvaluationData(TRUTH_IDS, write('dup.csv', 'id,a,b,c\nr1,0,0,0\nr2,0,0,0\nr1,0,0,0\nr3,1,1,1\n'), {}), /^duplicate ids in the predictions: 1 id occurs more than once: "r1" \(lines 2, 4\)$/, { line: 4 });
  const truth = write('truth-dup.csv', 'id,f,a,b,c\nr1,2.5,1,0,0\nr2,3.5,0,1,1\nr2,4.5,1,1,0\n');
  await expectDatasetError(loadEvaluationData(truth, write('ok.csv', 'id,a,b,c\nr1,0,0,0\nr2,0,0,0\nr3,0,0,0\n'), {}), /^duplicate ids in the truth: 1 id occurs more than once: "r2" \(lines 3, 4\)$/, { line: 4 });
});

test('--id must name a column in both files', async () => {
  await expectDatasetError(loadEvaluationData(TRUTH_IDS, write('noid.csv', 'a,b,c\n0,0,0\n0,0,0\n0,0,0\n'), { id: 'id' }), /^the id column "id" is not in the predictions$/, { line: 1 });
  await expectDatasetError(loadEvaluationData(TRUTH, write('hasid.csv', 'id,a,b,c\nr1,0,0,0\nr2,0,0,0\nr3,0,0,0\n'), { id: 'id' }), /^the id column "id" is not in the truth$/);
  await expectDatasetError(loadEvaluationData(TRUTH, write('idlabel.csv', 'a,b,c\n0,0,0\n0,0,0\n0,0,0\n'), { id: 'a' }), /^"a" is a label of the truth, not an id column$/);
  const npy = write('p.npy', npyBytes({ descr: '<f8', shape: [3, 3] }, f64Bytes(Array(9).fill(0.5))));
  await expectDatasetError(loadEvaluationData(TRUTH_IDS, npy, { id: 'id' }), /^a \.npy file has no id column "id"/);
});

test('NaN, empty and non-numeric scores name line and column', async () => {
  await expectDatasetError(loadEvaluationData(TRUTH, write('nan.csv', 'a,b,c\n0.1,0.2,0.3\n0.1,NaN,0.3\n0.1,0.2,0.3\n'), {}), /^NaN score for label "b"$/, { line: 3, column: 2 });
  await expectDatasetError(loadEvaluationData(TRUTH, write('empty.csv', 'a,b,c\n0.1,0.2,0.3\n0.1,0.2,0.3\n0.1,0.2,\n'), {}), /^empty score for label "c"$/, { line: 4, column: 3 });
  await expectDatasetError(loadEvaluationData(TRUTH, write('word.csv', 'a,b,c\nhigh,0.2,0.3\n0.1,0.2,0.3\n0.1,0.2,0.3\n'), {}), /^not a number: "high" for label "a"$/, { line: 2, column: 1 });
  await expectDatasetError(loadEvaluationData(TRUTH, write('null.jsonl', '{"scores":{"a":0.1,"b":null,"c":0.3}}\n'), {}), /^score for label "b" is null; expected a number$/, { line: 1 });
  const npy = write('nan.npy', npyBytes({ descr: '<f8', shape: [3, 3] }, f64Bytes([0.1, 0.2, 0.3, 0.4, 0.5, NaN, 0.7, 0.8, 0.9])));
  await expectDatasetError(loadEvaluationData(TRUTH, npy, {}), /^NaN score for label "c" \(row 2\)$/);
  await expectDatasetError(loadEvaluationData(TRUTH, write('fields.csv', 'a,b,c\n0.1,0.2,0.3\n0.1,0.2\n0.1,0.2,0.3\n'), {}), /^expected 3 fields as in the header, found 2$/, { line: 3, column: 3 });
});

test('--scores probs rejects a value outside [0, 1]; auto reads mixed values as logits', async () => {
  const mixed = write('mixed.csv', 'a,b,c\n0.1,0.2,0.3\n0.1,2.5,0.3\n0.1,0.2,-0.5\n');
  const e = await expectDatasetError(loadEvaluationData(TRUTH, mixed, { scores: 'probs' }), /^score 2.5 for label "b" is outside \[0, 1\], but --scores probs says the values are probabilities$/, { line: 3, column: 2 });
  assert.match(e.hint ?? '', /--scores logits/);
  const auto = await loadEvaluationData(TRUTH, mixed, {});
  assert.equal(auto.scoreKind, 'logits');
  assert.ok(auto.notes.some((n) => /the first 2.5 for label "b" on line 3/.test(n)), auto.notes.join('\n'));
  await expectDatasetError(loadEvaluationData(TRUTH, write('inf-probs.csv', 'a,b,c\n0.1,0.2,0.3\n0.1,0.2,0.3\ninf,0.2,0.3\n'), { scores: 'probs' }), /^score Infinity for label "a" is outside/, { line: 4, column: 1 });
  await assert.rejects(loadEvaluationData(TRUTH, mixed, { scores: 'prob' as 'probs' }), UsageError);
});

test('sigmoid is stable at +-1000 and maps +-Infinity logits to 1 / 0', async () => {
  assert.equal(sigmoid(1000), 1);
  assert.equal(sigmoid(-1000), 0);
  assert.equal(sigmoid(0), 0.5);
  assert.equal(sigmoid(Infinity), 1);
  assert.equal(sigmoid(-Infinity), 0);
  // scipy.special.expit(-700) = 9.85967654375977e-305 (a subnormal-free small value, not 0 or NaN)
  assert.ok(Math.abs(sigmoid(-700) - 9.85967654375977e-305) < 1e-318);
  // expit(2) = 0.8807970779778823, expit(-2) = 0.11920292202211755
  assert.equal(sigmoid(2), 0.8807970779778823);
  assert.equal(sigmoid(-2), 0.11920292202211755);
  const res = await loadEvaluationData(TRUTH, write('extreme.csv', 'a,b,c\n1000,-1000,0\n-inf,+inf,2\n-Infinity,Infinity,-2\n'), {});
  assert.equal(res.scoreKind, 'logits');
  assert.deepEqual([...res.data.scores], [1, 0, 0, 0, 1, 1, 0.5, 0.8807970779778823, 0.11920292202211755]);
});

test('npy: wrong column count names both counts; integer values other than 0/1', async () => {
  const npy = write('cols.npy', npyBytes({ descr: '<f8', shape: [3, 2] }, f64Bytes([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])));
  await expectDatasetError(loadEvaluationData(TRUTH, npy, {}), /^the \.npy array has 2 columns but the truth has 3 labels$/);
  const ints = write('ints.npy', npyBytes({ descr: '|u1', shape: [3, 3] }, Uint8Array.from([0, 1, 0, 1, 2, 0, 0, 0, 1])));
  await expectDatasetError(loadEvaluationData(TRUTH, ints, {}), /^expected 0 or 1 in an integer \.npy array \(hard predictions\), found 2 for label "b" \(row 2\)$/);
});

test('empty files and unknown file types', async () => {
  await expectDatasetError(loadEvaluationData(TRUTH, write('empty.csv', ''), {}), /^file is empty$/);
  await expectDatasetError(loadEvaluationData(TRUTH, write('header.csv', 'a,b,c\n'), {}), /^has a header but no data rows$/);
  await expectDatasetError(loadEvaluationData(TRUTH, write('blank.jsonl', '\n\n'), {}), /^the file is empty: expected one JSON object per line$/);
  await expectDatasetError(loadEvaluationData(TRUTH, write('empty.npy', ''), {}), /^file is empty$/);
  await expectDatasetError(loadEvaluationData(TRUTH, write('p.parquet', 'x'), {}), /^unsupported predictions file type "\.parquet"$/);
  await expectDatasetError(loadEvaluationData(TRUTH, '/nonexistent/pred.csv', {}), /^file not found$/);
  await expectDatasetError(loadEvaluationData(write('empty-truth.csv', ''), write('ok.csv', 'a\n0.5\n'), {}), /^file is empty$/);
});

test('skipped truth rows cannot be joined by position', async () => {
  const truth = write('bad-truth.csv', 'f,a,b,c\n2.5,1,0,0\n3.5,0,1\n4.5,1,1,0\n');
  await expectDatasetError(loadEvaluationData(truth, write('two.csv', 'a,b,c\n0.1,0.2,0.3\n0.1,0.2,0.3\n'), { skipBadRows: true }), /^1 malformed truth row was skipped, so joining the predictions by position would misalign them$/);
});

test('a real truth file: predictions for another split are refused', { skip: skipUnlessDatasets('emotions/emotions-test.arff', 'emotions/emotions-train.arff') }, async () => {
  const names = ['amazed-suprised', 'happy-pleased', 'relaxing-calm', 'quiet-still', 'sad-lonely', 'angry-aggresive'];
  const rows = Array.from({ length: 391 }, () => names.map(() => '0.5').join(','));
  const pred = write('train-pred.csv', `${names.join(',')}\n${rows.join('\n')}\n`);
  await expectDatasetError(loadEvaluationData(datasetPath('emotions/emotions-test.arff')!, pred, {}), /^row counts differ: the truth has 202 rows, the predictions 391/);
  const ok = await loadEvaluationData(datasetPath('emotions/emotions-train.arff')!, pred, {});
  assert.equal(ok.data.rows, 391);
});
