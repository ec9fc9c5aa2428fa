/**
 * Fixtures for the predictions loader tests: a temp folder, files written into it, .npy files
 * built byte by byte (so the header parser is tested against the format spec, not against itself),
 * and whether numpy is available to write reference files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import assert from 'node:assert/strict';

export function tempFolder(prefix: string): (name: string, content: string | Uint8Array) => string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return (name, content) => {
    const f = path.join(dir, name);
    writeFileSync(f, content);
    return f;
  };
}

export interface NpyFixture {
  descr: string;
  shape: number[];
  fortran?: boolean;
  version?: 1 | 2 | 3;
  /** The raw header dict text, to write malformed headers. */
  dictText?: string;
}

/** A .npy file per the NumPy format spec: magic, version, header length, padded dict, data. */
export function npyBytes(fx: NpyFixture, data: Uint8Array): Buffer {
  const version = fx.version ?? 1;
  const shape = fx.shape.length === 1 ? `(${fx.shape[0]},)` : `(${fx.shape.join(', ')})`;
  const dict = fx.dictText ?? `{'descr': '${fx.descr}', 'fortran_order': ${fx.fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;
  const lenBytes = version === 1 ? 2 : 4;
  const unpadded = 6 + 2 + lenBytes + dict.length + 1;
  const pad = (64 - (unpadded % 64)) % 64;
  const header = dict + ' '.repeat(pad) + '\n';
  const prefix = Buffer.alloc(6 + 2 + lenBytes);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]).copy(prefix);
  prefix[6] = version;
  prefix[7] = 0;
  if (version === 1) prefix.writeUInt16LE(header.length, 8);
  else prefix.writeUInt32LE(header.length, 8);
  return Buffer.concat([prefix, Buffer.from(header, 'latin1'), data]);
}

export function f64Bytes(values: number[]): Uint8Array {
  return new Uint8Array(Float64Array.from(values).buffer);
}

export function f32Bytes(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

/** True when /usr/bin/python3 (or python3) can import numpy. */
export function hasNumpy(): boolean {
  const r = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  return r.status === 0;
}

export function runPython(code: string): void {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

export { expectDatasetError } from './errors.js';
