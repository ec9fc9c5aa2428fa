/**
 * Exports a trained model as a standard TensorFlow.js Layers model (what `tf.loadLayersModel`
 * reads): model.json (the topology of a tf.sequential of dense layers, ReLU hidden, linear output,
 * plus the weights manifest) and one weights shard. Dropout is left out: it only acts in training.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeNewFile } from '../io/writeNewFile.js';
import type { DenseLayer, MlpModel } from './model.js';

export const TFJS_MODEL_FILE = 'model.json';
export const TFJS_WEIGHTS_FILE = 'group1-shard1of1.bin';

/** Writes model.json and group1-shard1of1.bin into `dir` (created if needed, files replaced atomically); returns their paths. */
export async function exportTfjsModel(model: MlpModel, dir: string): Promise<string[]> {
  await tf.ready();
  const sequential = toSequential(model);
  const modelFile = path.join(dir, TFJS_MODEL_FILE);
  const weightsFile = path.join(dir, TFJS_WEIGHTS_FILE);
  try {
    await fs.mkdir(dir, { recursive: true });
    await sequential.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
        // the shard first, so that a model.json on disk always has its weights beside it
        await writeNewFile(weightsFile, weights, { overwrite: true });
        const modelJson = {
          modelTopology: artifacts.modelTopology,
          format: artifacts.format ?? 'layers-model',
          generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
          convertedBy: artifacts.convertedBy ?? null,
          weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        };
        await writeNewFile(modelFile, JSON.stringify(modelJson) + '\n', { overwrite: true });
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
  } finally {
    sequential.dispose();
  }
  return [modelFile, weightsFile];
}

/** The same network as a tf.sequential, its weights copied from ours. */
function toSequential(model: MlpModel): tf.Sequential {
  const sequential = tf.sequential();
  model.layers.forEach((layer, l) => {
    const last = l === model.layers.length - 1;
    sequential.add(
      tf.layers.dense({
        name: `dense_${l + 1}`,
        units: layer.outputs,
        activation: last ? 'linear' : 'relu',
        useBias: true,
        ...(l === 0 ? { inputShape: [model.inputs] } : {}),
      }),
    );
  });
  const values = model.layers.flatMap((layer) => [tf.tensor2d(kernelOf(layer), [layer.inputs, layer.outputs]), tf.tensor1d(layer.bias)]);
  try {
    sequential.setWeights(values);
  } catch (e) {
    sequential.dispose();
    throw e;
  } finally {
    tf.dispose(values);
  }
  return sequential;
}

/** tfjs Dense kernel layout (inputs x units, row-major) from ours (PyTorch nn.Linear: outputs x inputs): the transpose. */
function kernelOf(layer: DenseLayer): Float32Array {
  const kernel = new Float32Array(layer.inputs * layer.outputs);
  for (let o = 0; o < layer.outputs; o++) {
    for (let i = 0; i < layer.inputs; i++) kernel[i * layer.outputs + o] = layer.weight[o * layer.inputs + i];
  }
  return kernel;
}
