/**
 * A small seeded pseudo-random generator, so that every split and resample is reproducible from
 * its seed on any machine. splitmix32: a Weyl sequence (golden-ratio increment) passed through
 * MurmurHash3's 32-bit finaliser (fmix32).
 */

/** Uniform numbers in [0, 1) from a seed; the same seed gives the same sequence. Any finite number is a seed (integers up to 2^53 are all distinct). */
export function createRandom(seed: number): () => number {
  let state = seedState(seed);
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

/** A uniform integer in 0 .. n-1 (n >= 1) drawn from `random`. */
export function randomInt(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** Folds a seed's low and high 32 bits into one 32-bit state, so that seeds above 2^32 differ too. */
function seedState(seed: number): number {
  const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const low = whole >>> 0;
  const high = Math.floor(whole / 4294967296) >>> 0;
  return (low ^ Math.imul(high, 0x27d4eb2d)) | 0;
}
