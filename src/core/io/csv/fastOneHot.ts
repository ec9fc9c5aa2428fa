/**
 * The fast path of the one-hot label scan, for the common well-formed row: no quotes, labels
 * spelled `0`/`1`, LF or CRLF endings. Feature cells are skipped four bytes at a time (a word
 * with no byte below `-` holds no delimiter or line break); four `0,` label cells in a row are
 * recognised by one 8-byte compare. Anything unusual returns -1 and the row goes to the
 * general tokenizer, which also produces the error messages.
 */

/** Bit tricks on 32-bit words ("Bit Twiddling Hacks", hasless(x, n) for n <= 128). */
const ONES = 0x01010101;
const HIGHS = 0x80808080;
/** Bytes below 45 (`-`): delimiters, CR, LF, quotes, spaces. Digits, `.`, `-` and letters are above. */
const BELOW = 45 * ONES;

export class FastOneHotRows {
  private view: DataView;
  /** Per column: 0 feature, 1 label. */
  private readonly isLabel: Uint8Array;
  /** Per label column: its label id. */
  private readonly labelId: Int32Array;
  /** Per column: how many label columns start here in a row, all followed by a delimiter. */
  private readonly runAhead: Int32Array;
  private readonly zeros4: number;
  private readonly ids: Int32Array;
  /** Columns before the first label column: skipped by counting delimiters a word at a time. */
  private readonly leading: number;
  private readonly delimiterWord: number;
  count = 0;

  constructor(buf: Uint8Array, private readonly delimiter: number, private readonly columns: number, labelColumns: readonly number[]) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.isLabel = new Uint8Array(columns);
    this.labelId = new Int32Array(columns);
    labelColumns.forEach((c, j) => {
      this.isLabel[c] = 1;
      this.labelId[c] = j;
    });
    this.runAhead = new Int32Array(columns + 1);
    for (let c = columns - 2; c >= 0; c--) this.runAhead[c] = this.isLabel[c] ? this.runAhead[c + 1] + 1 : 0;
    // "0<d>0<d>" read as a little-endian 32-bit word
    this.zeros4 = (48 | (delimiter << 8) | (48 << 16) | (delimiter << 24)) | 0;
    this.ids = new Int32Array(labelColumns.length);
    this.leading = Math.min(...labelColumns, columns - 1);
    this.delimiterWord = Math.imul(delimiter, ONES);
  }

  /**
   * Skips `count` delimiters from `p` four bytes at a time while the only bytes below `-` are
   * delimiters; returns the position after the last one skipped, or -(columns skipped) - 1 and
   * the position in `stop` when an unusual byte needs the byte-wise path.
   */
  private skipLeading(p: number, end: number): number {
    const view = this.view;
    const dw = this.delimiterWord;
    let need = this.leading;
    while (need > 0 && p + 4 <= end) {
      const w = view.getInt32(p, true);
      // exact per-byte masks (high bit of each byte): byte < 45, byte == delimiter
      const below = ~(((w & 0x7f7f7f7f) + 0x53535353) | w) & HIGHS;
      if (below === 0) {
        p += 4;
        continue;
      }
      const t = w ^ dw;
      const isDelim = ~(((t & 0x7f7f7f7f) + 0x7f7f7f7f) | t) & HIGHS;
      if (below !== isDelim) break;
      const n = Math.imul(isDelim >>> 7, ONES) >>> 24;
      if (n < need) {
        need -= n;
        p += 4;
        continue;
      }
      while (need > 0) if (this.bufByte(p++) === this.delimiter) need--;
      return p;
    }
    this.stop = p;
    return -(this.leading - need) - 1;
  }

  private bufByte(p: number): number {
    return this.view.getUint8(p);
  }

  /** Where skipLeading stopped when it gave up. */
  private stop = 0;

  /** Call when the window's buffer was replaced. */
  bind(buf: Uint8Array): void {
    if (this.view.buffer !== buf.buffer || this.view.byteOffset !== buf.byteOffset) this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Label ids of the last row read are ids[0..count). */
  get rowIds(): Int32Array {
    return this.ids;
  }

  /**
   * Reads the row at `p` (whose line break lies before `end`); returns the position after its
   * line break, or -1 when the row needs the general tokenizer.
   */
  row(buf: Uint8Array, p: number, end: number): number {
    const view = this.view;
    const d = this.delimiter;
    const last = this.columns - 1;
    const isLabel = this.isLabel;
    let k = 0;
    let c = 0;
    if (this.leading > 0) {
      const after = this.skipLeading(p, end);
      if (after >= 0) {
        p = after;
        c = this.leading;
      } else {
        p = this.stop;
        c = -after - 1;
      }
    }
    for (; ; c++) {
      if (isLabel[c] === 0) {
        // feature cell: skip a word at a time while no byte in it is below `-`
        while (p + 4 <= end) {
          const w = view.getInt32(p, true);
          if (((w - BELOW) & ~w & HIGHS) !== 0) break;
          p += 4;
        }
        let b = buf[p];
        while (b !== d && b !== 10) {
          if (b === 34 || b === 13 || p >= end) return -1;
          b = buf[++p];
        }
        if (c === last) {
          if (b !== 10) return -1;
          this.count = k;
          return p + 1;
        }
        if (b !== d) return -1;
        p++;
        continue;
      }
      // runs of four `0` labels: two word compares
      let run = this.runAhead[c];
      while (run >= 4 && p + 8 <= end && view.getInt32(p, true) === this.zeros4 && view.getInt32(p + 4, true) === this.zeros4) {
        p += 8;
        c += 4;
        run -= 4;
      }
      if (isLabel[c] === 0) {
        c--;
        continue;
      }
      const v = buf[p] - 48;
      if (v !== 0 && v !== 1) return -1;
      if (v === 1) this.ids[k++] = this.labelId[c];
      const next = buf[p + 1];
      if (c === last) {
        if (next === 10) p += 2;
        else if (next === 13 && buf[p + 2] === 10) p += 3;
        else return -1;
        this.count = k;
        return p;
      }
      if (next !== d) return -1;
      p += 2;
    }
  }
}
