/**
 * The Value Difference Metric for nominal features of a multilabel dataset, and an exact
 * embedding of it into a few Euclidean coordinates so the neighbour search can treat nominal
 * and numeric features alike.
 *
 * MLSMOTE (Charte et al., KBS 2015) measures nominal attributes with the VDM (Stanfill & Waltz
 * 1986). With the labels as the classes, each label counted on its own, in the squared form of
 * HVDM's normalised VDM (Wilson & Martinez, JAIR 1997, N2):
 *
 *   vdm(a, b) = Σ_l (P(l | a) − P(l | b))²,   P(l | v) = (rows with value v carrying l) / (rows with value v)
 *
 * A missing value stands for the column's label distribution over all rows that have a value,
 * P(l) (the nominal counterpart of mean imputation for numbers).
 */
import type { LabelMatrix } from '../../data/labelMatrix.js';

/** P(l | v) for every value v of one nominal column, and P(l) for a missing value. */
export interface ConditionalLabelFrequencies {
  readonly labelCount: number;
  /** How many values the column declares; code `values` (the last row) stands for "missing". */
  readonly values: number;
  /** (values + 1) x labelCount, row-major: row v holds P(l | v); row `values` holds P(l). */
  readonly frequencies: Float64Array;
  /** Rows carrying each value (values + 1 entries, the last one counts missing values). */
  readonly valueCounts: Int32Array;
}

/** The label distribution per value of a nominal column (codes: -1 for missing), over all rows. */
export function conditionalLabelFrequencies(codes: Int32Array, values: number, labels: LabelMatrix): ConditionalLabelFrequencies {
  const L = labels.labelCount;
  const missingRow = values;
  const counts = new Float64Array((values + 1) * L);
  const valueCounts = new Int32Array(values + 1);
  let present = 0;
  for (let r = 0; r < codes.length; r++) {
    const v = codes[r] < 0 ? missingRow : codes[r];
    valueCounts[v]++;
    if (v === missingRow) continue;
    present++;
    for (let p = labels.offsets[r]; p < labels.offsets[r + 1]; p++) {
      counts[v * L + labels.labels[p]]++;
      counts[missingRow * L + labels.labels[p]]++;
    }
  }
  const frequencies = new Float64Array((values + 1) * L);
  for (let v = 0; v <= values; v++) {
    // A value no row carries gets P(l), like a missing one: it never meets a row anyway.
    const from = v < values && valueCounts[v] > 0 ? v : missingRow;
    const n = from === missingRow ? present : valueCounts[v];
    if (n === 0) continue;
    for (let l = 0; l < L; l++) frequencies[v * L + l] = counts[from * L + l] / n;
  }
  return { labelCount: L, values, frequencies, valueCounts };
}

/** vdm(a, b) = Σ_l (P(l | a) − P(l | b))², with -1 for a missing value (the formula in the header). */
export function vdm(table: ConditionalLabelFrequencies, a: number, b: number): number {
  const L = table.labelCount;
  const ra = (a < 0 ? table.values : a) * L;
  const rb = (b < 0 ? table.values : b) * L;
  let sum = 0;
  for (let l = 0; l < L; l++) {
    const d = table.frequencies[ra + l] - table.frequencies[rb + l];
    sum += d * d;
  }
  return sum;
}

/** Coordinates with ||coords(a) − coords(b)||² = vdm(a, b) for every pair of codes. */
export interface VdmEmbedding {
  /** Coordinates per value: at most min(values, labels) of them, 0 when no two values differ. */
  readonly dims: number;
  /** (values + 1) x dims, row-major; row `values` is the missing value. */
  readonly coords: Float64Array;
}

/**
 * The points P(· | v) in label space, expressed in an orthonormal basis of the subspace they
 * span around P(·) (modified Gram-Schmidt, applied twice for stability): an isometry, so squared
 * distances between the coordinates are exactly the VDM, in far fewer numbers than one per label.
 */
export function vdmEmbedding(table: ConditionalLabelFrequencies): VdmEmbedding {
  const { labelCount: L, values, frequencies } = table;
  const origin = frequencies.subarray(values * L, (values + 1) * L);
  const basis: Float64Array[] = [];
  const residual = new Float64Array(L);
  for (let v = 0; v < values; v++) {
    if (table.valueCounts[v] === 0) continue;
    for (let l = 0; l < L; l++) residual[l] = frequencies[v * L + l] - origin[l];
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const c = dot(q, residual);
        for (let l = 0; l < L; l++) residual[l] -= c * q[l];
      }
    }
    const norm = Math.sqrt(dot(residual, residual));
    if (norm > 1e-12) basis.push(residual.map((x) => x / norm));
  }
  const dims = basis.length;
  const coords = new Float64Array((values + 1) * dims);
  const centred = new Float64Array(L);
  for (let v = 0; v <= values; v++) {
    for (let l = 0; l < L; l++) centred[l] = frequencies[v * L + l] - origin[l];
    for (let d = 0; d < dims; d++) coords[v * dims + d] = dot(basis[d], centred);
  }
  return { dims, coords };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
