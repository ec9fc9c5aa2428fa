/** The weights as a ready-to-paste PyTorch snippet around BCEWithLogitsLoss. */
import { UsageError } from '../errors.js';
import { formatPythonFloat } from './formatNumber.js';
import { isWeightScheme, type WeightScheme, type WeightSuggestions } from './types.js';

const HEADLINE: Record<WeightScheme, string> = {
  pos: 'pos_weight[l] = (rows - positives) / positives, clamped at MAX: how much a positive counts against a negative.',
  inverse: 'inverse frequency rows / positives, normalised to mean 1 over the labels that occur.',
  sqrt: 'square-root inverse frequency sqrt(rows / positives), normalised to mean 1 over the labels that occur.',
  effective: 'class-balanced weights (1 - beta) / (1 - beta^positives), Cui et al. CVPR 2019, beta BETA, normalised to sum to the number of labels that occur.',
};

export function formatWeightsPytorch(s: WeightSuggestions, scheme: WeightScheme): string {
  if (!isWeightScheme(scheme)) throw new UsageError(`Unknown weight scheme "${String(scheme)}": use pos, inverse, sqrt or effective.`);
  const isPos = scheme === 'pos';
  const variable = isPos ? 'pos_weight' : 'class_weight';
  const headline = HEADLINE[scheme].replace('MAX', String(s.maxPosWeight)).replace('BETA', String(s.beta));
  const lines = [
    `# Imbalance Lens: scheme "${scheme}" for ${s.labels.length} labels over ${s.rows} rows.`,
    `# ${headline}`,
    'import torch',
    'import torch.nn as nn',
    '',
    "# One value per label, in the order of the model's output columns.",
    `${variable} = torch.tensor([`,
    ...s.labels.map((name, l) => `    ${valueLine(s.schemes[scheme][l], name, l, s.counts[l])}`),
    '], dtype=torch.float32)',
    '',
    ...(isPos ? posCriterion() : classWeightCriterion()),
    '',
    "# The model's last layer must output raw logits: do not end it with a sigmoid, because",
    '# BCEWithLogitsLoss applies the sigmoid itself (in a numerically stable form).',
    '# Apply torch.sigmoid(logits) only at prediction time, to get probabilities.',
    `# On a GPU, move the weights with the model: ${variable} = ${variable}.to(device)`,
  ];
  return lines.join('\n') + '\n';
}

function valueLine(weight: number | null, name: string, index: number, count: number): string {
  const label = `${index} ${commentSafe(name)}`;
  if (weight === null) return `1.0,  # ${label}: never occurs in the data (0 positives); 1.0 leaves it unweighted`;
  return `${formatPythonFloat(weight)},  # ${label} (${count} positive${count === 1 ? '' : 's'})`;
}

function posCriterion(): string[] {
  return ['# pos_weight has shape [num_labels] and multiplies the positive term of each label.', 'criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)'];
}

function classWeightCriterion(): string[] {
  return [
    '# These are per-class loss weights, NOT a pos_weight: each scales the whole loss of its label',
    '# (positive and negative terms alike). Shape [num_labels] broadcasts over the batch [N, num_labels];',
    '# with weights of mean 1, reduction="mean" keeps the loss on the usual scale.',
    'criterion = nn.BCEWithLogitsLoss(weight=class_weight, reduction="mean")',
  ];
}

/** A label name on one comment line: control characters and line breaks become spaces. */
function commentSafe(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}
