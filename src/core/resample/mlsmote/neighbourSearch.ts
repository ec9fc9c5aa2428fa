/**
 * Which distance MLSMOTE uses for a dataset, and the neighbour search over any subset of its rows:
 * - numeric and/or nominal features: Euclidean distance on standardised numbers plus the VDM of
 *   nominal values (featureSpace.ts), searched exactly block by block (nearestNeighbours.ts);
 *   text columns, if any, then take no part in the distance;
 * - text features only: cosine distance between hashed bag-of-words vectors (textVectors.ts).
 */
import type { DatasetTable } from '../../data/datasetTable.js';
import { UsageError } from '../../errors.js';
import { cosineNeighbours } from './cosineNeighbours.js';
import { buildFeatureSpace, gatherPoints } from './featureSpace.js';
import { nearestNeighbours, type SearchControl } from './nearestNeighbours.js';
import { hashedBagOfWords } from './textVectors.js';

export interface NeighbourSearch {
  readonly distance: 'euclidean-vdm' | 'cosine-text';
  /** What the user should know about the distance (e.g. text columns left out of it). */
  readonly notes: readonly string[];
  /** For each of `rows` (input row indices), its k nearest among the others of `rows`: rows.length x k positions into `rows`. */
  neighbours(rows: Int32Array, k: number, control?: SearchControl): Int32Array;
}

export function createNeighbourSearch(table: DatasetTable): NeighbourSearch {
  const texts = table.features.flatMap((f) => (f.kind === 'text' ? [f.values] : []));
  const space = buildFeatureSpace(table);
  if (space.columns === 0 && texts.length === 0) {
    throw new UsageError(
      'MLSMOTE needs features to find neighbours and interpolate, and this dataset has no numeric, nominal or text feature column (only labels).',
    );
  }
  if (space.columns === 0) {
    return {
      distance: 'cosine-text',
      notes: [`Distances are cosine distances between hashed bag-of-words vectors of the text column${texts.length > 1 ? 's' : ''}; synthetic rows copy their seed's text (text is not interpolated).`],
      neighbours: (rows, k, control) => cosineNeighbours(hashedBagOfWords(texts, rows), k, control),
    };
  }
  const notes: string[] = [];
  if (texts.length > 0) {
    notes.push(`Text columns take no part in the distance (numeric/nominal features do); synthetic rows copy their seed's text (text is not interpolated).`);
  }
  if (space.dims === 0) {
    notes.push('Every numeric feature is constant and no nominal value tells labels apart: all rows are at distance 0, so neighbours are simply the lowest-numbered rows.');
  }
  return {
    distance: 'euclidean-vdm',
    notes,
    neighbours(rows, k, control) {
      if (space.dims === 0) return lowestOthers(rows.length, k);
      return nearestNeighbours(gatherPoints(space, rows), rows.length, space.dims, k, control);
    },
  };
}

/** With every distance 0, the (distance, index) order gives each point the k lowest other positions. */
function lowestOthers(n: number, k: number): Int32Array {
  const out = new Int32Array(n * k);
  for (let q = 0; q < n; q++) {
    for (let c = 0, j = 0; c < k; j++) if (j !== q) out[q * k + c++] = j;
  }
  return out;
}
