/**
 * A sliding window over a byte range of a file: read in chunks into one reusable Buffer; on refill,
 * the unconsumed tail (a record cut by the chunk boundary) moves to the front and new bytes follow.
 * The file is opened read-only and never locked; no more than a chunk (or one record) is held.
 */
import { promises as fs } from 'node:fs';
import { DatasetError } from '../../errors.js';

export const DEFAULT_CHUNK_BYTES = 1 << 20;
/** A single record larger than this is an error (most likely an unclosed quote). */
const MAX_RECORD_BYTES = 1 << 29;

export interface WindowOptions {
  signal?: AbortSignal | undefined;
  /** Called after each read with the number of new bytes. */
  onBytes?: ((bytes: number) => void) | undefined;
  chunkBytes?: number;
}

export class ByteWindow {
  buf: Buffer;
  /** Bytes of `buf` holding data. */
  end = 0;
  /** File position of buf[0]. */
  base: number;
  private readPos: number;
  private eof = false;

  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly file: string,
    start: number,
    private readonly limit: number,
    /** Size of the whole file. */
    readonly size: number,
    private readonly options: WindowOptions,
  ) {
    this.buf = Buffer.allocUnsafe(options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    this.base = start;
    this.readPos = start;
  }

  /** Opens `file` for reading bytes [start, limit); limit defaults to the file size. */
  static async open(file: string, start = 0, limit = Infinity, options: WindowOptions = {}): Promise<ByteWindow> {
    const handle = await fs.open(file, 'r');
    try {
      const size = (await handle.stat()).size;
      return new ByteWindow(handle, file, start, Math.min(limit, size), size, options);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** True once every byte of the range is in (or has passed through) the window. */
  get final(): boolean {
    return this.eof;
  }

  /** Keeps buf[keepFrom..end), moves it to the front, and reads more after it. */
  async refill(keepFrom: number): Promise<void> {
    this.options.signal?.throwIfAborted();
    const tail = this.end - keepFrom;
    if (tail > this.buf.length / 2) this.growFor(tail, keepFrom);
    else if (keepFrom > 0) this.buf.copyWithin(0, keepFrom, this.end);
    this.base += keepFrom;
    this.end = tail;
    await this.readMore();
  }

  private growFor(tail: number, keepFrom: number): void {
    if (tail >= MAX_RECORD_BYTES) {
      throw new DatasetError(
        { file: this.file },
        `a single record is longer than ${MAX_RECORD_BYTES >> 20} MB`,
        'an unclosed quote (") usually causes this; check the line where the long record starts',
      );
    }
    const bigger = Buffer.allocUnsafe(this.buf.length * 2);
    this.buf.copy(bigger, 0, keepFrom, this.end);
    this.buf = bigger;
  }

  private async readMore(): Promise<void> {
    const want = Math.min(this.buf.length - this.end, this.limit - this.readPos);
    if (want <= 0) {
      this.eof = true;
      return;
    }
    const { bytesRead } = await this.handle.read(this.buf, this.end, want, this.readPos);
    this.end += bytesRead;
    this.readPos += bytesRead;
    if (bytesRead === 0 || this.readPos >= this.limit) this.eof = true;
    this.options.onBytes?.(bytesRead);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
