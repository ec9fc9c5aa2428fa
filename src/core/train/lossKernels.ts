/**
 * The losses of the hand-written training step: each kernel takes a batch of logits and 0/1
 * targets (row-major, rows x labels), returns the loss reduced as documented, and when `grad` is
 * given writes d(loss)/d(logit) into it. Arithmetic in float64; every term is written so that
 * logits of ±1e4 give finite values (no exp of a large positive number, no log of 0).
 * The tfjs forms of the same losses (for autodiff and the tfjs engine) are in ./losses.ts.
 */

/** log(1 + eˣ) without overflow: max(x, 0) + log1p(e^-|x|). */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** σ(x) = 1 / (1 + e^-x), evaluated on the side where the exponential cannot overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** A batch loss: returns the reduced loss, writes its gradient w.r.t. each logit when `grad` is given. */
export type LossKernel = (logits: Float32Array, targets: Uint8Array, rows: number, labels: number, grad: Float32Array | null) => number;

/**
 * PyTorch BCEWithLogitsLoss(weight, pos_weight), reduction mean over rows x labels:
 * ℓ = w_l · [(1 - y) x + (1 + (pw_l - 1) y) · softplus(-x)]. pos_weight and weight are per label
 * (omitted: 1).
 */
export function bceWithLogitsKernel(posWeight?: Float64Array, weight?: Float64Array): LossKernel {
  return (logits, targets, rows, labels, grad) => {
    const scale = 1 / (rows * labels);
    let total = 0;
    for (let i = 0; i < rows * labels; i++) {
      const l = i % labels;
      const x = logits[i];
      const y = targets[i];
      const logWeight = posWeight === undefined ? 1 : 1 + (posWeight[l] - 1) * y;
      const w = weight === undefined ? 1 : weight[l];
      total += w * ((1 - y) * x + logWeight * softplus(-x));
      // d/dx: (1 - y) - logWeight · σ(-x)
      if (grad) grad[i] = w * ((1 - y) - logWeight * sigmoid(-x)) * scale;
    }
    return total * scale;
  };
}

/**
 * torchvision.ops.sigmoid_focal_loss(alpha, gamma, reduction='mean'), times an optional per-label
 * weight: ℓ = α_t · ce · (1 - p_t)^γ with ce = BCE(x, y), p_t = p y + (1 - p)(1 - y),
 * α_t = α y + (1 - α)(1 - y) (α < 0: no α_t).
 */
export function sigmoidFocalKernel(alpha: number, gamma: number, weight?: Float64Array): LossKernel {
  return (logits, targets, rows, labels, grad) => {
    const scale = 1 / (rows * labels);
    let total = 0;
    for (let i = 0; i < rows * labels; i++) {
      const x = logits[i];
      const y = targets[i];
      const p = sigmoid(x);
      const q = sigmoid(-x); // 1 - p without cancellation
      const ce = (1 - y) * x + softplus(-x);
      const miss = p * (1 - y) + q * y; // 1 - p_t
      const alphaT = alpha >= 0 ? alpha * y + (1 - alpha) * (1 - y) : 1;
      const w = (weight === undefined ? 1 : weight[i % labels]) * alphaT;
      const focus = miss ** gamma;
      total += w * ce * focus;
      if (grad) {
        // d(miss)/dx = p q (1 - 2y); the γ miss^(γ-1) factor vanishes with miss when γ > 1
        const dFocus = miss > 0 ? gamma * miss ** (gamma - 1) * p * q * (1 - 2 * y) : 0;
        grad[i] = w * ((p - y) * focus + ce * dFocus) * scale;
      }
    }
    return total * scale;
  };
}

export interface AsymmetricSettings {
  gammaNeg: number;
  gammaPos: number;
  clip: number;
  eps: number;
  /** 'sum' is the official implementation's -loss.sum(); 'mean' divides by rows x labels (for training). */
  reduction: 'sum' | 'mean';
}

/**
 * Asymmetric loss (Ridnik et al., ICCV 2021), as Alibaba-MIIL/ASL's AsymmetricLoss with the
 * focusing weight inside the gradient: p = σ(x), p₋ = min(1 - p + clip, 1);
 * ℓ = -[y log(max(p, eps)) (1 - p)^γ₊ + (1 - y) log(max(p₋, eps)) (1 - p₋)^γ₋]. Targets 0/1.
 */
export function asymmetricKernel(settings: AsymmetricSettings): LossKernel {
  const { gammaNeg, gammaPos, clip, eps } = settings;
  return (logits, targets, rows, labels, grad) => {
    const scale = settings.reduction === 'mean' ? 1 / (rows * labels) : 1;
    let total = 0;
    for (let i = 0; i < rows * labels; i++) {
      const x = logits[i];
      const p = sigmoid(x);
      const dp = p * sigmoid(-x); // dσ/dx
      if (targets[i] !== 0) {
        const logP = Math.log(Math.max(p, eps));
        const focus = gammaPos > 0 ? (1 - p) ** gammaPos : 1;
        total -= logP * focus;
        if (grad) {
          const dLog = p >= eps ? dp / p : 0; // clamp(min=eps) passes no gradient below eps
          const dFocus = gammaPos > 0 && p < 1 ? -gammaPos * (1 - p) ** (gammaPos - 1) * dp : 0;
          grad[i] = -(dLog * focus + logP * dFocus) * scale;
        }
      } else {
        const shifted = clip > 0 ? Math.min(1 - p + clip, 1) : 1 - p;
        const dShifted = clip > 0 && 1 - p + clip > 1 ? 0 : -dp; // clamp(max=1) passes no gradient above 1
        const logN = Math.log(Math.max(shifted, eps));
        const focus = gammaNeg > 0 ? (1 - shifted) ** gammaNeg : 1;
        total -= logN * focus;
        if (grad) {
          const dLog = shifted >= eps ? dShifted / shifted : 0;
          const dFocus = gammaNeg > 0 && shifted < 1 ? -gammaNeg * (1 - shifted) ** (gammaNeg - 1) * dShifted : 0;
          grad[i] = -(dLog * focus + logN * dFocus) * scale;
        }
      }
    }
    return total * scale;
  };
}
