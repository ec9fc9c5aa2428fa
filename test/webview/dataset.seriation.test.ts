/** The heatmap's clustered order: average-linkage leaf order on the Jaccard distance. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jaccard, seriate } from '../../webview/src/dataset/seriation.js';
import { seededRandom } from '../../scripts/random.mjs';

const isPermutation = (order: number[], k: number): boolean => order.length === k && [...order].sort((a, b) => a - b).every((v, i) => v === i);

/** Co-occurrence counts of rows given as label lists (diagonal: each label's count). */
function countsOf(rows: number[][], k: number): number[][] {
  const c = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const row of rows) for (const a of row) for (const b of row) c[a][b] += 1;
  return c;
}

/** Rows drawn so that labels of the same block occur together and labels of different blocks never do. */
function blockRows(blocks: number[][], rows: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: rows }, () => {
    const block = blocks[Math.floor(random() * blocks.length)];
    const picked = block.filter(() => random() < 0.6);
    return picked.length > 0 ? picked : [block[0]];
  });
}

test('jaccard: |A ∩ B| / |A ∪ B| from the counts; 1 on the diagonal; 0 when neither occurs', () => {
  const c = [
    [10, 4, 0],
    [4, 6, 0],
    [0, 0, 0],
  ];
  assert.equal(jaccard(c, 0, 1), 4 / 12);
  assert.equal(jaccard(c, 1, 0), 4 / 12);
  assert.equal(jaccard(c, 0, 0), 1);
  assert.equal(jaccard(c, 0, 2), 0);
  assert.equal(jaccard(c, 2, 2), 1);
});

test('small sizes: 0, 1 and 2 labels keep their order', () => {
  assert.deepEqual(seriate([]), []);
  assert.deepEqual(seriate([[3]]), [0]);
  assert.deepEqual(seriate([[3, 1], [1, 2]]), [0, 1]);
});

test('a permutation, and the same one every time, for random matrices up to 200 labels', () => {
  for (const [k, seed] of [[3, 1], [7, 2], [25, 3], [60, 4], [200, 5]]) {
    const random = seededRandom(seed);
    const rows = Array.from({ length: 4 * k }, () => Array.from({ length: k }, (_, l) => l).filter(() => random() < 0.15));
    const counts = countsOf(rows, k);
    const order = seriate(counts);
    assert.ok(isPermutation(order, k), `k=${k}`);
    assert.deepEqual(seriate(counts.map((r) => [...r])), order, `deterministic for k=${k}`);
  }
});

test('labels that occur together end up next to each other, whatever order they come in', () => {
  const k = 12;
  const blocks = [[0, 5, 9], [1, 3, 7, 11], [2, 4, 6, 8, 10]];
  const counts = countsOf(blockRows(blocks, 400, 9), k);
  const order = seriate(counts);
  assert.ok(isPermutation(order, k));
  for (const block of blocks) {
    const positions = block.map((l) => order.indexOf(l)).sort((a, b) => a - b);
    assert.equal(positions[positions.length - 1] - positions[0], block.length - 1, `block ${block} is contiguous in ${order}`);
  }
});

test('labels that never occur together (all off-diagonal zeros) and absent labels still give a permutation', () => {
  const counts = [
    [5, 0, 0, 0],
    [0, 3, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 8],
  ];
  const order = seriate(counts);
  assert.ok(isPermutation(order, 4));
  assert.deepEqual(seriate(counts), order);
});
