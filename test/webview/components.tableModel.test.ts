/** The shared components' pure parts: the virtual table's filter, sort and row window; image export; cell formatting. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { svgWithBackground } from '../../webview/src/components/exportImage.js';
import { filterRows, formatSort, nextSort, parseSort, sortRows, visibleWindow, type Row } from '../../webview/src/components/tableModel.js';
import { baseName, formatCell, formatPercent, formatRatio } from '../../webview/src/format.js';

const rows: Row[] = [
  { name: 'label10', count: 5, weight: 0.5 },
  { name: 'label2', count: 9, weight: null },
  { name: 'Alpha', count: 5, weight: 2 },
  { name: 'beta', count: 1, weight: 1.25 },
];

describe('filter and sort', () => {
  test('filter: case-insensitive substring on one column; blank or no column keeps all', () => {
    assert.deepEqual(filterRows(rows, 'name', 'LABEL'), [0, 1]);
    assert.deepEqual(filterRows(rows, 'name', '  '), [0, 1, 2, 3]);
    assert.deepEqual(filterRows(rows, undefined, 'label'), [0, 1, 2, 3]);
    assert.deepEqual(filterRows(rows, 'weight', '0.5'), [0]);
  });

  test('sort: numbers numerically, text naturally, stable, empty cells last either way', () => {
    const all = [0, 1, 2, 3];
    assert.deepEqual(sortRows(rows, all, { key: 'count', descending: true }), [1, 0, 2, 3], 'ties keep their order');
    assert.deepEqual(sortRows(rows, all, { key: 'count', descending: false }), [3, 0, 2, 1]);
    assert.deepEqual(sortRows(rows, all, { key: 'name', descending: false }), [2, 3, 1, 0], 'label2 before label10');
    assert.deepEqual(sortRows(rows, all, { key: 'weight', descending: false }), [0, 3, 2, 1]);
    assert.deepEqual(sortRows(rows, all, { key: 'weight', descending: true }), [2, 3, 0, 1]);
    assert.deepEqual(sortRows(rows, [3, 1], { key: 'count', descending: true }), [1, 3], 'only the given rows');
  });

  test('a header click: same column flips, a new one starts descending for numbers and ascending for text', () => {
    assert.deepEqual(nextSort(undefined, 'count', true), { key: 'count', descending: true });
    assert.deepEqual(nextSort({ key: 'count', descending: true }, 'count', true), { key: 'count', descending: false });
    assert.deepEqual(nextSort({ key: 'count', descending: true }, 'name', false), { key: 'name', descending: false });
  });

  test('a sort persists as one string and only known columns come back', () => {
    assert.equal(formatSort({ key: 'count', descending: true }), 'count:desc');
    assert.deepEqual(parseSort('count:desc', ['count']), { key: 'count', descending: true });
    assert.deepEqual(parseSort('name:asc', ['name']), { key: 'name', descending: false });
    assert.equal(parseSort('gone:asc', ['name']), undefined);
    assert.equal(parseSort('name:sideways', ['name']), undefined);
    assert.equal(parseSort('nonsense', ['name']), undefined);
  });
});

describe('row window', () => {
  test('the rows in view plus the overscan, clamped to the table', () => {
    assert.deepEqual(visibleWindow(0, 260, 26, 1000, 8), { start: 0, end: 19 });
    assert.deepEqual(visibleWindow(26 * 500, 260, 26, 1000, 8), { start: 492, end: 519 });
    assert.deepEqual(visibleWindow(26 * 995, 260, 26, 1000, 8), { start: 987, end: 1000 });
    assert.deepEqual(visibleWindow(-50, 260, 26, 5, 8), { start: 0, end: 5 });
    assert.deepEqual(visibleWindow(1e9, 260, 26, 10, 8), { start: 10, end: 10 });
    assert.deepEqual(visibleWindow(0, 260, 26, 0, 8), { start: 0, end: 0 });
  });

  test('a long table never renders more than a screenful', () => {
    for (let top = 0; top < 26 * 100_000; top += 26 * 7919) {
      const w = visibleWindow(top, 520, 26, 100_000, 8);
      assert.ok(w.end - w.start <= 20 + 1 + 16, `${w.start}..${w.end}`);
      assert.ok(w.start <= Math.floor(top / 26) && w.end > Math.floor(top / 26));
    }
  });
});

describe('image export and formatting', () => {
  test('a saved SVG gets the background as its first child; odd colour strings are not written into it', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g></g></svg>';
    assert.equal(svgWithBackground(svg, '#1f1f1f'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="100%" height="100%" fill="#1f1f1f"/><g></g></svg>');
    assert.equal(svgWithBackground(svg, 'red" onload="x'), svg);
    assert.equal(svgWithBackground('not svg', '#000'), 'not svg');
  });

  test('cells, ratios, percentages, file names', () => {
    assert.equal(formatCell(null), '—');
    assert.equal(formatCell(1234), '1,234');
    assert.equal(formatCell(0.12345), '0.123');
    assert.equal(formatCell('text'), 'text');
    assert.equal(formatRatio(1.4780684), '1.478');
    assert.equal(formatRatio(384.7391), '384.74');
    assert.equal(formatRatio(1982), '1,982');
    assert.equal(formatRatio(1314.25), '1,314.3');
    assert.equal(formatPercent(0.2917369), '29.2%');
    assert.equal(baseName('/a/b/emotions.arff'), 'emotions.arff');
    assert.equal(baseName('C:\\data\\x.csv'), 'x.csv');
  });
});
