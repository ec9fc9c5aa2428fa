import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readThresholds } from '../../src/core/io/predictions/index.js';
import { expectDatasetError, tempFolder } from './helpers/predictionFiles.js';

const write = tempFolder('predictions-thresholds-');
const LABELS = ['cat', 'dog', 'bird, small'];

test('thresholds in each form', async () => {
  const want = [0.3, 0.5, 0.75];
  assert.deepEqual(await readThresholds(write('export.json', JSON.stringify({ version: 1, thresholds: { dog: 0.5, 'bird, small': 0.75, cat: 0.3 } })), LABELS), want);
  assert.deepEqual(await readThresholds(write('plain.json', '{"cat": 0.3, "dog": 0.5, "bird, small": 0.75}'), LABELS), want);
  assert.deepEqual(await readThresholds(write('array.json', '[0.3, 0.5, 0.75]'), LABELS), want);
  assert.deepEqual(await readThresholds(write('header.csv', 'label,threshold\ndog,0.5\n"bird, small",0.75\ncat,0.3\n'), LABELS), want);
  assert.deepEqual(await readThresholds(write('noheader.csv', 'cat,0.3\r\ndog,0.5\r\n"bird, small",.75\r\n'), LABELS), want);
  assert.deepEqual(await readThresholds(write('tabs.tsv', 'label\tthreshold\ncat\t0.3\ndog\t0.5\nbird, small\t0.75\n'), LABELS), want);
  assert.deepEqual(await readThresholds(write('t.txt', '{"thresholds": [0, 1, 0.75]}'), LABELS), [0, 1, 0.75]);
});

test('thresholds that do not fit the labels list what differs', async () => {
  const e = await expectDatasetError(readThresholds(write('bad.json', '{"cat": 0.3, "Dog": 0.5, "fish": 1.5, "bird, small": -0.1}'), LABELS), /^thresholds do not fit the labels: /);
  assert.match(e.message, /labels without a threshold: "dog"/);
  assert.match(e.message, /thresholds for labels the data does not have: "Dog", "fish"/);
  assert.match(e.message, /thresholds outside \[0, 1\]: fish = 1.5, bird, small = -0.1$/);
  await expectDatasetError(readThresholds(write('dup.csv', 'cat,0.3\ncat,0.4\ndog,0.5\n"bird, small",0.7\n'), LABELS), /labels given more than once: "cat"$/);
  await expectDatasetError(readThresholds(write('short.json', '[0.3, 0.5]'), LABELS), /^the thresholds array has 2 values but there are 3 labels$/);
  await expectDatasetError(readThresholds(write('word.csv', 'label,threshold\ncat,high\n'), LABELS), /^the threshold of label "cat" is not a number: "high"$/, { line: 2, column: 2 });
  await expectDatasetError(readThresholds(write('fields.csv', 'cat,0.3,x\n'), LABELS), /^expected 2 fields/, { line: 1 });
  await expectDatasetError(readThresholds(write('null.json', '{"cat": null, "dog": 0.5, "bird, small": 0.7}'), LABELS), /^the threshold of label "cat" is null; expected a number in \[0, 1\]$/);
  await expectDatasetError(readThresholds(write('broken.json', '{"cat": 0.3,'), LABELS), /^invalid JSON: /);
  await expectDatasetError(readThresholds(write('empty.json', ''), LABELS), /^file is empty$/);
  await expectDatasetError(readThresholds(write('str.json', '"0.5"'), LABELS), /^expected \{"thresholds": \{label: threshold\}\}/);
});
