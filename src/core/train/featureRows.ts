/**
 * Reading feature rows whichever their form (dense row-major or CSR): gathering rows into a dense
 * buffer (a batch, a prediction block), checking shapes, and building CSR rows entry by entry.
 * A CSR set is never densified whole: only the rows a batch or a block needs.
 */
import { UsageError } from '../errors.js';
import type { CsrRows, FeatureRows } from './types.js';

export function isCsr(x: FeatureRows): x is CsrRows {
  return !(x instanceof Float32Array);
}

/** Throws unless x holds exactly rows x features (dense) or is well-formed CSR of `rows` rows with indices < features. */
export function checkFeatureRows(x: FeatureRows, rows: number, features: number, what = 'the set'): void {
  if (!isCsr(x)) {
    if (x.length !== rows * features) throw new UsageError(`${what} has ${x.length} feature values; expected ${rows} rows x ${features} features`);
    return;
  }
  const { indptr, indices, values } = x;
  if (indptr.length !== rows + 1 || indptr[0] !== 0 || indptr[rows] !== indices.length || indices.length !== values.length) {
    throw new UsageError(`${what}'s sparse rows do not match ${rows} rows (indptr ${indptr.length}, ${indices.length} indices, ${values.length} values)`);
  }
  for (let r = 0; r < rows; r++) {
    if (indptr[r + 1] < indptr[r]) throw new UsageError(`${what}'s sparse row ${r} has a negative length`);
    for (let k = indptr[r]; k < indptr[r + 1]; k++) {
      const c = indices[k];
      if (!(c >= 0 && c < features) || (k > indptr[r] && c <= indices[k - 1])) {
        throw new UsageError(`${what}'s sparse row ${r} has column ${c}: columns must ascend within 0..${features - 1}`);
      }
    }
  }
}

/** Stored entries (dense: every value, zeros included). */
export function storedEntries(x: FeatureRows): number {
  return isCsr(x) ? x.values.length : x.length;
}

/**
 * Writes rows order[start .. start + count) of x, densely, into out (count x features, row-major);
 * CSR rows are zero-filled then scattered.
 */
export function gatherRows(x: FeatureRows, features: number, order: ArrayLike<number>, start: number, count: number, out: Float32Array): void {
  if (!isCsr(x)) {
    for (let b = 0; b < count; b++) {
      const row = order[start + b];
      out.set(x.subarray(row * features, (row + 1) * features), b * features);
    }
    return;
  }
  const { indptr, indices, values } = x;
  out.fill(0, 0, count * features);
  for (let b = 0; b < count; b++) {
    const row = order[start + b];
    const at = b * features;
    for (let k = indptr[row]; k < indptr[row + 1]; k++) out[at + indices[k]] = values[k];
  }
}

/** Rows first .. first + count of x as a dense block: a view of a dense x, else CSR densified into `scratch` (>= count x features). */
export function denseRowBlock(x: FeatureRows, features: number, first: number, count: number, scratch: Float32Array): Float32Array {
  if (!isCsr(x)) return x.subarray(first * features, (first + count) * features);
  const { indptr, indices, values } = x;
  const out = scratch.subarray(0, count * features);
  out.fill(0);
  for (let b = 0; b < count; b++) {
    const at = b * features;
    for (let k = indptr[first + b]; k < indptr[first + b + 1]; k++) out[at + indices[k]] = values[k];
  }
  return out;
}

/** The CSR form of a dense row-major matrix (exact zeros dropped). */
export function csrFromDense(dense: Float32Array, rows: number, features: number): CsrRows {
  const builder = new CsrBuilder(rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < features; c++) builder.push(c, dense[r * features + c]);
    builder.endRow();
  }
  return builder.build();
}

/** The dense row-major form of CSR rows (for tests and small sets). */
export function denseFromCsr(x: CsrRows, features: number): Float32Array {
  const rows = x.indptr.length - 1;
  return denseRowBlock(x, features, 0, rows, new Float32Array(rows * features)).slice();
}

/** Appends CSR rows entry by entry (ascending columns within a row; zeros are skipped), growing its arrays as needed. */
export class CsrBuilder {
  private readonly indptr: Int32Array;
  private indices: Int32Array;
  private values: Float32Array;
  private size = 0;
  private row = 0;

  constructor(private readonly rows: number, expectedEntries = 1024) {
    this.indptr = new Int32Array(rows + 1);
    this.indices = new Int32Array(Math.max(16, expectedEntries));
    this.values = new Float32Array(Math.max(16, expectedEntries));
  }

  /** Adds column `column` of the current row unless the value is 0. */
  push(column: number, value: number): void {
    if (value === 0) return;
    if (this.size === this.indices.length) this.grow();
    this.indices[this.size] = column;
    this.values[this.size++] = value;
  }

  endRow(): void {
    if (this.row >= this.rows) throw new RangeError(`CSR builder: more than ${this.rows} rows`);
    this.indptr[++this.row] = this.size;
  }

  build(): CsrRows {
    if (this.row !== this.rows) throw new RangeError(`CSR builder: ${this.row} of ${this.rows} rows ended`);
    return { kind: 'csr', indptr: this.indptr, indices: this.indices.slice(0, this.size), values: this.values.slice(0, this.size) };
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    indices.set(this.indices);
    const values = new Float32Array(this.values.length * 2);
    values.set(this.values);
    this.indices = indices;
    this.values = values;
  }
}
