/**
 * Adam on one flat Float32Array of parameters, exactly as torch.optim.Adam (torch 1.13,
 * weight_decay 0, amsgrad off): m = β1 m + (1-β1) g; v = β2 v + (1-β2) g²;
 * p -= (lr / (1-β1ᵗ)) · m / (√v / √(1-β2ᵗ) + ε).
 */
export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** PyTorch's defaults, with the lr of the training recipe. */
export const ADAM_DEFAULTS: AdamSettings = { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

export class AdamState {
  readonly m: Float32Array;
  readonly v: Float32Array;
  step = 0;

  constructor(
    size: number,
    readonly settings: AdamSettings,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** One update of `params` by `grads` (same length as the state). */
  update(params: Float32Array, grads: Float32Array): void {
    const { learningRate, beta1, beta2, epsilon } = this.settings;
    this.step++;
    const stepSize = learningRate / (1 - beta1 ** this.step);
    const correction2Sqrt = Math.sqrt(1 - beta2 ** this.step);
    const { m, v } = this;
    const keep1 = 1 - beta1;
    const keep2 = 1 - beta2;
    for (let i = 0; i < params.length; i++) {
      const g = grads[i];
      const mi = (m[i] = beta1 * m[i] + keep1 * g);
      const vi = (v[i] = beta2 * v[i] + keep2 * g * g);
      params[i] -= (stepSize * mi) / (Math.sqrt(vi) / correction2Sqrt + epsilon);
    }
  }
}
