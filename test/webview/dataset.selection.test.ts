/** Pure parts of the Dataset view: label selection, headline tiles, report checks, table rows. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { AnalysisReport } from '../../src/core/analysis/analyzeDataset.js';
import { assertDrawableReport, reportProblems } from '../../webview/src/dataset/checkReport.js';
import { byCountDescending, clampTopN, matchesFilter, selectLabels } from '../../webview/src/dataset/labelSelection.js';
import { measureTiles } from '../../webview/src/dataset/measureTiles.js';
import { labelRows, labelsetName, meanIRThreshold, ruleLabelAlign, statusNames } from '../../webview/src/dataset/specs/common.js';
import { cellSize } from '../../webview/src/dataset/specs/cooccurrence.js';
import { perLabelRows, weightRows } from '../../webview/src/dataset/tables.js';
import { formatRatio } from '../../webview/src/format.js';
import { EMOTIONS, sharedDatasetReport, skipUnlessDatasets, smallSyntheticReport } from './harness/datasetReports.js';

describe('label selection', () => {
  const label = (name: string, count: number) => ({ name, count, frequency: count / 100, irLbl: 0, scumble: 0, posWeight: null, minority: false });
  const labels = [label('b', 5), label('a', 5), label('sport.x', 9), label('Sport.y', 1), label('c', 0)];

  test('most frequent first, ties by name', () => {
    assert.deepEqual([...labels].sort(byCountDescending).map((l) => l.name), ['sport.x', 'a', 'b', 'Sport.y', 'c']);
  });

  test('top N and filter; rarest first', () => {
    assert.deepEqual(selectLabels(labels, { topN: 2, filter: '' }).labels.map((l) => l.name), ['sport.x', 'a']);
    const sport = selectLabels(labels, { topN: 50, filter: 'SPORT' });
    assert.deepEqual(sport.labels.map((l) => l.name), ['sport.x', 'Sport.y']);
    assert.equal(sport.matched, 2);
    assert.equal(sport.total, 5);
    assert.deepEqual(selectLabels(labels, { topN: 2, filter: '', rarest: true }).labels.map((l) => l.name), ['c', 'Sport.y']);
  });

  test('clampTopN: whole numbers in [1, max]; below 1 or unreadable falls back', () => {
    assert.equal(clampTopN(10, 5, 50), 5);
    assert.equal(clampTopN(3.7, 5, 50), 3);
    assert.equal(clampTopN(0, 90, 50), 50);
    assert.equal(clampTopN(Number.NaN, 90, 50), 50);
    assert.equal(clampTopN(-4, 30, 50), 30);
    assert.equal(clampTopN(7, 0, 50), 1);
  });

  test('matchesFilter: trimmed, case-insensitive substring; blank matches all', () => {
    assert.ok(matchesFilter('Money-FX', ' fx '));
    assert.ok(matchesFilter('anything', '   '));
    assert.ok(!matchesFilter('grain', 'oil'));
  });
});

describe('report-derived rows and tiles', () => {
  let report: AnalysisReport;
  before(async () => {
    report = await smallSyntheticReport();
  });

  test('tiles show every headline measure, formatted, with an explanation; flags past the literature thresholds', () => {
    const tiles = measureTiles(report);
    assert.deepEqual(tiles.map((t) => t.key), ['instances', 'labels', 'cardinality', 'density', 'meanIR', 'maxIR', 'cvIR', 'scumble', 'tcs', 'emptyRows']);
    for (const t of tiles) {
      assert.equal(t.raw, report[t.key as keyof AnalysisReport], t.key);
      assert.ok(t.explanation.length > 10, t.key);
    }
    const meanIR = tiles.find((t) => t.key === 'meanIR')!;
    assert.match(meanIR.explanation, /1 is balanced; above 1\.5 is imbalanced/);
    assert.equal(meanIR.value, formatRatio(report.meanIR));
    assert.equal(meanIR.flag, report.meanIR > 1.5 ? 'imbalanced' : undefined);
    assert.equal(tiles.find((t) => t.key === 'emptyRows')!.flag, 'unlabelled');
    assert.equal(tiles.find((t) => t.key === 'instances')!.value, '40');
  });

  test('status: rare below the threshold (wins over minority), minority when IRLbl > MeanIR', () => {
    const names = statusNames(report);
    const rows = labelRows(report.perLabel, report);
    assert.deepEqual(rows.map((r) => r.status), [names.other, names.other, names.other, names.rare, names.rare]);
    assert.equal(labelsetName([]), '(no labels)');
    assert.equal(labelsetName(['a', 'b']), 'a + b');
  });

  test('the MeanIR threshold: max count / MeanIR; none when nothing occurs', () => {
    assert.equal(meanIRThreshold(report), 16 / report.meanIR);
    assert.equal(meanIRThreshold({ perLabel: [], meanIR: 0 }), undefined);
  });

  test('rule labels flip to the left of a rule near the right edge', () => {
    assert.equal(ruleLabelAlign(10, [100, 50], false), 'left');
    assert.equal(ruleLabelAlign(90, [100, 50], false), 'right');
    assert.equal(ruleLabelAlign(300, [1, 150], true), 'right');
    assert.equal(ruleLabelAlign(2, [1, 1000], true), 'left');
  });

  test('heatmap cells shrink with the number of labels, within 6..44 px', () => {
    assert.equal(cellSize(6), 44);
    assert.equal(cellSize(40), 18);
    assert.equal(cellSize(200), 6);
  });

  test('per-label and weight rows follow the report', () => {
    const rows = perLabelRows(report);
    assert.equal(rows.length, report.labels);
    assert.deepEqual(rows[0], { name: 'a', count: 16, frequency: 0.4, irLbl: 1, scumble: report.perLabel[0].scumble, posWeight: 1.5, status: statusNames(report).other });
    const weights = weightRows(report);
    assert.deepEqual(Object.keys(weights[0]), ['name', 'count', 'pos', 'inverse', 'sqrt', 'effective']);
    assert.equal(weights[4].pos, report.weights.schemes.pos[4]);
  });

  test('a report missing fields is refused with their names', () => {
    assert.deepEqual(reportProblems(report), []);
    const broken = { ...report, meanIR: 'high', cooccurrence: undefined } as unknown as AnalysisReport;
    assert.deepEqual(reportProblems(broken), ['meanIR', 'cooccurrence']);
    assert.throws(() => assertDrawableReport(broken), /lacks or mistypes meanIR, cooccurrence/);
  });
});

test('emotions tiles: the numbers mldr publishes', { skip: skipUnlessDatasets(EMOTIONS) }, async () => {
  const tiles = Object.fromEntries(measureTiles(await sharedDatasetReport(EMOTIONS)).map((t) => [t.key, t.value]));
  assert.deepEqual(tiles, {
    instances: '593', labels: '6', cardinality: '1.868', density: '0.3114', meanIR: '1.478', maxIR: '1.784',
    cvIR: '0.1796', scumble: '0.0110', tcs: '9.364', emptyRows: '0',
  });
});
