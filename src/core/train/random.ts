/**
 * Seeded randomness for training: weight init, per-epoch shuffles and dropout masks, so that a run
 * is repeatable from its seed on every machine.
 */

/** A uniform generator on [0, 1): mulberry32 (Tommy Ettinger's 32-bit state mixer). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `order` in place: Fisher-Yates (Durstenfeld), each permutation equally likely. */
export function shuffleInPlace(order: Int32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

/** A seed for a sub-stream (init, shuffle, dropout) derived from the run's seed, so streams do not overlap. */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
}
