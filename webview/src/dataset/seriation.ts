/**
 * An order of the co-occurrence heatmap's labels that puts labels occurring together next to each
 * other: the leaf order of an average-linkage (UPGMA) clustering on the Jaccard distance
 * 1 - |A ∩ B| / |A ∪ B|, each merge joining the two clusters end to end in whichever of the four
 * orientations puts the most similar leaves side by side. Deterministic: ties go to the lower index.
 */

/** Jaccard similarity of labels a and b from a co-occurrence matrix (diagonal: each label's count); 0 when neither occurs. */
export function jaccard(counts: readonly (readonly number[])[], a: number, b: number): number {
  if (a === b) return 1;
  const union = counts[a][a] + counts[b][b] - counts[a][b];
  return union > 0 ? counts[a][b] / union : 0;
}

interface Cluster {
  leaves: number[];
  /** Total count of the cluster's labels: the more frequent cluster goes first in a merge. */
  weight: number;
}

/**
 * A permutation of 0..K-1 for a K x K symmetric co-occurrence matrix. O(K^3) with K at most 200
 * (the engine's co-occurrence limit): a few million steps.
 */
export function seriate(counts: readonly (readonly number[])[]): number[] {
  const k = counts.length;
  if (k <= 2) return Array.from({ length: k }, (_, i) => i);
  const distance = (a: number, b: number): number => 1 - jaccard(counts, a, b);

  // cluster distances, updated by the Lance-Williams formula for average linkage
  const d = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) d[a * k + b] = a === b ? 0 : distance(a, b);
  const clusters: (Cluster | null)[] = Array.from({ length: k }, (_, i) => ({ leaves: [i], weight: counts[i][i] }));

  for (let merges = 0; merges < k - 1; merges++) {
    let bestA = -1;
    let bestB = -1;
    let best = Infinity;
    for (let a = 0; a < k; a++) {
      if (!clusters[a]) continue;
      for (let b = a + 1; b < k; b++) {
        if (!clusters[b]) continue;
        if (d[a * k + b] < best) {
          best = d[a * k + b];
          bestA = a;
          bestB = b;
        }
      }
    }
    const left = clusters[bestA]!;
    const right = clusters[bestB]!;
    const na = left.leaves.length;
    const nb = right.leaves.length;
    for (let c = 0; c < k; c++) {
      if (!clusters[c] || c === bestA || c === bestB) continue;
      const merged = (na * d[bestA * k + c] + nb * d[bestB * k + c]) / (na + nb);
      d[bestA * k + c] = merged;
      d[c * k + bestA] = merged;
    }
    const [first, second] = right.weight > left.weight ? [right, left] : [left, right];
    clusters[bestA] = { leaves: joinEnds(first.leaves, second.leaves, distance), weight: left.weight + right.weight };
    clusters[bestB] = null;
  }
  return clusters.find((c) => c !== null)!.leaves;
}

/** first + second, each possibly reversed, so that the two leaves that meet are the closest; ties keep the earlier option. */
function joinEnds(first: number[], second: number[], distance: (a: number, b: number) => number): number[] {
  const options: [number[], number[]][] = [
    [first, second],
    [first, [...second].reverse()],
    [[...first].reverse(), second],
    [[...first].reverse(), [...second].reverse()],
  ];
  let best = options[0];
  let bestDistance = Infinity;
  for (const option of options) {
    const gap = distance(option[0][option[0].length - 1], option[1][0]);
    if (gap < bestDistance) {
      bestDistance = gap;
      best = option;
    }
  }
  return [...best[0], ...best[1]];
}
