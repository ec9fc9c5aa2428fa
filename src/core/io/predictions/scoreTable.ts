/**
 * Prediction values as read, row by row, before they are joined to the truth: fixed-size chunks
 * of row-major Float64Array (width values per row), so rows can be appended without knowing how
 * many will come and without copying what was read.
 */
const DEFAULT_CHUNK_ROWS = 8192;

export class ScoreTable {
  readonly chunks: Float64Array[] = [];
  rows = 0;
  /** The chunk the last `nextRow` offset points into. */
  current: Float64Array;
  private pos: number;

  constructor(
    readonly width: number,
    readonly chunkRows = DEFAULT_CHUNK_ROWS,
  ) {
    this.current = new Float64Array(0);
    this.pos = 0;
  }

  /** A table over one dense row-major array (rows x width), without copying. */
  static fromDense(data: Float64Array, width: number): ScoreTable {
    const rows = width === 0 ? 0 : data.length / width;
    const table = new ScoreTable(width, Math.max(1, rows));
    table.chunks.push(data);
    table.current = data;
    table.pos = data.length;
    table.rows = rows;
    return table;
  }

  /** Starts a new row (all zeros) and returns the offset of its first value in `current`. */
  nextRow(): number {
    if (this.pos + this.width > this.current.length || this.chunks.length === 0) {
      this.current = new Float64Array(Math.max(1, this.chunkRows * this.width));
      this.chunks.push(this.current);
      this.pos = 0;
    }
    const offset = this.pos;
    this.pos += this.width;
    this.rows++;
    return offset;
  }

  /** Calls visit(row, values, offset) for every row: values[offset .. offset + width) is the row. */
  forEachRow(visit: (row: number, values: Float64Array, offset: number) => void): void {
    let row = 0;
    for (const chunk of this.chunks) {
      for (let o = 0; o + this.width <= chunk.length && row < this.rows; o += this.width) visit(row++, chunk, o);
      if (this.width === 0) break;
    }
  }
}
