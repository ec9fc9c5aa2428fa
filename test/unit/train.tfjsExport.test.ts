import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { initTfBackend } from '../../src/core/train/backend.js';
import { createMlp, layoutMlp, predictLogits, type MlpModel } from '../../src/core/train/model.js';
import { seededUniform } from '../../src/core/train/random.js';
import { exportTfjsModel } from '../../src/core/train/tfjsExport.js';

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'il-tfjs-'));

interface ModelJsonFile {
  format: string;
  generatedBy: string;
  modelTopology: { class_name: string; config: { layers: { class_name: string; config: { units: number; activation: string; batch_input_shape?: (number | null)[] } }[] } };
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

/** A loader reading the two files from disk as tf.io.http / file:// would: model.json, then the shards its manifest names. */
function fromFolder(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const shards = manifest.flatMap((group) => group.paths.map((p) => new Uint8Array(fs.readFileSync(path.join(dir, p))).buffer));
        return [specs, tf.io.CompositeArrayBuffer.join(shards)];
      });
    },
  };
}

/** tfjs' prediction of `x` (rows x inputs) with the exported model, row-major. */
async function tfjsPredict(dir: string, x: Float32Array, rows: number, inputs: number): Promise<Float32Array> {
  const loaded = await tf.loadLayersModel(fromFolder(dir));
  const input = tf.tensor2d(x, [rows, inputs]);
  const output = loaded.predict(input) as tf.Tensor;
  const values = (await output.data()) as Float32Array;
  tf.dispose([input, output]);
  loaded.dispose();
  return values;
}

function randomInputs(rows: number, inputs: number, seed: number): Float32Array {
  const random = seededUniform(seed);
  return Float32Array.from({ length: rows * inputs }, () => 4 * random() - 2);
}

function assertClose(actual: Float32Array, expected: Float32Array, tolerance: number): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) assert.ok(Math.abs(actual[i] - expected[i]) <= tolerance, `value ${i}: ${actual[i]} vs ${expected[i]}`);
}

async function roundTrip(model: MlpModel): Promise<void> {
  const dir = tempDir();
  const written = await exportTfjsModel(model, path.join(dir, 'tfjs'));
  assert.deepEqual(written, [path.join(dir, 'tfjs', 'model.json'), path.join(dir, 'tfjs', 'group1-shard1of1.bin')]);
  const rows = 50;
  const x = randomInputs(rows, model.inputs, 7);
  assertClose(await tfjsPredict(path.join(dir, 'tfjs'), x, rows, model.inputs), predictLogits(model, x, rows), 1e-5);
}

describe('exportTfjsModel', () => {
  test('an MLP (5 inputs, [7] hidden, 3 outputs) loads in tf.loadLayersModel and predicts our logits', async () => {
    await initTfBackend();
    await roundTrip(createMlp(5, 3, { hidden: [7], dropout: 0.2 }, 1));
  });

  test('two hidden layers, and a linear model (no hidden layer)', async () => {
    await roundTrip(createMlp(6, 4, { hidden: [9, 5], dropout: 0 }, 2));
    await roundTrip(createMlp(5, 3, { hidden: [], dropout: 0 }, 1));
  });

  test('model.json is a Keras-style Sequential: dense layers, relu then linear, inputShape [features], one shard of float32', async () => {
    const dir = tempDir();
    const model = createMlp(5, 3, { hidden: [7], dropout: 0.5 }, 1);
    await exportTfjsModel(model, dir);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as ModelJsonFile;
    assert.equal(json.format, 'layers-model');
    assert.match(json.generatedBy, /TensorFlow\.js/);
    assert.equal(json.modelTopology.class_name, 'Sequential');
    const layers = json.modelTopology.config.layers;
    assert.deepEqual(
      layers.map((l) => [l.class_name, l.config.units, l.config.activation]),
      [
        ['Dense', 7, 'relu'],
        ['Dense', 3, 'linear'],
      ],
      'no dropout layer: it only acts in training',
    );
    assert.deepEqual(layers[0].config.batch_input_shape, [null, 5]);
    assert.equal(json.weightsManifest.length, 1);
    assert.deepEqual(json.weightsManifest[0].paths, ['group1-shard1of1.bin']);
    assert.deepEqual(
      json.weightsManifest[0].weights.map((w) => [w.shape, w.dtype]),
      [
        [[5, 7], 'float32'],
        [[7], 'float32'],
        [[7, 3], 'float32'],
        [[3], 'float32'],
      ],
    );
    // 5*7 + 7 + 7*3 + 3 = 66 float32 values
    assert.equal(fs.statSync(path.join(dir, 'group1-shard1of1.bin')).size, 66 * 4);
  });

  test('kernel layout by hand: weight [[1, 2, 3], [4, 5, 6]] (outputs x inputs), bias [10, 20]', async () => {
    const dir = tempDir();
    const model = layoutMlp(3, 2, { hidden: [], dropout: 0 }, Float32Array.from([1, 2, 3, 4, 5, 6, 10, 20]));
    await exportTfjsModel(model, dir);
    // x = [1, 0, -1] -> [1 - 3 + 10, 4 - 6 + 20]; x = [0, 1, 2] -> [2 + 6 + 10, 5 + 12 + 20]
    const out = await tfjsPredict(dir, Float32Array.from([1, 0, -1, 0, 1, 2]), 2, 3);
    assert.deepEqual(Array.from(out), [8, 18, 18, 37]);
  });

  test('exporting again into the same folder replaces both files and leaves no temp file', async () => {
    const dir = tempDir();
    await exportTfjsModel(createMlp(4, 2, { hidden: [3], dropout: 0 }, 1), dir);
    const second = createMlp(4, 2, { hidden: [3], dropout: 0 }, 99);
    await exportTfjsModel(second, dir);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['group1-shard1of1.bin', 'model.json']);
    const x = randomInputs(10, 4, 3);
    assertClose(await tfjsPredict(dir, x, 10, 4), predictLogits(second, x, 10), 1e-5);
  });

  test('no tensor is left behind', async () => {
    const before = tf.memory().numTensors;
    await exportTfjsModel(createMlp(5, 3, { hidden: [7], dropout: 0 }, 1), tempDir());
    assert.equal(tf.memory().numTensors, before);
  });
});
