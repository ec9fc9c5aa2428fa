/**
 * The Evaluation view's pure helpers: number formatting, which labels a chart draws (order by
 * support, filter, top N, rarest, spread), the curve cache's fetching, the summary tiles and the
 * per-class rows against a real (generated) report, the tint scale and the persisted-UI guards.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { EvaluationReport } from '../../src/core/analysis/evaluatePredictions.js';
import type { LabelCurves } from '../../src/core/metrics/curves/types.js';
import { assertDrawableEvaluation, evaluationProblems } from '../../webview/src/evaluation/checkReport.js';
import { CurveCache } from '../../webview/src/evaluation/curveCache.js';
import { formatChange, formatMetric, formatShare, formatThreshold, imageFileBase } from '../../webview/src/evaluation/format.js';
import {
  bandByLabel,
  isRare,
  matchesFilter,
  orderBySupport,
  selectionSummary,
  selectLabels,
  spreadIndices,
} from '../../webview/src/evaluation/labelSelection.js';
import { metricTint, perClassRows, TINT_REACH } from '../../webview/src/evaluation/perClassRows.js';
import { provenanceLines, summaryTiles, tileHoverText } from '../../webview/src/evaluation/summaryModel.js';
import { beforeAfterRows, labelsImproved, macroHeadline } from '../../webview/src/evaluation/tuningSummary.js';
import { uiChoice, uiInteger, uiStrings, uiText } from '../../webview/src/evaluation/ui/uiState.js';
import { gridColumns } from '../../webview/src/evaluation/specs/confusionGrid.js';
import { evaluationViewOf, syntheticReport } from './harness/evaluationReports.js';

describe('formatting', () => {
  test('metrics, shares, changes and thresholds; missing values as an em dash', () => {
    assert.equal(formatMetric(0.71648), '0.716');
    assert.equal(formatMetric(null), '—');
    assert.equal(formatMetric(Number.NaN), '—');
    assert.equal(formatMetric(0.00123, 4), '0.0012');
    assert.equal(formatShare(0.3152668), '31.5%');
    assert.equal(formatShare(0.0315), '3.15%');
    assert.equal(formatShare(0.000333), '0.033%');
    assert.equal(formatShare(0), '0%');
    assert.equal(formatShare(1), '100%');
    assert.equal(formatChange(0.0361), '+0.036');
    assert.equal(formatChange(-0.012), '−0.012');
    assert.equal(formatChange(0.0001), '±0.000');
    assert.equal(formatChange(null), '—');
    assert.equal(formatThreshold(0.5), '0.5');
    assert.equal(formatThreshold(0.25412), '0.2541');
    assert.equal(imageFileBase('/data/run 3/val.pred.csv'), 'val.pred-eval');
    assert.equal(imageFileBase('C:\\work\\p.npy'), 'p-eval');
  });
});

describe('label selection', () => {
  const labels = [
    { name: 'alpha', support: 5 },
    { name: 'beta', support: 50 },
    { name: 'gamma', support: 5 },
    { name: 'delta', support: 500 },
    { name: 'Alphabet', support: 0 },
  ];

  test('order by support descending; ties keep the label order', () => {
    assert.deepEqual(orderBySupport(labels).map((l) => l.name), ['delta', 'beta', 'alpha', 'gamma', 'Alphabet']);
  });

  test('filter: case-insensitive substring, commas for alternatives, empty matches all', () => {
    assert.ok(matchesFilter('Alphabet', 'ALPHA'));
    assert.ok(matchesFilter('beta', 'zeta, bet'));
    assert.ok(!matchesFilter('beta', 'alpha'));
    assert.ok(matchesFilter('anything', ' , '));
  });

  test('spread indices include both ends and never repeat', () => {
    assert.deepEqual(spreadIndices(10, 4), [0, 3, 6, 9]);
    assert.deepEqual(spreadIndices(3, 5), [0, 1, 2]);
    assert.deepEqual(spreadIndices(10, 1), [0]);
    assert.deepEqual(spreadIndices(10, 0), []);
    const s = spreadIndices(1000, 50);
    assert.equal(s.length, 50);
    assert.equal(s[49], 999);
  });

  test('select: filter first, then top N / rarest / spread, always most frequent first', () => {
    assert.deepEqual(selectLabels(labels, { filter: 'alpha', topN: 5 }).labels.map((l) => l.name), ['alpha', 'Alphabet']);
    assert.deepEqual(selectLabels(labels, { filter: '', topN: 2 }).labels.map((l) => l.name), ['delta', 'beta']);
    assert.deepEqual(selectLabels(labels, { filter: '', topN: 2, pick: 'tail' }).labels.map((l) => l.name), ['gamma', 'Alphabet']);
    assert.deepEqual(selectLabels(labels, { filter: '', topN: 3, pick: 'spread' }).labels.map((l) => l.name), ['delta', 'alpha', 'Alphabet']);
    const sel = selectLabels(labels, { filter: 'a', topN: 2 });
    assert.equal(sel.matching, 5);
    assert.equal(selectionSummary(sel), '2 of 5 labels');
    assert.equal(selectionSummary(selectLabels(labels, { filter: 'alpha', topN: 1 })), '1 of 2 matching (5 labels in all)');
  });

  test('rare: fewer than 10 positives', () => {
    assert.ok(isRare({ support: 9 }));
    assert.ok(isRare({ support: 0 }));
    assert.ok(!isRare({ support: 10 }));
  });
});

describe('curve cache', () => {
  const curve = (label: string): LabelCurves => ({
    label,
    pr: { recall: [1, 0], precision: [0.5, 1], threshold: [0.1, null] },
    roc: { fpr: [0, 1], tpr: [0, 1], threshold: [null, 0.1] },
    f1Optimal: { threshold: 0.1, precision: 0.5, recall: 1, f1: 2 / 3 },
  });

  test('asks only for the missing labels, once, and answers in the order asked', async () => {
    const asked: string[][] = [];
    const cache = new CurveCache([curve('a')], async (labels) => {
      asked.push(labels);
      return labels.map(curve);
    });
    const [first, second] = await Promise.all([cache.ensure(['b', 'a', 'c']), cache.ensure(['c', 'b'])]);
    assert.deepEqual(asked, [['b', 'c']]);
    assert.deepEqual(first.map((c) => c.label), ['b', 'a', 'c']);
    assert.deepEqual(second.map((c) => c.label), ['c', 'b']);
    await cache.ensure(['a', 'b']);
    assert.equal(asked.length, 1);
  });

  test('a failed fetch rejects and can be retried; labels the host does not know are left out', async () => {
    let fail = true;
    const cache = new CurveCache([], async (labels) => {
      if (fail) throw new Error('host gone');
      return labels.filter((l) => l !== 'unknown').map(curve);
    });
    await assert.rejects(cache.ensure(['x']), /host gone/);
    fail = false;
    assert.deepEqual((await cache.ensure(['x', 'unknown'])).map((c) => c.label), ['x']);
  });
});

describe('tiles, rows and tuning summaries of a real report', () => {
  let report: EvaluationReport;
  before(async () => {
    report = await syntheticReport(30, 600, 11);
  });

  test('the summary tiles carry the report values, with P/R and the explanation on hover', () => {
    const view = evaluationViewOf(report);
    const tiles = summaryTiles(view.report);
    const byId = new Map(tiles.map((t) => [t.id, t]));
    assert.equal(byId.get('f1-macro')!.raw, report.averages.macro.f1);
    assert.equal(byId.get('f1-micro')!.value, report.averages.micro.f1!.toFixed(3));
    assert.match(tileHoverText(byId.get('f1-weighted')!), new RegExp(`Precision ${report.averages.weighted.precision!.toFixed(3)}, recall ${report.averages.weighted.recall!.toFixed(3)}`));
    assert.equal(byId.get('map-macro')!.raw, report.mAP.macro);
    assert.equal(byId.get('map-micro')!.raw, report.mAP.micro);
    assert.equal(byId.get('hamming')!.raw, report.hammingLoss);
    assert.equal(byId.get('subset-accuracy')!.raw, report.subsetAccuracy);
    assert.equal(byId.get('jaccard')!.raw, report.jaccard.samples);
    assert.equal(byId.get('lrap')!.raw, report.lrap);
    assert.equal(byId.get('coverage')!.raw, report.coverageError);
    assert.equal(byId.get('ranking-loss')!.raw, report.rankingLoss);
    assert.ok(tiles.every((t) => t.explanation.length > 20 && !t.explanation.includes('\n')));
    assert.deepEqual(tiles.filter((t) => t.lowerIsBetter).map((t) => t.id), ['hamming', 'coverage', 'ranking-loss']);
    // Tuned: the F1 tiles say what tuning reaches.
    assert.match(byId.get('f1-macro')!.detail, new RegExp(`tuned ${report.tuning!.after.averages.macro.f1!.toFixed(3)}`));
    assert.deepEqual(provenanceLines(view.report).map((l) => l.label), ['Scores', 'Rows joined', 'Thresholds']);
  });

  test('per-class rows: one per label with band, rare flag and the ROC-AUC note', () => {
    const rows = perClassRows(report);
    assert.equal(rows.length, report.labels);
    const bands = bandByLabel(report.bands);
    rows.forEach((row, i) => {
      const l = report.perLabel[i];
      assert.equal(row.label, l.name);
      assert.equal(row.f1, l.f1);
      assert.equal(row.support, l.support);
      assert.equal(row.band, bands.get(l.name));
      assert.equal(row.rare, l.support < 10 ? 1 : 0);
      assert.equal(row.tunedThreshold, report.tuning!.thresholds[i].threshold);
      if (l.rocAuc === null) assert.match(String(row.note), /ROC-AUC undefined/);
    });
    assert.ok(rows.some((r) => r.rocAuc === null), 'the fixture has labels without positives');
  });

  test('the tuning headline and the before/after rows', () => {
    const t = report.tuning!;
    assert.equal(macroHeadline(t), `Macro F1 ${t.macroF1Before!.toFixed(3)} → ${t.macroF1After!.toFixed(3)} (+${t.macroF1Change!.toFixed(3)})`);
    const rows = beforeAfterRows(report, t);
    const macro = rows.find((r) => r.metric === 'Macro F1')!;
    assert.equal(macro.before, t.macroF1Before);
    assert.equal(macro.after, t.macroF1After);
    assert.equal(rows.find((r) => r.metric === 'Hamming loss')!.after, t.after.hammingLoss);
    assert.equal(labelsImproved(t), t.thresholds.filter((x) => x.f1After! > x.f1Before!).length);
  });

  test('the view sent to the webview: no curves in the report, the first labels by support with it', () => {
    const view = evaluationViewOf(report, 5);
    assert.equal('curves' in view.report, false);
    assert.deepEqual(view.curves.map((c) => c.label), orderBySupport(report.perLabel).slice(0, 5).map((l) => l.name));
  });
});

describe('metric tint and persisted UI', () => {
  test('the tint mixes the theme heatmap colour into the cell, up to TINT_REACH percent, and skips missing values', () => {
    assert.equal(metricTint(1), `color-mix(in srgb, var(--vscode-charts-blue, #3794ff) ${TINT_REACH}%, transparent)`);
    assert.equal(metricTint(0), 'color-mix(in srgb, var(--vscode-charts-blue, #3794ff) 0%, transparent)');
    assert.match(metricTint(0.5)!, new RegExp(` ${Math.round(TINT_REACH / 2)}%`));
    assert.match(metricTint(7)!, new RegExp(` ${TINT_REACH}%`));
    assert.equal(metricTint(null), undefined);
    assert.equal(metricTint('x'), undefined);
    assert.ok(TINT_REACH < 50, 'a perfect score stays a tint, not the full heatmap colour');
  });

  test('stored values of the wrong type or out of range fall back to the default', () => {
    const stored: Record<string, unknown> = { n: 500, ok: 20, c: 'roc', bad: 'sideways', s: ['a', 'b'], t: 7, text: 'abc' };
    const ctx = { ui: <T>(key: string, fallback: T): T => (key in stored ? (stored[key] as T) : fallback) };
    assert.equal(uiInteger(ctx, 'n', 50, 1, 200), 50);
    assert.equal(uiInteger(ctx, 'ok', 50, 1, 200), 20);
    assert.equal(uiInteger(ctx, 'missing', 50, 1, 200), 50);
    assert.equal(uiChoice(ctx, 'c', ['pr', 'roc'], 'pr'), 'roc');
    assert.equal(uiChoice(ctx, 'bad', ['pr', 'roc'], 'pr'), 'pr');
    assert.deepEqual(uiStrings(ctx, 's', []), ['a', 'b']);
    assert.deepEqual(uiStrings(ctx, 't', ['x']), ['x']);
    assert.equal(uiText(ctx, 'text'), 'abc');
    assert.equal(uiText(ctx, 't', 'd'), 'd');
  });
});

describe('small-multiple layout', () => {
  test('grid columns fill the last row when a count from 4 to 7 can', () => {
    assert.equal(gridColumns(1), 1);
    assert.equal(gridColumns(4), 4);
    assert.equal(gridColumns(14), 7);
    assert.equal(gridColumns(24), 6);
    assert.equal(gridColumns(50), 5);
    assert.equal(gridColumns(13), 7);
  });
});

describe('report check', () => {
  test('a real view passes; missing or mistyped fields are named', async () => {
    const report = await syntheticReport(30, 600, 11);
    const view = evaluationViewOf(report);
    assert.deepEqual(evaluationProblems(view), []);
    assert.doesNotThrow(() => assertDrawableEvaluation(view));
    const broken = { ...view, report: { ...view.report, lrap: 'high', sweep: { threshold: [0, 1], macroF1: [0.5], microF1: [0.5, 0.4] }, perLabel: [...view.report.perLabel.slice(0, 2), { name: 'x' }] } } as never;
    assert.deepEqual(evaluationProblems(broken), ['lrap', 'sweep', 'perLabel[2]']);
    assert.throws(() => assertDrawableEvaluation(broken), /lacks or mistypes lrap, sweep, perLabel\[2\] \(was it made by another version/);
  });
});
