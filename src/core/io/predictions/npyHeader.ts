/**
 * The header of a NumPy .npy file (format versions 1.0, 2.0, 3.0, as numpy.lib.format writes
 * them): magic `\x93NUMPY`, major and minor version bytes, the header length (uint16 LE in v1,
 * uint32 LE in v2/v3), then a Python dict literal with 'descr', 'fortran_order' and 'shape'.
 */
import { DatasetError } from '../../errors.js';
import { parsePyLiteral } from './pyLiteral.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** The dtypes read, each as its element size; ints and bools are hard 0/1 predictions. */
export const NPY_DTYPES = { '<f8': 8, '<f4': 4, '<i8': 8, '<i4': 4, '|u1': 1, '|b1': 1 } as const;
export type NpyDtype = keyof typeof NPY_DTYPES;

const DTYPE_ALIASES: Record<string, NpyDtype> = { '<u1': '|u1', '|i1': '|u1', '<b1': '|b1', '|f8': '<f8' };

export interface NpyHeader {
  version: number;
  dtype: NpyDtype;
  shape: number[];
  /** Byte offset of the first data byte. */
  dataOffset: number;
}

const HINT_DTYPE = "save with np.save(path, arr.astype('<f4')) (or '<f8')";

/** Parses the header from the first bytes of the file (at least 10, ideally the whole header). */
export function parseNpyHeader(file: string, head: Buffer): { needBytes: number } | NpyHeader {
  if (head.length < 10 || !MAGIC.every((b, i) => head[i] === b)) {
    throw new DatasetError({ file }, 'not a NumPy .npy file (the file does not start with \\x93NUMPY)', 'write it with numpy.save');
  }
  const major = head[6];
  if (major !== 1 && major !== 2 && major !== 3) throw new DatasetError({ file }, `unsupported .npy format version ${major}.${head[7]} (1.0, 2.0 and 3.0 are read)`);
  const lenBytes = major === 1 ? 2 : 4;
  if (head.length < 8 + lenBytes) return { needBytes: 8 + lenBytes };
  const headerLen = major === 1 ? head.readUInt16LE(8) : head.readUInt32LE(8);
  const dataOffset = 8 + lenBytes + headerLen;
  if (head.length < dataOffset) return { needBytes: dataOffset };
  const text = head.toString(major === 3 ? 'utf8' : 'latin1', 8 + lenBytes, dataOffset);
  let dict;
  try {
    dict = parsePyLiteral(text);
  } catch (e) {
    throw new DatasetError({ file }, `malformed .npy header: ${(e as Error).message}: ${text.trim().slice(0, 120)}`);
  }
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) throw new DatasetError({ file }, `malformed .npy header: expected a dict, found ${text.trim().slice(0, 120)}`);
  const { descr, fortran_order: fortran, shape } = dict;
  if (descr === undefined || fortran === undefined || shape === undefined) {
    throw new DatasetError({ file }, `malformed .npy header: it needs 'descr', 'fortran_order' and 'shape', found ${text.trim().slice(0, 120)}`);
  }
  if (typeof descr !== 'string') throw new DatasetError({ file }, 'structured .npy arrays are not supported: expected a plain numeric array', HINT_DTYPE);
  const dtype = DTYPE_ALIASES[descr] ?? descr;
  if (!(dtype in NPY_DTYPES)) {
    const bigEndian = descr.startsWith('>');
    throw new DatasetError(
      { file },
      bigEndian ? `big-endian .npy data ('${descr}') is not supported` : `unsupported .npy dtype '${descr}': expected float32/float64 ('<f4', '<f8') scores, or 0/1 as bool, uint8, int32 or int64`,
      HINT_DTYPE,
    );
  }
  if (fortran !== false) throw new DatasetError({ file }, 'Fortran-ordered .npy arrays are not supported (fortran_order is True)', 'save a C-ordered copy: np.save(path, np.ascontiguousarray(arr))');
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw new DatasetError({ file }, `malformed .npy header: 'shape' must be a tuple of sizes, found ${JSON.stringify(shape)}`);
  }
  if (shape.length !== 2) {
    throw new DatasetError({ file }, `expected a 2-D array (rows x labels), found ${shape.length}-D with shape (${shape.join(', ')})`, 'a single label still needs two dimensions: arr.reshape(-1, 1)');
  }
  return { version: major, dtype: dtype as NpyDtype, shape: shape as number[], dataOffset };
}
