/**
 * Early stopping on a validation score with patience, after a warm-up: the first `patience`
 * epochs are never kept as the best (as Keras's EarlyStopping(start_from_epoch) allows). In the
 * first epochs a model's outputs are still near where they started, so its F1 at the threshold
 * 0.5 measures its initial bias rather than what it learnt: focal loss (alpha 0.25) pushes every
 * output below 0.5 within an epoch or two, so its F1 at 0.5 is highest at epoch 1 and recovers
 * only tens of epochs later, and without the warm-up its run would stop at epoch 1 + patience and
 * keep the epoch-1 model. The stop comes `patience` epochs after the best watched epoch.
 */
export class EarlyStopping {
  /** 1-based epoch of the best watched score so far (0: none yet). */
  bestEpoch = 0;
  bestScore = -Infinity;
  /** The first epoch that may be kept: patience + 1, or the last epoch when there are fewer. */
  readonly watchFrom: number;

  constructor(readonly patience: number, epochs: number) {
    this.watchFrom = Math.max(1, Math.min(patience + 1, epochs));
  }

  /** Records an epoch's score; true when it is the new best (the first of ties stays). */
  observe(epoch: number, score: number): boolean {
    if (epoch < this.watchFrom || !(score > this.bestScore)) return false;
    this.bestEpoch = epoch;
    this.bestScore = score;
    return true;
  }

  /** Whether to stop after `epoch`: `patience` epochs past the best watched one (never with patience 0). */
  shouldStop(epoch: number): boolean {
    return this.patience > 0 && this.bestEpoch > 0 && epoch - this.bestEpoch >= this.patience;
  }
}
