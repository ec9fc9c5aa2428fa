/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number;
