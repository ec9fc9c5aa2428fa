/**
 * Reads a 2-D NumPy .npy array into a Float64Array (row-major, as stored in C order). The data is
 * read in large chunks straight into the result (float64) or through one reused chunk buffer
 * (other dtypes): never decoded as text.
 */
import { promises as fs } from 'node:fs';
import { endianness } from 'node:os';
import { DatasetError } from '../../errors.js';
import { NPY_DTYPES, parseNpyHeader, type NpyDtype, type NpyHeader } from './npyHeader.js';

export interface NpyArray {
  shape: number[];
  data: Float64Array;
  dtype: NpyDtype;
}

export interface NpyReadOptions {
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const CHUNK_BYTES = 16 << 20;

export async function readNpy(file: string, options: NpyReadOptions = {}): Promise<NpyArray> {
  if (endianness() !== 'LE') throw new Error('reading .npy files needs a little-endian machine');
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    throw new DatasetError({ file }, 'file not found');
  }
  try {
    const size = (await handle.stat()).size;
    if (size === 0) throw new DatasetError({ file }, 'file is empty');
    const header = await readHeader(file, handle, size);
    const [rows, cols] = header.shape;
    const count = rows * cols;
    const itemSize = NPY_DTYPES[header.dtype];
    const expected = header.dataOffset + count * itemSize;
    if (size !== expected) {
      throw new DatasetError({ file }, `the .npy data should take ${count * itemSize} bytes for shape (${rows}, ${cols}) of '${header.dtype}', but the file holds ${size - header.dataOffset}`, size < expected ? 'the file looks truncated' : undefined);
    }
    const data = new Float64Array(count);
    await readData(handle, header, data, size, options);
    return { shape: [rows, cols], data, dtype: header.dtype };
  } finally {
    await handle.close();
  }
}

async function readHeader(file: string, handle: fs.FileHandle, size: number): Promise<NpyHeader> {
  let want = Math.min(size, 4096);
  for (;;) {
    const head = Buffer.alloc(want);
    const { bytesRead } = await handle.read(head, 0, want, 0);
    const parsed = parseNpyHeader(file, head.subarray(0, bytesRead));
    if (!('needBytes' in parsed)) return parsed;
    if (parsed.needBytes > size) throw new DatasetError({ file }, `the .npy header says it is ${parsed.needBytes} bytes long, but the file has only ${size}`);
    want = parsed.needBytes;
  }
}

async function readData(handle: fs.FileHandle, header: NpyHeader, out: Float64Array, size: number, options: NpyReadOptions): Promise<void> {
  const itemSize = NPY_DTYPES[header.dtype];
  const total = out.length * itemSize;
  let done = 0;
  const progress = (): void => options.onProgress?.(header.dataOffset + done, size);
  if (header.dtype === '<f8') {
    const bytes = new Uint8Array(out.buffer, out.byteOffset, total);
    while (done < total) {
      options.signal?.throwIfAborted();
      const { bytesRead } = await handle.read(bytes, done, Math.min(CHUNK_BYTES, total - done), header.dataOffset + done);
      if (bytesRead === 0) throw new Error('unexpected end of .npy file');
      done += bytesRead;
      progress();
    }
    return;
  }
  const chunk = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(8, total)));
  let filled = 0; // bytes of `chunk` read but not yet converted (a partial element)
  let index = 0;
  while (done < total) {
    options.signal?.throwIfAborted();
    const { bytesRead } = await handle.read(chunk, filled, Math.min(chunk.length - filled, total - done), header.dataOffset + done);
    if (bytesRead === 0) throw new Error('unexpected end of .npy file');
    done += bytesRead;
    filled += bytesRead;
    const whole = filled - (filled % itemSize);
    index = convert(header.dtype, chunk.subarray(0, whole), out, index);
    chunk.copyWithin(0, whole, filled);
    filled -= whole;
    progress();
  }
}

/** Converts whole elements from `bytes` (offset 0 of an aligned buffer) into out[index..]; returns the next index. */
function convert(dtype: NpyDtype, bytes: Uint8Array, out: Float64Array, index: number): number {
  switch (dtype) {
    case '<f4': {
      const v = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      for (let i = 0; i < v.length; i++) out[index++] = v[i];
      return index;
    }
    case '<i4': {
      const v = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      for (let i = 0; i < v.length; i++) out[index++] = v[i];
      return index;
    }
    case '<i8': {
      // low word unsigned, high word signed: exact for |value| < 2^53
      const v = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      for (let i = 0; i < v.length; i += 2) out[index++] = v[i + 1] * 4294967296 + (v[i] >>> 0);
      return index;
    }
    case '|u1':
    case '|b1':
      for (let i = 0; i < bytes.length; i++) out[index++] = bytes[i];
      return index;
    case '<f8':
      throw new Error('float64 is read directly');
  }
}
