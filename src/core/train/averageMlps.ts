/**
 * The average of the logits of several MLPs of one shape, as a single wider MLP: the members'
 * hidden layers side by side (the first layer's rows stacked, the next ones block-diagonal), and
 * the output layer reading every member's last hidden units with its weights divided by the
 * number of members and the members' biases averaged. A ReLU acts unit by unit, so each member's
 * units compute exactly what they computed alone; the output is then the mean of the members'
 * logits (an ensemble that predicts, saves and exports as one ordinary MLP). Without hidden
 * layers the mean model is the mean of the weights.
 */
import { UsageError } from '../errors.js';
import { layoutMlp, type MlpModel } from './model.js';

export function averageMlps(members: readonly MlpModel[]): MlpModel {
  const first = members[0];
  if (!first) throw new UsageError('averageMlps needs at least one model');
  for (const m of members) {
    if (m.inputs !== first.inputs || m.outputs !== first.outputs || m.hidden.join() !== first.hidden.join()) {
      throw new UsageError('averageMlps: the models differ in shape');
    }
  }
  if (members.length === 1) return layoutMlp(first.inputs, first.outputs, { hidden: first.hidden, dropout: first.dropout }, first.params.slice());
  const k = members.length;
  const merged = layoutMlp(first.inputs, first.outputs, { hidden: first.hidden.map((h) => h * k), dropout: first.dropout });
  const last = merged.layers.length - 1;
  merged.layers.forEach((layer, l) => {
    members.forEach((member, m) => {
      const own = member.layers[l];
      // Member m's block: its units from m * own.outputs (hidden layers), reading units from m * own.inputs (after the first layer); blocks overlap only in a linear model, which sums.
      const rowStart = l === last ? 0 : m * own.outputs;
      const colStart = l === 0 ? 0 : m * own.inputs;
      const scale = l === last ? 1 / k : 1;
      for (let r = 0; r < own.outputs; r++) {
        for (let c = 0; c < own.inputs; c++) layer.weight[(rowStart + r) * layer.inputs + colStart + c] += own.weight[r * own.inputs + c] * scale;
        if (l === last) layer.bias[r] += own.bias[r] / k;
        else layer.bias[rowStart + r] = own.bias[r];
      }
    });
  });
  return merged;
}
