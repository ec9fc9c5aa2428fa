import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readNpy } from '../../src/core/io/predictions/index.js';
import { expectDatasetError, f32Bytes, f64Bytes, hasNumpy, npyBytes, runPython, tempFolder } from './helpers/predictionFiles.js';

const write = tempFolder('predictions-npy-');

test('readNpy: float64, float32, int32, int64, bool, uint8 from hand-made headers', async () => {
  const values = [0.25, 0.5, 1, 0, 0.125, 0.75];
  assert.deepEqual(await readNpy(write('a.npy', npyBytes({ descr: '<f8', shape: [2, 3] }, f64Bytes(values)))), { shape: [2, 3], data: Float64Array.from(values), dtype: '<f8' });
  assert.deepEqual((await readNpy(write('b.npy', npyBytes({ descr: '<f4', shape: [3, 2] }, f32Bytes(values))))).data, Float64Array.from(values));
  const i4 = new Uint8Array(Int32Array.from([0, 1, -3, 7]).buffer);
  assert.deepEqual([...(await readNpy(write('c.npy', npyBytes({ descr: '<i4', shape: [2, 2] }, i4)))).data], [0, 1, -3, 7]);
  const i8 = new Uint8Array(BigInt64Array.from([0n, 1n, -2n, 5000000000n]).buffer);
  assert.deepEqual([...(await readNpy(write('d.npy', npyBytes({ descr: '<i8', shape: [4, 1] }, i8)))).data], [0, 1, -2, 5000000000]);
  assert.deepEqual([...(await readNpy(write('e.npy', npyBytes({ descr: '|b1', shape: [1, 3] }, Uint8Array.from([1, 0, 1]))))).data], [1, 0, 1]);
  assert.deepEqual([...(await readNpy(write('f.npy', npyBytes({ descr: '|u1', shape: [1, 2], version: 2 }, Uint8Array.from([0, 255]))))).data], [0, 255]);
  // an empty array is read (0 rows)
  assert.deepEqual((await readNpy(write('g.npy', npyBytes({ descr: '<f8', shape: [0, 4] }, new Uint8Array(0))))).shape, [0, 4]);
});

test('readNpy: a file larger than one read chunk', async () => {
  const n = 3_000_000; // 24 MB of float64, 12 MB of float32
  const values = Float64Array.from({ length: n }, (_, i) => (i % 1000) / 1000);
  const f8 = await readNpy(write('big8.npy', npyBytes({ descr: '<f8', shape: [n / 3, 3] }, new Uint8Array(values.buffer))));
  assert.deepEqual(f8.data, values);
  const f4 = await readNpy(write('big4.npy', npyBytes({ descr: '<f4', shape: [n / 3, 3] }, new Uint8Array(Float32Array.from(values).buffer))));
  assert.deepEqual(f4.data, Float64Array.from(Float32Array.from(values)));
});

test('readNpy: the header problems, each with a clear message', async () => {
  const data = f64Bytes([1, 2, 3, 4]);
  await expectDatasetError(readNpy(write('magic.npy', Buffer.from('PK\u0003\u0004 not numpy at all'))), /^not a NumPy \.npy file/);
  const v9 = npyBytes({ descr: '<f8', shape: [2, 2] }, data);
  v9[6] = 9;
  await expectDatasetError(readNpy(write('v9.npy', v9)), /^unsupported \.npy format version 9\.0/);
  await expectDatasetError(readNpy(write('dict.npy', npyBytes({ descr: '', shape: [], dictText: "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2" }, data))), /^malformed \.npy header: /);
  await expectDatasetError(readNpy(write('keys.npy', npyBytes({ descr: '', shape: [], dictText: "{'descr': '<f8', 'shape': (2, 2), }" }, data))), /^malformed \.npy header: it needs 'descr', 'fortran_order' and 'shape'/);
  await expectDatasetError(readNpy(write('big-endian.npy', npyBytes({ descr: '>f8', shape: [2, 2] }, data))), /^big-endian \.npy data \('>f8'\) is not supported$/);
  await expectDatasetError(readNpy(write('f2.npy', npyBytes({ descr: '<f2', shape: [2, 2] }, data))), /^unsupported \.npy dtype '<f2'/);
  await expectDatasetError(readNpy(write('c16.npy', npyBytes({ descr: '<c16', shape: [2, 2] }, data))), /^unsupported \.npy dtype '<c16'/);
  await expectDatasetError(readNpy(write('struct.npy', npyBytes({ descr: '', shape: [], dictText: "{'descr': [('a', '<f8'), ('b', '<f8')], 'fortran_order': False, 'shape': (2,), }" }, data))), /^structured \.npy arrays are not supported/);
  const fortran = await expectDatasetError(readNpy(write('fortran.npy', npyBytes({ descr: '<f8', shape: [2, 2], fortran: true }, data))), /^Fortran-ordered \.npy arrays are not supported/);
  assert.match(fortran.hint ?? '', /ascontiguousarray/);
  await expectDatasetError(readNpy(write('1d.npy', npyBytes({ descr: '<f8', shape: [4] }, data))), /^expected a 2-D array \(rows x labels\), found 1-D with shape \(4\)$/);
  await expectDatasetError(readNpy(write('3d.npy', npyBytes({ descr: '<f8', shape: [1, 2, 2] }, data))), /^expected a 2-D array \(rows x labels\), found 3-D with shape \(1, 2, 2\)$/);
  await expectDatasetError(readNpy(write('short.npy', npyBytes({ descr: '<f8', shape: [3, 2] }, data))), /^the \.npy data should take 48 bytes for shape \(3, 2\) of '<f8', but the file holds 32$/);
  const cut = npyBytes({ descr: '<f8', shape: [2, 2] }, data).subarray(0, 30);
  await expectDatasetError(readNpy(write('cut-header.npy', cut)), /^the \.npy header says it is 128 bytes long, but the file has only 30$/);
  await expectDatasetError(readNpy(write('empty.npy', '')), /^file is empty$/);
});

test('readNpy reads what numpy writes, including a version 3 (utf-8) header', { skip: hasNumpy() ? false : 'numpy not available' }, async () => {
  const base = write('np.txt', '');
  const dir = base.slice(0, -'np.txt'.length);
  runPython(`
import numpy as np
a = (np.arange(12, dtype='<f8').reshape(4, 3) / 7.0)
np.save('${dir}np8.npy', a)
np.save('${dir}np4.npy', a.astype('<f4'))
np.save('${dir}npF.npy', np.asfortranarray(a))
np.save('${dir}npBE.npy', a.astype('>f8'))
np.save('${dir}np1d.npy', a[:, 0])
with open('${dir}npv3.npy', 'wb') as f:
    np.lib.format.write_array(f, a, version=(3, 0))
`);
  const want = Float64Array.from({ length: 12 }, (_, i) => i / 7);
  assert.deepEqual(await readNpy(`${dir}np8.npy`), { shape: [4, 3], data: want, dtype: '<f8' });
  assert.deepEqual((await readNpy(`${dir}np4.npy`)).data, Float64Array.from(Float32Array.from(want)));
  assert.deepEqual((await readNpy(`${dir}npv3.npy`)).data, want);
  await expectDatasetError(readNpy(`${dir}npF.npy`), /^Fortran-ordered/);
  await expectDatasetError(readNpy(`${dir}npBE.npy`), /^big-endian/);
  await expectDatasetError(readNpy(`${dir}np1d.npy`), /^expected a 2-D array/);
});
