/**
 * The losses as TensorFlow.js graphs: autodiff gives their gradients (tf.grad), and the tfjs
 * engine trains with them. Same definitions as the fused kernels of ./lossKernels.ts; each stays
 * finite for logits of ±1e4 (-log σ(x) as tf.softplus(-x), stable on every backend; not
 * tf.logSigmoid, whose custom gradient fails on an intermediate tensor under tf.variableGrads in tfjs 4.22). Logits and targets
 * are [rows, labels]; per-label arrays broadcast over rows. No tf.tidy inside: a tidy within a
 * function under tf.grad would dispose what the backward pass needs; call them inside one.
 */
import * as tf from '@tensorflow/tfjs';

type Weights = tf.Tensor1D | undefined;

/**
 * PyTorch BCEWithLogitsLoss(weight, pos_weight), mean:
 * ℓ = w · [(1 - y) x + (1 + (pw - 1) y) · softplus(-x)].
 */
export function bceWithLogits(logits: tf.Tensor2D, targets: tf.Tensor2D, posWeight?: tf.Tensor1D, weight?: Weights): tf.Scalar {
  const logWeight = posWeight ? tf.add(1, tf.mul(tf.sub(posWeight, 1), targets)) : tf.scalar(1);
  const elementwise = tf.add(tf.mul(tf.sub(1, targets), logits), tf.mul(logWeight, tf.softplus(tf.neg(logits))));
  return tf.mean(weight ? tf.mul(elementwise, weight) : elementwise);
}

/**
 * torchvision.ops.sigmoid_focal_loss, reduction mean, times an optional per-label weight:
 * ℓ = α_t · ce · (1 - p_t)^γ, ce = BCE(x, y), 1 - p_t = p (1 - y) + (1 - p) y.
 */
export function sigmoidFocal(logits: tf.Tensor2D, targets: tf.Tensor2D, alpha: number, gamma: number, weight?: Weights): tf.Scalar {
  const notTargets = tf.sub(1, targets);
  const ce = tf.add(tf.mul(notTargets, logits), tf.softplus(tf.neg(logits)));
  const miss = tf.add(tf.mul(tf.sigmoid(logits), notTargets), tf.mul(tf.sigmoid(tf.neg(logits)), targets));
  let loss = tf.mul(ce, tf.pow(miss, gamma));
  if (alpha >= 0) loss = tf.mul(loss, tf.add(tf.mul(alpha, targets), tf.mul(1 - alpha, notTargets)));
  return tf.mean(weight ? tf.mul(loss, weight) : loss);
}

/**
 * Asymmetric loss (Ridnik et al., ICCV 2021), as Alibaba-MIIL/ASL's AsymmetricLoss (focusing
 * weight differentiated): p₋ = min(1 - p + clip, 1),
 * ℓ = -[y log(max(p, eps)) (1 - p)^γ₊ + (1 - y) log(max(p₋, eps)) (1 - p₋)^γ₋].
 * 'sum' is the official reduction (-loss.sum()); 'mean' divides by rows x labels. Targets 0/1.
 */
export function asymmetric(logits: tf.Tensor2D, targets: tf.Tensor2D, gammaNeg: number, gammaPos: number, clip: number, eps: number, reduction: 'sum' | 'mean'): tf.Scalar {
  const p = tf.sigmoid(logits);
  const shifted = clip > 0 ? tf.minimum(tf.add(tf.sub(1, p), clip), 1) : tf.sub(1, p);
  let positive = tf.log(tf.maximum(p, eps));
  if (gammaPos > 0) positive = tf.mul(positive, tf.pow(tf.sub(1, p), gammaPos));
  let negative = tf.log(tf.maximum(shifted, eps));
  if (gammaNeg > 0) negative = tf.mul(negative, tf.pow(tf.sub(1, shifted), gammaNeg));
  const loss = tf.add(tf.mul(targets, positive), tf.mul(tf.sub(1, targets), negative));
  return tf.neg(reduction === 'sum' ? tf.sum(loss) : tf.mean(loss)) as tf.Scalar;
}
