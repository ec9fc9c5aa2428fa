/**
 * A trained model as plain JSON: the layer shapes and the weights (little-endian float32, base64),
 * with the featurizer it was trained with, the label names and the threshold, so that predicting
 * needs nothing else.
 */
import { UsageError } from '../errors.js';
import { parseFeaturizer, type Featurizer } from './features/featurizer.js';
import { layoutMlp, type MlpModel } from './model.js';

export interface SavedModel {
  format: 'imbalance-lens-mlp';
  version: 1;
  inputs: number;
  outputs: number;
  hidden: number[];
  dropout: number;
  labelNames: string[];
  threshold: number;
  featurizer: Featurizer;
  /** Every parameter in layer order (weight outputs x inputs, then bias), float32 little-endian, base64. */
  params: string;
}

export function saveModel(model: MlpModel, featurizer: Featurizer, labelNames: readonly string[], threshold: number): SavedModel {
  const bytes = new Uint8Array(model.params.length * 4);
  const view = new DataView(bytes.buffer);
  model.params.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return {
    format: 'imbalance-lens-mlp',
    version: 1,
    inputs: model.inputs,
    outputs: model.outputs,
    hidden: [...model.hidden],
    dropout: model.dropout,
    labelNames: [...labelNames],
    threshold,
    featurizer,
    params: Buffer.from(bytes).toString('base64'),
  };
}

export function loadModel(value: unknown): { model: MlpModel; featurizer: Featurizer; labelNames: string[]; threshold: number } {
  const saved = value as Partial<SavedModel> | null;
  if (!saved || saved.format !== 'imbalance-lens-mlp' || saved.version !== 1 || typeof saved.params !== 'string') {
    throw new UsageError('not an Imbalance Lens model file (format imbalance-lens-mlp, version 1)');
  }
  const bytes = Buffer.from(saved.params, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const params = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < params.length; i++) params[i] = view.getFloat32(i * 4, true);
  const model = layoutMlp(saved.inputs ?? 0, saved.outputs ?? 0, { hidden: saved.hidden ?? [], dropout: saved.dropout ?? 0 }, params);
  return { model, featurizer: parseFeaturizer(saved.featurizer), labelNames: saved.labelNames ?? [], threshold: saved.threshold ?? 0.5 };
}
