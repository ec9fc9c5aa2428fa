/**
 * Where each data record of a file lies, as byte offsets (Float64Array: files may pass 2 GB), and
 * the bytes behind them: the whole file in memory when it is small enough, else positional reads
 * (a block read ahead when records are asked for in order, as originals are).
 */
import { promises as fs, readSync } from 'node:fs';

/** Files up to this size are read into memory once; larger ones are read record by record. */
export const IN_MEMORY_MAX_BYTES = 256 * 1024 * 1024;
const READ_AHEAD_BYTES = 1 << 20;
/** A record starting at most this far after the last one read (blank lines between) counts as the next in order. */
const SEQUENTIAL_GAP_BYTES = 4096;

export class RecordIndex {
  count = 0;
  /** Offset of the record's first byte. */
  starts: Float64Array = new Float64Array(1024);
  /** Offset just after its content (its line ending, if any, follows). */
  contentEnds: Float64Array = new Float64Array(1024);
  /** Offset just after its line ending (equal to contentEnds for a last line without one). */
  ends: Float64Array = new Float64Array(1024);
  /** 1-based line where the record starts. */
  lines: Int32Array = new Int32Array(1024);

  push(start: number, contentEnd: number, end: number, line: number): void {
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.starts[k] = start;
    this.contentEnds[k] = contentEnd;
    this.ends[k] = end;
    this.lines[k] = line;
  }

  /** Keeps only the records that start on the given lines, in that order (an index read with skipped rows). */
  selectLines(lines: Int32Array, file: string): RecordIndex | string {
    const picked = new RecordIndex();
    let k = 0;
    for (let i = 0; i < lines.length; i++) {
      while (k < this.count && this.lines[k] < lines[i]) k++;
      if (k >= this.count || this.lines[k] !== lines[i]) return `no data record of ${file} starts on line ${lines[i]} (input row ${i + 1})`;
      picked.push(this.starts[k], this.contentEnds[k], this.ends[k], this.lines[k]);
      k++;
    }
    return picked;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const widen = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.starts = widen(this.starts);
    this.contentEnds = widen(this.contentEnds);
    this.ends = widen(this.ends);
    const lines = new Int32Array(size);
    lines.set(this.lines);
    this.lines = lines;
  }
}

/** Random access to a file's bytes. */
export class FileBytes {
  private block: Buffer | undefined;
  private blockStart = 0;
  private lastEnd = -1;

  private constructor(
    private readonly handle: fs.FileHandle | undefined,
    private readonly whole: Buffer | undefined,
  ) {}

  static async open(file: string, inMemoryMax = IN_MEMORY_MAX_BYTES): Promise<FileBytes> {
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > inMemoryMax) return new FileBytes(handle, undefined);
      const whole = Buffer.allocUnsafe(size);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await handle.read(whole, done, size - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      await handle.close();
      return new FileBytes(undefined, whole.subarray(0, done));
    } catch (e) {
      await handle.close().catch(() => undefined);
      throw e;
    }
  }

  /** Bytes [start, end). The result may share memory with the cache, which is replaced, never overwritten. */
  async read(start: number, end: number): Promise<Buffer> {
    if (this.whole) return this.whole.subarray(start, end);
    const block = this.block;
    if (block && start >= this.blockStart && end <= this.blockStart + block.length) {
      this.lastEnd = end;
      return block.subarray(start - this.blockStart, end - this.blockStart);
    }
    // records asked for in file order (originals) read a block ahead; random ones (clones) read just themselves
    const sequential = start >= this.lastEnd && start - this.lastEnd <= SEQUENTIAL_GAP_BYTES;
    const length = sequential ? Math.max(end - start, READ_AHEAD_BYTES) : end - start;
    const buf = Buffer.allocUnsafe(length);
    // a synchronous pread: the write loop only yields at its flushes anyway, and this is ~20x cheaper per record
    const bytesRead = readSync(this.handle!.fd, buf, 0, length, start);
    this.lastEnd = end;
    if (!sequential) return buf.subarray(0, Math.min(bytesRead, end - start));
    this.block = buf.subarray(0, bytesRead);
    this.blockStart = start;
    return this.block.subarray(0, Math.min(bytesRead, end - start));
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }
}
