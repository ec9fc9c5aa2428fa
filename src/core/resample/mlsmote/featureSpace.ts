/**
 * The space MLSMOTE measures distances in: every numeric feature standardised, every nominal
 * feature replaced by its VDM coordinates, so that the squared Euclidean distance between two
 * points is
 *
 *   d²(a, b) = Σ_numeric ((x_a − x_b) / σ)² + Σ_nominal vdm(a, b)
 *
 * (MLSMOTE, Charte et al. 2015: Euclidean distance for numeric attributes, VDM for nominal ones).
 * Conventions: z-score with the input's mean and population standard deviation (denominator n,
 * as scikit-learn's StandardScaler), both over the rows that have a value; a constant column
 * (σ = 0) or one with no value at all is left out; a missing number (NaN, or ±Infinity) becomes
 * the mean, i.e. z = 0.
 */
import type { DatasetTable } from '../../data/datasetTable.js';
import { numericValues } from '../../data/sparseNumeric.js';
import { conditionalLabelFrequencies, vdmEmbedding } from './vdm.js';

interface NumericDimension {
  readonly kind: 'numeric';
  readonly values: Float64Array;
  readonly mean: number;
  readonly inverseStd: number;
}

interface NominalDimensions {
  readonly kind: 'nominal';
  readonly codes: Int32Array;
  /** Row of `coords` used for a missing value. */
  readonly missing: number;
  readonly dims: number;
  readonly coords: Float64Array;
}

export interface FeatureSpace {
  /** Coordinates per point. */
  readonly dims: number;
  /** Numeric and nominal feature columns present (used in the distance or not). */
  readonly columns: number;
  readonly parts: readonly (NumericDimension | NominalDimensions)[];
}

/** Builds the standardised numeric + VDM nominal space of a table (text columns are not part of it). */
export function buildFeatureSpace(table: DatasetTable): FeatureSpace {
  const parts: (NumericDimension | NominalDimensions)[] = [];
  let dims = 0;
  let columns = 0;
  for (const feature of table.features) {
    if (feature.kind === 'numeric') {
      columns++;
      // the points are dense rows anyway: a sparse column is expanded here, one column at a time
      const values = numericValues(feature);
      const { mean, std } = meanAndPopulationStd(values);
      if (!(std > 0)) continue;
      parts.push({ kind: 'numeric', values, mean, inverseStd: 1 / std });
      dims++;
    } else if (feature.kind === 'categorical') {
      columns++;
      const frequencies = conditionalLabelFrequencies(feature.codes, feature.categories.length, table.labels);
      const embedding = vdmEmbedding(frequencies);
      if (embedding.dims === 0) continue;
      parts.push({ kind: 'nominal', codes: feature.codes, missing: feature.categories.length, dims: embedding.dims, coords: embedding.coords });
      dims += embedding.dims;
    }
  }
  return { dims, columns, parts };
}

/** The points of the given rows, rows.length x space.dims, row-major. */
export function gatherPoints(space: FeatureSpace, rows: ArrayLike<number>): Float64Array {
  const { dims } = space;
  const out = new Float64Array(rows.length * dims);
  let offset = 0;
  for (const part of space.parts) {
    if (part.kind === 'numeric') {
      const { values, mean, inverseStd } = part;
      for (let i = 0; i < rows.length; i++) {
        const x = values[rows[i]];
        out[i * dims + offset] = Number.isFinite(x) ? (x - mean) * inverseStd : 0;
      }
      offset++;
    } else {
      const { codes, missing, coords, dims: width } = part;
      for (let i = 0; i < rows.length; i++) {
        const code = codes[rows[i]];
        const from = (code < 0 ? missing : code) * width;
        const to = i * dims + offset;
        for (let d = 0; d < width; d++) out[to + d] = coords[from + d];
      }
      offset += width;
    }
  }
  return out;
}

/** Mean and population standard deviation over the finite values (two passes); std 0 when constant. */
function meanAndPopulationStd(values: Float64Array): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) {
      n++;
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  // Constant (or empty) exactly, whatever rounding the sums below would leave.
  if (n === 0 || min === max) return { mean: 0, std: 0 };
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) squares += (x - mean) * (x - mean);
  }
  return { mean, std: Math.sqrt(squares / n) };
}
