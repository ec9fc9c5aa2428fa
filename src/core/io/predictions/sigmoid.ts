/** The logistic function, computed without overflow for any input. */

/** Numerically stable sigmoid (as scipy.special.expit): never exp of a large positive number; +-Infinity map to 1 / 0. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
